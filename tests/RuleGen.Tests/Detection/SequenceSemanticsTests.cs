using System.Linq;
using RuleGen.Ecs;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

public class SequenceSemanticsTests
{
    // Elasticsearch: [A][B] over A1 B2 B3 gives only (A1, B2): B2 consumes the partial.
    [Fact]
    public void Sequence_CompletedPartialIsConsumed()
    {
        EcsEvent[] events = { Process("A", seconds: 1), Process("B", seconds: 2), Process("B", seconds: 3) };

        var matches = Matches(new StagesABDetector(), events);

        matches.Count.ShouldBe(1);
        matches[0].ShouldBe(new[] { 0, 1 });
    }

    // Elasticsearch: [A][B] over A1 A2 B3 gives (A2, B3): the newer partial replaces the older one.
    [Fact]
    public void Sequence_NewerPartialReplacesOlder()
    {
        EcsEvent[] events = { Process("A", seconds: 1), Process("A", seconds: 2), Process("B", seconds: 3) };

        var matches = Matches(new StagesABDetector(), events);

        matches.Count.ShouldBe(1);
        matches[0].ShouldBe(new[] { 1, 2 });
    }

    // Elasticsearch: [A][A] over A1 A2 A3 A4 gives (1,2) (2,3) (3,4): an event completes one partial and starts the next.
    [Fact]
    public void Sequence_EventFillsOneStagePerPartial()
    {
        EcsEvent[] events = { Process("A", seconds: 1), Process("A", seconds: 2), Process("A", seconds: 3), Process("A", seconds: 4) };

        var matches = Matches(new StagesAADetector(), events);

        matches.Count.ShouldBe(3);
        matches[0].ShouldBe(new[] { 0, 1 });
        matches[1].ShouldBe(new[] { 1, 2 });
        matches[2].ShouldBe(new[] { 2, 3 });
    }

    [Fact]
    public void Maxspan_BoundIsInclusive()
    {
        EcsEvent start = Process("cmd.exe", seconds: 0);
        start.Process!.EntityId = "p1";

        var matches = Matches(new MaxspanTwoStageDetector(), start, File("a.txt", seconds: 5, entityId: "p1"));

        matches.Count.ShouldBe(1);
        matches[0].ShouldBe(new[] { 0, 1 });
    }

    [Fact]
    public void Maxspan_OneMillisecondLateExpires()
    {
        EcsEvent start = Process("cmd.exe", seconds: 0);
        start.Process!.EntityId = "p1";

        var matches = Matches(new MaxspanTwoStageDetector(), start, File("a.txt", seconds: 5.001, entityId: "p1"));

        matches.ShouldBeEmpty();
    }

    // maxspan counts from the first event, not from the previous one: 0 s, 3 s and 6 s do not fit in 5 s.
    [Fact]
    public void Maxspan_MeasuredFromFirstEvent()
    {
        EcsEvent[] late = { Process("A", seconds: 0), Process("B", seconds: 3), Process("C", seconds: 6) };
        EcsEvent[] inTime = { Process("A", seconds: 0), Process("B", seconds: 3), Process("C", seconds: 5) };

        Matches(new ThreeStagesDetector(), late).ShouldBeEmpty();
        Matches(new ThreeStagesDetector(), inTime).Single().ShouldBe(new[] { 0, 1, 2 });
    }

    [Fact]
    public void JoinKey_PartialsArePerKey()
    {
        EcsEvent startP1 = Process("cmd.exe", seconds: 0);
        startP1.Process!.EntityId = "p1";
        EcsEvent startP2 = Process("cmd.exe", seconds: 1);
        startP2.Process!.EntityId = "p2";
        EcsEvent[] events = { startP1, startP2, File("a", seconds: 2, entityId: "p1"), File("b", seconds: 3, entityId: "P2") };

        var matches = Matches(new MaxspanTwoStageDetector(), events);

        // Key values compare case-sensitively, so "P2" does not complete the partial of "p2".
        matches.Count.ShouldBe(1);
        matches[0].ShouldBe(new[] { 0, 2 });
    }

    [Fact]
    public void JoinKey_MissingRequiredKeyTakesNoPart()
    {
        EcsEvent start = Process("cmd.exe", seconds: 0);

        Matches(new MaxspanTwoStageDetector(), start, File("a", seconds: 1, entityId: null)).ShouldBeEmpty();
    }

    // A '?field' key accepts a missing value, and null pairs with null.
    [Fact]
    public void OptionalJoinKey_NullPairsWithNull()
    {
        EcsEvent[] events = { Process("A", seconds: 0), Process("B", seconds: 1) };

        Matches(new OptionalKeyDetector(), events).Single().ShouldBe(new[] { 0, 1 });
    }

    [Fact]
    public void Reset_DropsPendingPartials()
    {
        var detector = new StagesABDetector();
        Run(detector, Process("A", seconds: 1));

        detector.Reset();

        Run(detector, Process("B", seconds: 2)).ShouldBeEmpty();
    }

    [Fact]
    public void MissingTimestamp_TakesLatestSeenTime()
    {
        EcsEvent start = Process("cmd.exe", seconds: 0);
        start.Process!.EntityId = "p1";
        EcsEvent file = File("a", seconds: 0, entityId: "p1");
        file.Timestamp = null;

        Matches(new MaxspanTwoStageDetector(), start, file).Single().ShouldBe(new[] { 0, 1 });
    }

    // The alert carries the key values its events share, in the order of the keys; an optional key that no schema
    // declares is null.
    [Fact]
    public void Alert_CarriesJoinKeys()
    {
        var alerts = Run(new KeysInAlertDetector(), Process("a", host: "web01"), Process("b", host: "web01", seconds: 1));

        alerts.Single().JoinKeys.ShouldBe(new object?[] { "web01", null });
    }
}
