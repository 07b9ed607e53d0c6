using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using RuleGen;
using RuleGen.Ecs;

namespace EmbeddedAgent;

/// <summary>Writes alerts and the run summary as text for people or as JSON Lines for other programs.</summary>
public static class AlertOutput
{
    public static void WriteText(TextWriter output, AgentAlert entry)
    {
        EcsEvent last = entry.Alert.LastEvent;
        string time = last.Timestamp?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "-";
        string lines = string.Join(",", entry.Lines.Select(line => line.ToString(CultureInfo.InvariantCulture)));
        string process = last.Process?.Name ?? "-";
        string? commandLine = last.Process?.CommandLine;
        string processText = string.IsNullOrEmpty(commandLine) ? process : $"{process}: {Shorten(commandLine, 160)}";
        output.WriteLine(
            $"ALERT [{entry.Alert.Rule.Severity}] {entry.Alert.Rule.Name} | host {entry.HostName ?? "-"} | {time} | line {lines} | {processText}");
    }

    /// <summary>Writes one alert as one JSON object on one line, with ECS-style dotted keys.</summary>
    public static void WriteJson(TextWriter output, AgentAlert entry)
    {
        EcsEvent last = entry.Alert.LastEvent;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (last.Timestamp is { } timestamp)
            {
                json.WriteString("@timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            }

            json.WriteString("rule.id", entry.Alert.Rule.Id);
            json.WriteString("rule.name", entry.Alert.Rule.Name);
            json.WriteString("rule.severity", entry.Alert.Rule.Severity);
            json.WriteStartArray("threat.technique.id");
            foreach (MitreTechnique technique in entry.Alert.Rule.Mitre)
            {
                json.WriteStringValue(technique.Id);
            }

            json.WriteEndArray();
            WriteOptional(json, "host.name", entry.HostName);
            WriteOptional(json, "process.name", last.Process?.Name);
            WriteOptional(json, "process.command_line", last.Process?.CommandLine);
            WriteOptional(json, "process.parent.name", last.Process?.Parent?.Name);
            json.WriteStartArray("rulegen.lines");
            foreach (long line in entry.Lines)
            {
                json.WriteNumberValue(line);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static void WriteSummary(TextWriter output, AgentSummary summary, string inputName)
    {
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
