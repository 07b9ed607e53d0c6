using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Syntax;
using RuleGen.Eql.Text;

namespace RuleGen.Eql.Metadata;

/// <summary>A MITRE ATT&amp;CK technique a rule detects, with the optional tactic and technique names.</summary>
public sealed record MitreTechniqueSpec(string Id, string Tactic, string Technique, string Subtechnique);

/// <summary>A rule's metadata, read from the <c>// @tag value</c> comment lines before its query.</summary>
public sealed record RuleMetadataSpec(
    string Id,
    string Name,
    string Description,
    string Severity,
    EquatableArray<MitreTechniqueSpec> Mitre,
    EquatableArray<string> FalsePositives,
    EquatableArray<string> References,
    EquatableArray<string> Authors);

/// <summary>
/// Reads rule metadata from line comments before the query, so the file stays a plain EQL query to any EQL tool:
/// <code>
/// // @name     Internal proxy tool execution
/// // @severity high
/// // @mitre    T1090.001 Command and Control / Proxy / Internal Proxy
/// </code>
/// A comment line that follows a tag, starts with two spaces and contains no tag continues the tag's value.
/// docs/rule-format.md describes every tag.
/// </summary>
public static class RuleMetadataParser
{
    public static readonly string[] Severities = { "low", "medium", "high", "critical" };

    private static readonly string[] SingleTags = { "id", "name", "description", "severity" };
    private static readonly string[] ListTags = { "mitre", "false_positive", "reference", "author" };
    private static readonly Regex NameSeparator = new(@"\s+/\s+", RegexOptions.CultureInvariant);
    private static readonly Regex TagLine = new(@"^\s*@([A-Za-z_][A-Za-z0-9_]*)\b[ \t]*(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex TechniqueId = new(@"^T[0-9]{4}(\.[0-9]{3})?$", RegexOptions.CultureInvariant);

    /// <summary>Reads the metadata; <paramref name="defaultName"/> (the file name) names a rule that has no @id or @name.</summary>
    public static RuleMetadataSpec Parse(IReadOnlyList<Comment> comments, int queryStart, string defaultName, List<EqlDiagnostic> diagnostics, LineMap lines)
    {
        var single = new Dictionary<string, (string Value, TextSpan Span)>(StringComparer.Ordinal);
        var lists = ListTags.ToDictionary(tag => tag, _ => new List<(string Value, TextSpan Span)>(), StringComparer.Ordinal);
        string? currentTag = null;
        int previousLine = -2;

        foreach (Comment comment in comments)
        {
            if (!comment.IsLineComment)
            {
                currentTag = null;
                continue;
            }

            Match match = TagLine.Match(comment.Text);
            int line = lines.GetPosition(comment.Span.Start).Line;
            if (comment.Span.Start >= queryStart)
            {
                if (match.Success && IsKnownTag(match.Groups[1].Value))
                {
                    diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.MetadataAfterQuery, comment.Span, match.Groups[1].Value));
                }

                continue;
            }

            if (!match.Success)
            {
                bool continues = currentTag is not null && line == previousLine + 1 && comment.Text.StartsWith("  ", StringComparison.Ordinal) && comment.Text.Trim().Length > 0;
                if (continues)
                {
                    AppendContinuation(currentTag!, comment.Text.Trim(), single, lists);
                    previousLine = line;
                }
                else
                {
                    currentTag = null;
                }

                continue;
            }

            string tag = match.Groups[1].Value;
            string value = match.Groups[2].Value.Trim();
            previousLine = line;

            // Diagnostics point at the tag ('@name') or at its value, not at the whole comment line.
            int textStart = comment.Span.Start + 2;
            var tagSpan = new TextSpan(textStart + match.Groups[1].Index - 1, tag.Length + 1);
            TextSpan valueSpan = value.Length == 0
                ? tagSpan
                : new TextSpan(textStart + match.Groups[2].Index, match.Groups[2].Value.TrimEnd().Length);
            if (!IsKnownTag(tag))
            {
                diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.UnknownMetadataTag, tagSpan, tag, DescribeKnownTags(tag)));
                currentTag = null;
                continue;
            }

            if (lists.TryGetValue(tag, out var list))
            {
                list.Add((value, valueSpan));
            }
            else if (single.TryGetValue(tag, out var existing))
            {
                diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.DuplicateMetadataTag, tagSpan, tag, lines.GetPosition(existing.Span.Start).Line + 1));
                currentTag = null;
                continue;
            }
            else
            {
                single[tag] = (value, valueSpan);
            }

            currentTag = tag;
        }

        return Build(single, lists, defaultName, diagnostics);
    }

    private static string DescribeKnownTags(string tag)
    {
        string known = "the known tags are " + string.Join(", ", SingleTags.Concat(ListTags).Select(name => "@" + name));
        string? closest = SingleTags.Concat(ListTags)
            .Select(name => (Name: name, Distance: Schema.EditDistance.Compute(tag.ToLowerInvariant(), name, 2)))
            .Where(candidate => candidate.Distance <= 2)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();
        return closest is null ? known : $"did you mean '@{closest}'? The {known.Substring(4)}";
    }

    private static bool IsKnownTag(string tag) => Array.IndexOf(SingleTags, tag) >= 0 || Array.IndexOf(ListTags, tag) >= 0;

    private static void AppendContinuation(string tag, string text, Dictionary<string, (string Value, TextSpan Span)> single, Dictionary<string, List<(string Value, TextSpan Span)>> lists)
    {
        if (lists.TryGetValue(tag, out var list) && list.Count > 0)
        {
            var last = list[list.Count - 1];
            list[list.Count - 1] = (Join(last.Value, text), last.Span);
        }
        else if (single.TryGetValue(tag, out var existing))
        {
            single[tag] = (Join(existing.Value, text), existing.Span);
        }
    }

    private static string Join(string first, string second) => first.Length == 0 ? second : first + " " + second;

    private static RuleMetadataSpec Build(
        Dictionary<string, (string Value, TextSpan Span)> single,
        Dictionary<string, List<(string Value, TextSpan Span)>> lists,
        string defaultName,
        List<EqlDiagnostic> diagnostics)
    {
        string Get(string tag, string fallback) => single.TryGetValue(tag, out var entry) && entry.Value.Length > 0 ? entry.Value : fallback;

        foreach (string tag in SingleTags)
        {
            if (single.TryGetValue(tag, out var entry) && entry.Value.Length == 0)
            {
                diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.InvalidMetadataValue, entry.Span, tag, "the tag has no value; write it on the same line, as in '// @" + tag + " ...'"));
            }
        }

        string severity = Get("severity", "medium");
        if (single.TryGetValue("severity", out var severityEntry) && severityEntry.Value.Length > 0 && Array.IndexOf(Severities, severityEntry.Value) < 0)
        {
            diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.InvalidMetadataValue, severityEntry.Span, "severity", $"'{severityEntry.Value}' is not a severity; use low, medium, high or critical"));
            severity = "medium";
        }

        var techniques = new List<MitreTechniqueSpec>();
        foreach (var (value, span) in lists["mitre"])
        {
            MitreTechniqueSpec? technique = ParseTechnique(value, span, diagnostics);
            if (technique is not null)
            {
                techniques.Add(technique);
            }
        }

        EquatableArray<string> Values(string tag) => lists[tag].Where(entry => entry.Value.Length > 0).Select(entry => entry.Value).ToEquatableArray();

        return new RuleMetadataSpec(
            Get("id", defaultName),
            Get("name", defaultName),
            Get("description", string.Empty),
            severity,
            techniques.ToEquatableArray(),
            Values("false_positive"),
            Values("reference"),
            Values("author"));
    }

    // '@mitre T1090.001 Command and Control / Proxy / Internal Proxy': the id, then tactic / technique / sub-technique.
    private static MitreTechniqueSpec? ParseTechnique(string value, TextSpan span, List<EqlDiagnostic> diagnostics)
    {
        string[] parts = value.Split(new[] { ' ', '\t' }, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !TechniqueId.IsMatch(parts[0]))
        {
            string techniqueId = parts.Length == 0 ? "(empty)" : parts[0];
            diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.InvalidMetadataValue, span, "mitre", $"'{techniqueId}' is not a MITRE ATT&CK technique id; write it as T1234 or T1234.001, optionally followed by 'Tactic / Technique / Sub-technique'"));
            return null;
        }

        // Names are separated by a slash with spaces around it, because MITRE names may contain a bare slash, as
        // in 'System Owner/User Discovery'.
        string[] names = parts.Length > 1 ? NameSeparator.Split(parts[1].Trim()).Select(name => name.Trim()).ToArray() : Array.Empty<string>();
        if (names.Length > 3 || names.Any(name => name.Length == 0 || name[0] == '/' || name[name.Length - 1] == '/'))
        {
            diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.InvalidMetadataValue, span, "mitre", $"'{parts[1]}' should be 'Tactic / Technique' or 'Tactic / Technique / Sub-technique', with spaces around each separating '/'"));
            return null;
        }

        if (names.Length == 3 && parts[0].IndexOf('.') < 0)
        {
            diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.InvalidMetadataValue, span, "mitre", $"'{parts[0]}' is a technique without a sub-technique, so give 'Tactic / Technique' only, or the sub-technique id such as '{parts[0]}.001'"));
            return null;
        }

        string NameAt(int index) => index < names.Length ? names[index] : string.Empty;
        return new MitreTechniqueSpec(parts[0], NameAt(0), NameAt(1), NameAt(2));
    }
}
