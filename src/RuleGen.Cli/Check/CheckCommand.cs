using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using RuleGen.Eql;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Schema;
using RuleGen.Eql.Text;

namespace RuleGen.Cli.Check;

/// <summary>Counts of one <c>rulegen check</c> run.</summary>
internal sealed record CheckSummary(
    int Rules,
    int Valid,
    int WithErrors,
    int WithWarnings,
    int SkippedNonEql,
    IReadOnlyDictionary<string, int> ErrorsById,
    IReadOnlyDictionary<string, int> DialectFeatures);

/// <summary>
/// Checks rules against the ECS schema and any custom schemas, as the generator would but without requiring
/// the typed event to have every field, and prints each diagnostic as <c>file(line,col): severity id: message</c>.
/// </summary>
internal static class CheckCommand
{
    /// <returns>0 when no rule has an error, 1 when one has, 2 when an input could not be read.</returns>
    public static int Run(IReadOnlyList<string> paths, IReadOnlyList<string> schemaPaths, TextWriter output, TextWriter error) =>
        Run(paths, schemaPaths, "text", output, error);

    /// <param name="paths">The rule files, folders and exports to check.</param>
    /// <param name="schemaPaths">Custom schemas to add to ECS.</param>
    /// <param name="format">"text" for one line per diagnostic, or "sarif" for a SARIF 2.1.0 log on the output.</param>
    /// <param name="output">Receives the diagnostics; with SARIF, only the log.</param>
    /// <param name="error">Receives input problems, and the summary when the output is SARIF.</param>
    /// <returns>0 when no rule has an error, 1 when one has, 2 when an input could not be read.</returns>
    public static int Run(IReadOnlyList<string> paths, IReadOnlyList<string> schemaPaths, string format, TextWriter output, TextWriter error)
    {
        // The command line hands an unknown option such as --bogus to the paths; it is refused before any work.
        string? unknownOption = paths.FirstOrDefault(path => path.StartsWith("-", StringComparison.Ordinal) && !File.Exists(path) && !Directory.Exists(path));
        if (unknownOption is not null)
        {
            error.WriteLine($"error: '{unknownOption}' is neither a known option nor an existing path; the options are --schema and --format (see 'rulegen check --help')");
            return 2;
        }

        bool sarif = string.Equals(format, "sarif", StringComparison.OrdinalIgnoreCase);
        if (!sarif && !string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"error: the format '{format}' is not known; use text or sarif.");
            return 2;
        }

        if (!TryLoadSchemas(schemaPaths, error, out FieldSchema schema))
        {
            return 2;
        }

        var source = new RuleSource();
        var options = new RuleCompilerOptions(schema, RequireTypedMembers: false);
        var findings = new List<Finding>();
        CheckSummary summary = Check(source.Read(paths), options, findings);
        foreach (string problem in source.Problems)
        {
            error.WriteLine(problem);
        }

        TextWriter summaryWriter = sarif ? error : output;
        if (sarif)
        {
            SarifWriter.Write(output, findings);
        }
        else
        {
            foreach (Finding finding in findings)
            {
                output.WriteLine(Format(finding));
            }

            output.WriteLine();
        }

        if (summary.ErrorsById.Count > 0)
        {
            summaryWriter.WriteLine("Errors by id: " + string.Join(", ", summary.ErrorsById.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key} {entry.Value}")));
        }

        if (summary.DialectFeatures.Count > 0)
        {
            summaryWriter.WriteLine("Rules with errors that use Elastic Defend dialect features: " + string.Join(", ", summary.DialectFeatures.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key} {entry.Value}")));
        }

        if (summary.SkippedNonEql > 0)
        {
            summaryWriter.WriteLine(summary.SkippedNonEql == 1
                ? "1 exported rule in another language was skipped."
                : $"{summary.SkippedNonEql} exported rules in other languages were skipped.");
        }

        summaryWriter.WriteLine($"{summary.Rules} {(summary.Rules == 1 ? "rule" : "rules")}: {summary.Valid} valid, {summary.WithErrors} with errors, {summary.WithWarnings} with warnings");
        if (source.Problems.Any(problem => problem.StartsWith("error:", StringComparison.Ordinal)))
        {
            return 2;
        }

        // A CI step pointed at the wrong folder would otherwise pass with nothing checked.
        if (summary.Rules == 0 && summary.SkippedNonEql == 0)
        {
            error.WriteLine($"error: no rule was found in {string.Join(", ", paths.Select(path => "'" + path + "'"))}; pass .eql files, folders that contain them, or Kibana rule exports (.ndjson).");
            return 2;
        }

        return summary.WithErrors > 0 ? 1 : 0;

        CheckSummary Check(IEnumerable<RuleText> rules, RuleCompilerOptions compilerOptions, List<Finding> found)
        {
            int count = 0, valid = 0, withErrors = 0, withWarnings = 0;
            var errorsById = new Dictionary<string, int>(StringComparer.Ordinal);
            var dialectFeatures = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (RuleText rule in rules)
            {
                count++;
                RuleCompilation compilation = RuleCompiler.Compile(rule.Text, rule.DefaultName, compilerOptions);
                var lines = new LineMap(rule.Text);
                foreach (EqlDiagnostic diagnostic in compilation.Diagnostics)
                {
                    found.Add(new Finding(rule, diagnostic, lines.GetPosition(diagnostic.Span.Start), lines.GetPosition(diagnostic.Span.End)));
                    if (diagnostic.Severity == EqlSeverity.Error)
                    {
                        errorsById[diagnostic.Id] = errorsById.TryGetValue(diagnostic.Id, out int seen) ? seen + 1 : 1;
                    }
                }

                if (compilation.HasErrors)
                {
                    withErrors++;
                    foreach (string feature in DialectFeatures.Find(rule.Text))
                    {
                        dialectFeatures[feature] = dialectFeatures.TryGetValue(feature, out int seen) ? seen + 1 : 1;
                    }
                }
                else
                {
                    valid++;
                    if (compilation.Diagnostics.Any(diagnostic => diagnostic.Severity == EqlSeverity.Warning))
                    {
                        withWarnings++;
                    }
                }
            }

            return new CheckSummary(count, valid, withErrors, withWarnings, source.SkippedNonEql, errorsById, dialectFeatures);
        }
    }

    // Reads the --schema files in command-line order and adds their fields to ECS. The first declaration of a
    // field wins, and each later one with a different kind of value gets RG3009, as in the generator. The
    // generator sorts its schema files by path so that the winner does not depend on the order in which MSBuild
    // passes AdditionalFiles. Here the user lists the files, so that list decides.
    // Returns false after writing the error when a file cannot be read or is invalid.
    private static bool TryLoadSchemas(IReadOnlyList<string> schemaPaths, TextWriter error, out FieldSchema schema)
    {
        schema = FieldSchema.Ecs;
        var files = new List<SchemaFile>();
        foreach (string schemaPath in schemaPaths)
        {
            try
            {
                files.Add(SchemaLoader.Load(schemaPath, error));
            }
            catch (InvalidDataException exception)
            {
                error.WriteLine($"error: the schema '{schemaPath}' is invalid; fix these problems:");
                error.WriteLine(exception.Message);
                return false;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: the schema '{schemaPath}' could not be read: {exception.Message}");
                return false;
            }
        }

        SchemaLoader.WriteConflicts(files, error);
        foreach (SchemaFile file in files)
        {
            schema = schema.WithCustomFields(file.CustomFields);
        }

        return true;
    }

    // An .eql file gets its own line and column. A rule in an export gets the export's line, and the message
    // gives the position inside the rule's query.
    private static string Format(Finding finding)
    {
        RuleText rule = finding.Rule;
        EqlDiagnostic diagnostic = finding.Diagnostic;
        string severity = diagnostic.Severity.ToString().ToLowerInvariant();
        if (rule.Title is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{rule.Path}({finding.Start.Line + 1},{finding.Start.Character + 1}): {severity} {diagnostic.Id}: {diagnostic.Message}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{rule.Path}({rule.Line}): {severity} {diagnostic.Id}: {finding.ExportContext}: {diagnostic.Message}");
    }
}

/// <summary>One diagnostic of one rule, with its 0-based start and end within the rule's text.</summary>
internal sealed record Finding(RuleText Rule, EqlDiagnostic Diagnostic, LinePosition Start, LinePosition End)
{
    /// <summary>For a rule from an export: which rule, and where in its query.</summary>
    public string ExportContext => string.Create(CultureInfo.InvariantCulture, $"rule {Rule.Title}, query line {Start.Line + 1}, column {Start.Character + 1}");
}
