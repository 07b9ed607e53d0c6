using System;
using System.Collections.Generic;
using System.Linq;
using RuleGen.Ecs;
using RuleGen.Tests.Detection;

namespace RuleGen.Tests.Detection;

/// <summary>Builds ECS events for detector tests and runs detectors over them.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static EcsEvent Process(
        string? name,
        string[]? args = null,
        string? host = "h1",
        double seconds = 0,
        string? commandLine = null,
        string? parentName = null,
        long line = 0)
    {
        var e = new EcsEvent
        {
            Timestamp = Start.AddSeconds(seconds),
            InputLine = line,
            Event = new EventFields { Category = new[] { "process" }, Type = new[] { "start" } },
            Process = new ProcessFields { Name = name, Args = args, CommandLine = commandLine ?? (args is null ? null : string.Join(" ", args)) },
        };
        if (parentName is not null)
        {
            e.Process.Parent = new ProcessParentFields { Name = parentName };
        }

        if (host is not null)
        {
            e.Host = new HostFields { Name = host };
        }

        return e;
    }

    public static EcsEvent File(string? name, double seconds = 0, string? entityId = null, string type = "creation")
    {
        return new EcsEvent
        {
            Timestamp = Start.AddSeconds(seconds),
            Event = new EventFields { Category = new[] { "file" }, Type = new[] { type } },
            File = new FileFields { Name = name },
            Process = entityId is null ? null : new ProcessFields { EntityId = entityId },
        };
    }

    /// <summary>Feeds the events in order and returns every alert.</summary>
    public static List<Alert> Run(IDetector detector, params EcsEvent[] events)
    {
        var alerts = new List<Alert>();
        foreach (EcsEvent e in events)
        {
            detector.Process(e, alerts);
        }

        return alerts;
    }

    /// <summary>Returns the indexes (into <paramref name="events"/>) of the events of each alert.</summary>
    public static List<int[]> Matches(IDetector detector, params EcsEvent[] events)
    {
        return Run(detector, events)
            .Select(alert => alert.Events.Select(e => Array.IndexOf(events, e)).ToArray())
            .ToList();
    }

    /// <summary>True when the detector alerts on this one event alone.</summary>
    public static bool Fires(IDetector detector, EcsEvent e) => Run(detector, e).Count == 1;
}
