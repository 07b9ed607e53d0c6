using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RuleGen.Benchmarks.Detection;
using RuleGen.Ecs;
using RuleGen.Events;

namespace RuleGen.Benchmarks;

/// <summary>
/// Reading plus matching: the flagship rule's filter over the seeded event stream. The stream is serialised once to
/// UTF-8 ECS JSON Lines in the nested form agents write, with fields the filter does not read (agent, ecs, host,
/// user and more of event and process). Each method reads every line and returns its match count, and the setup
/// checks that all three agree. The baseline extracts the filter's five fields with a hand-written Utf8JsonReader loop.
/// </summary>
[MemoryDiagnoser]
public class EventReadingBenchmarks
{
    private const int EventCount = 4_096;

    private byte[] lines = Array.Empty<byte>();

    // Reused by the baseline across lines, as a hand-written reader would keep them.
    private readonly List<string> categories = new();
    private readonly List<string> types = new();
    private readonly List<string> args = new();

    [GlobalSetup]
    public void Setup()
    {
        lines = Serialise(EventStream.Create(EventCount, seed: 20261204));

        int expected = BareExtraction();
        int generated = GeneratedReadAndMatch();
        int general = GeneralReaderAndMatch();
        if (expected == 0 || generated != expected || general != expected)
        {
            throw new InvalidOperationException(
                $"The match counts differ: BareExtraction {expected}, GeneratedReadAndMatch {generated}, GeneralReaderAndMatch {general}.");
        }
    }

    /// <summary>
    /// The baseline: the fastest reading an expert writes for these documents. It assumes their nested layout, reads
    /// event.category, event.type, process.name, process.args and process.command_line into locals, skips everything
    /// else, and applies the hand-written filter.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int BareExtraction()
    {
        int matches = 0;
        ReadOnlySpan<byte> rest = lines;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? rest : rest.Slice(0, end);
            rest = end < 0 ? ReadOnlySpan<byte>.Empty : rest.Slice(end + 1);
            if (ExtractAndMatch(line))
            {
                matches++;
            }
        }

        return matches;
    }

    [Benchmark]
    public int GeneratedReadAndMatch()
    {
        int matches = 0;
        long lineNumber = 0;
        ReadOnlySpan<byte> rest = lines;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? rest : rest.Slice(0, end);
            rest = end < 0 ? ReadOnlySpan<byte>.Empty : rest.Slice(end + 1);
            lineNumber++;
            if (EcsEventReader.Read(line, lineNumber).Event is { } e && FlagshipFilterDetector.Filter(e))
            {
                matches++;
            }
        }

        return matches;
    }

    /// <summary>The general reader as an application uses it on a file: UTF-8 decoding, JsonDocument, every field mapped.</summary>
    [Benchmark]
    public int GeneralReaderAndMatch()
    {
        int matches = 0;
        using var reader = new JsonLinesEventReader(new StreamReader(new MemoryStream(lines), Encoding.UTF8));
        while (reader.TryReadNext(out EventReadResult? result))
        {
            if (result.Event is { } e && FlagshipFilterDetector.Filter(e))
            {
                matches++;
            }
        }

        return matches;
    }

    private bool ExtractAndMatch(ReadOnlySpan<byte> line)
    {
        categories.Clear();
        types.Clear();
        args.Clear();
        string? name = null;
        string? commandLine = null;

        var reader = new Utf8JsonReader(line);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("event"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("category"u8))
                    {
                        ReadStrings(ref reader, categories);
                    }
                    else if (reader.ValueTextEquals("type"u8))
                    {
                        ReadStrings(ref reader, types);
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("process"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("name"u8))
                    {
                        reader.Read();
                        name = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("args"u8))
                    {
                        ReadStrings(ref reader, args);
                    }
                    else if (reader.ValueTextEquals("command_line"u8))
                    {
                        reader.Read();
                        commandLine = reader.GetString();
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return HandWrittenMatcher.Matches(CollectionsMarshal.AsSpan(categories), CollectionsMarshal.AsSpan(types), name, CollectionsMarshal.AsSpan(args), commandLine);
    }

    // The reader is on the property name of an array of strings.
    private static void ReadStrings(ref Utf8JsonReader reader, List<string> values)
    {
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            values.Add(reader.GetString()!);
        }
    }

    // One line per event, nested as Elastic Agent and Beats write ECS, with the fields a real process event carries.
    private static byte[] Serialise(EcsEvent[] events)
    {
        using var stream = new MemoryStream();
        var random = new Random(7);
        foreach (EcsEvent e in events)
        {
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("@timestamp", e.Timestamp!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteStartObject("agent");
                writer.WriteString("id", "8b7c3f2a-5d4e-4c1b-9a0f-" + random.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) + "abcdef");
                writer.WriteString("type", "endpoint");
                writer.WriteString("version", "8.15.0");
                writer.WriteEndObject();
                writer.WriteStartObject("ecs");
                writer.WriteString("version", "8.11.0");
                writer.WriteEndObject();
                writer.WriteStartObject("event");
                writer.WriteString("kind", e.Event!.Kind);
                WriteStrings(writer, "category", e.Event.Category!);
                WriteStrings(writer, "type", e.Event.Type!);
                writer.WriteString("dataset", "endpoint.events.process");
                writer.WriteString("module", "endpoint");
                writer.WriteEndObject();
                writer.WriteStartObject("host");
                writer.WriteString("name", e.Host!.Name);
                writer.WriteString("hostname", e.Host.Name);
                writer.WriteStartObject("os");
                writer.WriteString("family", e.Process!.Executable!.StartsWith('/') ? "debian" : "windows");
                writer.WriteString("version", "10.0");
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteStartObject("user");
                writer.WriteString("name", random.Next(3) == 0 ? "SYSTEM" : "alice");
                writer.WriteString("domain", "CORP");
                writer.WriteEndObject();
                writer.WriteStartObject("process");
                writer.WriteNumber("pid", e.Process.Pid!.Value);
                writer.WriteString("entity_id", "ZmFrZS1lbnRpdHktaWQt" + e.Process.Pid.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("name", e.Process.Name);
                writer.WriteString("executable", e.Process.Executable);
                WriteStrings(writer, "args", e.Process.Args!);
                writer.WriteNumber("args_count", e.Process.ArgsCount!.Value);
                writer.WriteString("command_line", e.Process.CommandLine);
                writer.WriteString("working_directory", e.Process.Executable.StartsWith('/') ? "/home/alice" : @"C:\Users\alice");
                writer.WriteStartObject("parent");
                writer.WriteString("name", e.Process.Parent!.Name);
                writer.WriteNumber("pid", random.Next(100, 60_000));
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }

        return stream.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, string[] values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
