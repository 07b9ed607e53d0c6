using System.Linq;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

/// <summary>A rule written inline in C#; the generator compiles it into this class, as it compiles an .eql file.</summary>
[EqlRule("""
    // @name     Inline netcat shell
    // @severity high
    process where process.name : "nc.exe" and process.args == "-e"
    """)]
internal partial class InlineNetcatRule
{
}

public class InlineRuleTests
{
    [Fact]
    public void InlineRule_MatchesLikeAFileRule()
    {
        var detector = new InlineNetcatRule();

        Fires(detector, Process("NC.EXE", args: new[] { "nc.exe", "-e", "cmd.exe" })).ShouldBeTrue();
        Fires(detector, Process("nc.exe", args: new[] { "nc.exe", "-l" })).ShouldBeFalse();
    }

    [Fact]
    public void InlineRule_MetadataFromTags()
    {
        InlineNetcatRule.RuleInfo.Name.ShouldBe("Inline netcat shell");
        InlineNetcatRule.RuleInfo.Severity.ShouldBe("high");
        InlineNetcatRule.RuleInfo.SourcePath.ShouldBe("Detection/InlineRuleTests.cs");
    }

    [Fact]
    public void InlineRule_InRegistry()
    {
        Detectors.CreateAll().OfType<InlineNetcatRule>().Count().ShouldBe(1);
    }
}
