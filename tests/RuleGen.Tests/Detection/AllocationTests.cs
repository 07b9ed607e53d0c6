using System;
using System.Collections.Generic;
using RuleGen.Ecs;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

// Counts bytes, not time: a generated matcher reads the typed event directly, so an event that raises no
// alert must allocate nothing, however many are fed.
public class AllocationTests
{
    [Fact]
    public void FlagshipRule_NoAllocationWithoutAlert()
    {
        var detector = new InternalProxyT1090001Detector();
        var alerts = new List<Alert>();
        EcsEvent[] events =
        {
            Process("svchost.exe", new[] { "C:\\Windows\\system32\\svchost.exe", "-k", "netsvcs" }, commandLine: "C:\\Windows\\system32\\svchost.exe -k netsvcs", parentName: "services.exe"),
            Process("ssh", new[] { "ssh", "alice@build01" }),
            Process("netsh.exe", new[] { "netsh", "advfirewall", "show", "allprofiles" }, parentName: "cmd.exe"),
            Process(name: null, host: null),
            File("report.docx"),
        };

        // The first pass runs static constructors and fills the JIT's caches.
        foreach (EcsEvent e in events)
        {
            detector.Process(e, alerts);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2_000; i++)
        {
            foreach (EcsEvent e in events)
            {
                detector.Process(e, alerts);
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        alerts.ShouldBeEmpty();
        allocated.ShouldBe(0);
    }

    [Fact]
    public void EventQuery_NoAllocationWithoutAlert()
    {
        var detector = new ArgsPrefixDetector();
        var alerts = new List<Alert>();
        EcsEvent e = Process("powershell.exe", new[] { "powershell.exe", "-nop", "-w", "hidden" });
        detector.Process(e, alerts);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            detector.Process(e, alerts);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        alerts.ShouldBeEmpty();
        allocated.ShouldBe(0);
    }
}
