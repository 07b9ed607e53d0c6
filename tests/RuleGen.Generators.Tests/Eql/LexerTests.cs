using System.Collections.Generic;
using System.Linq;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Syntax;
using RuleGen.Eql.Text;

namespace RuleGen.Generators.Tests.Eql;

/// <summary>Tokens, string values and comments produced by the EQL lexer.</summary>
public sealed class LexerTests
{
    private static List<Token> Tokenize(string text, out List<EqlDiagnostic> diagnostics)
    {
        diagnostics = new List<EqlDiagnostic>();
        return new Lexer(text, diagnostics).Tokenize();
    }

    /// <summary>Tokenizes text that must lex without diagnostics, and drops the end-of-file token.</summary>
    private static List<Token> TokenizeClean(string text)
    {
        List<Token> tokens = Tokenize(text, out List<EqlDiagnostic> diagnostics);
        diagnostics.ShouldBeEmpty();
        tokens[tokens.Count - 1].Kind.ShouldBe(TokenKind.EndOfFile);
        return tokens.Take(tokens.Count - 1).ToList();
    }

    private static Token SingleToken(string text) => TokenizeClean(text).ShouldHaveSingleItem();

    [Fact]
    public void Lexer_SimpleEscapes()
    {
        Token token = SingleToken("\"\\t\\b\\f\\n\\r\\\"\\'\\\\\"");

        token.Kind.ShouldBe(TokenKind.String);
        token.Value.ShouldBe("\t\b\f\n\r\"'\\");
    }

    [Theory]
    [InlineData("\"\\u{200F}\"", "\u200F")]
    [InlineData("\"\\u{200f}\"", "\u200F")]
    [InlineData("\"\\u{0000200f}\"", "\u200F")]
    [InlineData("\"a\\u{41}b\"", "aAb")]
    [InlineData("\"\\u{1F600}\"", "\U0001F600")]
    public void Lexer_UnicodeEscape(string text, string expected)
    {
        SingleToken(text).Value.ShouldBe(expected);
    }

    [Fact]
    public void Lexer_RawStringKeepsBackslashes()
    {
        Token token = SingleToken("\"\"\"C:\\Windows\\*\\u{41}\"\"\"");

        token.Kind.ShouldBe(TokenKind.String);
        token.Value.ShouldBe("C:\\Windows\\*\\u{41}");
    }

    // Elasticsearch's grammar ends a raw string at a line break, so the first line's string is unterminated.
    [Fact]
    public void Lexer_RawStringEndsAtLineBreak()
    {
        var diagnostics = new List<EqlDiagnostic>();
        List<Token> tokens = new Lexer("\"\"\"first\r\nsecond\"\"\"", diagnostics).Tokenize();

        diagnostics.Select(diagnostic => diagnostic.Id).ShouldBe(new[] { "RG0002", "RG0002" });
        tokens[0].Kind.ShouldBe(TokenKind.String);
        tokens[0].Value.ShouldBe("first");
    }

    [Theory]
    [InlineData("\"\"\"say \"hi\" now\"\"\"", "say \"hi\" now")]
    [InlineData("\"\"\"say \"hi\"\"\"\"", "say \"hi\"")]
    [InlineData("\"\"\"a\"\"\"\"\"", "a\"\"")]
    [InlineData("\"\"\"\"\"\"", "")]
    public void Lexer_RawStringQuotes(string text, string expected)
    {
        Token token = SingleToken(text);

        token.Kind.ShouldBe(TokenKind.String);
        token.Value.ShouldBe(expected);
    }

    [Fact]
    public void Lexer_EmptyString()
    {
        List<Token> tokens = TokenizeClean("\"\", \"\"");

        tokens.Select(token => token.Kind).ShouldBe(new[] { TokenKind.String, TokenKind.Comma, TokenKind.String });
        tokens[0].Value.ShouldBe(string.Empty);
    }

    [Fact]
    public void Lexer_NestedBlockComment()
    {
        var diagnostics = new List<EqlDiagnostic>();
        var lexer = new Lexer("/* a /* b */ c */ process", diagnostics);

        List<Token> tokens = lexer.Tokenize();

        diagnostics.ShouldBeEmpty();
        tokens.Select(token => token.Kind).ShouldBe(new[] { TokenKind.Identifier, TokenKind.EndOfFile });
        Comment comment = lexer.Comments.ShouldHaveSingleItem();
        comment.Text.ShouldBe(" a /* b */ c ");
        comment.IsLineComment.ShouldBeFalse();
        comment.Span.ShouldBe(new TextSpan(0, 17));
    }

    [Fact]
    public void Lexer_LineCommentEndsAtCrlf()
    {
        var diagnostics = new List<EqlDiagnostic>();
        var lexer = new Lexer("// note\r\nany", diagnostics);

        List<Token> tokens = lexer.Tokenize();

        Comment comment = lexer.Comments.ShouldHaveSingleItem();
        comment.Text.ShouldBe(" note");
        comment.IsLineComment.ShouldBeTrue();
        tokens[0].Kind.ShouldBe(TokenKind.Any);
        tokens[0].Span.Start.ShouldBe(9);
    }

    [Fact]
    public void Lexer_BackquotedFieldDoubledBackquote()
    {
        Token token = SingleToken("`my``field`");

        token.Kind.ShouldBe(TokenKind.Identifier);
        token.Value.ShouldBe("my`field");
        token.Text.ShouldBe("`my``field`");
    }

    [Fact]
    public void Lexer_BackquotedFieldWithSpecialCharacters()
    {
        Token token = SingleToken("`my-field name`");

        token.Kind.ShouldBe(TokenKind.Identifier);
        token.Value.ShouldBe("my-field name");
    }

    [Theory]
    [InlineData("in~", TokenKind.InInsensitive, "in")]
    [InlineData("like~", TokenKind.LikeInsensitive, "like")]
    [InlineData("regex~", TokenKind.RegexInsensitive, "regex")]
    [InlineData("in", TokenKind.In, "in")]
    [InlineData("like", TokenKind.Like, "like")]
    [InlineData("regex", TokenKind.Regex, "regex")]
    public void Lexer_InsensitiveOperators(string text, TokenKind kind, string value)
    {
        Token token = SingleToken(text);

        token.Kind.ShouldBe(kind);
        token.Text.ShouldBe(text);
        token.Value.ShouldBe(value);
    }

    [Fact]
    public void Lexer_CaseInsensitiveFunctionName()
    {
        List<Token> tokens = TokenizeClean("startsWith~(");

        tokens.Count.ShouldBe(2);
        tokens[0].Kind.ShouldBe(TokenKind.Identifier);
        tokens[0].Text.ShouldBe("startsWith~");
        tokens[0].Value.ShouldBe("startsWith");
        tokens[0].IsCaseInsensitive.ShouldBeTrue();
        tokens[1].Kind.ShouldBe(TokenKind.OpenParen);
    }

    [Fact]
    public void Lexer_CaseSensitiveFunctionName()
    {
        Token token = TokenizeClean("startsWith(")[0];

        token.Value.ShouldBe("startsWith");
        token.IsCaseInsensitive.ShouldBeFalse();
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.5")]
    [InlineData(".5")]
    [InlineData("1e3")]
    [InlineData("1E+3")]
    [InlineData("2.5e-3")]
    [InlineData("4688")]
    public void Lexer_Number(string text)
    {
        Token token = SingleToken(text);

        token.Kind.ShouldBe(TokenKind.Number);
        token.Text.ShouldBe(text);
        token.Value.ShouldBe(text);
    }

    [Fact]
    public void Lexer_NumberThenUnit()
    {
        List<Token> tokens = TokenizeClean("5m");

        tokens.Select(token => token.Kind).ShouldBe(new[] { TokenKind.Number, TokenKind.Identifier });
        tokens[0].Text.ShouldBe("5");
        tokens[1].Text.ShouldBe("m");
    }

    [Fact]
    public void Lexer_TimestampIdentifier()
    {
        Token token = SingleToken("@timestamp");

        token.Kind.ShouldBe(TokenKind.Identifier);
        token.Value.ShouldBe("@timestamp");
    }

    [Fact]
    public void Lexer_KeywordsAreLowerCase()
    {
        List<Token> tokens = TokenizeClean("and AND Where");

        tokens.Select(token => token.Kind).ShouldBe(new[] { TokenKind.And, TokenKind.Identifier, TokenKind.Identifier });
    }

    [Fact]
    public void Lexer_RunsIsNotKeyword()
    {
        SingleToken("runs").Kind.ShouldBe(TokenKind.Identifier);
    }

    [Fact]
    public void Lexer_Punctuation()
    {
        List<Token> tokens = TokenizeClean("![ != == = <= < >= > : ? | , .");

        tokens.Select(token => token.Kind).ShouldBe(new[]
        {
            TokenKind.MissingOpenBracket, TokenKind.NotEquals, TokenKind.EqualsEquals, TokenKind.Assign,
            TokenKind.LessOrEqual, TokenKind.Less, TokenKind.GreaterOrEqual, TokenKind.Greater,
            TokenKind.Colon, TokenKind.Question, TokenKind.Pipe, TokenKind.Comma, TokenKind.Dot,
        });
    }

    [Fact]
    public void Lexer_CrlfTokenPositions()
    {
        const string text = "process where\r\n  process.name == \"a\"\r\n  and true";
        var lines = new LineMap(text);

        List<Token> tokens = TokenizeClean(text);

        Token name = tokens.First(token => token.Text == "process" && token.Span.Start > 0);
        lines.GetPosition(name.Span.Start).ShouldBe(new LinePosition(1, 2));
        Token and = tokens.Single(token => token.Kind == TokenKind.And);
        lines.GetPosition(and.Span.Start).ShouldBe(new LinePosition(2, 2));
    }

    [Fact]
    public void Lexer_StringEndsAtCarriageReturn()
    {
        List<Token> tokens = Tokenize("\"abc\r\ndef", out List<EqlDiagnostic> diagnostics);

        diagnostics.ShouldHaveSingleItem().Id.ShouldBe("RG0002");
        tokens[0].Value.ShouldBe("abc");
        tokens[1].Text.ShouldBe("def");
    }

    [Fact]
    public void Lexer_ByteOrderMarkSkipped()
    {
        SingleToken("\uFEFFprocess").Text.ShouldBe("process");
    }

    [Fact]
    public void Lexer_InvalidEscapeKeepsText()
    {
        List<Token> tokens = Tokenize("\"C:\\Windows\"", out List<EqlDiagnostic> diagnostics);

        diagnostics.ShouldHaveSingleItem().Id.ShouldBe("RG0003");
        tokens[0].Value.ShouldBe("C:\\Windows");
    }
}
