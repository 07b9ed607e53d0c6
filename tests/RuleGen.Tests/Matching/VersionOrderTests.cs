using RuleGen.Matching;

namespace RuleGen.Tests.Matching;

public class VersionOrderTests
{
    [Theory]
    [InlineData("1.5.0", "1.11.3")]
    [InlineData("2.1.0", "2.4.1")]
    [InlineData("1.0.0-alpha", "1.0.0")]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    [InlineData("1.2", "1.2.0")]
    [InlineData("1.2.3", "1.2.3.4")]
    [InlineData("9.9.9", "1.2.alpha.4")]
    [InlineData("1.2.alpha.4", "abc")]
    public void Sorts_BeforeTheOther(string earlier, string later)
    {
        VersionOrder.Compare(earlier, later).ShouldBeLessThan(0);
        VersionOrder.Compare(later, earlier).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("1.0.0+build.5", "1.0.0")]
    [InlineData("1.02.0", "1.2.0")]
    [InlineData("abc", "abc")]
    public void Sorts_Equal(string left, string right)
    {
        VersionOrder.Compare(left, right).ShouldBe(0);
    }
}
