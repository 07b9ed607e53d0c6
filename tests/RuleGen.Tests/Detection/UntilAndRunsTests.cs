using System;
using System.Linq;
using RuleGen.Ecs;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

public class UntilAndRunsTests
{
    private static EcsEvent ProcessEvent(string type, long pid, double seconds, string name = "cmd.exe") => new()
    {
        Timestamp = Start.AddSeconds(seconds),
        Event = new EventFields { Category = new[] { "process" }, Type = new[] { type } },
        Process = new ProcessFields { Name = name, Pid = pid },
    };

    private static EcsEvent FileCreation(long pid, double seconds) => new()
    {
        Timestamp = Start.AddSeconds(seconds),
        Event = new EventFields { Category = new[] { "file" }, Type = new[] { "creation" } },
        Process = new ProcessFields { Pid = pid },
    };

    private static EcsEvent Categorized(string category, string entityId, double seconds, string? dllName = null) => new()
    {
        Timestamp = Start.AddSeconds(seconds),
        Event = new EventFields { Category = new[] { category }, Type = new[] { category == "process" ? "start" : "info" } },
        Process = new ProcessFields { EntityId = entityId },
        Dll = dllName is null ? null : new DllFields { Name = dllName },
    };

    [Fact]
    public void Until_BeforeCompletionDropsPartial()
    {
        var matches = Matches(new UntilProcessEndDetector(), ProcessEvent("start", 10, 0), ProcessEvent("end", 10, 1), FileCreation(10, 2));

        matches.ShouldBeEmpty();
    }

    [Fact]
    public void Until_AfterCompletionChangesNothing()
    {
        var matches = Matches(new UntilProcessEndDetector(), ProcessEvent("start", 11, 0), FileCreation(11, 1), ProcessEvent("end", 11, 2));

        matches.Single().ShouldBe(new[] { 0, 1 });
    }

    [Fact]
    public void Until_AppliesPerJoinKey()
    {
        var matches = Matches(new UntilProcessEndDetector(), ProcessEvent("start", 12, 0), ProcessEvent("end", 99, 1), FileCreation(12, 2));

        matches.Single().ShouldBe(new[] { 0, 2 });
    }

    // A streaming engine processes events in arrival order, so the file event completes the match before the
    // end event with the same timestamp arrives. Elasticsearch, which orders by timestamp, may drop this match.
    [Fact]
    public void Until_TieArrivingLaterDoesNotCancel()
    {
        var matches = Matches(new UntilProcessEndDetector(), ProcessEvent("start", 13, 0), FileCreation(13, 1), ProcessEvent("end", 13, 1));

        matches.Single().ShouldBe(new[] { 0, 1 });
    }

    // Elasticsearch drops a partial only when an until event came after the partial's last event and before the
    // new event, so an event that matches both the until query and the last term still completes the match.
    [Fact]
    public void Until_SameEventCompletesMatch()
    {
        var matches = Matches(new UntilAlsoLastTermDetector(), ProcessEvent("start", 14, 0), ProcessEvent("end", 14, 1));

        matches.Single().ShouldBe(new[] { 0, 1 });
    }

    // The partial that the until event advanced ends at the until event, so it is dropped before the next term.
    [Fact]
    public void Until_SameEventAdvancesThenDrops()
    {
        var matches = Matches(new UntilAlsoMiddleTermDetector(), ProcessEvent("start", 15, 0), ProcessEvent("end", 15, 1), FileCreation(15, 2));

        matches.ShouldBeEmpty();
    }

    [Fact]
    public void Runs_TwoLibrariesAreNotEnough()
    {
        EcsEvent[] events =
        {
            Categorized("process", "p1", 0), Categorized("library", "p1", 1, "a.dll"), Categorized("library", "p1", 2, "b.dll"), Categorized("registry", "p1", 3),
        };

        Matches(new RunsThreeLibrariesDetector(), events).ShouldBeEmpty();
    }

    [Fact]
    public void Runs_ThreeLibrariesMatch()
    {
        EcsEvent[] events =
        {
            Categorized("process", "p1", 0), Categorized("library", "p1", 1, "a.dll"), Categorized("library", "p1", 2, "b.dll"),
            Categorized("library", "p1", 3, "c.DLL"), Categorized("registry", "p1", 4),
        };

        Matches(new RunsThreeLibrariesDetector(), events).Single().ShouldBe(new[] { 0, 1, 2, 3, 4 });
    }

    [Fact]
    public void Runs_OnFirstTerm()
    {
        EcsEvent[] events = { Categorized("file", "f", 0), Categorized("file", "f", 1), Categorized("process", "p", 2) };

        Matches(new RunsFirstTermDetector(), events).Single().ShouldBe(new[] { 0, 1, 2 });
    }
}
