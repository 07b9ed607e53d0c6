using System.Collections.Generic;
using System.Linq;
using RuleGen.Eql;
using RuleGen.Eql.Diagnostics;
using static RuleGen.Generators.Tests.Eql.EqlTestHelpers;

namespace RuleGen.Generators.Tests.Eql;

/// <summary>The syntax diagnostics RG0001 to RG0011: id, 1-based line and column, and the message.</summary>
public sealed class SyntaxDiagnosticTests
{
    private const string TwoTerms = "[process where true] [process where true]";

    [Fact]
    public void Lexer_DoubleAmpersand()
    {
        const string text = "process where process.name == \"a\" && process.pid == 1";

        RuleCompilation compilation = Compile(text);

        // '&&' is reported once and then read as 'and', so no parse error follows it.
        EqlDiagnostic unexpected = compilation.Diagnostics.Single();
        unexpected.Id.ShouldBe("RG0001");
        Position(text, unexpected).ShouldBe((1, 35));
        unexpected.Span.Length.ShouldBe(2);
        unexpected.Message.ShouldBe("Unexpected character '&&': write 'and'");
        unexpected.Severity.ShouldBe(EqlSeverity.Error);
        compilation.Model.ShouldBeNull();
    }

    [Fact]
    public void Lexer_DoubleBar()
    {
        const string text = "process where process.name == \"a\" || process.pid == 1";

        EqlDiagnostic unexpected = Compile(text).Diagnostics.Single();

        unexpected.Message.ShouldBe("Unexpected character '||': write 'or'");
        Position(text, unexpected).ShouldBe((1, 35));
    }

    [Fact]
    public void Parser_UpperCaseKeywordHint()
    {
        ShouldReport("process where process.name IN (\"a\")", "RG0004", 1, 28, "'IN' (EQL keywords are lower case: write 'in')");
    }

    // An error at the end of the input points just after the last token, not at the blank line below it.
    [Fact]
    public void Parser_TrailingAndAtLastToken()
    {
        ShouldReport("process where process.name == \"a\" and\n\n", "RG0004", 1, 38, "found the end of the query");
    }

    [Fact]
    public void Lexer_SingleAmpersand()
    {
        ShouldReport("process where process.name == \"a\" & process.pid == 1", "RG0001", 1, 35, "write 'and' to combine conditions");
    }

    [Fact]
    public void Lexer_ExclamationWithoutEquals()
    {
        const string text = "process where !process.name == \"a\"";

        EqlDiagnostic unexpected = Compile(text).Diagnostics.Single();

        unexpected.Message.ShouldBe("Unexpected character '!': write 'not', or '!=' to compare");
        Position(text, unexpected).ShouldBe((1, 15));
    }

    [Fact]
    public void Lexer_LoneTilde()
    {
        ShouldReport("process where process.name ~ \"a\"", "RG0001", 1, 28, "'~' follows a keyword or function name directly");
    }

    [Fact]
    public void Lexer_NonAsciiDigit()
    {
        // U+0663 is ARABIC-INDIC DIGIT THREE: EQL numbers are ASCII, so it is not a number.
        ShouldReport("process where process.pid == \u0663", "RG0001", 1, 30, "Unexpected character '\u0663'");
    }

    [Fact]
    public void Lexer_UnterminatedString()
    {
        const string text = "process where process.name == \"abc\n  and process.pid == 1";

        EqlDiagnostic diagnostic = ShouldReport(text, "RG0002", 1, 31, "add the closing '\"' before the end of the line");

        diagnostic.Span.Length.ShouldBe(1);
        Compile(text).Diagnostics.Count.ShouldBe(1);
    }

    [Fact]
    public void Lexer_UnterminatedRawString()
    {
        const string text = "process where process.name == \"\"\"abc\nand process.pid == 1";

        EqlDiagnostic diagnostic = ShouldReport(text, "RG0002", 1, 31, "add the closing '\"\"\"' before the end of the line (a raw string cannot span lines)");

        diagnostic.Span.Length.ShouldBe(3);
    }

    [Fact]
    public void Lexer_UnterminatedBackquote()
    {
        ShouldReport("process where `process.name == \"a\"\n", "RG0002", 1, 15, "add the closing backquote before the end of the line");
    }

    [Fact]
    public void Lexer_InvalidEscapeBackslashW()
    {
        EqlDiagnostic diagnostic = ShouldReport("process where process.executable == \"C:\\Windows\"", "RG0003", 1, 40, "Invalid escape sequence '\\W'");

        diagnostic.Span.Length.ShouldBe(2);
        diagnostic.Message.ShouldContain("write '\\\\' for a backslash");
    }

    [Fact]
    public void Lexer_InvalidEscapeBackslashC()
    {
        // Every invalid escape in a string is reported, not only the first.
        const string text = "process where process.executable == \"C:\\Windows\\cmd.exe\"";

        RuleCompilation compilation = Compile(text);

        List<EqlDiagnostic> escapes = compilation.Diagnostics.Where(diagnostic => diagnostic.Id == "RG0003").ToList();
        escapes.Count.ShouldBe(2, Describe(compilation));
        Position(text, escapes[1]).ShouldBe((1, 48));
        escapes[1].Message.ShouldContain("'\\c'");
    }

    [Fact]
    public void Lexer_UnicodeEscapeWithoutBraces()
    {
        ShouldReport("process where process.name == \"\\u0041\"", "RG0003", 1, 32, "write the code point in braces, as in \\u{200F}");
    }

    [Fact]
    public void Lexer_UnicodeEscapeSurrogate()
    {
        EqlDiagnostic diagnostic = ShouldReport("process where process.name == \"\\u{D800}\"", "RG0003", 1, 32, "the code point is a surrogate");

        diagnostic.Message.ShouldContain("'\\u{D800}'");
        diagnostic.Span.Length.ShouldBe(8);
    }

    [Fact]
    public void Lexer_UnicodeEscapeBeyondRange()
    {
        ShouldReport("process where process.name == \"a\\u{110000}\"", "RG0003", 1, 33, "beyond U+10FFFF");
    }

    [Fact]
    public void Lexer_UnicodeEscapeUnclosed()
    {
        ShouldReport("process where process.name == \"a\\u{41\"", "RG0003", 1, 33, "2 to 8 hex digits and a closing '}'");
    }

    [Fact]
    public void Lexer_UnicodeEscapeOneDigit()
    {
        ShouldReport("process where process.name == \"\\u{9}\"", "RG0003", 1, 32, "2 to 8 hex digits");
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("not ", "")]
    [InlineData("-", "")]
    public void Parser_DeepNestingReported(string open, string close)
    {
        string text = "process where " + string.Concat(System.Linq.Enumerable.Repeat(open, 100000)) + "process.pid > 1" + string.Concat(System.Linq.Enumerable.Repeat(close, 100000));

        RuleCompilation compilation = Compile(text);

        compilation.Diagnostics.Select(diagnostic => diagnostic.Id).ShouldBe(new[] { "RG0004" });
        compilation.Diagnostics[0].Message.ShouldStartWith("Expected at most 256 nested parentheses, function calls, 'not' or signs but found ");
    }

    [Fact]
    public void Parser_NestingAtLimitAccepted()
    {
        string text = "process where " + new string('(', 255) + "process.pid > 1" + new string(')', 255);

        Compile(text).Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Parser_UnclosedParenthesisNamesOpening()
    {
        ShouldReport("process where\n  (process.name : \"a\" or process.pid == 4", "RG0004", 2, 42, "Expected ')' to close the '(' at line 2, column 3 but found the end of the query");
    }

    [Fact]
    public void Parser_MissingWhere()
    {
        ShouldReport("process process.name == \"x\"", "RG0004", 1, 9, "Expected 'where' but found 'process'");
    }

    [Fact]
    public void Parser_MissingCategory()
    {
        ShouldReport("process.name == \"x\"", "RG0004", 1, 8, "a query starts with 'category where'");
    }

    [Fact]
    public void Parser_SequenceTermMissingBracket()
    {
        ShouldReport("sequence\n  [process where true\n  [network where true]", "RG0004", 3, 3, "Expected ']' to close the sequence term but found '['");
    }

    [Fact]
    public void Parser_ChainedComparison()
    {
        ShouldReport("process where process.pid < 1 < 2", "RG0004", 1, 31, "comparisons cannot be chained: write 'a < b and b < c'");
    }

    [Fact]
    public void Parser_KeywordFieldSegment()
    {
        EqlDiagnostic diagnostic = ShouldReport("process where event.sequence == 1", "RG0004", 1, 21, "'sequence' is a keyword");

        diagnostic.Message.ShouldContain("write it in backquotes, as in event.`sequence`");
    }

    [Fact]
    public void Parser_DoubleEqualsInMaxspan()
    {
        ShouldReport("sequence with maxspan==5m " + TwoTerms, "RG0004", 1, 22, "Expected '=' (a single equals sign) but found '=='");
    }

    [Fact]
    public void Parser_DanglingOr()
    {
        ShouldReport("process where process.name == \"x\" or", "RG0004", 1, 37, "Expected a field, a value or '(' but found the end of the query");
    }

    [Fact]
    public void Parser_EmptyInList()
    {
        ShouldReport("process where process.name in ()", "RG0004", 1, 32, "Expected at least one value in the list but found ')'");
    }

    [Fact]
    public void Parser_ArrayIndex()
    {
        ShouldReport("process where process.args[0] == \"x\"", "RG0004", 1, 27, "Elasticsearch EQL has no array indexes");
    }

    [Fact]
    public void Parser_OnlyFirstSyntaxError()
    {
        RuleCompilation compilation = Compile("process where process.name == == \"x\" and and");

        compilation.Diagnostics.Count.ShouldBe(1, Describe(compilation));
        compilation.Diagnostics[0].Id.ShouldBe("RG0004");
    }

    [Fact]
    public void Parser_RunsNotWholeNumber()
    {
        ShouldReport("sequence [process where true] with runs=1.5 [process where true]", "RG0005", 1, 41, "Invalid number '1.5': runs takes a whole number from 1 to 100");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("99999999999")]
    public void Parser_RunsOutOfRange(string runs)
    {
        ShouldReport("sequence [process where true] with runs=" + runs + " [process where true]", "RG0005", 1, 41, "Invalid number '" + runs + "'");
    }

    [Fact]
    public void Parser_RunsNotNumber()
    {
        ShouldReport("sequence [process where true] with runs=x [process where true]", "RG0004", 1, 41, "Expected the number of runs but found 'x'");
    }

    [Fact]
    public void Lexer_SingleQuotedString()
    {
        EqlDiagnostic diagnostic = ShouldReport("process where process.name == 'cmd.exe'", "RG0006", 1, 31, "write \"cmd.exe\" instead of 'cmd.exe'");

        diagnostic.Span.Length.ShouldBe(9);
    }

    [Fact]
    public void Parser_SingleEquals()
    {
        ShouldReport("process where process.name = \"x\"", "RG0007", 1, 28, "'=' is not a comparison operator in EQL: write '=='");
    }

    [Fact]
    public void Lexer_UnterminatedBlockComment()
    {
        const string text = "process where true\n/* a /* nested */ comment";

        RuleCompilation compilation = Compile(text);

        EqlDiagnostic diagnostic = compilation.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RG0008");
        Position(text, diagnostic).ShouldBe((2, 1));
        diagnostic.Message.ShouldContain("The block comment starting here is not closed: add '*/'");
        compilation.Model.ShouldBeNull();
    }

    [Fact]
    public void Parser_MaxspanWithoutUnit()
    {
        EqlDiagnostic diagnostic = ShouldReport("sequence with maxspan=5 " + TwoTerms, "RG0009", 1, 10, "'5' has no unit");

        diagnostic.Message.ShouldContain("as in maxspan=5m");
    }

    [Fact]
    public void Parser_MaxspanUnknownUnit()
    {
        ShouldReport("sequence with maxspan=5y " + TwoTerms, "RG0009", 1, 24, "unknown unit 'y'; use ms, s, m, h or d");
    }

    [Fact]
    public void Parser_MaxspanZero()
    {
        ShouldReport("sequence with maxspan=0s " + TwoTerms, "RG0009", 1, 23, "the span must be greater than zero");
    }

    [Fact]
    public void Parser_MaxspanDecimal()
    {
        ShouldReport("sequence with maxspan=1.5s " + TwoTerms, "RG0009", 1, 23, "'1.5' is not a whole number; write a whole number of a smaller unit, such as 1500ms");
    }

    [Fact]
    public void Parser_MaxspanNotNumber()
    {
        ShouldReport("sequence with maxspan=m " + TwoTerms, "RG0009", 1, 23, "expected a whole number and a unit such as 5m, but found 'm'");
    }

    [Fact]
    public void Parser_MaxspanTooLarge()
    {
        ShouldReport("sequence with maxspan=9999999999999999d " + TwoTerms, "RG0009", 1, 23, "the span is too large");
    }

    [Fact]
    public void Parser_BracketWithoutSequence()
    {
        ShouldReport("[process where true] [network where true]", "RG0010", 1, 1, "A bracketed term only appears in a sequence");
    }

    [Fact]
    public void Parser_SequenceWithoutTerms()
    {
        ShouldReport("sequence with maxspan=5m\nprocess where true", "RG0010", 2, 1, "A sequence needs its terms in brackets");
    }

    [Fact]
    public void Parser_SequenceByAfterWith()
    {
        ShouldReport("sequence with maxspan=5m by host.name " + TwoTerms, "RG0010", 1, 26, "Write the sequence's 'by' keys before 'with maxspan'");
    }

    [Fact]
    public void Parser_TermWithMaxspan()
    {
        ShouldReport("sequence [process where true] with maxspan=5m [process where true]", "RG0010", 1, 36, "'with maxspan' belongs right after 'sequence'");
    }

    [Fact]
    public void Parser_NotSequenceWithMaxspan()
    {
        ShouldReport("sequence " + TwoTerms + " not sequence with maxspan=1m [process where true]", "RG0010", 1, 65, "takes no 'with' of its own");
    }

    [Fact]
    public void Parser_NotSequenceMissingTerm()
    {
        ShouldReport("sequence " + TwoTerms + " not sequence by host.name", "RG0010", 1, 77, "A 'not sequence' clause needs one bracketed event query");
    }

    [Fact]
    public void Parser_NotSequenceMissingEvent()
    {
        ShouldReport("sequence " + TwoTerms + " not sequence ![process where true]", "RG0010", 1, 65, "A missing-event term '![...]' is not allowed here");
    }

    [Fact]
    public void Binder_NotSequenceTwoTerms()
    {
        ShouldReport("sequence " + TwoTerms + " not sequence [process where true] [process where true]", "RG0010", 1, 86, "takes exactly one bracketed event query");
    }

    [Fact]
    public void Binder_JoinQuery()
    {
        ShouldReport("join " + TwoTerms, "RG0010", 1, 1, "'join' is not part of Elasticsearch EQL");
    }

    [Fact]
    public void Parser_OnlyComments()
    {
        EqlDiagnostic diagnostic = ShouldReport("// only a comment\n/* and a block */", "RG0011", 2, 18, "The rule file contains no EQL query");

        diagnostic.Severity.ShouldBe(EqlSeverity.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t ")]
    public void Parser_EmptyText(string text)
    {
        RuleCompilation compilation = Compile(text);

        compilation.Diagnostics.ShouldHaveSingleItem().Id.ShouldBe("RG0011");
        compilation.Model.ShouldBeNull();
    }

    [Fact]
    public void Lexer_CrlfPositions()
    {
        ShouldReport("// @name x\r\nprocess where\r\n  process.name = \"x\"", "RG0007", 3, 16, "'=' is not a comparison operator");
    }

    [Fact]
    public void Sample_WithMaxspanRejected()
    {
        ShouldReport("sample by host.name with maxspan=1m [process where true] [file where true]", "RG0010", 1, 21, "A sample takes no 'with maxspan'");
    }

    [Fact]
    public void Sample_MissingEventTermRejected()
    {
        ShouldReport("sample [process where true] ![file where true]", "RG0010", 1, 29, "A sample has no missing-event terms");
    }

    [Fact]
    public void Sample_WithoutTermsRejected()
    {
        ShouldReport("sample by host.name", "RG0010", 1, 20, "A sample needs its terms in brackets");
    }
}
