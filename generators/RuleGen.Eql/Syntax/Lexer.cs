using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Text;

namespace RuleGen.Eql.Syntax;

/// <summary>
/// Splits an EQL query into tokens, following the lexical rules of Elasticsearch EQL 8.x: double-quoted
/// strings with escapes, <c>"""raw"""</c> strings, <c>//</c> and nesting <c>/* */</c> comments, identifiers
/// <c>[A-Za-z_@][A-Za-z0-9_]*</c> and backquoted names. The lexer never stops at an error: it reports a
/// diagnostic and goes on, so one pass finds every lexical problem.
/// </summary>
public sealed class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new()
    {
        ["and"] = TokenKind.And,
        ["any"] = TokenKind.Any,
        ["by"] = TokenKind.By,
        ["false"] = TokenKind.False,
        ["in"] = TokenKind.In,
        ["join"] = TokenKind.Join,
        ["like"] = TokenKind.Like,
        ["maxspan"] = TokenKind.Maxspan,
        ["not"] = TokenKind.Not,
        ["null"] = TokenKind.Null,
        ["of"] = TokenKind.Of,
        ["or"] = TokenKind.Or,
        ["regex"] = TokenKind.Regex,
        ["sample"] = TokenKind.Sample,
        ["sequence"] = TokenKind.Sequence,
        ["true"] = TokenKind.True,
        ["until"] = TokenKind.Until,
        ["where"] = TokenKind.Where,
        ["with"] = TokenKind.With,
    };

    private readonly string text;
    private readonly List<EqlDiagnostic> diagnostics;
    private readonly List<Comment> comments = new();
    private int position;

    public Lexer(string text, List<EqlDiagnostic> diagnostics)
    {
        this.text = text;
        this.diagnostics = diagnostics;
    }

    public IReadOnlyList<Comment> Comments => comments;

    /// <summary>Returns true when <paramref name="name"/> is an EQL keyword; keywords are lower case.</summary>
    public static bool IsKeyword(string name) => Keywords.ContainsKey(name);

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            Token token = Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.EndOfFile)
            {
                return tokens;
            }
        }
    }

    private char Current => position < text.Length ? text[position] : '\0';

    private char Peek(int offset) => position + offset < text.Length ? text[position + offset] : '\0';

    private Token Next()
    {
        while (true)
        {
            SkipWhitespaceAndComments();
            if (position >= text.Length)
            {
                return new Token(TokenKind.EndOfFile, new TextSpan(text.Length, 0), string.Empty, string.Empty);
            }

            int start = position;
            char c = Current;
            if (IsIdentifierStart(c))
            {
                return ReadIdentifier();
            }

            if (IsDigit(c) || (c == '.' && IsDigit(Peek(1))))
            {
                return ReadNumber();
            }

            switch (c)
            {
                case '"':
                    return ReadString();
                case '\'':
                    return ReadSingleQuotedString();
                case '`':
                    return ReadBackquotedIdentifier();
                case '(':
                    return Punctuation(TokenKind.OpenParen, 1);
                case ')':
                    return Punctuation(TokenKind.CloseParen, 1);
                case '[':
                    return Punctuation(TokenKind.OpenBracket, 1);
                case ']':
                    return Punctuation(TokenKind.CloseBracket, 1);
                case ',':
                    return Punctuation(TokenKind.Comma, 1);
                case '.':
                    return Punctuation(TokenKind.Dot, 1);
                case ':':
                    return Punctuation(TokenKind.Colon, 1);
                case '+':
                    return Punctuation(TokenKind.Plus, 1);
                case '-':
                    return Punctuation(TokenKind.Minus, 1);
                case '*':
                    return Punctuation(TokenKind.Star, 1);
                case '/':
                    return Punctuation(TokenKind.Slash, 1);
                case '%':
                    return Punctuation(TokenKind.Percent, 1);
                case '|':
                    return Peek(1) == '|' ? ReadForeignOperator(start)! : Punctuation(TokenKind.Pipe, 1);
                case '?':
                    return Punctuation(TokenKind.Question, 1);
                case '=':
                    return Peek(1) == '=' ? Punctuation(TokenKind.EqualsEquals, 2) : Punctuation(TokenKind.Assign, 1);
                case '<':
                    return Peek(1) == '=' ? Punctuation(TokenKind.LessOrEqual, 2) : Punctuation(TokenKind.Less, 1);
                case '>':
                    return Peek(1) == '=' ? Punctuation(TokenKind.GreaterOrEqual, 2) : Punctuation(TokenKind.Greater, 1);
                case '!':
                    if (Peek(1) == '=')
                    {
                        return Punctuation(TokenKind.NotEquals, 2);
                    }

                    if (Peek(1) == '[')
                    {
                        return Punctuation(TokenKind.MissingOpenBracket, 2);
                    }

                    break;
            }

            // Operators from C-like languages: report them once, then read them as the EQL keyword so that
            // parsing goes on without a second error for the same mistake.
            Token? substitute = ReadForeignOperator(start);
            if (substitute is not null)
            {
                return substitute;
            }

            string hint = c switch
            {
                '&' => ": write 'and' to combine conditions",
                '~' => ": '~' follows a keyword or function name directly, as in 'in~' or 'startsWith~('",
                _ => string.Empty,
            };
            string printable = char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();
            diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.UnexpectedCharacter, new TextSpan(start, 1), printable, hint));
            position++;
        }
    }

    private Token? ReadForeignOperator(int start)
    {
        (string text, TokenKind kind, string keyword) = (Current, Peek(1)) switch
        {
            ('&', '&') => ("&&", TokenKind.And, "and"),
            ('|', '|') => ("||", TokenKind.Or, "or"),
            ('!', _) => ("!", TokenKind.Not, "not"),
            _ => (string.Empty, TokenKind.EndOfFile, string.Empty),
        };
        if (text.Length == 0)
        {
            return null;
        }

        string hint = $": write '{keyword}'" + (text == "!" ? ", or '!=' to compare" : string.Empty);
        diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.UnexpectedCharacter, new TextSpan(start, text.Length), text, hint));
        position += text.Length;
        return new Token(kind, new TextSpan(start, text.Length), text, keyword);
    }

    private Token Punctuation(TokenKind kind, int length)
    {
        var token = new Token(kind, new TextSpan(position, length), text.Substring(position, length), string.Empty);
        position += length;
        return token;
    }

    private static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '@';

    private static bool IsIdentifierPart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');

    // EQL numbers use ASCII digits only. char.IsDigit also accepts the digits of other scripts, which invariant-culture parsing rejects.
    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private void SkipWhitespaceAndComments()
    {
        while (position < text.Length)
        {
            char c = Current;
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                int start = position;
                while (position < text.Length && Current != '\n' && Current != '\r')
                {
                    position++;
                }

                comments.Add(new Comment(TextSpan.FromBounds(start, position), text.Substring(start + 2, position - start - 2), true));
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    // Elasticsearch's grammar lets block comments nest, so '/* a /* b */ c */' is one comment.
    private void SkipBlockComment()
    {
        int start = position;
        int depth = 0;
        while (position < text.Length)
        {
            if (Current == '/' && Peek(1) == '*')
            {
                depth++;
                position += 2;
            }
            else if (Current == '*' && Peek(1) == '/')
            {
                depth--;
                position += 2;
                if (depth == 0)
                {
                    comments.Add(new Comment(TextSpan.FromBounds(start, position), text.Substring(start + 2, position - start - 4), false));
                    return;
                }
            }
            else
            {
                position++;
            }
        }

        diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.UnterminatedComment, new TextSpan(start, 2)));
    }

    private Token ReadIdentifier()
    {
        int start = position;
        position++;
        while (IsIdentifierPart(Current))
        {
            position++;
        }

        string name = text.Substring(start, position - start);
        bool tilde = Current == '~';
        if (Keywords.TryGetValue(name, out TokenKind keyword))
        {
            if (tilde)
            {
                TokenKind insensitive = keyword switch
                {
                    TokenKind.In => TokenKind.InInsensitive,
                    TokenKind.Like => TokenKind.LikeInsensitive,
                    TokenKind.Regex => TokenKind.RegexInsensitive,
                    _ => keyword,
                };
                if (insensitive != keyword)
                {
                    position++;
                    return new Token(insensitive, TextSpan.FromBounds(start, position), name + "~", name);
                }
            }

            return new Token(keyword, TextSpan.FromBounds(start, position), name, name);
        }

        // A '~' right after a name marks a case-insensitive function such as 'startsWith~(...)'; as in
        // Elasticsearch's grammar, white space may come between the '~' and the parenthesis.
        if (tilde)
        {
            position++;
            return new Token(TokenKind.Identifier, TextSpan.FromBounds(start, position), name + "~", name, IsCaseInsensitive: true);
        }

        return new Token(TokenKind.Identifier, TextSpan.FromBounds(start, position), name, name);
    }

    private Token ReadBackquotedIdentifier()
    {
        int start = position;
        position++;
        var value = new StringBuilder();
        while (true)
        {
            if (position >= text.Length || Current == '\n' || Current == '\r')
            {
                diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.UnterminatedString, new TextSpan(start, 1), "backquote", "line"));
                break;
            }

            if (Current == '`')
            {
                // A doubled backquote stands for one backquote inside the name.
                if (Peek(1) == '`')
                {
                    value.Append('`');
                    position += 2;
                    continue;
                }

                position++;
                break;
            }

            value.Append(Current);
            position++;
        }

        return new Token(TokenKind.Identifier, TextSpan.FromBounds(start, position), text.Substring(start, position - start), value.ToString());
    }

    private Token ReadNumber()
    {
        int start = position;
        while (IsDigit(Current))
        {
            position++;
        }

        if (Current == '.' && !IsIdentifierStart(Peek(1)))
        {
            position++;
            while (IsDigit(Current))
            {
                position++;
            }
        }

        if ((Current == 'e' || Current == 'E')
            && (IsDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && IsDigit(Peek(2)))))
        {
            position += 2;
            while (IsDigit(Current))
            {
                position++;
            }
        }

        string number = text.Substring(start, position - start);
        return new Token(TokenKind.Number, TextSpan.FromBounds(start, position), number, number);
    }

    private Token ReadString()
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            return ReadRawString();
        }

        int start = position;
        position++;
        var value = new StringBuilder();
        while (true)
        {
            if (position >= text.Length || Current == '\n' || Current == '\r')
            {
                diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.UnterminatedString, new TextSpan(start, 1), "'\"'", "line"));
                break;
            }

            char c = Current;
            if (c == '"')
            {
                position++;
                break;
            }

            if (c == '\\')
            {
                ReadEscape(value);
                continue;
            }

            value.Append(c);
            position++;
        }

        return new Token(TokenKind.String, TextSpan.FromBounds(start, position), text.Substring(start, position - start), value.ToString());
    }

    // Escapes of Elasticsearch EQL strings: \t \b \f \n \r \" \' \\ and \u{X..} with 2 to 8 hex digits.
    private void ReadEscape(StringBuilder value)
    {
        int start = position;
        char next = Peek(1);
        switch (next)
        {
            case 't': value.Append('\t'); position += 2; return;
            case 'b': value.Append('\b'); position += 2; return;
            case 'f': value.Append('\f'); position += 2; return;
            case 'n': value.Append('\n'); position += 2; return;
            case 'r': value.Append('\r'); position += 2; return;
            case '"': value.Append('"'); position += 2; return;
            case '\'': value.Append('\''); position += 2; return;
            case '\\': value.Append('\\'); position += 2; return;
            case 'u':
                ReadUnicodeEscape(value);
                return;
        }

        if (next == '\0' || next == '\n' || next == '\r')
        {
            // The unterminated string is reported by the caller.
            position++;
            return;
        }

        diagnostics.Add(EqlDiagnostic.Create(
            DiagnosticDescriptors.InvalidEscape,
            new TextSpan(start, 2),
            "\\" + next,
            "EQL strings accept only \\t \\b \\f \\n \\r \\\" \\' \\\\ and \\u{...}; write '\\\\' for a backslash (as in \"C:\\\\Windows\\\\*\") or use a raw string \"\"\"...\"\"\""));
        value.Append('\\').Append(next);
        position += 2;
    }

    private void ReadUnicodeEscape(StringBuilder value)
    {
        int start = position;
        position += 2;
        if (Current != '{')
        {
            diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.InvalidEscape, new TextSpan(start, 2), "\\u", "write the code point in braces, as in \\u{200F}"));
            return;
        }

        position++;
        int digitsStart = position;
        while (Uri.IsHexDigit(Current))
        {
            position++;
        }

        string digits = text.Substring(digitsStart, position - digitsStart);
        bool closed = Current == '}';
        if (closed)
        {
            position++;
        }

        var span = TextSpan.FromBounds(start, position);
        if (!closed || digits.Length < 2 || digits.Length > 8)
        {
            diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.InvalidEscape, span, text.Substring(start, position - start), "a \\u{...} escape takes 2 to 8 hex digits and a closing '}'"));
            return;
        }

        long codePoint = long.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.InvalidEscape, span, text.Substring(start, position - start), "the code point is a surrogate or beyond U+10FFFF"));
            return;
        }

        value.Append(char.ConvertFromUtf32((int)codePoint));
    }

    // A raw string """...""" takes its content verbatim and cannot contain """.
    private Token ReadRawString()
    {
        int start = position;
        position += 3;
        int contentStart = position;

        // As in Elasticsearch's grammar, a raw string ends on its own line.
        int lineEnd = contentStart;
        while (lineEnd < text.Length && text[lineEnd] != '\n' && text[lineEnd] != '\r')
        {
            lineEnd++;
        }

        int close = text.IndexOf("\"\"\"", contentStart, lineEnd - contentStart, System.StringComparison.Ordinal);
        if (close < 0)
        {
            diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.UnterminatedString, new TextSpan(start, 3), "'\"\"\"'", "line (a raw string cannot span lines)"));
            position = lineEnd;
            return new Token(TokenKind.String, TextSpan.FromBounds(start, position), text.Substring(start, position - start), text.Substring(contentStart, lineEnd - contentStart));
        }

        // Up to two quotes right before the closing """ belong to the content: """say "hi"""" is 'say "hi"'.
        int extraQuotes = 0;
        while (extraQuotes < 2 && close + 3 + extraQuotes < lineEnd && text[close + 3 + extraQuotes] == '"')
        {
            extraQuotes++;
        }

        close += extraQuotes;
        position = close + 3;
        return new Token(TokenKind.String, TextSpan.FromBounds(start, position), text.Substring(start, position - start), text.Substring(contentStart, close - contentStart));
    }

    // Single quotes are an error in Elasticsearch EQL; the string is still read so that parsing goes on.
    private Token ReadSingleQuotedString()
    {
        int start = position;
        position++;
        var value = new StringBuilder();
        while (position < text.Length && Current != '\'' && Current != '\n' && Current != '\r')
        {
            value.Append(Current);
            position++;
        }

        if (Current == '\'')
        {
            position++;
        }

        diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.SingleQuotedString, TextSpan.FromBounds(start, position), value.ToString()));
        return new Token(TokenKind.String, TextSpan.FromBounds(start, position), text.Substring(start, position - start), value.ToString());
    }
}
