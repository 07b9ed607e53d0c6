using RuleGen.Eql.Text;

namespace RuleGen.Eql.Syntax;

public enum TokenKind
{
    EndOfFile,
    Identifier,
    String,
    Number,

    // Keywords of Elasticsearch EQL. They are lower case; 'runs' and 'fork' are not keywords.
    And,
    Any,
    By,
    False,
    In,
    InInsensitive,
    Join,
    Like,
    LikeInsensitive,
    Maxspan,
    Not,
    Null,
    Of,
    Or,
    Regex,
    RegexInsensitive,
    Sample,
    Sequence,
    True,
    Until,
    Where,
    With,

    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,

    /// <summary><c>![</c>, which opens a missing-event term of a sequence.</summary>
    MissingOpenBracket,
    Comma,
    Dot,
    EqualsEquals,
    NotEquals,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Colon,

    /// <summary>A single <c>=</c>: only valid in <c>maxspan=</c> and <c>runs=</c>.</summary>
    Assign,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Pipe,

    /// <summary><c>?</c> before a field name marks the field optional.</summary>
    Question,
}

/// <summary>
/// A token of an EQL query. <see cref="Value"/> is the identifier's name (without backquotes) or the string's
/// value after escape processing; <see cref="IsCaseInsensitive"/> marks a function name written with a
/// trailing <c>~</c>, such as <c>startsWith~</c>.
/// </summary>
public sealed record Token(TokenKind Kind, TextSpan Span, string Text, string Value, bool IsCaseInsensitive = false)
{
    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.EndOfFile => "end of query",
        TokenKind.Identifier => "a field or name",
        TokenKind.String => "a string",
        TokenKind.Number => "a number",
        TokenKind.InInsensitive => "'in~'",
        TokenKind.LikeInsensitive => "'like~'",
        TokenKind.RegexInsensitive => "'regex~'",
        TokenKind.OpenParen => "'('",
        TokenKind.CloseParen => "')'",
        TokenKind.OpenBracket => "'['",
        TokenKind.CloseBracket => "']'",
        TokenKind.MissingOpenBracket => "'!['",
        TokenKind.Comma => "','",
        TokenKind.Dot => "'.'",
        TokenKind.EqualsEquals => "'=='",
        TokenKind.NotEquals => "'!='",
        TokenKind.Less => "'<'",
        TokenKind.LessOrEqual => "'<='",
        TokenKind.Greater => "'>'",
        TokenKind.GreaterOrEqual => "'>='",
        TokenKind.Colon => "':'",
        TokenKind.Assign => "'='",
        TokenKind.Plus => "'+'",
        TokenKind.Minus => "'-'",
        TokenKind.Star => "'*'",
        TokenKind.Slash => "'/'",
        TokenKind.Percent => "'%'",
        TokenKind.Pipe => "'|'",
        TokenKind.Question => "'?'",
        _ => "'" + kind.ToString().ToLowerInvariant() + "'",
    };

    /// <summary>Describes this token for an error message, quoting its text.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "the end of the query",
        TokenKind.String => "the string " + Shorten(Text),
        TokenKind.Number => "the number " + Text,
        TokenKind.Identifier when Lexer.IsKeyword(Text.ToLowerInvariant()) && Text != Text.ToLowerInvariant() =>
            $"'{Text}' (EQL keywords are lower case: write '{Text.ToLowerInvariant()}')",
        TokenKind.Identifier => "'" + Shorten(Text) + "'",
        _ => "'" + Text + "'",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
}

/// <summary>A comment in a rule file, kept because rule metadata is written in comments.</summary>
public sealed record Comment(TextSpan Span, string Text, bool IsLineComment);
