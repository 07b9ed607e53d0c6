using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using RuleGen.Cli.Run;

namespace RuleGen.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rulegen-run-" + Guid.NewGuid().ToString("N"));

    public RunCommandTests()
    {
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(string rules, string events, bool json = false, params string[] schemas)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = RunCommand.Run(rules, events, schemas, json, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string RepositoryFile(params string[] parts)
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RuleGen.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(new[] { directory!.FullName }.Concat(parts).ToArray());
    }

    [Fact]
    public void Run_SampleEventsFiveAlerts()
    {
        var (exitCode, output, _) = Run(RepositoryFile("rules"), RepositoryFile("samples", "EmbeddedAgent", "events", "sample-events.jsonl"));

        exitCode.ShouldBe(0);
        string[] alerts = output.Split(Environment.NewLine).Where(line => line.StartsWith("ALERT ", StringComparison.Ordinal)).ToArray();
        alerts.Select(line => line.Split(" | ")[3]).ShouldBe(new[] { "line 2", "line 4", "line 6", "line 7", "line 9" });
        alerts[1].ShouldBe("ALERT [high] Internal proxy tool execution or port forwarding | host WS01 | 2026-11-30T08:03:00.000Z | line 4 | ssh.exe: ssh.exe -L 9090:192.168.1.50:445 alice@jump01.corp.example");
        output.ShouldContain("  events read:     11" + Environment.NewLine);
        output.ShouldContain("        5  Internal proxy tool execution or port forwarding (6e45c59d-83f6-414a-ab63-fdce8a9b6454)" + Environment.NewLine);
    }

    [Fact]
    public void Run_SequenceWithFolderSchema()
    {
        string rules = Path.Combine(folder, "rules");
        Write("rules/login_then_shell.eql", "sequence by host.name with maxspan=1m\n  [authentication where app.user : \"admin\"]\n  [process where process.name : \"sh\"]\n");
        Write("rules/app.schema.json", "{\"app.user\": \"keyword\"}");
        string events = Write("events.jsonl", string.Join(
            "\n",
            "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"event\":{\"category\":[\"authentication\"]},\"host\":{\"name\":\"a\"},\"app\":{\"user\":\"ADMIN\"}}",
            "{\"@timestamp\":\"2026-01-01T00:00:10Z\",\"event\":{\"category\":[\"process\"]},\"host\":{\"name\":\"b\"},\"process\":{\"name\":\"sh\"}}",
            "{\"@timestamp\":\"2026-01-01T00:00:20Z\",\"event\":{\"category\":[\"process\"]},\"host\":{\"name\":\"a\"},\"process\":{\"name\":\"sh\"}}"));

        var (exitCode, output, error) = Run(rules, events, json: true);

        exitCode.ShouldBe(0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1);
        using JsonDocument alert = JsonDocument.Parse(lines[0]);
        alert.RootElement.GetProperty("rulegen.lines").EnumerateArray().Select(line => line.GetInt64()).ShouldBe(new long[] { 1, 3 });
        alert.RootElement.GetProperty("rule.name").GetString().ShouldBe("login_then_shell");
        error.ShouldContain("  alerts:          1" + Environment.NewLine);
    }

    [Fact]
    public void Run_RuleErrorOthersStillRun()
    {
        string rules = Path.Combine(folder, "rules");
        string bad = Write("rules/bad.eql", "process where process.nme : \"sh\"\n");
        Write("rules/good.eql", "process where process.name : \"sh\"\n");
        string events = Write("events.jsonl", "{\"event\":{\"category\":[\"process\"]},\"process\":{\"name\":\"sh\"}}\n{broken\n");

        var (exitCode, output, error) = Run(rules, events);

        exitCode.ShouldBe(1);
        error.ShouldContain($"{bad}(1,15): error RG1001: Unknown field 'process.nme'");
        error.ShouldContain("1 rule with errors will not run; 1 rule will." + Environment.NewLine);
        error.ShouldContain("skipped: Line 2 is not valid JSON and was skipped");
        output.Split(Environment.NewLine).Count(line => line.StartsWith("ALERT [", StringComparison.Ordinal)).ShouldBe(1);
        output.ShouldContain("  malformed lines: 1 (skipped)" + Environment.NewLine);
    }

    [Fact]
    public void Run_MissingInputsExitTwo()
    {
        string rule = Write("r.eql", "process where true\n");

        Run(Path.Combine(folder, "none"), rule).ShouldSatisfyAllConditions(
            result => result.ExitCode.ShouldBe(2),
            result => result.Error.ShouldBe($"error: the rules path '{Path.Combine(folder, "none")}' was not found; pass an .eql file or a folder of them.{Environment.NewLine}"));
        string text = Write("r.txt", "process where true\n");
        Run(text, rule).ShouldSatisfyAllConditions(
            result => result.ExitCode.ShouldBe(2),
            result => result.Error.ShouldBe($"error: '{text}' is not an .eql file; pass an .eql file or a folder of them.{Environment.NewLine}"));
        Run(rule, Path.Combine(folder, "none.jsonl")).ShouldSatisfyAllConditions(
            result => result.ExitCode.ShouldBe(2),
            result => result.Error.ShouldBe($"error: the events file '{Path.Combine(folder, "none.jsonl")}' was not found; pass the path of a JSON Lines file.{Environment.NewLine}"));
    }
}
