using System.Collections.Generic;
using System.Linq;
using RuleGen.Ecs;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

// Elasticsearch's missing-event rules, run on a stream: a match that depends on a trailing window waits until
// a later event, AdvanceTime or Flush shows that the window has closed.
public class MissingEventTests
{
    private static List<int[]> MatchesWithFlush(IDetector detector, params EcsEvent[] events)
    {
        var alerts = Run(detector, events);
        detector.Flush(alerts);
        return alerts.Select(alert => alert.Events.Select(e => System.Array.IndexOf(events, e)).ToArray()).ToList();
    }

    [Fact]
    public void Trailing_EventInWindowDrops()
    {
        MatchesWithFlush(new MissingTrailingDetector(), Process("A", seconds: 0), Process("X", seconds: 2)).ShouldBeEmpty();
    }

    [Fact]
    public void Trailing_EventAfterWindowReleases()
    {
        var detector = new MissingTrailingDetector();
        EcsEvent a = Process("A", seconds: 0);

        Run(detector, a).ShouldBeEmpty();
        List<Alert> released = Run(detector, Process("X", seconds: 6));

        released.Single().Events.ShouldBe(new[] { a });
    }

    [Fact]
    public void Trailing_WindowBoundIsInclusive()
    {
        MatchesWithFlush(new MissingTrailingDetector(), Process("A", seconds: 0), Process("X", seconds: 5)).ShouldBeEmpty();
    }

    [Fact]
    public void Trailing_LaterEventReleases()
    {
        var detector = new MissingTrailingDetector();
        Run(detector, Process("A", seconds: 0));

        Run(detector, Process("other", seconds: 5)).ShouldBeEmpty();
        Run(detector, Process("other", seconds: 5.001)).Count.ShouldBe(1);
    }

    [Fact]
    public void Trailing_AdvanceTimeReleases()
    {
        var detector = new MissingTrailingDetector();
        Run(detector, Process("A", seconds: 0));
        var alerts = new List<Alert>();

        detector.AdvanceTime(Start.AddSeconds(4), alerts);
        alerts.ShouldBeEmpty();
        detector.AdvanceTime(Start.AddSeconds(6), alerts);

        alerts.Count.ShouldBe(1);
    }

    [Fact]
    public void Trailing_FlushReleases()
    {
        MatchesWithFlush(new MissingTrailingDetector(), Process("A", seconds: 0)).Single().ShouldBe(new[] { 0 });
    }

    [Fact]
    public void Trailing_OtherKeyDoesNotDrop()
    {
        MatchesWithFlush(new MissingTrailingDetector(), Process("A", host: "h1", seconds: 0), Process("X", host: "h2", seconds: 1)).Count.ShouldBe(1);
    }

    [Fact]
    public void Leading_RecentEventDrops()
    {
        MatchesWithFlush(new MissingLeadingDetector(), Process("X", seconds: 0), Process("A", seconds: 3)).ShouldBeEmpty();
    }

    [Fact]
    public void Leading_OldEventKeeps()
    {
        var detector = new MissingLeadingDetector();
        EcsEvent[] events = { Process("X", seconds: 0), Process("A", seconds: 6) };

        // Nothing waits: the match is released with the event that completes it.
        Matches(detector, events).Single().ShouldBe(new[] { 1 });
    }

    [Fact]
    public void Middle_EventBetweenDrops()
    {
        MatchesWithFlush(new MissingMiddleDetector(), Process("A", seconds: 0), Process("X", seconds: 1), Process("B", seconds: 2)).ShouldBeEmpty();
    }

    [Fact]
    public void Middle_NoEventBetweenMatches()
    {
        MatchesWithFlush(new MissingMiddleDetector(), Process("X", seconds: 0), Process("A", seconds: 1), Process("B", seconds: 2)).Single().ShouldBe(new[] { 1, 2 });
    }

    // 'with runs=2' on a middle missing term gives two copies that check the same interval as one would.
    [Fact]
    public void MiddleRuns_EventBetweenDrops()
    {
        MatchesWithFlush(new MissingMiddleRunsDetector(), Process("A", seconds: 0), Process("X", seconds: 1), Process("B", seconds: 2)).ShouldBeEmpty();
    }

    [Fact]
    public void MiddleRuns_NoEventBetweenMatches()
    {
        MatchesWithFlush(new MissingMiddleRunsDetector(), Process("A", seconds: 0), Process("B", seconds: 2)).Single().ShouldBe(new[] { 0, 1 });
    }

    // With both leading and trailing terms, Elasticsearch drops a match only when both events exist within maxspan.
    [Fact]
    public void Both_NoLeadingKeepsAtOnce()
    {
        Matches(new MissingBothDetector(), Process("A", seconds: 0), Process("Y", seconds: 1)).Single().ShouldBe(new[] { 0 });
    }

    [Fact]
    public void Both_CloseEventsDrop()
    {
        MatchesWithFlush(new MissingBothDetector(), Process("X", seconds: 0), Process("A", seconds: 1), Process("Y", seconds: 4)).ShouldBeEmpty();
    }

    [Fact]
    public void Both_DistantEventsKeep()
    {
        MatchesWithFlush(new MissingBothDetector(), Process("X", seconds: 0), Process("A", seconds: 1), Process("Y", seconds: 6)).Single().ShouldBe(new[] { 1 });
    }
}
