using System;
using System.Linq;
using RuleGen.Ecs;
using RuleGen.Events;

namespace RuleGen.Tests.Events;

public sealed class EcsDocumentTests
{
    [Theory]
    [InlineData("""{"@timestamp": "2024-01-02T03:04:05Z", "event": {"category": ["process"], "type": ["start"]}, "process": {"name": "ssh.exe", "pid": 42, "args": ["ssh", "-D", "1080"], "parent": {"name": "cmd.exe"}}}""")]
    [InlineData("""{"@timestamp": "2024-01-02T03:04:05Z", "event.category": ["process"], "event.type": ["start"], "process.name": "ssh.exe", "process.pid": 42, "process.args": ["ssh", "-D", "1080"], "process.parent.name": "cmd.exe"}""")]
    [InlineData("""{"@timestamp": "2024-01-02T03:04:05Z", "event": {"category": "process", "type": ["start"]}, "process": {"name": "ssh.exe", "pid": "42", "args": ["ssh", "-D", "1080"], "parent.name": "cmd.exe"}}""")]
    [InlineData("""{"@timestamp": "2024-01-02T03:04:05Z", "event.category": ["process"], "event": {"type": ["start"]}, "process.parent": {"name": "cmd.exe"}, "process": {"name": "ssh.exe", "pid": 42}, "process.args": ["ssh", "-D", "1080"]}""")]
    public void Ecs_NestedAndDottedKeysSameEvent(string json)
    {
        EventReadResult result = EventLines.ReadSingle(json);

        result.Format.ShouldBe(EventFormat.Ecs);
        result.Warnings.ShouldBeEmpty();
        EcsEvent ecsEvent = result.Event!;
        ecsEvent.Timestamp.ShouldBe(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
        ecsEvent.Event!.Category.ShouldBe(new[] { "process" });
        ecsEvent.Event.Type.ShouldBe(new[] { "start" });
        ecsEvent.Process!.Name.ShouldBe("ssh.exe");
        ecsEvent.Process.Pid.ShouldBe(42);
        ecsEvent.Process.Args.ShouldBe(new[] { "ssh", "-D", "1080" });
        ecsEvent.Process.Parent!.Name.ShouldBe("cmd.exe");
    }

    [Fact]
    public void Ecs_UnknownFieldsCountedSilently()
    {
        using var reader = new JsonLinesEventReader(new System.IO.StringReader(
            """{"_source_file": "a.json", "process.name": "a.exe", "custom": {"x": 1, "y": [1, 2], "z": {}}, "process": {"made_up": true}}"""));

        EventReadResult result = reader.ReadAll().ToList().ShouldHaveSingleItem();

        result.Warnings.ShouldBeEmpty();
        result.Event!.Process!.Name.ShouldBe("a.exe");
        reader.UnknownFieldCount.ShouldBe(4);
        reader.FieldWarnings.ShouldBe(0);
    }

    [Fact]
    public void Ecs_InvalidValueWarnsAndKeepsEvent()
    {
        EventReadResult result = EventLines.ReadSingle("""{"process.pid": "abc", "process.name": "a.exe"}""");

        result.Event!.Process!.Name.ShouldBe("a.exe");
        result.Event.Process.Pid.ShouldBeNull();
        FieldWarning warning = result.Warnings.ShouldHaveSingleItem();
        warning.Line.ShouldBe(1);
        warning.Field.ShouldBe("process.pid");
        warning.Value.ShouldBe("\"abc\"");
        warning.ExpectedType.ShouldBe("integer");
        warning.Message.ShouldBe("Line 1: invalid value \"abc\" in field 'process.pid', expected integer. The value was ignored.");
    }

    // Elasticsearch truncates a fraction stored in an integer field.
    [Theory]
    [InlineData("""{"process.pid": 12.7}""")]
    [InlineData("""{"process.pid": 12.0}""")]
    [InlineData("""{"process.pid": "12.9"}""")]
    [InlineData("""{"process.pid": "12"}""")]
    public void Ecs_IntegerFieldTruncatesFraction(string json)
    {
        EventReadResult result = EventLines.ReadSingle(json);

        result.Event!.Process!.Pid.ShouldBe(12);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Ecs_IntegerOutOfRangeWarns()
    {
        EventReadResult result = EventLines.ReadSingle("""{"process.pid": 1e30}""");

        result.Event!.Process.ShouldBeNull();
        result.Warnings.ShouldHaveSingleItem().ExpectedType.ShouldBe("integer");
    }

    [Theory]
    [InlineData("""{"@timestamp": "yesterday"}""", "@timestamp", "date (ISO 8601 text or epoch milliseconds)")]
    [InlineData("""{"process": {"name": {"first": "a"}}}""", "process.name", "string")]
    [InlineData("""{"process.interactive": "yes"}""", "process.interactive", "boolean")]
    [InlineData("""{"event": {"risk_score": "high"}}""", "event.risk_score", "number")]
    [InlineData("""{"process.args": [{"a": 1}]}""", "process.args", "string")]
    public void Ecs_InvalidValueExpectedType(string json, string field, string expectedType)
    {
        EventReadResult result = EventLines.ReadSingle(json);

        result.Event.ShouldNotBeNull();
        FieldWarning warning = result.Warnings.ShouldHaveSingleItem();
        warning.Field.ShouldBe(field);
        warning.ExpectedType.ShouldBe(expectedType);
    }

    [Fact]
    public void Ecs_LongValueShortened()
    {
        string digits = new string('7', 100);
        EventReadResult result = EventLines.ReadSingle($$"""{"process.pid": "x{{digits}}"}""");

        FieldWarning warning = result.Warnings.ShouldHaveSingleItem();
        warning.Value.ShouldBe("\"x" + new string('7', 55) + "...");
        warning.Value.Length.ShouldBe(60);
    }

    [Fact]
    public void Ecs_LaterDuplicateKeyWins()
    {
        EventReadResult result = EventLines.ReadSingle("""{"process": {"name": "first.exe"}, "process.name": "second.exe"}""");

        result.Event!.Process!.Name.ShouldBe("second.exe");
    }
}
