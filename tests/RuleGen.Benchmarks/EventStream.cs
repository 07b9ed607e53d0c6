using System;
using System.Collections.Generic;
using RuleGen.Ecs;

namespace RuleGen.Benchmarks;

/// <summary>
/// A seeded, synthetic stream of ECS process start events shaped like an endpoint's. Most are ordinary Windows and
/// Linux processes with their usual arguments. About one event in a hundred comes from a proxy or tunnelling tool
/// that the flagship rule must match. The same seed always gives the same stream.
/// </summary>
internal static class EventStream
{
    private static readonly (string Name, string Executable, string[] Arguments)[] Ordinary =
    {
        ("svchost.exe", @"C:\Windows\System32\svchost.exe", new[] { "-k", "netsvcs", "-p", "-s", "Schedule" }),
        ("chrome.exe", @"C:\Program Files\Google\Chrome\Application\chrome.exe", new[] { "--type=renderer", "--lang=en-US", "--field-trial-handle=1720" }),
        ("powershell.exe", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", new[] { "-NoProfile", "-ExecutionPolicy", "Bypass", "-File", @"C:\scripts\inventory.ps1" }),
        ("cmd.exe", @"C:\Windows\System32\cmd.exe", new[] { "/c", "echo", "backup", "done" }),
        ("conhost.exe", @"C:\Windows\System32\conhost.exe", new[] { "0xffffffff", "-ForceV1" }),
        ("netsh.exe", @"C:\Windows\System32\netsh.exe", new[] { "advfirewall", "firewall", "show", "rule", "name=all" }),
        ("ssh", "/usr/bin/ssh", new[] { "-l", "deploy", "build01.corp.example" }),
        ("python3", "/usr/bin/python3", new[] { "/opt/app/worker.py", "--queue", "default" }),
        ("bash", "/bin/bash", new[] { "-c", "tar czf /backup/home.tgz /home" }),
        ("git", "/usr/bin/git", new[] { "fetch", "--all", "--prune" }),
        ("msiexec.exe", @"C:\Windows\System32\msiexec.exe", new[] { "/i", @"C:\installers\agent.msi", "/qn" }),
        ("dotnet", "/usr/bin/dotnet", new[] { "build", "-c", "Release" }),
    };

    private static readonly (string Name, string Executable, string[] Arguments)[] Proxies =
    {
        ("netsh.exe", @"C:\Windows\System32\netsh.exe", new[] { "interface", "portproxy", "add", "v4tov4", "listenport=8080", "connectaddress=10.0.0.5" }),
        ("ssh.exe", @"C:\Windows\System32\OpenSSH\ssh.exe", new[] { "-L", "9090:192.168.1.50:445", "alice@jump01" }),
        ("chisel", "/tmp/.x/chisel", new[] { "client", "203.0.113.10:8000", "R:socks" }),
        ("nc.exe", @"C:\Users\Public\nc.exe", new[] { "-l", "-p", "4444", "-e", "cmd.exe" }),
        ("ssh", "/usr/bin/ssh", new[] { "-N", "-D", "1080", "ops@bastion" }),
    };

    public static EcsEvent[] Create(int count, int seed)
    {
        var random = new Random(seed);
        var events = new EcsEvent[count];
        for (int i = 0; i < count; i++)
        {
            bool proxy = random.Next(100) == 0;
            var (name, executable, arguments) = proxy ? Proxies[random.Next(Proxies.Length)] : Ordinary[random.Next(Ordinary.Length)];
            var args = new List<string>(arguments.Length + 1) { executable };
            args.AddRange(arguments);
            events[i] = new EcsEvent
            {
                Timestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(i * 10),
                Event = new EventFields { Category = new[] { "process" }, Type = new[] { "start" }, Kind = "event" },
                Host = new HostFields { Name = "host-" + random.Next(50) },
                Process = new ProcessFields
                {
                    Name = name,
                    Executable = executable,
                    Args = args.ToArray(),
                    ArgsCount = args.Count,
                    CommandLine = string.Join(" ", args),
                    Pid = random.Next(100, 60000),
                    Parent = new ProcessParentFields { Name = random.Next(2) == 0 ? "explorer.exe" : "services.exe" },
                },
            };
        }

        return events;
    }
}
