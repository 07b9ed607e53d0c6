using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using RuleGen.Events;
using RuleGen.Tests.Detection;
using Xunit.Abstractions;

namespace RuleGen.Tests.Events;

/// <summary>
/// Compares the generated EcsEventReader with JsonLinesEventReader on whole ECS documents: both must give the same
/// value, with its type, for every field the rules read, and the same warnings for those fields.
/// </summary>
public sealed class EventReaderAgreementTests
{
    // Fields no rule of this project reads, paths that are prefixes of read fields, ECS leaves given an object, and
    // keys that only look like read fields.
    private static readonly string[] OtherFields =
    {
        "agent.name", "ecs.version", "host.hostname", "user.id", "process.exit_code", "process.parent.pid", "process.Ext.other",
        "process", "process.parent", "event", "process.name.x", "process.parent.name.first", "process.Ext", "x", "processname", "",
    };

    private readonly ITestOutputHelper _output;

    public EventReaderAgreementTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void GeneratedDocuments_ReadersAgree()
    {
        Gen<string> fieldName = Gen.Frequency(
            (3, (IGen<string>)Gen.OneOf(EcsEventReader.FieldNames.Select(Gen.Const).ToArray())),
            (1, Gen.OneOf(OtherFields.Select(Gen.Const).ToArray())));
        Gen<string> member = Gen.Select(fieldName, Gen.Int, Gen.Int[0, 5], JsonValueGen.Value).Select(RenderMember);
        Gen<string> document = Gen.Select(member.Array[0, 12], Gen.Bool)
            .Select((members, spaced) => spaced ? "{ " + string.Join(" , ", members) + " }" : "{" + string.Join(",", members) + "}");

        document.Sample(AssertReadersAgree, iter: 3000);
    }

    [ConformanceFact]
    public void ConformanceDocuments_ReadersAgree()
    {
        string folder = FindSharedFolder("conformance")!;
        string[] files = Directory.GetFiles(folder, "test_data.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(folder, "*.data", SearchOption.AllDirectories))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
        int documents = 0;
        foreach (string path in files)
        {
            // Some data files have comments, which the documents written out by ToLine no longer contain.
            using JsonDocument data = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            foreach (JsonElement element in data.RootElement.EnumerateArray())
            {
                AssertReadersAgree(ToLine(element));
                documents++;
            }
        }

        _output.WriteLine($"Compared both readers on {documents} documents of {files.Length} files.");
        documents.ShouldBeGreaterThan(0);
    }

    private static void AssertReadersAgree(string line)
    {
        EventReadResult generated = EcsEventReader.Read(Encoding.UTF8.GetBytes(line), 1);
        using var reader = new JsonLinesEventReader(new StringReader(line));
        EventReadResult general = reader.ReadAll().Single();

        generated.Error.ShouldBe(general.Error, line);
        if (general.Event is null)
        {
            return;
        }

        // A document whose keys look like a Windows layout would be read as Windows by the general reader.
        general.Format.ShouldBe(EventFormat.Ecs, line);
        EventFieldText.Describe(generated.Event!, EcsEventReader.FieldNames)
            .ShouldBe(EventFieldText.Describe(general.Event, EcsEventReader.FieldNames), line);
        generated.Warnings.ShouldBe(general.Warnings.Where(warning => EcsEventReader.FieldNames.Contains(warning.Field)).ToArray(), line);
    }

    // Writes one member for a field: the dotted name is cut into keys at some of its dots (so "process.parent.name"
    // may become {"process": {"parent.name": v}}), and one character of one key may be written as a \u escape.
    private static string RenderMember(string field, int cuts, int escape, string value)
    {
        string[] segments = field.Split('.');
        var keys = new List<string> { segments[0] };
        for (int i = 1; i < segments.Length; i++)
        {
            if (((cuts >> i) & 1) == 1)
            {
                keys.Add(segments[i]);
            }
            else
            {
                keys[^1] += "." + segments[i];
            }
        }

        var builder = new StringBuilder();
        for (int i = 0; i < keys.Count; i++)
        {
            string key = keys[i];
            string quoted = escape < key.Length && i == keys.Count - 1
                ? "\"" + key.Substring(0, escape) + "\\u" + ((int)key[escape]).ToString("x4") + key.Substring(escape + 1) + "\""
                : JsonSerializer.Serialize(key);
            builder.Append(i == 0 ? string.Empty : "{").Append(quoted).Append(": ");
        }

        builder.Append(value).Append('}', keys.Count - 1);
        return builder.ToString();
    }

    // One document on one line, as in a JSON Lines file, keeping its members in order.
    private static string ToLine(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // The shared test data lives next to the repository root, the nearest folder above the tests that has RuleGen.sln.
    internal static string? FindSharedFolder(string name)
    {
        string? folder = DescribeSharedFolder(name);
        return Directory.Exists(folder) ? folder : null;
    }

    internal static string DescribeSharedFolder(string name)
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RuleGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? Path.Combine("<repository>", "..", "shared", name)
            : Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", name));
    }
}

/// <summary>A fact that runs only when the shared conformance data is present, and is reported as skipped, with the reason, when it is not.</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (EventReaderAgreementTests.FindSharedFolder("conformance") is null)
        {
            Skip = $"The conformance data folder {EventReaderAgreementTests.DescribeSharedFolder("conformance")} was not found; it is licensed for testing only and is not part of the repository, so this test is skipped.";
        }
    }
}
