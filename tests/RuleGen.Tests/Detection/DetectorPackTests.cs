using System.Collections.Generic;
using System.Linq;
using RuleGen.Ecs;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

public class DetectorPackTests
{
    // A mixed stream: process, file, network and library events, one event with two categories, one without any.
    private static EcsEvent[] Stream()
    {
        var events = new List<EcsEvent>();
        string[] names = { "a", "b", "nc.exe", "cmd.exe", "A", "c", "ssh", "netsh.exe" };
        for (int i = 0; i < 64; i++)
        {
            EcsEvent e = (i % 4) switch
            {
                0 => Process(names[i % names.Length], args: new[] { names[i % names.Length], "-e", "-L" }, host: i % 8 < 4 ? "h1" : "h2", seconds: i),
                1 => File("x.ps1", seconds: i, entityId: "p1"),
                2 => Process("b", host: "h1", seconds: i),
                _ => new EcsEvent
                {
                    Timestamp = Start.AddSeconds(i),
                    Event = new EventFields { Category = new[] { "network", "process" }, Type = new[] { "start", "connection" } },
                    Process = new ProcessFields { Name = "c", Pid = i, EntityId = "p1" },
                    Host = new HostFields { Name = "h1" },
                },
            };
            events.Add(e);
        }

        events.Add(new EcsEvent { Timestamp = Start.AddSeconds(100) });
        return events.ToArray();
    }

    private static string[] Describe(IEnumerable<Alert> alerts, EcsEvent[] events) => alerts
        .Select(alert => alert.Rule.SourcePath + ":" + string.Join(",", alert.Events.Select(e => System.Array.IndexOf(events, e))))
        .OrderBy(text => text, System.StringComparer.Ordinal)
        .ToArray();

    // The pack skips detectors by category, which must never change what they raise.
    [Fact]
    public void Pack_RaisesWhatEveryDetectorRaises()
    {
        EcsEvent[] events = Stream();
        var expected = new List<Alert>();
        foreach (IDetector detector in Detectors.CreateAll())
        {
            foreach (EcsEvent e in events)
            {
                detector.Process(e, expected);
            }

            detector.Flush(expected);
        }

        var pack = new DetectorPack();
        var actual = new List<Alert>();
        foreach (EcsEvent e in events)
        {
            pack.Process(e, actual);
        }

        pack.Flush(actual);

        expected.Count.ShouldBeGreaterThan(20);
        Describe(actual, events).ShouldBe(Describe(expected, events));
    }

    [Fact]
    public void Pack_HoldsEveryDetector()
    {
        new DetectorPack().AllDetectors.Count.ShouldBe(Detectors.Count);
    }
}
