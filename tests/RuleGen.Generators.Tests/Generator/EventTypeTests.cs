using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RuleGen.Generators;

namespace RuleGen.Generators.Tests.Generator;

/// <summary>Detectors over a project's own event class, named by <c>[assembly: EqlEventType]</c>.</summary>
public class EventTypeTests
{
    // The event class: nested field sets by convention, one member named by [EqlField] for an ECS field, and one
    // for a field that no schema declares, typed after its member.
    private const string EventClass = """
        using System;
        using RuleGen;

        [assembly: EqlEventType(typeof(Agent.ProcessStart))]

        namespace Agent;

        public sealed class ProcessStart
        {
            public DateTimeOffset Timestamp { get; set; }
            public EventInfo Event { get; } = new();
            public ProcessInfo Process { get; set; } = new();

            [EqlField("host.name")]
            public string? Machine { get; set; }

            [EqlField("agent.risk")]
            public int Risk { get; set; }
        }

        public sealed class EventInfo
        {
            public string[]? Category { get; set; } = new[] { "process" };
        }

        public sealed class ProcessInfo
        {
            public string? Name { get; set; }
            public string[]? Args { get; set; }
            public int Pid { get; set; }
            public ProcessInfo? Parent { get; set; }
        }
        """;

    // Feeds events through the generated pack and prints each alert as "rule: pids".
    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Agent;

        [RuleGen.EqlRule("process where process.name == \"whoami.exe\" and host.name == \"b\"")]
        public partial class WhoamiOnB { }

        public static class Probe
        {
            public static string Run()
            {
                var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                ProcessStart Event(int pid, int seconds, string name, string host, params string[] args) => new()
                {
                    Timestamp = start.AddSeconds(seconds),
                    Machine = host,
                    Risk = pid % 10,
                    Process = new ProcessInfo { Name = name, Pid = pid, Args = args, Parent = new ProcessInfo { Name = "cmd.exe" } },
                };

                var alerts = new List<RuleGen.Alert<ProcessStart>>();
                var pack = new RuleGen.Generated.DetectorPack();
                pack.Process(Event(11, 0, "ssh.exe", "a", "-R", "8080:localhost:80"), alerts);
                pack.Process(Event(12, 1, "whoami.exe", "b"), alerts);
                pack.Process(Event(17, 2, "netsh.exe", "a", "interface", "portproxy"), alerts);
                pack.Process(Event(13, 3, "whoami.exe", "a"), alerts);
                pack.Process(Event(14, 100, "whoami.exe", "a"), alerts);
                pack.Flush(alerts);
                return string.Join("; ", alerts.Select(alert => alert.Rule.Name + ": " + string.Join(",", alert.Events.Select(e => e.Process.Pid))));
            }
        }
        """;

    private static AdditionalText[] Rules() => new[]
    {
        GeneratorHarness.Rule("rules/ssh_forward.eql", "process where process.name : \"ssh.exe\" and process.args in (\"-R\", \"-L\") and process.parent.name == \"cmd.exe\""),
        GeneratorHarness.Rule("rules/risky.eql", "any where agent.risk > 5 | head 1"),
        GeneratorHarness.Rule("rules/ssh_then_netsh.eql", "sample by host.name [process where process.name == \"ssh.exe\"] [process where process.name == \"netsh.exe\"]"),
        GeneratorHarness.Rule("rules/proxy_then_discovery.eql", "sequence by host.name with maxspan=10s [process where process.args : \"portproxy\"] [process where process.name == \"whoami.exe\"]"),
    };

    [Fact]
    public void OwnEventType_DetectorsMatch()
    {
        var (run, compilerDiagnostics, output) = Generate(Rules(), ("Agent/ProcessStart.cs", EventClass), ("Agent/Probe.cs", Probe));

        run.Diagnostics.ShouldBeEmpty();
        compilerDiagnostics.ShouldBeEmpty();
        string detector = run.Results.Single().GeneratedSources.Single(source => source.HintName.StartsWith("SshForward", StringComparison.Ordinal)).SourceText.ToString();
        detector.ShouldContain("public void Process(global::Agent.ProcessStart e, global::System.Collections.Generic.ICollection<global::RuleGen.Alert<global::Agent.ProcessStart>> alerts)");
        detector.ShouldContain("e.Process?.Parent?.Name");

        RunProbe(output).ShouldBe("ssh_forward: 11; WhoamiOnB: 12; risky: 17; ssh_then_netsh: 11,17; proxy_then_discovery: 17,13");
    }

    // ProcessStart.Timestamp is a DateTimeOffset that cannot be null, and a date key still reads it as an instant.
    [Fact]
    public void OwnEventType_DateJoinKey()
    {
        const string probe = """
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;

            namespace Agent;

            public static class Probe
            {
                public static string Run()
                {
                    var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                    var alerts = new List<RuleGen.Alert<ProcessStart>>();
                    var pack = new RuleGen.Generated.DetectorPack();
                    pack.Process(new ProcessStart { Timestamp = start, Process = new ProcessInfo { Name = "a.exe", Pid = 1 } }, alerts);
                    pack.Process(new ProcessStart { Timestamp = start.AddSeconds(1), Process = new ProcessInfo { Name = "b.exe", Pid = 2 } }, alerts);
                    pack.Process(new ProcessStart { Timestamp = start.ToOffset(TimeSpan.FromHours(2)), Process = new ProcessInfo { Name = "b.exe", Pid = 3 } }, alerts);
                    return string.Join("; ", alerts.Select(alert => string.Join(",", alert.Events.Select(e => e.Process.Pid)) + " by " + ((DateTimeOffset)alert.JoinKeys[0]!).ToString("o", CultureInfo.InvariantCulture)));
                }
            }
            """;
        AdditionalText rule = GeneratorHarness.Rule("rules/same_time.eql", "sample by @timestamp [process where process.name == \"a.exe\"] [process where process.name == \"b.exe\"]");

        var (run, compilerDiagnostics, output) = Generate(new[] { rule }, ("Agent/ProcessStart.cs", EventClass), ("Agent/Probe.cs", probe));

        run.Diagnostics.ShouldBeEmpty();
        compilerDiagnostics.ShouldBeEmpty();
        RunProbe(output).ShouldBe("1,3 by 2026-01-01T00:00:00.0000000+00:00");
    }

    [Fact]
    public void MissingMember_RG1002()
    {
        AdditionalText rule = GeneratorHarness.Rule("rules/executable.eql", "process where\n  process.executable : \"C:\\\\Tools\\\\*\"");

        var (run, _, _) = Generate(new[] { rule }, ("Agent/ProcessStart.cs", EventClass));

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG1002");
        error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(
            "Field 'process.executable' cannot be read from the typed event because the event type ProcessStart has no member for it; add a member Process.Executable of type string?, or mark one with [EqlField(\"process.executable\")]");
        FileLinePositionSpan position = error.Location.GetLineSpan();
        position.Path.ShouldBe("/src/Consumer/rules/executable.eql");
        position.StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(1, 2));
        position.EndLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(1, 20));
    }

    [Fact]
    public void MemberOfWrongType_RG1002()
    {
        string eventClass = EventClass.Replace("public int Pid { get; set; }", "public string? Pid { get; set; }");
        AdditionalText rule = GeneratorHarness.Rule("rules/pid.eql", "process where process.pid == 4");

        var (run, _, _) = Generate(new[] { rule }, ("Agent/ProcessStart.cs", eventClass));

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG1002");
        error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(
            "Field 'process.pid' cannot be read from the typed event because its type is long, but the member ProcessStart.Process.Pid is string?; declare it as long?");
        error.Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(0, 14));
    }

    [Fact]
    public void NoCategoryMember_RG1002AtCategory()
    {
        string eventClass = EventClass.Replace("public EventInfo Event { get; } = new();", string.Empty);
        AdditionalText rule = GeneratorHarness.Rule("rules/name.eql", "process where process.name == \"a.exe\"");

        var (run, _, _) = Generate(new[] { rule }, ("Agent/ProcessStart.cs", eventClass));

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG1002");
        error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(
            "Field 'event.category' cannot be read from the typed event because the event type ProcessStart has no member for it; add a member Event.Category of type string[], or mark one with [EqlField(\"event.category\")], which 'process where' reads; or write 'any where'");
        error.Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(0, 0));
        error.Location.GetLineSpan().EndLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(0, 7));
    }

    // A single-valued category never needs the pack's numbering of multi-category events; the build stays clean.
    [Fact]
    public void ScalarCategory_BuildsWithoutWarnings()
    {
        string eventClass = EventClass.Replace("public string[]? Category { get; set; } = new[] { \"process\" };", "public string? Category { get; set; } = \"process\";");

        var (run, compilerDiagnostics, _) = Generate(new[] { GeneratorHarness.Rule("rules/name.eql", "process where process.name == \"a.exe\"") }, ("Agent/ProcessStart.cs", eventClass));

        run.Diagnostics.ShouldBeEmpty();
        compilerDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void StructEventType_RG3011AtAttribute()
    {
        const string code = "[assembly: RuleGen.EqlEventType(typeof(Agent.Sample))]\nnamespace Agent;\npublic struct Sample { public string? Name { get; set; } }\n";

        var (run, _, _) = Generate(Array.Empty<AdditionalText>(), ("Agent/Sample.cs", code));

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG3011");
        error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(
            "The event type 'Agent.Sample' is a struct; detectors keep matched events by reference, so make it a class");
        code.Substring(error.Location.SourceSpan.Start, error.Location.SourceSpan.Length).ShouldBe("RuleGen.EqlEventType(typeof(Agent.Sample))");
    }

    [Fact]
    public void UnrelatedEdit_RulesCached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(EventClass);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Rules()).RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Agent { class Unrelated { } }"));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        result.TrackedSteps[RuleGenerator.StepNames.EventType].SelectMany(step => step.Outputs)
            .ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Unchanged);
        result.TrackedSteps[RuleGenerator.StepNames.CompiledRules].SelectMany(step => step.Outputs)
            .ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void EventTypeEdit_StepModified()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(EventClass);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Rules()).RunGenerators(compilation);

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(EventClass.Replace("public int Pid", "public long Pid"), (CSharpParseOptions)tree.Options));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        result.TrackedSteps[RuleGenerator.StepNames.EventType].SelectMany(step => step.Outputs)
            .ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Modified);
    }

    [Theory]
    [InlineData("DataStream", "data_stream")]
    [InlineData("CommandLine", "command_line")]
    [InlineData("Pid", "pid")]
    [InlineData("Sha256", "sha256")]
    [InlineData("X509", "x509")]
    [InlineData("OriginalFileName", "original_file_name")]
    public void MemberName_ConventionalSegment(string member, string segment) =>
        EventTypes.EventTypeReader.SnakeCase(member).ShouldBe(segment);

    [Theory]
    [InlineData("data_stream.dataset", "DataStream.Dataset")]
    [InlineData("process.parent.command_line", "Process.Parent.CommandLine")]
    [InlineData("@timestamp", "Timestamp")]
    public void FieldName_ConventionalMemberPath(string field, string path) =>
        global::RuleGen.Eql.Schema.FieldSchema.ConventionalPath(field).ShouldBe(path);

    private static (GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> CompilerDiagnostics, Compilation Output) Generate(AdditionalText[] rules, params (string Path, string Text)[] files) =>
        GeneratorHarness.CompileWithCode(files, rules);

    // Loads the compiled project into a collectible context and calls Agent.Probe.Run.
    private static string RunProbe(Compilation output)
    {
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = output.Emit(stream);
        emitted.Success.ShouldBeTrue(string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("EventTypeTests", isCollectible: true);
        try
        {
            Assembly assembly = context.LoadFromStream(stream);
            MethodInfo run = assembly.GetType("Agent.Probe", throwOnError: true)!.GetMethod("Run")!;
            return (string)run.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
