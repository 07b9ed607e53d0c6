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
internal sealed record CheckSummary(int Rules, int Valid, int WithErrors, int WithWarnings, int SkippedNonEql, IReadOnlyDictionary<string, int> ErrorsById);

/// <summary>
/// Checks rules against the ECS schema and any custom schemas, as the generator would but without requiring
/// the typed event to have every field, and prints each diagnostic as <c>file(line,col): severity id: message</c>.
/// </summary>
internal static class CheckCommand
{
    /// <returns>0 when no rule has an error, 1 when one has, 2 when an input could not be read.</returns>
    public static int Run(IReadOnlyList<string> paths, IReadOnlyList<string> schemaPaths, TextWriter output, TextWriter error)
    {
        FieldSchema schema = FieldSchema.Ecs;
        foreach (string schemaPath in schemaPaths)
        {
            try
            {
                schema = schema.WithCustomFields(SchemaLoader.Load(schemaPath));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
            {
                error.WriteLine($"error: the schema '{schemaPath}' could not be read: {exception.Message}");
                return 2;
            }
        }

        var source = new RuleSource();
        var options = new RuleCompilerOptions(schema, RequireTypedMembers: false);
        CheckSummary summary = Check(source.Read(paths), options, output);
        foreach (string problem in source.Problems)
        {
            error.WriteLine(problem);
        }

        output.WriteLine();
        if (summary.ErrorsById.Count > 0)
        {
            output.WriteLine("Errors by id: " + string.Join(", ", summary.ErrorsById.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key} {entry.Value}")));
        }

        if (summary.SkippedNonEql > 0)
        {
            output.WriteLine(summary.SkippedNonEql == 1
                ? "1 exported rule in another language was skipped."
                : $"{summary.SkippedNonEql} exported rules in other languages were skipped.");
        }

        output.WriteLine($"{summary.Rules} rules: {summary.Valid} valid, {summary.WithErrors} with errors, {summary.WithWarnings} with warnings");
        if (source.Problems.Any(problem => problem.StartsWith("error:", StringComparison.Ordinal)))
        {
            return 2;
        }

        return summary.WithErrors > 0 ? 1 : 0;

        CheckSummary Check(IEnumerable<RuleText> rules, RuleCompilerOptions compilerOptions, TextWriter writer)
        {
            int count = 0, valid = 0, withErrors = 0, withWarnings = 0;
            var errorsById = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (RuleText rule in rules)
            {
                count++;
                RuleCompilation compilation = RuleCompiler.Compile(rule.Text, rule.DefaultName, compilerOptions);
                var lines = new LineMap(rule.Text);
                foreach (EqlDiagnostic diagnostic in compilation.Diagnostics)
                {
                    writer.WriteLine(Format(rule, diagnostic, lines));
                    if (diagnostic.Severity == EqlSeverity.Error)
                    {
                        errorsById[diagnostic.Id] = errorsById.TryGetValue(diagnostic.Id, out int seen) ? seen + 1 : 1;
                    }
                }

                if (compilation.HasErrors)
                {
                    withErrors++;
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

            return new CheckSummary(count, valid, withErrors, withWarnings, source.SkippedNonEql, errorsById);
        }
    }

    // An .eql file gets its own line and column. A rule in an export gets the export's line, and the message
    // gives the position inside the rule's query.
    private static string Format(RuleText rule, EqlDiagnostic diagnostic, LineMap lines)
    {
        LinePosition position = lines.GetPosition(diagnostic.Span.Start);
        string severity = diagnostic.Severity.ToString().ToLowerInvariant();
        if (rule.Title is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{rule.Path}({position.Line + 1},{position.Character + 1}): {severity} {diagnostic.Id}: {diagnostic.Message}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{rule.Path}({rule.Line}): {severity} {diagnostic.Id}: rule {rule.Title}, query line {position.Line + 1}, column {position.Character + 1}: {diagnostic.Message}");
    }
}
