using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RuleGen.Eql.Binding;

/// <summary>
/// Translates a regular expression in Lucene's dialect, which Elasticsearch's <c>regex</c> operator uses, into
/// a .NET pattern that matches the same whole values. Lucene patterns are anchored at both ends, <c>.</c> matches
/// any character including a line break, <c>"..."</c> quotes a literal string, and a backslash makes the next
/// character literal, except for the classes <c>\d \D \s \S \w \W</c>, which Lucene 9 (Elasticsearch 8) defines
/// as Java does. A quantifier may follow a quantifier, as in <c>.*?</c>, which Lucene reads as <c>(.*)?</c>.
/// The translation emits no construct that needs backtracking, so the result can run with
/// <c>RegexOptions.NonBacktracking</c>.
/// </summary>
public static class LuceneRegex
{
    /// <summary>
    /// The RegexOptions.NonBacktracking flag, which netstandard2.0 does not name. Generated detectors run every
    /// regex with it, so the binder checks patterns with it too.
    /// </summary>
    public const System.Text.RegularExpressions.RegexOptions NonBacktracking = (System.Text.RegularExpressions.RegexOptions)1024;

    /// <summary>Joins translated patterns into the one anchored .NET pattern that a detector runs.</summary>
    public static string Combine(IEnumerable<string> translatedPatterns)
    {
        var alternatives = new List<string>();
        foreach (string pattern in translatedPatterns)
        {
            alternatives.Add("(?:" + pattern + ")");
        }

        return @"\A(?:" + string.Join("|", alternatives) + @")\z";
    }

    /// <summary>
    /// Translates <paramref name="pattern"/> into an unanchored .NET pattern; the caller anchors it with
    /// <c>\A(?:...)\z</c>. Returns null and sets <paramref name="error"/> (with the 0-based position in the
    /// pattern) when the pattern is invalid or uses a Lucene feature RuleGen does not translate.
    /// </summary>
    public static string? Translate(string pattern, out string? error, out int errorPosition)
    {
        var translator = new Translator(pattern);
        string? result = translator.Run();
        error = translator.Error;
        errorPosition = translator.ErrorPosition;
        return result;
    }

    private sealed class Translator
    {
        private readonly string pattern;
        private readonly StringBuilder output = new();
        private readonly Stack<int> groupStarts = new();
        private int position;

        // Where the last complete atom (character, class, group or quoted string) starts in the output, or -1
        // when a quantifier here would have nothing to repeat.
        private int lastAtomStart = -1;

        // True when the last atom already carries a quantifier.
        private bool lastAtomQuantified;

        public Translator(string pattern)
        {
            this.pattern = pattern;
        }

        public string? Error { get; private set; }

        public int ErrorPosition { get; private set; }

        public string? Run()
        {
            while (position < pattern.Length && Error is null)
            {
                Step();
            }

            if (Error is null && groupStarts.Count > 0)
            {
                Fail("a group '(' is not closed: add ')'", pattern.Length);
            }

            return Error is null ? output.ToString() : null;
        }

        private void Fail(string message, int at)
        {
            if (Error is null)
            {
                Error = message;
                ErrorPosition = at;
            }
        }

        private void StartAtom()
        {
            lastAtomStart = output.Length;
            lastAtomQuantified = false;
        }

        private void Step()
        {
            char c = pattern[position];
            switch (c)
            {
                case '.':
                    StartAtom();
                    output.Append(@"[\s\S]");
                    position++;
                    return;
                case '*':
                case '+':
                case '?':
                    if (!PrepareRepeat())
                    {
                        Fail($"'{c}' has nothing to repeat", position);
                        return;
                    }

                    output.Append(c);
                    position++;
                    return;
                case '{':
                    ReadInterval();
                    return;
                case '|':
                    output.Append('|');
                    lastAtomStart = -1;
                    position++;
                    return;
                case '(':
                    groupStarts.Push(output.Length);
                    output.Append("(?:");
                    lastAtomStart = -1;
                    position++;
                    return;
                case ')':
                    if (groupStarts.Count == 0)
                    {
                        Fail("')' has no matching '('", position);
                        return;
                    }

                    output.Append(')');
                    lastAtomStart = groupStarts.Pop();
                    lastAtomQuantified = false;
                    position++;
                    return;
                case '[':
                    ReadClass();
                    return;
                case '"':
                    ReadQuoted();
                    return;
                case '\\':
                    ReadEscape();
                    return;
                case '&':
                case '~':
                case '#':
                case '@':
                case '<':
                case '>':
                    Fail($"the Lucene operator '{c}' is not translated by RuleGen; write \\{c} for the literal character", position);
                    return;
                case ']':
                case '}':
                    Fail($"'{c}' has no matching opening bracket; write \\{c} for the literal character", position);
                    return;
                default:
                    StartAtom();
                    AppendLiteral(c);
                    position++;
                    return;
            }
        }

        // A quantifier must follow an atom. After another quantifier the quantified atom is wrapped in a group
        // first, because .NET rejects 'a**' and reads 'a*?' as lazy, while Lucene means '(a*)*' and '(a*)?'.
        private bool PrepareRepeat()
        {
            if (lastAtomStart < 0)
            {
                return false;
            }

            if (lastAtomQuantified)
            {
                output.Insert(lastAtomStart, "(?:");
                output.Append(')');
            }

            lastAtomQuantified = true;
            return true;
        }

        private void ReadInterval()
        {
            int start = position;
            int close = pattern.IndexOf('}', position);
            if (close < 0)
            {
                Fail("'{' starts a repetition but has no closing '}'", start);
                return;
            }

            string body = pattern.Substring(position + 1, close - position - 1);
            string[] parts = body.Split(',');
            bool valid = parts.Length <= 2 && parts[0].Length > 0;
            foreach (string part in parts)
            {
                valid &= part.Length == 0 || int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _);
            }

            if (valid && parts.Length == 2 && parts[1].Length > 0 && int.Parse(parts[1], CultureInfo.InvariantCulture) < int.Parse(parts[0], CultureInfo.InvariantCulture))
            {
                valid = false;
            }

            if (!valid)
            {
                Fail($"'{{{body}}}' is not a repetition; write {{n}}, {{n,}} or {{n,m}}", start);
                return;
            }

            if (!PrepareRepeat())
            {
                Fail($"'{{{body}}}' has nothing to repeat", start);
                return;
            }

            output.Append('{').Append(body).Append('}');
            position = close + 1;
        }

        private void ReadQuoted()
        {
            int start = position;
            int close = pattern.IndexOf('"', position + 1);
            if (close < 0)
            {
                Fail("the quoted string '\"' is not closed", start);
                return;
            }

            StartAtom();
            output.Append("(?:");
            foreach (char c in pattern.Substring(position + 1, close - position - 1))
            {
                AppendLiteral(c);
            }

            output.Append(')');
            position = close + 1;
        }

        private void ReadEscape()
        {
            if (position + 1 >= pattern.Length)
            {
                Fail("the pattern ends with a lone '\\'; write \\\\ for a backslash", position);
                return;
            }

            char next = pattern[position + 1];
            StartAtom();
            string? shorthand = Shorthand(next, insideClass: false);
            if (shorthand is not null)
            {
                output.Append(shorthand);
            }
            else
            {
                AppendLiteral(next);
            }

            position += 2;
        }

        // Lucene 9 defines these classes as Java's Pattern does: \d is [0-9], \s is [ \t\n\x0B\f\r], \w is
        // [a-zA-Z_0-9], and the capitals are their complements.
        private static string? Shorthand(char letter, bool insideClass) => letter switch
        {
            'd' => insideClass ? "0-9" : "[0-9]",
            's' => insideClass ? @" \t\n\u000B\f\r" : @"[ \t\n\u000B\f\r]",
            'w' => insideClass ? "a-zA-Z_0-9" : "[a-zA-Z_0-9]",
            'D' => insideClass ? null : "[^0-9]",
            'S' => insideClass ? null : @"[^ \t\n\u000B\f\r]",
            'W' => insideClass ? null : "[^a-zA-Z_0-9]",
            _ => null,
        };

        private void ReadClass()
        {
            int start = position;
            StartAtom();
            position++;
            var members = new StringBuilder();
            bool negated = false;
            if (position < pattern.Length && pattern[position] == '^')
            {
                negated = true;
                position++;
            }

            bool first = true;
            while (true)
            {
                if (position >= pattern.Length)
                {
                    Fail("the character class '[' is not closed: add ']'", start);
                    return;
                }

                char c = pattern[position];
                if (c == ']' && !first)
                {
                    position++;
                    break;
                }

                first = false;
                if (c == '\\' && position + 1 < pattern.Length && "dDsSwW".IndexOf(pattern[position + 1]) >= 0)
                {
                    string? shorthand = Shorthand(pattern[position + 1], insideClass: true);
                    if (shorthand is null)
                    {
                        Fail($"'\\{pattern[position + 1]}' inside a character class is not translated by RuleGen; list the characters instead", position);
                        return;
                    }

                    members.Append(shorthand);
                    position += 2;
                    continue;
                }

                char low = ReadClassCharacter();
                if (Error is not null)
                {
                    return;
                }

                if (position + 1 < pattern.Length && pattern[position] == '-' && pattern[position + 1] != ']')
                {
                    position++;
                    char high = ReadClassCharacter();
                    if (Error is not null)
                    {
                        return;
                    }

                    if (high < low)
                    {
                        Fail($"the range '{low}-{high}' is reversed", start);
                        return;
                    }

                    members.Append(ClassLiteral(low)).Append('-').Append(ClassLiteral(high));
                }
                else
                {
                    members.Append(ClassLiteral(low));
                }
            }

            output.Append('[').Append(negated ? "^" : string.Empty).Append(members).Append(']');
        }

        private char ReadClassCharacter()
        {
            char c = pattern[position];
            if (c == '\\')
            {
                if (position + 1 >= pattern.Length)
                {
                    Fail("the character class ends with a lone '\\'", position);
                    return c;
                }

                position += 2;
                return pattern[position - 1];
            }

            position++;
            return c;
        }

        private static string ClassLiteral(char c) => c switch
        {
            '\\' or ']' or '[' or '^' or '-' => "\\" + c,
            _ => c >= 128 || char.IsControl(c) || char.IsWhiteSpace(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString(),
        };

        private void AppendLiteral(char c)
        {
            if (c < 128 && (char.IsLetterOrDigit(c) || c == '_'))
            {
                output.Append(c);
            }
            else if (c >= 128 || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                output.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                output.Append('\\').Append(c);
            }
        }
    }
}
