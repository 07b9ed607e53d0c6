using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EmbeddedAgent.Detection;
using RuleGen;
using RuleGen.Events;

namespace EmbeddedAgent;

/// <summary>An alert with what the agent reports about it: the input lines of its events and the host.</summary>
public sealed record AgentAlert(Alert Alert, IReadOnlyList<long> Lines, string? HostName);

/// <summary>A problem with one input line: a malformed line (skipped) or a field value that could not be read.</summary>
public sealed record InputProblem(long Line, string Message, bool IsMalformedLine);

/// <summary>
/// The agent's reading and detection path. It reads JSON Lines events (ECS documents or Windows event logs as
/// JSON, detected per line) and feeds each event, in input order, to the generated <c>DetectorPack</c>, which
/// runs every compiled rule. Each alert and each input problem is reported as it happens.
/// </summary>
public static class AgentRunner
{
    public static RunSummary Run(TextReader input, Action<AgentAlert> onAlert, Action<InputProblem> onProblem)
    {
        // The pack runs every compiled rule as one engine: it hands each event only to the rules that can use it.
        var pack = new DetectorPack();
        var alertCounts = new Dictionary<RuleInfo, int>();
        var alerts = new List<Alert>();
        void Report()
        {
            foreach (Alert alert in alerts)
            {
                alertCounts[alert.Rule] = alertCounts.GetValueOrDefault(alert.Rule) + 1;
                onAlert(new AgentAlert(alert, alert.Events.Select(e => e.InputLine).ToArray(), alert.LastEvent.Host?.Name));
            }

            alerts.Clear();
        }

        using var reader = new JsonLinesEventReader(input, leaveOpen: true);
        while (reader.TryReadNext(out EventReadResult? result))
        {
            foreach (FieldWarning warning in result.Warnings)
            {
                onProblem(new InputProblem(warning.Line, warning.Message, IsMalformedLine: false));
            }

            if (result.Event is null)
            {
                onProblem(new InputProblem(result.Line, result.Error ?? $"line {result.Line}: no event", IsMalformedLine: true));
                continue;
            }

            pack.Process(result.Event, alerts);
            Report();
        }

        // The stream has ended: matches that waited for a trailing missing-event window are released now.
        pack.Flush(alerts);
        Report();

        var byRule = pack.AllDetectors.Select(detector => (detector.Rule, alertCounts.GetValueOrDefault(detector.Rule))).ToList();
        return new RunSummary(reader.EventsRead, reader.MalformedLines, reader.FieldWarnings, reader.UnknownFieldCount, byRule);
    }
}
