using System;
using System.IO;
using System.Linq;
using RuleGen.Ecs;
using RuleGen.Events;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

// A date join key compares instants at millisecond precision, as Elasticsearch does: texts in different zones or
// formats that name one instant are one key. The alert reports the key as a UTC DateTimeOffset.
public class DateJoinKeyTests
{
    private static readonly DateTimeOffset ParentStart = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    // 1671235200000 in epoch milliseconds.
    private static readonly DateTimeOffset RunDate = new(2022, 12, 17, 0, 0, 0, TimeSpan.Zero);

    private static EcsEvent Parent(DateTimeOffset? start, double seconds = 0)
    {
        EcsEvent e = Process("parent.exe", seconds: seconds);
        e.Process!.Start = start;
        return e;
    }

    private static EcsEvent Child(DateTimeOffset? parentStart, double seconds = 1)
    {
        EcsEvent e = Process("child.exe", seconds: seconds);
        e.Process!.Parent = new ProcessParentFields { Start = parentStart };
        return e;
    }

    private static EcsEvent[] ReadJson(params string[] lines)
    {
        using var reader = new JsonLinesEventReader(new StringReader(string.Join("\n", lines)));
        return reader.ReadAll().Select(result => result.Event!).ToArray();
    }

    [Fact]
    public void Sequence_SameInstantInOtherZoneJoins()
    {
        var alerts = Run(new DateKeySequenceDetector(), Parent(ParentStart), Child(new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.FromHours(1))));

        alerts.Count.ShouldBe(1);
        alerts[0].Events.Select(e => e.Process!.Name).ShouldBe(new[] { "parent.exe", "child.exe" });
        alerts[0].JoinKeys.ShouldBe(new object?[] { ParentStart });
        alerts[0].JoinKeys[0].ShouldBeOfType<DateTimeOffset>().Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Sequence_OtherMillisecondDoesNotJoin()
    {
        Matches(new DateKeySequenceDetector(), Parent(ParentStart), Child(ParentStart.AddMilliseconds(1))).ShouldBeEmpty();
    }

    // Elasticsearch's date type keeps milliseconds, so a difference below one millisecond is the same key.
    [Fact]
    public void Sequence_SubMillisecondDifferenceJoins()
    {
        var alerts = Run(new DateKeySequenceDetector(), Parent(ParentStart.AddTicks(5)), Child(ParentStart.AddTicks(1)));

        alerts.Count.ShouldBe(1);
        alerts[0].JoinKeys[0].ShouldBeOfType<DateTimeOffset>().UtcTicks.ShouldBe(ParentStart.UtcTicks);
    }

    [Fact]
    public void Sequence_MissingDateTakesNoPart()
    {
        Matches(new DateKeySequenceDetector(), Parent(null), Child(null)).ShouldBeEmpty();
    }

    [Fact]
    public void Sequence_DateKeysReadFromJson()
    {
        EcsEvent[] events = ReadJson(
            """{"@timestamp": "2026-01-01T10:00:00Z", "event": {"category": ["process"]}, "process": {"name": "parent.exe", "start": "2026-01-01T10:00:00Z"}}""",
            """{"@timestamp": "2026-01-01T10:00:01Z", "event": {"category": ["process"]}, "process": {"name": "child.exe", "parent": {"start": 1767261600000}}}""");

        var alerts = Run(new DateKeySequenceDetector(), events);

        alerts.Count.ShouldBe(1);
        alerts[0].JoinKeys.ShouldBe(new object?[] { ParentStart });
    }

    [Fact]
    public void Sample_CustomDateTextsNamingOneInstantJoin()
    {
        EcsEvent[] events = ReadJson(
            """{"event": {"category": ["process"]}, "job": {"run_date": "2022-12-17"}}""",
            """{"event": {"category": ["file"]}, "job.run_date": "2022-12-18"}""",
            """{"event": {"category": ["file"]}, "job.run_date": "1671235200000"}""");

        var alerts = Run(new DateKeySampleDetector(), events);

        alerts.Count.ShouldBe(1);
        alerts[0].Events.ShouldBe(new[] { events[0], events[2] });
        alerts[0].JoinKeys.ShouldBe(new object?[] { RunDate });
    }

    // A custom date field in another format than ISO 8601 or epoch milliseconds cannot be read, so its event
    // takes no part, as an event without the key.
    [Fact]
    public void Sample_UnreadableDateTakesNoPart()
    {
        EcsEvent[] events = ReadJson(
            """{"event": {"category": ["process"]}, "job.run_date": "17-12-2022"}""",
            """{"event": {"category": ["file"]}, "job.run_date": "2022-12-17"}""");

        Run(new DateKeySampleDetector(), events).ShouldBeEmpty();
    }

    // A custom field is read as an array, and each distinct instant is one key, however it is written. The
    // completing event's keys raise their samples in the order of its elements.
    [Fact]
    public void Sample_ArrayOfDatesFansOutByInstant()
    {
        EcsEvent process = Process("a").WithCustomField("job.run_date", new object[] { "2022-12-17T01:00:00+01:00", RunDate.ToUnixTimeMilliseconds(), "2022-12-18" });
        EcsEvent file = File("x.txt", seconds: 1).WithCustomField("job.run_date", new object[] { "2022-12-18T00:00:00Z", "2022-12-17" });

        var alerts = Run(new DateKeySampleDetector(), process, file);

        alerts.Select(alert => alert.JoinKeys.Single()).ShouldBe(new object?[] { RunDate.AddDays(1), RunDate });
        alerts.ShouldAllBe(alert => alert.Events.SequenceEqual(new[] { process, file }));
    }
}
