using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RuleGen.Cli.Check;

/// <summary>
/// One rule to check: where it came from and its text. For a rule from a Kibana export, <see cref="Line"/> is
/// the line of the export file and <see cref="Title"/> the rule's name and id.
/// </summary>
internal sealed record RuleText(string Path, long Line, string? Title, string DefaultName, string Text);

/// <summary>Collects rules from .eql files, folders and Kibana rule exports (.ndjson).</summary>
internal sealed class RuleSource
{
    private readonly List<string> problems = new();

    /// <summary>Input problems that are not rule diagnostics: a missing path, or an export line that is not a rule.</summary>
    public IReadOnlyList<string> Problems => problems;

    /// <summary>Export rows skipped because their language is not EQL.</summary>
    public int SkippedNonEql { get; private set; }

    public IEnumerable<RuleText> Read(IEnumerable<string> paths)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (string file in ListRuleFiles(path))
                {
                    foreach (RuleText rule in ReadFile(file))
                    {
                        yield return rule;
                    }
                }
            }
            else if (File.Exists(path) && !IsRuleFile(path))
            {
                // Read as EQL, a README or a C# file gives a page of syntax errors that hide the real mistake.
                problems.Add($"error: '{path}' is neither an .eql file nor a Kibana rule export (.ndjson), so it was not checked; rules written inline in C# with [EqlRule] are checked by the build");
            }
            else if (File.Exists(path))
            {
                foreach (RuleText rule in ReadFile(path))
                {
                    yield return rule;
                }
            }
            else
            {
                // The command line hands an unknown option such as --bogus to the paths argument.
                problems.Add(path.StartsWith("-", StringComparison.Ordinal)
                    ? $"error: '{path}' is neither a known option nor an existing path; the options are --schema and --format (see 'rulegen check --help')"
                    : $"error: '{path}' was not found; pass .eql files, folders or Kibana rule exports (.ndjson)");
            }
        }
    }

    private List<string> ListRuleFiles(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(IsRuleFile)
                .OrderBy(file => file, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add($"error: the folder '{folder}' could not be listed: {exception.Message}");
            return new List<string>();
        }
    }

    private static bool IsRuleFile(string path) =>
        path.EndsWith(".eql", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    // An unreadable file, such as a broken link, is an input problem (exit code 2), not a crash.
    private string[]? ReadContent(string path, bool asLines)
    {
        try
        {
            return asLines ? File.ReadAllLines(path) : new[] { File.ReadAllText(path) };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add($"error: '{path}' could not be read: {exception.Message}");
            return null;
        }
    }

    private IEnumerable<RuleText> ReadFile(string path)
    {
        bool isExport = path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
        string[]? content = ReadContent(path, asLines: isExport);
        if (content is null)
        {
            yield break;
        }

        if (!isExport)
        {
            yield return new RuleText(path, 0, null, Path.GetFileNameWithoutExtension(path), content[0]);
            yield break;
        }

        long lineNumber = 0;
        foreach (string line in content)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            RuleText? rule = ParseExportLine(path, lineNumber, line);
            if (rule is not null)
            {
                yield return rule;
            }
        }
    }

    // A Kibana export line is a rule object with rule_id, name, language and query. Its last line is often an
    // export summary object, which has none of them.
    private RuleText? ParseExportLine(string path, long lineNumber, string line)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{path}({lineNumber}): warning: the line is not a JSON object and was skipped");
                return null;
            }

            if (root.TryGetProperty("exported_count", out _) || root.TryGetProperty("exportedCount", out _))
            {
                return null;
            }

            string? language = GetString(root, "language");
            string? query = GetString(root, "query");
            if (language is not null && !string.Equals(language, "eql", StringComparison.OrdinalIgnoreCase))
            {
                SkippedNonEql++;
                return null;
            }

            if (query is null)
            {
                problems.Add($"{path}({lineNumber}): warning: the rule has no 'query' and was skipped");
                return null;
            }

            string id = GetString(root, "rule_id") ?? GetString(root, "id") ?? $"line-{lineNumber}";
            string name = GetString(root, "name") ?? id;
            return new RuleText(path, lineNumber, $"'{name}' ({id})", id, query);
        }
        catch (JsonException exception)
        {
            problems.Add($"{path}({lineNumber}): warning: the line is not valid JSON and was skipped: {exception.Message}");
            return null;
        }
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
