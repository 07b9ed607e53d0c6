using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RuleGen.Cli.Compilation;
using RuleGen.Ecs;
using RuleGen.Events;

namespace RuleGen.Generators.Benchmarks;

/// <summary>
/// Every public Elastic detection rule that compiles, run as one engine over a stream of recorded Windows events
/// and a synthetic background of other categories. <c>EveryDetector</c>, the baseline, hands each event to every
/// detector; <c>Pack</c> runs the generated <c>DetectorPack</c>, which hands it only to the detectors whose rules
/// name one of its categories and whose required field values it has. Both must raise the same number of alerts,
/// which the setup checks.
/// </summary>
/// <remarks>
/// The setup compiles the rules with the generator and Roslyn, as a build would, against ECS and the corpus's
/// merged field schema, and loads them into this process. The detectors are called through delegates. The events of
/// different recordings are re-stamped one millisecond apart in file order, so that time runs forward as a
/// streaming engine requires.
/// </remarks>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private const int BackgroundEvents = 20_000;

    private EcsEvent[] events = Array.Empty<EcsEvent>();
    private Action<EcsEvent, ICollection<Alert>>[] detectors = Array.Empty<Action<EcsEvent, ICollection<Alert>>>();
    private Action[] resets = Array.Empty<Action>();
    private Action<EcsEvent, ICollection<Alert>> pack = null!;
    private string[] ruleQueries = Array.Empty<string>();
    private Action packReset = null!;
    private readonly List<Alert> alerts = new();

    [GlobalSetup]
    public void Setup()
    {
        string corpus = BenchmarkInputs.FindShared("corpus")
            ?? throw new InvalidOperationException("CorpusBenchmarks needs the rule corpus in ../shared/corpus beside the repository.");
        Assembly assembly = CompileRules(corpus, out int ruleCount);
        Type registry = assembly.GetType("RuleGen.Generated.Detectors", throwOnError: true)!;
        object[] created = ((Array)registry.GetMethod("CreateAll")!.Invoke(null, null)!).Cast<object>().ToArray();
        detectors = created.Select(detector => Bind<Action<EcsEvent, ICollection<Alert>>>(detector, "Process")).ToArray();
        resets = created.Select(detector => Bind<Action>(detector, "Reset")).ToArray();
        ruleQueries = created.Select(detector => ((RuleInfo)detector.GetType().GetProperty("Rule")!.GetValue(detector)!).Query).ToArray();
        object packInstance = Activator.CreateInstance(assembly.GetType("RuleGen.Generated.DetectorPack", throwOnError: true)!)!;
        pack = Bind<Action<EcsEvent, ICollection<Alert>>>(packInstance, "Process");
        packReset = Bind<Action>(packInstance, "Reset");
        events = LoadEvents(out int recorded);

        int baseline = EveryDetector();
        int packed = Pack();
        if (baseline != packed)
        {
            throw new InvalidOperationException($"The pack raised {packed} alerts where every detector raised {baseline}.");
        }

        Console.WriteLine($"// {detectors.Length} detectors from {ruleCount} rules; {events.Length} events ({recorded} recorded, {BackgroundEvents} synthetic); {baseline} alerts per pass.");
    }

    [Benchmark(Baseline = true)]
    public int EveryDetector()
    {
        foreach (Action reset in resets)
        {
            reset();
        }

        int raised = 0;
        foreach (EcsEvent e in events)
        {
            foreach (Action<EcsEvent, ICollection<Alert>> process in detectors)
            {
                process(e, alerts);
            }

            raised += alerts.Count;
            alerts.Clear();
        }

        return raised;
    }

    [Benchmark]
    public int Pack()
    {
        packReset();
        int raised = 0;
        foreach (EcsEvent e in events)
        {
            pack(e, alerts);
            raised += alerts.Count;
            alerts.Clear();
        }

        return raised;
    }

    /// <summary>
    /// Prints the detectors that take the most time over the stream, to find what to speed up next. A diagnosis
    /// aid, timed with a stopwatch: the benchmark methods, not this, are the measurement.
    /// </summary>
    public void PrintCostliestRules(int count)
    {
        var elapsed = new long[detectors.Length];
        var watch = new System.Diagnostics.Stopwatch();
        for (int i = 0; i < detectors.Length; i++)
        {
            resets[i]();
            watch.Restart();
            foreach (EcsEvent e in events)
            {
                detectors[i](e, alerts);
            }

            elapsed[i] = watch.ElapsedTicks;
            alerts.Clear();
        }

        double total = elapsed.Sum();
        foreach (int i in Enumerable.Range(0, detectors.Length).OrderByDescending(i => elapsed[i]).Take(count))
        {
            double nanoseconds = elapsed[i] * 1e9 / System.Diagnostics.Stopwatch.Frequency / events.Length;
            string query = ruleQueries[i].Replace('\n', ' ');
            Console.WriteLine($"{nanoseconds,8:F1} ns/event {100 * elapsed[i] / total,5:F1}%  {(query.Length > 160 ? query.Substring(0, 160) : query)}");
        }

        Console.WriteLine($"total {total * 1e9 / System.Diagnostics.Stopwatch.Frequency / events.Length:F0} ns/event over {detectors.Length} detectors");
    }

    private static T Bind<T>(object target, string method)
        where T : Delegate =>
        target.GetType().GetMethod(method, BindingFlags.Public | BindingFlags.Instance)!.CreateDelegate<T>(target);

    // Generates and compiles every EQL rule of the corpus's detection-rules export; rules with errors produce no
    // detector, as in a build.
    private static Assembly CompileRules(string corpus, out int ruleCount)
    {
        var files = new List<AdditionalText>();
        foreach (string line in File.ReadLines(Path.Combine(corpus, "detection-rules.kibana-export.ndjson")))
        {
            using JsonDocument document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("language", out JsonElement language) && language.GetString() == "eql"
                && document.RootElement.TryGetProperty("query", out JsonElement query) && query.GetString() is { } text)
            {
                files.Add(new MemoryAdditionalText($"/pack/rules/rule_{files.Count:D4}.eql", text));
            }
        }

        ruleCount = files.Count;
        files.Add(new MemoryAdditionalText("/pack/union.schema.json", File.ReadAllText(Path.Combine(corpus, "schemas", "union.flat.json"))));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "CorpusPack",
            Array.Empty<SyntaxTree>(),
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(EcsEvent).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        CSharpGeneratorDriver.Create(new[] { new RuleGenerator().AsSourceGenerator() }, files, new CSharpParseOptions(LanguageVersion.Latest), BenchmarkInputs.PackOptions())
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = output.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated detectors did not compile: " + result.Diagnostics.First(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        }

        return Assembly.Load(image.ToArray());
    }

    // The recorded Windows events of ../shared/datasets, then a seeded synthetic background of network, file,
    // registry, authentication and DNS events, interleaved one in two.
    private static EcsEvent[] LoadEvents(out int recordedCount)
    {
        var recorded = new List<EcsEvent>();
        string? datasets = BenchmarkInputs.FindShared("datasets");
        if (datasets is not null)
        {
            foreach (string path in new[] { "evtx-attack-samples/events.jsonl", "evtx-to-mitre-attack/events.jsonl", "otrf-security-datasets/process_events.jsonl" })
            {
                using JsonLinesEventReader reader = JsonLinesEventReader.Open(Path.Combine(datasets, path));
                recorded.AddRange(reader.ReadAll().Where(result => result.Event is not null).Select(result => result.Event!));
            }
        }

        recordedCount = recorded.Count;
        var background = Background(BackgroundEvents, seed: 42);
        var stream = new List<EcsEvent>(recorded.Count + background.Count);
        for (int i = 0; i < Math.Max(recorded.Count, background.Count); i++)
        {
            if (i < recorded.Count)
            {
                stream.Add(recorded[i]);
            }

            if (i < background.Count)
            {
                stream.Add(background[i]);
            }
        }

        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < stream.Count; i++)
        {
            stream[i].Timestamp = start.AddMilliseconds(i);
        }

        return stream.ToArray();
    }

    private static List<EcsEvent> Background(int count, int seed)
    {
        var random = new Random(seed);
        string[] hosts = { "ws01", "ws02", "web01", "db01", "dc01" };
        string[] users = { "alice", "bob", "svc_backup", "SYSTEM", "admin" };
        string[] domains = { "example.com", "update.microsoft.com", "github.com", "cdn.example.net", "login.example.org" };
        string[] files = { "report.docx", "setup.exe", "notes.txt", "script.ps1", "archive.zip" };
        string[] keys = { "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater", "HKCU\\Software\\Classes\\ms-settings\\shell\\open\\command", "HKLM\\System\\CurrentControlSet\\Services\\Spooler\\Start" };
        var events = new List<EcsEvent>(count);
        for (int i = 0; i < count; i++)
        {
            string host = hosts[random.Next(hosts.Length)];
            var e = new EcsEvent
            {
                Host = new HostFields { Name = host, Os = new HostOsFields { Family = "windows" } },
                User = new UserFields { Name = users[random.Next(users.Length)] },
                Process = new ProcessFields { Name = random.Next(2) == 0 ? "svchost.exe" : "chrome.exe", Pid = random.Next(100, 9000), EntityId = "p" + random.Next(500).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
            switch (random.Next(5))
            {
                case 0:
                    e.Event = new EventFields { Category = new[] { "network" }, Type = new[] { "connection", "start" } };
                    e.Destination = new DestinationFields { Ip = "10.0.0." + random.Next(1, 255).ToString(System.Globalization.CultureInfo.InvariantCulture), Port = random.Next(2) == 0 ? 443 : 445 };
                    e.Source = new SourceFields { Ip = "192.168.1." + random.Next(1, 255).ToString(System.Globalization.CultureInfo.InvariantCulture), Port = random.Next(49152, 65535) };
                    e.Network = new NetworkFields { Transport = "tcp", Direction = "egress" };
                    break;
                case 1:
                    e.Event = new EventFields { Category = new[] { "file" }, Type = new[] { random.Next(2) == 0 ? "creation" : "change" } };
                    string name = files[random.Next(files.Length)];
                    e.File = new FileFields { Name = name, Path = "C:\\Users\\alice\\Downloads\\" + name, Extension = name.Substring(name.LastIndexOf('.') + 1) };
                    break;
                case 2:
                    e.Event = new EventFields { Category = new[] { "registry" }, Type = new[] { "change" } };
                    string key = keys[random.Next(keys.Length)];
                    e.Registry = new RegistryFields { Path = key, Key = key.Substring(key.IndexOf('\\') + 1), Value = key.Substring(key.LastIndexOf('\\') + 1) };
                    break;
                case 3:
                    e.Event = new EventFields { Category = new[] { "authentication" }, Type = new[] { "start" }, Outcome = random.Next(4) == 0 ? "failure" : "success", Action = "logged-in" };
                    break;
                default:
                    e.Event = new EventFields { Category = new[] { "network" }, Type = new[] { "protocol" } };
                    e.Dns = new DnsFields { Question = new DnsQuestionFields { Name = domains[random.Next(domains.Length)] } };
                    break;
            }

            events.Add(e);
        }

        return events;
    }
}
