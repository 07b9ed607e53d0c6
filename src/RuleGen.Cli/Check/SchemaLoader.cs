using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Schema;
using RuleGen.Eql.Text;

namespace RuleGen.Cli.Check;

/// <summary>
/// Reads custom field schemas with the generator's own reader, so that a file the build accepts is accepted
/// here too: a JSON object of dotted or nested field names to Elasticsearch types, or an Elasticsearch mapping
/// as <c>GET index/_mapping</c> returns it or as an index template contains it.
/// </summary>
internal static class SchemaLoader
{
    /// <summary>Reads the schema at <paramref name="path"/> and writes its warnings, such as unknown types, to <paramref name="warnings"/>.</summary>
    /// <exception cref="InvalidDataException">The file has errors; the message lists each at its line and column.</exception>
    public static List<KeyValuePair<string, string>> Load(string path, TextWriter warnings) => Parse(File.ReadAllText(path), path, warnings);

    /// <summary>Reads a schema from <paramref name="text"/>; <paramref name="path"/> names it in messages.</summary>
    /// <exception cref="InvalidDataException">The text has errors; the message lists each at its line and column.</exception>
    public static List<KeyValuePair<string, string>> Parse(string text, string path, TextWriter warnings)
    {
        var diagnostics = new List<EqlDiagnostic>();
        IReadOnlyList<SchemaField> fields = SchemaFileParser.Parse(text, diagnostics);
        var lines = new LineMap(text);
        string Format(EqlDiagnostic diagnostic)
        {
            LinePosition start = lines.GetPosition(diagnostic.Span.Start);
            string severity = diagnostic.Severity == EqlSeverity.Error ? "error" : "warning";
            return string.Create(CultureInfo.InvariantCulture, $"{path}({start.Line + 1},{start.Character + 1}): {severity} {diagnostic.Id}: {diagnostic.Message}");
        }

        List<EqlDiagnostic> errors = diagnostics.Where(diagnostic => diagnostic.Severity == EqlSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidDataException(string.Join(System.Environment.NewLine, errors.Select(Format)));
        }

        foreach (EqlDiagnostic warning in diagnostics)
        {
            warnings.WriteLine(Format(warning));
        }

        return fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Type)).ToList();
    }
}
