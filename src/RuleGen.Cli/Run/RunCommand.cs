using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using RuleGen.Cli.Compilation;
using RuleGen.Events;

namespace RuleGen.Cli.Run;

/// <summary>
/// <c>rulegen run</c>: compiles rules in memory with the generator a build uses, runs them over a JSON Lines file
/// of events as the sample agent does, and prints the same alerts and summary.
/// </summary>
internal static class RunCommand
{
    // The problems of a large file are many; the first ones show the pattern, and the summary counts them all.
    private const int MaxProblemsShown = 20;

    /// <param name="rulesPath">An .eql file, or a folder searched for .eql files and *.schema.json files.</param>
    /// <param name="eventsPath">A JSON Lines file of events.</param>
    /// <param name="schemaPaths">Custom field schemas, besides those found in the rules folder.</param>
    /// <param name="json">True for one JSON object per alert on the output, with the summary on the error stream.</param>
    /// <returns>0 when every rule compiled, 1 when one had an error (the others still ran), 2 when an input could not be read.</returns>
    public static int Run(string rulesPath, string eventsPath, IReadOnlyList<string> schemaPaths, bool json, TextWriter output, TextWriter error)
    {
        if (!TryReadInputs(rulesPath, schemaPaths, error, out string projectDirectory, out List<SourceFile> rules, out List<SourceFile> schemas))
        {
            return 2;
        }

        if (Directory.Exists(eventsPath) || !File.Exists(eventsPath))
        {
            error.WriteLine($"error: the events file '{eventsPath}' was not found; pass the path of a JSON Lines file.");
            return 2;
        }

        CompiledRules compiled = InMemoryRuleCompiler.Compile(projectDirectory, rules, schemas);
        foreach (CompileDiagnostic diagnostic in compiled.Diagnostics)
        {
            error.WriteLine((diagnostic with { Path = Display(diagnostic.Path) }).ToString());
        }

        int failed = rules.Count - compiled.DetectorsByRulePath.Count;
        if (failed > 0)
        {
            error.WriteLine($"{Count(failed, "rule")} with errors will not run; {Count(compiled.DetectorsByRulePath.Count, "rule")} will.");
        }

        LoadedDetector[] detectors = rules
            .Where(rule => compiled.DetectorsByRulePath.ContainsKey(rule.Path))
            .Select(rule => compiled.DetectorsByRulePath[rule.Path])
            .ToArray();
        RunSummary summary;
        try
        {
            using JsonLinesEventReader reader = JsonLinesEventReader.Open(eventsPath);
            summary = Detect(reader, detectors, json ? alert => AlertWriter.WriteJson(output, alert) : alert => AlertWriter.WriteText(output, alert), error);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: the events file '{eventsPath}' could not be read: {exception.Message}");
            return 2;
        }

        AlertWriter.WriteSummary(json ? error : output, summary, Path.GetFileName(eventsPath));
        return failed > 0 ? 1 : 0;
    }

    /// <summary>Feeds every event to every detector in input order, then flushes them, as the sample agent does.</summary>
    private static RunSummary Detect(JsonLinesEventReader reader, LoadedDetector[] detectors, Action<Alert> onAlert, TextWriter error)
    {
        var alertCounts = new int[detectors.Length];
        var alerts = new List<Alert>();
        long problems = 0;
        void Problem(string kind, string message)
        {
            if (problems++ < MaxProblemsShown)
            {
                error.WriteLine($"{kind}: {message}");
            }
        }

        void Report(int detector)
        {
            foreach (Alert alert in alerts)
            {
                alertCounts[detector]++;
                onAlert(alert);
            }

            alerts.Clear();
        }

        while (reader.TryReadNext(out EventReadResult? result))
        {
            foreach (FieldWarning warning in result.Warnings)
            {
                Problem("warning", warning.Message);
            }

            if (result.Event is null)
            {
                Problem("skipped", result.Error ?? $"line {result.Line}: no event");
                continue;
            }

            for (int i = 0; i < detectors.Length; i++)
            {
                detectors[i].Process(result.Event, alerts);
                Report(i);
            }
        }

        for (int i = 0; i < detectors.Length; i++)
        {
            detectors[i].Flush(alerts);
            Report(i);
        }

        if (problems > MaxProblemsShown)
        {
            error.WriteLine($"... {(problems - MaxProblemsShown).ToString(CultureInfo.InvariantCulture)} more input problems not shown.");
        }

        var byRule = detectors.Select((detector, i) => (detector.Rule, alertCounts[i])).ToList();
        return new RunSummary(reader.EventsRead, reader.MalformedLines, reader.FieldWarnings, reader.UnknownFieldCount, byRule);
    }

    private static bool TryReadInputs(
        string rulesPath,
        IReadOnlyList<string> schemaPaths,
        TextWriter error,
        out string projectDirectory,
        out List<SourceFile> rules,
        out List<SourceFile> schemas)
    {
        rules = new List<SourceFile>();
        schemas = new List<SourceFile>();
        projectDirectory = string.Empty;
        var schemaFiles = new List<string>(schemaPaths);
        try
        {
            if (Directory.Exists(rulesPath))
            {
                projectDirectory = Path.GetFullPath(rulesPath);
                rules.AddRange(Files(projectDirectory, "*.eql").Select(Read));
                schemaFiles.AddRange(Files(projectDirectory, "*.schema.json"));
            }
            else if (File.Exists(rulesPath) && !rulesPath.EndsWith(".eql", StringComparison.OrdinalIgnoreCase))
            {
                // The generator compiles only .eql files, as a build does, so another file would give no detector.
                error.WriteLine($"error: '{rulesPath}' is not an .eql file; pass an .eql file or a folder of them.");
                return false;
            }
            else if (File.Exists(rulesPath))
            {
                string full = Path.GetFullPath(rulesPath);
                projectDirectory = Path.GetDirectoryName(full)!;
                rules.Add(Read(full));
            }
            else
            {
                error.WriteLine($"error: the rules path '{rulesPath}' was not found; pass an .eql file or a folder of them.");
                return false;
            }

            schemas.AddRange(schemaFiles.Distinct(StringComparer.Ordinal).Select(Read));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {exception.Message}");
            return false;
        }

        if (rules.Count == 0)
        {
            error.WriteLine($"error: the folder '{rulesPath}' contains no .eql file.");
            return false;
        }

        return true;
    }

    // Sorted by path so that detectors run, and alerts print, in the same order on every machine.
    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static SourceFile Read(string path) => new(path, File.ReadAllText(path));

    // A path under the current folder prints relative to it, as the user would type it.
    private static string Display(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
