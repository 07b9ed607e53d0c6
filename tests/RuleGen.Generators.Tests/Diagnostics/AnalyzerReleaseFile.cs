using System;
using System.Collections.Generic;
using System.IO;

namespace RuleGen.Generators.Tests.Diagnostics;

/// <summary>A diagnostic's release-tracking entry: its category and default severity as Roslyn names them.</summary>
internal sealed record ReleaseEntry(string Category, string Severity)
{
    public override string ToString() => $"{Category} | {Severity}";
}

/// <summary>
/// Reads the release-tracking files of Microsoft.CodeAnalysis.Analyzers (AnalyzerReleases.Shipped.md and
/// AnalyzerReleases.Unshipped.md). Lines starting with ';' are comments, '## Release x' starts a release, and
/// '### New Rules', '### Removed Rules' and '### Changed Rules' start tables whose rows are cells separated by '|'.
/// </summary>
internal static class AnalyzerReleaseFile
{
    private enum Table
    {
        None,
        New,
        Removed,
        Changed,
    }

    /// <summary>
    /// Applies the releases in <paramref name="text"/>, in order, to <paramref name="rules"/>, a map from rule id to its
    /// current entry. Throws <see cref="InvalidDataException"/> on a row that the format does not allow or that
    /// contradicts the rules before it, such as a new rule that is already listed.
    /// </summary>
    public static void Apply(Dictionary<string, ReleaseEntry> rules, string text, string fileName)
    {
        Table table = Table.None;
        string[] lines = text.Split('\n');
        for (int index = 0; index < lines.Length; index++)
        {
            string line = lines[index].Trim();
            string where = $"{fileName}({index + 1})";

            if (line.Length == 0 || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                table = Table.None;
                continue;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                table = line switch
                {
                    "### New Rules" => Table.New,
                    "### Removed Rules" => Table.Removed,
                    "### Changed Rules" => Table.Changed,
                    _ => throw new InvalidDataException($"{where}: invalid table heading '{line}': expected '### New Rules', '### Removed Rules' or '### Changed Rules'."),
                };
                continue;
            }

            if (line.StartsWith("Rule ID", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            string[] cells = line.Split('|');
            for (int cell = 0; cell < cells.Length; cell++)
            {
                cells[cell] = cells[cell].Trim();
            }

            ApplyRow(rules, table, cells, where);
        }
    }

    private static void ApplyRow(Dictionary<string, ReleaseEntry> rules, Table table, string[] cells, string where)
    {
        string row = string.Join("|", cells);
        if (table == Table.None)
        {
            throw new InvalidDataException($"{where}: invalid row '{row}': rows belong under a '### New Rules', '### Removed Rules' or '### Changed Rules' heading.");
        }

        int expectedCells = table == Table.Changed ? 6 : 4;
        if (cells.Length != expectedCells)
        {
            throw new InvalidDataException($"{where}: invalid row '{row}': expected {expectedCells} cells in a {table} Rules table but found {cells.Length}.");
        }

        string id = cells[0];
        var entry = new ReleaseEntry(cells[1], cells[2]);
        switch (table)
        {
            case Table.New:
                if (rules.ContainsKey(id))
                {
                    throw new InvalidDataException($"{where}: duplicate new rule {id}: an earlier row already adds it.");
                }

                rules.Add(id, entry);
                break;

            case Table.Removed:
                if (!rules.Remove(id))
                {
                    throw new InvalidDataException($"{where}: removed rule {id} not found: no earlier row adds it.");
                }

                break;

            case Table.Changed:
                var previous = new ReleaseEntry(cells[3], cells[4]);
                if (!rules.TryGetValue(id, out ReleaseEntry? current) || current != previous)
                {
                    throw new InvalidDataException($"{where}: changed rule {id} lists its old entry as '{previous}', but the earlier rows give '{current?.ToString() ?? "no entry"}'.");
                }

                rules[id] = entry;
                break;
        }
    }
}
