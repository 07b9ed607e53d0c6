using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EmbeddedAgent;

namespace RuleGen.Tests.Agent;

public class AgentRunnerTests
{
    private static string SampleEvents => Path.Combine(AppContext.BaseDirectory, "events", "sample-events.jsonl");

    [Fact]
    public void SampleEvents_FiveBehavioursAlert()
    {
        var alerts = new List<AgentAlert>();
        var problems = new List<InputProblem>();

        using StreamReader input = File.OpenText(SampleEvents);
        RunSummary summary = AgentRunner.Run(input, alerts.Add, problems.Add);

        // netsh portproxy, ssh -L, chisel R:socks, nc.exe -e, ssh -D; the installer's netsh (line 10) is suppressed.
        alerts.SelectMany(alert => alert.Lines).ShouldBe(new long[] { 2, 4, 6, 7, 9 });
        alerts.Select(alert => alert.HostName).ShouldBe(new[] { "WS01", "WS01", "web01", "WS02", "web01" });
        problems.ShouldBeEmpty();
        summary.EventsRead.ShouldBe(11);
        summary.MalformedLines.ShouldBe(0);
        summary.TotalAlerts.ShouldBe(5);
        summary.AlertsByRule.Single().Rule.Id.ShouldBe("6e45c59d-83f6-414a-ab63-fdce8a9b6454");
    }

    [Fact]
    public void MalformedLine_ReportedAndRunContinues()
    {
        string events = string.Join(
            "\n",
            "{\"event\":{\"category\":[\"process\"],\"type\":[\"start\"]},\"host\":{\"name\":\"h\"},\"process\":{\"name\":\"nc.exe\"}}",
            "{not json",
            "[1, 2]",
            "{\"event\":{\"category\":[\"process\"],\"type\":[\"start\"]},\"host\":{\"name\":\"h\"},\"process\":{\"name\":\"ncat\",\"pid\":\"abc\"}}");
        var alerts = new List<AgentAlert>();
        var problems = new List<InputProblem>();

        RunSummary summary = AgentRunner.Run(new StringReader(events), alerts.Add, problems.Add);

        alerts.SelectMany(alert => alert.Lines).ShouldBe(new long[] { 1, 4 });
        summary.EventsRead.ShouldBe(2);
        summary.MalformedLines.ShouldBe(2);
        summary.FieldWarnings.ShouldBe(1);
        problems.Select(problem => (problem.Line, problem.IsMalformedLine)).ShouldBe(new[] { (2L, true), (3L, true), (4L, false) });
        problems[0].Message.ShouldContain("line 2");
        problems[2].Message.ShouldContain("process.pid");
    }

    [Fact]
    public void JsonOutput_CarriesRuleHostAndLines()
    {
        var alerts = new List<AgentAlert>();
        using (StreamReader input = File.OpenText(SampleEvents))
        {
            AgentRunner.Run(input, alerts.Add, _ => { });
        }

        var output = new StringWriter();
        AlertWriter.WriteJson(output, alerts[0].Alert);

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1);
        using JsonDocument document = JsonDocument.Parse(lines[0]);
        JsonElement root = document.RootElement;
        root.GetProperty("rule.id").GetString().ShouldBe("6e45c59d-83f6-414a-ab63-fdce8a9b6454");
        root.GetProperty("rule.name").GetString().ShouldBe("Internal proxy tool execution or port forwarding");
        root.GetProperty("rule.severity").GetString().ShouldBe("high");
        root.GetProperty("host.name").GetString().ShouldBe("WS01");
        root.GetProperty("threat.technique.id").EnumerateArray().Select(item => item.GetString()).ShouldBe(new[] { "T1090.001" });
        root.GetProperty("rulegen.lines").EnumerateArray().Select(item => item.GetInt64()).ShouldBe(new long[] { 2 });
        root.GetProperty("@timestamp").GetString().ShouldBe("2026-11-30T08:01:00.117Z");
    }

    [Fact]
    public void TextOutput_OneLinePerAlert()
    {
        var alerts = new List<AgentAlert>();
        using (StreamReader input = File.OpenText(SampleEvents))
        {
            AgentRunner.Run(input, alerts.Add, _ => { });
        }

        var output = new StringWriter();
        AlertWriter.WriteText(output, alerts[1].Alert);

        output.ToString().ShouldBe("ALERT [high] Internal proxy tool execution or port forwarding | host WS01 | 2026-11-30T08:03:00.000Z | line 4 | ssh.exe: ssh.exe -L 9090:192.168.1.50:445 alice@jump01.corp.example" + Environment.NewLine);
    }
}
