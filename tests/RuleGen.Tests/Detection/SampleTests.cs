using System.Linq;
using RuleGen.Ecs;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

public class SampleTests
{
    private static EcsEvent FileOn(string? host, double seconds)
    {
        EcsEvent e = File("x.txt", seconds);
        e.Host = host is null ? null : new HostFields { Name = host };
        return e;
    }

    [Fact]
    public void Sample_EventsInAnyOrder()
    {
        var alerts = Run(new SampleProcessFileDetector(), FileOn("h1", 0), Process("a", host: "h1", seconds: 5));

        alerts.Count.ShouldBe(1);
        alerts[0].Events[0].Process!.Name.ShouldBe("a");
        alerts[0].Events[1].File!.Name.ShouldBe("x.txt");
        alerts[0].JoinKeys.ShouldBe(new object?[] { "h1" });
    }

    [Fact]
    public void Sample_KeysMustBeEqual()
    {
        var matches = Matches(new SampleProcessFileDetector(), Process("a", host: "h1"), FileOn("h2", 1), FileOn("h1", 2));

        matches.Single().ShouldBe(new[] { 0, 2 });
    }

    [Fact]
    public void Sample_OnePerKey()
    {
        var matches = Matches(new SampleProcessFileDetector(), Process("a", host: "h1"), FileOn("h1", 1), Process("a", host: "h1", seconds: 2), FileOn("h1", 3));

        matches.Single().ShouldBe(new[] { 0, 1 });
    }

    [Fact]
    public void Sample_RequiredKeyMissingTakesNoPart()
    {
        var matches = Matches(new SampleProcessFileDetector(), Process("a", host: null), FileOn(null, 1));

        matches.ShouldBeEmpty();
    }

    // One event matches both terms, but a sample needs a different event for each term.
    [Fact]
    public void Sample_EventFillsOneTermOnly()
    {
        var matches = Matches(new SampleSharedEventDetector(), Process("b"), Process("c", seconds: 1));

        matches.Single().ShouldBe(new[] { 1, 0 });
    }

    [Fact]
    public void Sample_SingleEventIsNotASample()
    {
        Matches(new SampleSharedEventDetector(), Process("b")).ShouldBeEmpty();
    }

    [Fact]
    public void Sample_ResetForgetsKeys()
    {
        var detector = new SampleProcessFileDetector();
        Run(detector, Process("a"), FileOn("h1", 1)).Count.ShouldBe(1);

        detector.Reset();

        Matches(detector, Process("a"), FileOn("h1", 1)).Single().ShouldBe(new[] { 0, 1 });
    }
}
