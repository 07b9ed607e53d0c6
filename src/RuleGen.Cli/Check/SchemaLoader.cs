using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Schema;
using RuleGen.Eql.Text;

namespace RuleGen.Cli.Check;

/// <summary>
/// A custom schema file as read: its fields in the order it declares them, where each field's type is written
/// (<see cref="TypeSpans"/>, in the order of <see cref="Fields"/>), and its line map for messages.
/// </summary>
internal sealed record SchemaFile(string Path, IReadOnlyList<SchemaField> Fields, IReadOnlyList<TextSpan> TypeSpans, LineMap Lines)
{
    /// <summary>The fields as dotted name to Elasticsearch type, for <see cref="FieldSchema.WithCustomFields"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> CustomFields =>
        Fields.Select(declared => new KeyValuePair<string, string>(declared.Name, declared.Type));

    /// <summary>Formats <paramref name="diagnostic"/> of this file as <c>file(line,col): severity id: message</c>.</summary>
    public string Format(EqlDiagnostic diagnostic)
    {
        LinePosition start = Lines.GetPosition(diagnostic.Span.Start);
        string severity = diagnostic.Severity == EqlSeverity.Error ? "error" : "warning";
        return string.Create(CultureInfo.InvariantCulture, $"{Path}({start.Line + 1},{start.Character + 1}): {severity} {diagnostic.Id}: {diagnostic.Message}");
    }
}

/// <summary>
/// Reads custom field schemas with the generator's own reader, so that a file the build accepts is accepted
/// here too: a JSON object of dotted or nested field names to Elasticsearch types, or an Elasticsearch mapping
/// as <c>GET index/_mapping</c> returns it or as an index template contains it.
/// </summary>
internal static class SchemaLoader
{
    /// <summary>Reads the schema at <paramref name="path"/> and writes its warnings, such as unknown types, to <paramref name="warnings"/>.</summary>
    /// <exception cref="InvalidDataException">The file has errors; the message lists each at its line and column.</exception>
    public static SchemaFile Load(string path, TextWriter warnings) => Parse(File.ReadAllText(path), path, warnings);

    /// <summary>Reads a schema from <paramref name="text"/>; <paramref name="path"/> names it in messages.</summary>
    /// <exception cref="InvalidDataException">The text has errors; the message lists each at its line and column.</exception>
    public static SchemaFile Parse(string text, string path, TextWriter warnings)
    {
        var diagnostics = new List<EqlDiagnostic>();
        var typeSpans = new List<TextSpan>();
        IReadOnlyList<SchemaField> fields = SchemaFileParser.Parse(text, diagnostics, typeSpans);
        var file = new SchemaFile(path, fields, typeSpans, new LineMap(text));
        List<EqlDiagnostic> errors = diagnostics.Where(diagnostic => diagnostic.Severity == EqlSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidDataException(string.Join(System.Environment.NewLine, errors.Select(file.Format)));
        }

        foreach (EqlDiagnostic warning in diagnostics)
        {
            warnings.WriteLine(file.Format(warning));
        }

        return file;
    }

    /// <summary>
    /// Writes an RG3009 warning to <paramref name="warnings"/> for each custom field declaration that gives a
    /// field a different kind of value than its first declaration in <paramref name="files"/>, taken in order.
    /// </summary>
    public static void WriteConflicts(IReadOnlyList<SchemaFile> files, TextWriter warnings)
    {
        List<SchemaFileFields> declarations = files.Select(file => new SchemaFileFields(file.Path, file.Fields)).ToList();
        foreach (SchemaFieldConflict conflict in SchemaFieldConflicts.Find(declarations))
        {
            SchemaFile file = files[conflict.FileIndex];
            warnings.WriteLine(file.Format(conflict.CreateDiagnostic(file.TypeSpans[conflict.FieldIndex])));
        }
    }
}
