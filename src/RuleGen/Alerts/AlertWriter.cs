using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using RuleGen.Ecs;

namespace RuleGen;

/// <summary>Counts of one run of detectors over a file of events.</summary>
/// <param name="EventsRead">Events read and fed to the detectors.</param>
/// <param name="MalformedLines">Lines skipped because they were not a JSON object.</param>
/// <param name="FieldWarnings">Field values that could not be converted; their events were still read.</param>
/// <param name="UnknownFields">Fields outside the typed ECS event, kept as custom fields.</param>
/// <param name="AlertsByRule">Each rule with the number of alerts it raised, in the order the rules ran.</param>
public sealed record RunSummary(
    long EventsRead,
    long MalformedLines,
    long FieldWarnings,
    long UnknownFields,
    IReadOnlyList<(RuleInfo Rule, int Alerts)> AlertsByRule)
{
    public int TotalAlerts => AlertsByRule.Sum(entry => entry.Alerts);
}

/// <summary>
/// Writes alerts as text for people or as JSON Lines for other programs, and the summary of a run. The sample
/// agent and <c>rulegen run</c> both print through it, so their output is the same.
/// </summary>
public static class AlertWriter
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const int MaxCommandLineLength = 160;

    /// <summary>
    /// Writes one line: severity, rule name, host, time, input lines and process of the event that completed the
    /// match.
    /// </summary>
    public static void WriteText(TextWriter output, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(alert);
        EcsEvent last = alert.LastEvent;
        string time = last.Timestamp?.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) ?? "-";
        string lines = string.Join(",", alert.Events.Select(e => e.InputLine.ToString(CultureInfo.InvariantCulture)));
        string process = last.Process?.Name ?? "-";
        string? commandLine = last.Process?.CommandLine;
        string processText = string.IsNullOrEmpty(commandLine) ? process : $"{process}: {Shorten(commandLine, MaxCommandLineLength)}";
        output.WriteLine($"ALERT [{alert.Rule.Severity}] {alert.Rule.Name} | host {last.Host?.Name ?? "-"} | {time} | line {lines} | {processText}");
    }

    /// <summary>Writes one alert as one JSON object on one line, with ECS-style dotted keys.</summary>
    public static void WriteJson(TextWriter output, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(alert);
        EcsEvent last = alert.LastEvent;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (last.Timestamp is { } timestamp)
            {
                json.WriteString("@timestamp", timestamp.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            }

            json.WriteString("rule.id", alert.Rule.Id);
            json.WriteString("rule.name", alert.Rule.Name);
            json.WriteString("rule.severity", alert.Rule.Severity);
            json.WriteStartArray("threat.technique.id");
            foreach (MitreTechnique technique in alert.Rule.Mitre)
            {
                json.WriteStringValue(technique.Id);
            }

            json.WriteEndArray();
            WriteOptional(json, "host.name", last.Host?.Name);
            WriteOptional(json, "process.name", last.Process?.Name);
            WriteOptional(json, "process.command_line", last.Process?.CommandLine);
            WriteOptional(json, "process.parent.name", last.Process?.Parent?.Name);
            json.WriteStartArray("rulegen.lines");
            foreach (EcsEvent e in alert.Events)
            {
                json.WriteNumberValue(e.InputLine);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Writes the counts of a run over the file named <paramref name="inputName"/>, and the alerts per rule.</summary>
    public static void WriteSummary(TextWriter output, RunSummary summary, string inputName)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        output.WriteLine();
        output.WriteLine($"Summary for {inputName}");
        output.WriteLine($"  events read:     {summary.EventsRead.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"  malformed lines: {summary.MalformedLines.ToString(CultureInfo.InvariantCulture)} (skipped)");
        output.WriteLine($"  field warnings:  {summary.FieldWarnings.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"  unknown fields:  {summary.UnknownFields.ToString(CultureInfo.InvariantCulture)} (outside the typed ECS event, kept as custom fields)");
        output.WriteLine($"  alerts:          {summary.TotalAlerts.ToString(CultureInfo.InvariantCulture)}");
        foreach ((RuleInfo rule, int alerts) in summary.AlertsByRule)
        {
            output.WriteLine($"    {alerts.ToString(CultureInfo.InvariantCulture),5}  {rule.Name} ({rule.Id})");
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text.Substring(0, length - 3) + "...";
}
