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
/// JSON, detected per line) and feeds each event to every compiled detector in input order. Each alert and
/// each input problem is reported as it happens.
/// </summary>
public static class AgentRunner
{
    public static RunSummary Run(TextReader input, Action<AgentAlert> onAlert, Action<InputProblem> onProblem)
    {
        IDetector[] detectors = Detectors.CreateAll();
        var alertCounts = new int[detectors.Length];
        var alerts = new List<Alert>();
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

            for (int i = 0; i < detectors.Length; i++)
            {
                alerts.Clear();
                detectors[i].Process(result.Event, alerts);
                foreach (Alert alert in alerts)
                {
                    alertCounts[i]++;
                    long[] lines = alert.Events.Select(e => e.InputLine).ToArray();
                    onAlert(new AgentAlert(alert, lines, alert.LastEvent.Host?.Name));
                }
            }
        }

        // The stream has ended: matches that waited for a trailing missing-event window are released now.
        for (int i = 0; i < detectors.Length; i++)
        {
            alerts.Clear();
            detectors[i].Flush(alerts);
            foreach (Alert alert in alerts)
            {
                alertCounts[i]++;
                onAlert(new AgentAlert(alert, alert.Events.Select(e => e.InputLine).ToArray(), alert.LastEvent.Host?.Name));
            }
        }

        var byRule = detectors.Select((detector, i) => (detector.Rule, alertCounts[i])).ToList();
        return new RunSummary(reader.EventsRead, reader.MalformedLines, reader.FieldWarnings, reader.UnknownFieldCount, byRule);
    }
}
