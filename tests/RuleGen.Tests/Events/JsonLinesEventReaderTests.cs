using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RuleGen.Events;

namespace RuleGen.Tests.Events;

public sealed class JsonLinesEventReaderTests
{
    [Fact]
    public void Read_InvalidJsonReportedAndReadingContinues()
    {
        using var reader = new JsonLinesEventReader(new StringReader(
            "{\"process.name\": \"a.exe\"}\n{\"process.name\": \n{\"process.name\": \"c.exe\"}\n"));

        List<EventReadResult> results = reader.ReadAll().ToList();

        results.Count.ShouldBe(3);
        results[1].Line.ShouldBe(2);
        results[1].IsMalformed.ShouldBeTrue();
        results[1].Event.ShouldBeNull();
        results[1].Format.ShouldBeNull();
        results[1].Warnings.ShouldBeEmpty();
        results[1].Error!.ShouldStartWith("Line 2 is not valid JSON and was skipped: ");
        results[1].Error!.ShouldNotContain("LineNumber");
        results[1].Error!.ShouldEndWith("(at byte 18)");
        results[2].Line.ShouldBe(3);
        results[2].Event!.Process!.Name.ShouldBe("c.exe");
        results[2].Event!.InputLine.ShouldBe(3);
        reader.LinesRead.ShouldBe(3);
        reader.EventsRead.ShouldBe(2);
        reader.MalformedLines.ShouldBe(1);
    }

    [Theory]
    [InlineData("[1, 2]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    public void Read_NonObjectLineMalformed(string line, string kind)
    {
        using var reader = new JsonLinesEventReader(new StringReader(line + "\n{\"host.name\": \"h\"}"));

        List<EventReadResult> results = reader.ReadAll().ToList();

        results[0].Error.ShouldBe($"Line 1 is a JSON {kind}, not a JSON object, and was skipped. Each line must contain one event as a JSON object.");
        results[0].Event.ShouldBeNull();
        results[1].Event!.Host!.Name.ShouldBe("h");
        reader.MalformedLines.ShouldBe(1);
        reader.EventsRead.ShouldBe(1);
    }

    [Theory]
    [InlineData("{\"process\": {\"name\": \"a\\ud800\"}}")]
    [InlineData("{\"x\\ud800\": 1}")]
    public void Read_UnpairedSurrogateMalformed(string line)
    {
        using var reader = new JsonLinesEventReader(new StringReader(line + "\n{\"host.name\": \"h\"}"));

        List<EventReadResult> results = reader.ReadAll().ToList();

        results[0].Event.ShouldBeNull();
        results[0].Error!.ShouldStartWith("Line 1 contains a string that is not valid text and was skipped: ");
        results[1].Event!.Host!.Name.ShouldBe("h");
        reader.MalformedLines.ShouldBe(1);
        reader.EventsRead.ShouldBe(1);
    }

    [Fact]
    public void Read_BlankLinesSkipped()
    {
        using var reader = new JsonLinesEventReader(new StringReader(
            "\n   \n{\"host.name\": \"a\"}\r\n\t\n{\"host.name\": \"b\"}\n\n"));

        List<EventReadResult> results = reader.ReadAll().ToList();

        results.Select(result => result.Line).ShouldBe(new long[] { 3, 5 });
        results.Select(result => result.Event!.Host!.Name).ShouldBe(new[] { "a", "b" });
        reader.LinesRead.ShouldBe(6);
        reader.EventsRead.ShouldBe(2);
        reader.MalformedLines.ShouldBe(0);
    }

    [Fact]
    public void Read_FieldWarningsCounted()
    {
        using var reader = new JsonLinesEventReader(new StringReader(
            "{\"process.pid\": \"x\"}\n{\"process.pid\": 7}\n{\"process.pid\": true, \"@timestamp\": \"soon\"}"));

        List<EventReadResult> results = reader.ReadAll().ToList();

        results.Select(result => result.Warnings.Count).ShouldBe(new[] { 1, 0, 2 });
        results[2].Warnings.Select(warning => warning.Line).ShouldBe(new long[] { 3, 3 });
        results.ShouldAllBe(result => result.Event != null);
        reader.FieldWarnings.ShouldBe(3);
        reader.EventsRead.ShouldBe(3);
    }

    [Fact]
    public void Read_ByteOrderMarkSkipped()
    {
        using var reader = new JsonLinesEventReader(new StringReader("\uFEFF{\"host.name\": \"a\"}"));

        reader.ReadAll().ToList().ShouldHaveSingleItem().Event!.Host!.Name.ShouldBe("a");
    }

    [Fact]
    public void TryReadNext_FalseAtEnd()
    {
        using var reader = new JsonLinesEventReader(new StringReader("{\"host.name\": \"a\"}\n\n"));

        reader.TryReadNext(out EventReadResult? first).ShouldBeTrue();
        first!.Line.ShouldBe(1);
        reader.TryReadNext(out EventReadResult? second).ShouldBeFalse();
        second.ShouldBeNull();
    }

    [Fact]
    public void Open_ReadsFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rulegen-events-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{\"process.name\": \"a.exe\"}\n{\"Event\": {\"System\": {\"EventID\": 4624, \"Channel\": \"Security\"}}}\n");
        try
        {
            using JsonLinesEventReader reader = JsonLinesEventReader.Open(path);
            List<EventReadResult> results = reader.ReadAll().ToList();

            results.Select(result => result.Format).ShouldBe(new EventFormat?[] { EventFormat.Ecs, EventFormat.EvtxJson });
            results[1].Event!.Event!.Code.ShouldBe("4624");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Dispose_LeaveOpenKeepsReader()
    {
        var text = new StringReader("{}\n{}");
        using (var reader = new JsonLinesEventReader(text, leaveOpen: true))
        {
            reader.TryReadNext(out _).ShouldBeTrue();
        }

        text.ReadLine().ShouldBe("{}");
    }

    [Fact]
    public void Dispose_ClosesReaderByDefault()
    {
        var text = new StringReader("{}");
        using (new JsonLinesEventReader(text))
        {
        }

        Should.Throw<ObjectDisposedException>(() => text.ReadLine());
    }
}
