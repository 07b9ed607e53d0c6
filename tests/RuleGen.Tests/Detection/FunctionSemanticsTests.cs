using RuleGen.Ecs;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

public class FunctionSemanticsTests
{
    private static EcsEvent WithPid(string? name, long? pid, string? title = null)
    {
        EcsEvent e = Process(name);
        e.Process!.Pid = pid;
        e.Process.Title = title;
        return e;
    }

    private static EcsEvent Connection(string? sourceIp) => new()
    {
        Event = new EventFields { Category = new[] { "network" } },
        Source = sourceIp is null ? null : new SourceFields { Ip = sourceIp },
    };

    [Fact]
    public void Substring_NegativeStartMatchesSuffix()
    {
        var detector = new FunctionsSubstringDetector();

        Fires(detector, File("explorer.EXE")).ShouldBeTrue();
        Fires(detector, File("explorer.pf")).ShouldBeFalse();
        Fires(detector, File(null)).ShouldBeFalse();
    }

    [Fact]
    public void LengthAndStartsWithInsensitive()
    {
        var detector = new FunctionsLengthStartsDetector();

        Fires(detector, Process("powershell.exe")).ShouldBeTrue();
        Fires(detector, Process("power.exe")).ShouldBeFalse();
        Fires(detector, Process("pwsh-powershell.exe")).ShouldBeFalse();
    }

    [Fact]
    public void CidrMatch_Ipv4AndIpv6()
    {
        var detector = new FunctionsCidrDetector();

        Fires(detector, Connection("10.20.30.40")).ShouldBeTrue();
        Fires(detector, Connection("fe80::abcd")).ShouldBeTrue();
        Fires(detector, Connection("192.168.1.1")).ShouldBeFalse();
        Fires(detector, Connection(null)).ShouldBeFalse();
    }

    [Fact]
    public void Arithmetic_IntegerDivision()
    {
        var detector = new FunctionsArithmeticDetector();

        Fires(detector, WithPid("a", 50)).ShouldBeTrue();
        Fires(detector, WithPid("a", 51)).ShouldBeFalse();
        Fires(detector, WithPid("a", null)).ShouldBeFalse();
    }

    [Fact]
    public void Concat_NumbersAsText()
    {
        var detector = new FunctionsConcatDetector();

        Fires(detector, WithPid("cmd.exe", 50)).ShouldBeTrue();
        Fires(detector, WithPid("cmd.exe", 5)).ShouldBeFalse();
        Fires(detector, WithPid("cmd.exe", null)).ShouldBeFalse();
    }

    [Fact]
    public void Concat_AnyNullIsNull()
    {
        var detector = new FunctionsConcatNullDetector();

        Fires(detector, WithPid("cmd.exe", 1, title: null)).ShouldBeTrue();
        Fires(detector, WithPid("cmd.exe", 1, title: "Command Prompt")).ShouldBeFalse();
    }

    [Fact]
    public void Number_FieldComparedWithFunction()
    {
        var detector = new FunctionsNumberDetector();

        Fires(detector, WithPid("a", 50)).ShouldBeTrue();
        Fires(detector, WithPid("a", 32)).ShouldBeFalse();
    }

    [Fact]
    public void ArrayField_FunctionSeesSmallestElement()
    {
        var detector = new FunctionsArrayFirstValueDetector();
        EcsEvent e = Process("x", new[] { "b", "-a" });
        e.Host!.Ip = new[] { "10.0.0.10", "10.0.0.2" };
        EcsEvent noDash = Process("x", new[] { "b", "a" });
        noDash.Host!.Ip = new[] { "10.0.0.2" };

        Fires(detector, e).ShouldBeTrue();
        Fires(detector, noDash).ShouldBeFalse();
    }

    [Fact]
    public void Between_GreedyUsesLastRight()
    {
        var detector = new FunctionsBetweenDetector();
        EcsEvent e = File("something.json");
        e.File!.Path = @"C:\dev\TestLogs\something.json.bak.json";

        Fires(detector, e).ShouldBeTrue();
    }
}
