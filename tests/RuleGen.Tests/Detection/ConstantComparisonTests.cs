using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

/// <summary>Comparisons between two literals, which have the same value on every event.</summary>
public class ConstantComparisonTests
{
    [Fact]
    public void TrueComparisons_MatchEveryEvent()
    {
        // "Foo" < "foo" by UTF-16 code unit, 3 != 4.0 numerically, and 7 / 2 truncates to 3.
        var detector = new ConstantComparisonTrueDetector();

        Fires(detector, Process("a")).ShouldBeTrue();
        Fires(detector, File(null)).ShouldBeTrue();
    }

    [Fact]
    public void FalseComparisons_MatchNoEvent()
    {
        // '==' is exact and case-sensitive, so "Foo" == "foo" is false, and 3 == 4.0 is false.
        var detector = new ConstantComparisonFalseDetector();

        Fires(detector, Process("a")).ShouldBeFalse();
    }

    [Fact]
    public void LiteralInList_ComparesEachValue()
    {
        var detector = new ConstantInListDetector();

        Fires(detector, Process("a")).ShouldBeTrue();
    }

    [Fact]
    public void LiteralNullTests_AreNeverNull()
    {
        // null == null is true and null != null false, so 'not' of it is true, not null.
        var detector = new ConstantNullTestDetector();

        Fires(detector, Process("a")).ShouldBeTrue();
    }
}
