namespace RuleGen.Eql.Binding;

/// <summary>How a string pattern is tested; the emitter picks the cheapest test for each kind.</summary>
public enum PatternKind
{
    /// <summary>The whole value equals <see cref="StringPattern.Text"/>.</summary>
    Exact,

    /// <summary><c>abc*</c>: the value starts with the text.</summary>
    Prefix,

    /// <summary><c>*abc</c>: the value ends with the text.</summary>
    Suffix,

    /// <summary><c>*abc*</c>: the value contains the text.</summary>
    Contains,

    /// <summary><c>*</c>: any value that is present.</summary>
    AnyValue,

    /// <summary>Any other pattern with <c>*</c> or <c>?</c>, matched by the runtime's wildcard matcher.</summary>
    Wildcard,
}

/// <summary>
/// One value of a string predicate. <see cref="Text"/> is the literal to test for (without the stars of a
/// prefix, suffix or contains pattern), or the whole pattern for <see cref="PatternKind.Wildcard"/>.
/// <see cref="Source"/> is the value as the rule wrote it, for comments in generated code.
/// </summary>
public sealed record StringPattern(PatternKind Kind, string Text, string Source)
{
    public static StringPattern Exact(string value) => new(PatternKind.Exact, value, value);

    /// <summary>
    /// Classifies a wildcard pattern of <c>:</c> or <c>like</c>. In Elasticsearch EQL <c>*</c> matches any run of
    /// characters and <c>?</c> exactly one; there is no escape, so a backslash is a literal character.
    /// </summary>
    public static StringPattern FromWildcard(string pattern)
    {
        if (pattern.IndexOf('?') >= 0)
        {
            return new StringPattern(PatternKind.Wildcard, pattern, pattern);
        }

        int stars = 0;
        foreach (char c in pattern)
        {
            if (c == '*')
            {
                stars++;
            }
        }

        if (stars == 0)
        {
            return new StringPattern(PatternKind.Exact, pattern, pattern);
        }

        if (stars == pattern.Length)
        {
            return new StringPattern(PatternKind.AnyValue, string.Empty, pattern);
        }

        bool leading = pattern[0] == '*';
        bool trailing = pattern[pattern.Length - 1] == '*';
        int inner = stars - (leading ? 1 : 0) - (trailing ? 1 : 0);
        if (inner == 0 && !(leading && trailing && pattern.Length == 1))
        {
            string text = pattern.Substring(leading ? 1 : 0, pattern.Length - (leading ? 1 : 0) - (trailing ? 1 : 0));
            PatternKind kind = PatternKind.Prefix;
            if (leading && trailing)
            {
                kind = PatternKind.Contains;
            }
            else if (leading)
            {
                kind = PatternKind.Suffix;
            }

            return new StringPattern(kind, text, pattern);
        }

        return new StringPattern(PatternKind.Wildcard, pattern, pattern);
    }
}
