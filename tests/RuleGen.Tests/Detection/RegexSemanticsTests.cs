using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

// Elasticsearch's regex uses Lucene's dialect and must match the whole value.
public class RegexSemanticsTests
{
    [Fact]
    public void Regex_MatchesWholeValueOnly()
    {
        Fires(new RegexWholeValueDetector(), Process("cmd.exe")).ShouldBeFalse();
        Fires(new RegexWholeValueDetector(), Process("cmd")).ShouldBeTrue();
    }

    [Fact]
    public void Regex_CharacterClassAndEscape()
    {
        Fires(new RegexClassDetector(), Process("cmd.exe")).ShouldBeTrue();
        Fires(new RegexClassDetector(), Process("cmdxexe")).ShouldBeFalse();
        Fires(new RegexClassDetector(), Process("CMD.exe")).ShouldBeFalse();
    }

    [Fact]
    public void Regex_CaseSensitivity()
    {
        var e = Process("net1.exe", commandLine: "NET1  localgroup admins");

        Fires(new RegexSensitiveDetector(), e).ShouldBeFalse();
        Fires(new RegexInsensitiveDetector(), e).ShouldBeTrue();
        Fires(new RegexInsensitiveDetector(), Process("x", commandLine: null)).ShouldBeFalse();
    }

    [Fact]
    public void Regex_ArrayAnyElement()
    {
        Fires(new RegexArgsDetector(), Process("powershell.exe", new[] { "powershell.exe", "-EncodedCommand", "AAAA" })).ShouldBeTrue();
        Fires(new RegexArgsDetector(), Process("powershell.exe", new[] { "powershell.exe", "-nop" })).ShouldBeFalse();
    }
}
