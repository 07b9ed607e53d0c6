using RuleGen.Matching;

namespace RuleGen.Tests.Matching;

public class StringPatternSetTests
{
    [Theory]
    [InlineData("cmd.exe", true)]
    [InlineData("CMD.EXE", true)]
    [InlineData("netsh interface portproxy add V4TOV4", true)]
    [InlineData("powershell.exe", true)]
    [InlineData("x.ps1", true)]
    [InlineData("ab1c", true)]
    [InlineData("abc", false)]
    [InlineData("notepad.exe", false)]
    public void Wildcards_IgnoreCase(string value, bool expected)
    {
        var set = StringPatternSet.Wildcards(ignoreCase: true, "cmd.exe", "*v4tov4*", "power*", "*.ps1", "ab?c");

        set.IsMatch(value).ShouldBe(expected);
    }

    [Fact]
    public void Wildcards_CaseSensitive()
    {
        var set = StringPatternSet.Wildcards(ignoreCase: false, "*V4tov4*", "Cmd.exe");

        set.IsMatch("x v4tov4 y").ShouldBeFalse();
        set.IsMatch("x V4tov4 y").ShouldBeTrue();
        set.IsMatch("cmd.exe").ShouldBeFalse();
    }

    [Fact]
    public void Exact_StarIsLiteral()
    {
        var set = StringPatternSet.Exact(ignoreCase: true, "a*", "B");

        set.IsMatch("a*").ShouldBeTrue();
        set.IsMatch("abc").ShouldBeFalse();
        set.IsMatch("b").ShouldBeTrue();
    }

    [Fact]
    public void Star_MatchesAnyValue()
    {
        StringPatternSet.Wildcards(ignoreCase: false, "x", "*").IsMatch(string.Empty).ShouldBeTrue();
    }

    [Theory]
    [InlineData("x LISTENPORT=80", true)]
    [InlineData("connectaddress=", true)]
    [InlineData("listenport", false)]
    [InlineData("", false)]
    public void OnlyContains_ScansOnce(string value, bool expected)
    {
        var set = StringPatternSet.Wildcards(ignoreCase: true, "*listenport=*", "*connectaddress=*");

        set.IsMatch(value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("ssh.exe", true)]
    [InlineData("SSH", true)]
    [InlineData("ssh.exe.bak", false)]
    [InlineData("", false)]
    public void OnlyWholeValues_OneLookup(string value, bool expected)
    {
        var set = StringPatternSet.Wildcards(ignoreCase: true, "ssh.exe", "ssh");

        set.IsMatch(value).ShouldBe(expected);
    }
}
