using RuleGen.Generators.Inline;

namespace RuleGen.Generators.Tests.Generator;

/// <summary>Offsets of a string literal's value characters in its source text.</summary>
public class LiteralMapTests
{
    [Fact]
    public void Regular_EscapesMapToTheirBackslash()
    {
        int[]? offsets = LiteralMap.Build("\"a\\\"b\\u0041\"", "a\"bA");

        offsets.ShouldBe(new[] { 1, 2, 4, 5, 11 });
    }

    [Fact]
    public void Regular_SurrogatePairFromOneEscape()
    {
        int[]? offsets = LiteralMap.Build("\"\\U0001F600x\"", "\U0001F600x");

        offsets.ShouldBe(new[] { 1, 1, 11, 12 });
    }

    [Fact]
    public void Verbatim_DoubledQuoteIsOneCharacter()
    {
        int[]? offsets = LiteralMap.Build("@\"a\"\"b\\\"", "a\"b\\");

        offsets.ShouldBe(new[] { 2, 3, 5, 6, 7 });
    }

    [Fact]
    public void RawSingleLine_ContentBetweenQuotes()
    {
        int[]? offsets = LiteralMap.Build("\"\"\"a \"b\"\"\"", "a \"b");

        offsets.ShouldBe(new[] { 3, 4, 5, 6, 7 });
    }

    [Fact]
    public void RawMultiLine_IndentationRemoved()
    {
        // """\r\n    ab\r\n\r\n    c\r\n    """ has the value "ab\r\n\r\nc".
        int[]? offsets = LiteralMap.Build("\"\"\"\r\n    ab\r\n\r\n    c\r\n    \"\"\"", "ab\r\n\r\nc");

        offsets.ShouldBe(new[] { 9, 10, 11, 12, 13, 14, 19, 20 });
    }

    [Fact]
    public void RawMultiLine_WhitespaceOnlyLineIsEmpty()
    {
        int[]? offsets = LiteralMap.Build("\"\"\"\n    a\n  \n    b\n    \"\"\"", "a\n\nb");

        offsets.ShouldBe(new[] { 8, 9, 12, 17, 18 });
    }

    [Fact]
    public void ValueMismatch_ReturnsNull()
    {
        LiteralMap.Build("\"abc\"", "abd").ShouldBeNull();
        LiteralMap.Build("$\"abc\"", "abc").ShouldBeNull();
    }
}
