using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using RuleGen.Eql.Diagnostics;

namespace RuleGen.Cli.Check;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log, the format code-scanning services read. Each RuleGen id is a
/// reporting rule of the tool, and its <c>helpUri</c> is the id's row in docs/diagnostics.md. A diagnostic in
/// an .eql file is located at its line and column. One in a Kibana export is located at the export's line, and
/// the message gives the position inside the query.
/// </summary>
internal static class SarifWriter
{
    public static void Write(TextWriter output, IReadOnlyList<Finding> findings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "rulegen");
            json.WriteString("version", typeof(SarifWriter).Assembly.GetName().Version?.ToString() ?? "0.0.0.0");
            json.WriteStartArray("rules");
            foreach (DiagnosticDescriptorInfo descriptor in DiagnosticDescriptors.All)
            {
                json.WriteStartObject();
                json.WriteString("id", descriptor.Id);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", descriptor.Title);
                json.WriteEndObject();
                json.WriteString("helpUri", descriptor.HelpLink);
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(descriptor.Severity));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (Finding finding in findings)
            {
                WriteResult(json, finding);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding)
    {
        EqlDiagnostic diagnostic = finding.Diagnostic;
        bool inExport = finding.Rule.Title is not null;
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        json.WriteNumber("ruleIndex", Array.FindIndex(DiagnosticDescriptors.All, descriptor => descriptor.Id == diagnostic.Id));
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", inExport ? $"{finding.ExportContext}: {diagnostic.Message}" : diagnostic.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri(finding.Rule.Path));
        json.WriteEndObject();
        json.WriteStartObject("region");
        if (inExport)
        {
            json.WriteNumber("startLine", finding.Rule.Line);
        }
        else
        {
            json.WriteNumber("startLine", finding.Start.Line + 1);
            json.WriteNumber("startColumn", finding.Start.Character + 1);
            json.WriteNumber("endLine", finding.End.Line + 1);
            json.WriteNumber("endColumn", finding.End.Character + 1);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Level(EqlSeverity severity) => severity switch
    {
        EqlSeverity.Error => "error",
        EqlSeverity.Warning => "warning",
        _ => "note",
    };

    // SARIF locations are URIs: a relative path keeps '/' separators, an absolute one becomes a file URI.
    private static string Uri(string path) => Path.IsPathRooted(path)
        ? new System.Uri(Path.GetFullPath(path)).AbsoluteUri
        : string.Join("/", path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(System.Uri.EscapeDataString));
}
