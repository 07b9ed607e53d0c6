using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

// Elasticsearch fans a multi-valued join key out: the event takes part once per distinct element.
public class ArrayJoinKeyTests
{
    [Fact]
    public void ArrayKey_AnySharedElementJoins()
    {
        var matches = Matches(new ArrayJoinKeyDetector(), Process("A", new[] { "x", "y" }, seconds: 0), Process("B", new[] { "y", "z" }, seconds: 1));

        matches.Count.ShouldBe(1);
        matches[0].ShouldBe(new[] { 0, 1 });
    }

    [Fact]
    public void ArrayKey_DuplicateElementsJoinOnce()
    {
        var matches = Matches(new ArrayJoinKeyDetector(), Process("A", new[] { "x", "x" }, seconds: 0), Process("B", new[] { "x" }, seconds: 1));

        matches.Count.ShouldBe(1);
    }

    [Fact]
    public void ArrayKey_EachSharedElementIsOneMatch()
    {
        var matches = Matches(new ArrayJoinKeyDetector(), Process("A", new[] { "x", "y" }, seconds: 0), Process("B", new[] { "y", "x" }, seconds: 1));

        matches.Count.ShouldBe(2);
    }

    [Fact]
    public void ArrayKey_EmptyTakesNoPart()
    {
        Matches(new ArrayJoinKeyDetector(), Process("A", args: null, seconds: 0), Process("B", args: null, seconds: 1)).ShouldBeEmpty();
    }
}
