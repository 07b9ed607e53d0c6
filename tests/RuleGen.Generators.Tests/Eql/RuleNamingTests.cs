using RuleGen.Eql;

namespace RuleGen.Generators.Tests.Eql;

public class RuleNamingTests
{
    [Theory]
    [InlineData("internal_proxy-tools", "InternalProxyToolsDetector")]
    [InlineData("7zip_abuse", "Rule7zipAbuseDetector")]
    [InlineData("i", "RuleIDetector")]
    [InlineData("_I", "RuleIDetector")]
    [InlineData("---", "RuleDetector")]
    public void ClassName_FromFileStem(string fileStem, string expected)
    {
        RuleNaming.ToClassName(fileStem).ShouldBe(expected);
    }
}
