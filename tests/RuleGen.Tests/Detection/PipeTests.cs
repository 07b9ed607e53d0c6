using System.Collections.Generic;
using System.Linq;
using RuleGen.Ecs;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

public class PipeTests
{
    private static readonly EcsEvent[] FourMatches = { Process("A", seconds: 1), Process("A", seconds: 2), Process("A", seconds: 3), Process("A", seconds: 4) };

    [Fact]
    public void Head_PassesFirstAlertsOnly()
    {
        var detector = new PipeHeadDetector();

        List<Alert> alerts = Run(detector, FourMatches);
        detector.Flush(alerts);

        alerts.Select(alert => alert.LastEvent).ShouldBe(new[] { FourMatches[0], FourMatches[1] });
    }

    [Fact]
    public void Tail_RaisesLastAlertsOnFlush()
    {
        var detector = new PipeTailDetector();

        List<Alert> alerts = Run(detector, FourMatches);
        alerts.ShouldBeEmpty();
        detector.Flush(alerts);

        alerts.Select(alert => alert.LastEvent).ShouldBe(new[] { FourMatches[2], FourMatches[3] });
    }

    [Fact]
    public void HeadThenTail_AppliesInOrder()
    {
        var detector = new PipeHeadThenTailDetector();

        List<Alert> alerts = Run(detector, FourMatches);
        detector.Flush(alerts);

        alerts.Single().LastEvent.ShouldBe(FourMatches[2]);
    }

    [Fact]
    public void Reset_RestartsHeadCount()
    {
        var detector = new PipeHeadDetector();
        Run(detector, FourMatches);

        detector.Reset();

        Run(detector, FourMatches).Count.ShouldBe(2);
    }
}
