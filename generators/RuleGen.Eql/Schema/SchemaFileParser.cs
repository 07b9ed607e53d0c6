using System.Collections.Generic;
using System.Globalization;
using System.Text;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Text;

namespace RuleGen.Eql.Schema;

/// <summary>A custom field declared in a schema file: its dotted name and Elasticsearch type.</summary>
public sealed record SchemaField(string Name, string Type);

/// <summary>
/// Reads a custom field schema for the generator: a JSON object of field names to Elasticsearch types, where
/// names may be dotted (<c>{"process.Ext.api.name": "keyword"}</c>) or nested (<c>{"process": {"Ext": ...}}</c>).
/// The generator cannot rely on loading a JSON library in every compiler host, so this small reader accepts
/// exactly that shape and reports anything else at its position.
/// </summary>
public sealed class SchemaFileParser
{
    private readonly string text;
    private readonly List<EqlDiagnostic> diagnostics;
    private readonly List<SchemaField> fields = new();
    private int position;

    private SchemaFileParser(string text, List<EqlDiagnostic> diagnostics)
    {
        this.text = text;
        this.diagnostics = diagnostics;
    }

    public static IReadOnlyList<SchemaField> Parse(string text, List<EqlDiagnostic> diagnostics)
    {
        var parser = new SchemaFileParser(text, diagnostics);
        try
        {
            parser.SkipWhitespace();
            parser.ReadObject(string.Empty);
            parser.SkipWhitespace();
            if (parser.position < text.Length)
            {
                parser.Fail("only one JSON object is allowed; found more text after it");
            }
        }
        catch (InvalidSchemaException)
        {
            // The diagnostic was recorded where the problem was found.
        }

        return parser.fields;
    }

    private sealed class InvalidSchemaException : System.Exception
    {
    }

    private InvalidSchemaException Fail(string problem)
    {
        diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.InvalidSchemaFile, new TextSpan(System.Math.Min(position, text.Length), 1), problem));
        return new InvalidSchemaException();
    }

    private void ReadObject(string prefix)
    {
        Expect('{', "a JSON object of field names to types");
        SkipWhitespace();
        if (Peek() == '}')
        {
            position++;
            return;
        }

        while (true)
        {
            SkipWhitespace();
            string name = ReadString();
            if (name.Length == 0)
            {
                throw Fail("a field name is empty");
            }

            SkipWhitespace();
            Expect(':', "':' after the field name");
            SkipWhitespace();
            string path = prefix.Length == 0 ? name : prefix + "." + name;
            if (Peek() == '{')
            {
                ReadObject(path);
            }
            else if (Peek() == '"')
            {
                string type = ReadString();
                fields.Add(new SchemaField(path, type));
            }
            else
            {
                throw Fail($"the field '{path}' must map to a type name such as \"keyword\", or to an object of fields");
            }

            SkipWhitespace();
            if (Peek() == ',')
            {
                position++;
                continue;
            }

            Expect('}', "',' or '}'");
            return;
        }
    }

    private string ReadString()
    {
        Expect('"', "a string in double quotes");
        var value = new StringBuilder();
        while (position < text.Length && text[position] != '"')
        {
            char c = text[position++];
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (position >= text.Length)
            {
                break;
            }

            char escaped = text[position++];
            switch (escaped)
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'u' when position + 4 <= text.Length && int.TryParse(text.Substring(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                    value.Append((char)code);
                    position += 4;
                    break;
                default: value.Append(escaped); break;
            }
        }

        Expect('"', "the closing '\"' of the string");
        return value.ToString();
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private void Expect(char expected, string description)
    {
        if (Peek() != expected)
        {
            throw Fail($"expected {description}");
        }

        position++;
    }

    private void SkipWhitespace()
    {
        while (position < text.Length && (char.IsWhiteSpace(text[position]) || text[position] == '\uFEFF'))
        {
            position++;
        }
    }
}
