using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Text;

namespace RuleGen.Eql.Schema;

/// <summary>A custom field declared in a schema file: its dotted name and Elasticsearch type.</summary>
public sealed record SchemaField(string Name, string Type);

/// <summary>
/// Reads a custom field schema for the generator, in either of two forms:
/// <list type="bullet">
/// <item>a JSON object of field names to Elasticsearch types, where names may be dotted
/// (<c>{"process.Ext.api.name": "keyword"}</c>) or nested (<c>{"process": {"Ext": ...}}</c>);</item>
/// <item>an Elasticsearch mapping, as <c>GET index/_mapping</c> returns it or as an index template contains it:
/// fields are read from <c>properties</c>, with their <c>type</c>.</item>
/// </list>
/// The generator cannot rely on loading a JSON library in every compiler host, so this small reader parses the
/// JSON itself and reports a problem at its position.
/// </summary>
public sealed class SchemaFileParser
{
    private readonly string text;
    private readonly List<EqlDiagnostic> diagnostics;
    private readonly List<SchemaField> fields = new();
    private readonly List<TextSpan> typeSpans;
    private int position;

    private SchemaFileParser(string text, List<EqlDiagnostic> diagnostics, List<TextSpan> typeSpans)
    {
        this.text = text;
        this.diagnostics = diagnostics;
        this.typeSpans = typeSpans;
    }

    public static IReadOnlyList<SchemaField> Parse(string text, List<EqlDiagnostic> diagnostics) => Parse(text, diagnostics, new List<TextSpan>());

    /// <summary>Reads the fields of a schema file and fills <paramref name="typeSpans"/> with where each field's type is written.</summary>
    public static IReadOnlyList<SchemaField> Parse(string text, List<EqlDiagnostic> diagnostics, List<TextSpan> typeSpans)
    {
        var parser = new SchemaFileParser(text, diagnostics, typeSpans);
        try
        {
            parser.SkipWhitespace();
            if (parser.Peek() != '{')
            {
                throw parser.Fail("expected a JSON object of field names to types, or an Elasticsearch mapping", parser.position);
            }

            Node root = parser.ReadValue();
            parser.SkipWhitespace();
            if (parser.position < text.Length)
            {
                throw parser.Fail("only one JSON object is allowed; found more text after it", parser.position);
            }

            if (FindProperties(root) is { } properties)
            {
                parser.ReadMapping(properties, string.Empty);
            }
            else
            {
                parser.ReadFlat(root, string.Empty);
            }
        }
        catch (InvalidSchemaException)
        {
            // The diagnostic was recorded where the problem was found.
        }

        return parser.fields;
    }

    /// <summary>A parsed JSON value: a string, an object with members in order, or any other value.</summary>
    private sealed class Node
    {
        public Node(int start, string? value, List<KeyValuePair<string, Node>>? members)
        {
            Start = start;
            Value = value;
            Members = members;
        }

        public int Start { get; }

        public string? Value { get; }

        public List<KeyValuePair<string, Node>>? Members { get; }

        public Node? Member(string name)
        {
            if (Members is null)
            {
                return null;
            }

            foreach (KeyValuePair<string, Node> member in Members)
            {
                if (member.Key == name)
                {
                    return member.Value;
                }
            }

            return null;
        }
    }

    private sealed class InvalidSchemaException : System.Exception
    {
    }

    private InvalidSchemaException Fail(string problem, int at)
    {
        diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.InvalidSchemaFile, new TextSpan(System.Math.Min(at, text.Length), 1), problem));
        return new InvalidSchemaException();
    }

    // The 'properties' object of a mapping in its usual wrappers: {properties}, {mappings: ...},
    // {template: {mappings: ...}}, or GET index/_mapping's {index-name: {mappings: ...}}.
    private static Node? FindProperties(Node node)
    {
        if (node.Member("properties") is { Members: not null } properties)
        {
            return properties;
        }

        foreach (string wrapper in new[] { "mappings", "template" })
        {
            if (node.Member(wrapper) is { Members: not null } inner)
            {
                return FindProperties(inner);
            }
        }

        if (node.Members is { Count: 1 } single && single[0].Value.Member("mappings") is { Members: not null })
        {
            return FindProperties(single[0].Value);
        }

        return null;
    }

    private void ReadMapping(Node properties, string prefix)
    {
        foreach (KeyValuePair<string, Node> member in properties.Members!)
        {
            string path = prefix + member.Key;
            if (member.Value.Members is null)
            {
                throw Fail($"the mapping of '{path}' must be an object with a \"type\" or \"properties\"", member.Value.Start);
            }

            // TODO: the "format" of a date field is not read. Detectors read a custom date field only as ISO 8601
            // text or epoch milliseconds, so a value in another format, such as "17-12-2022", counts as missing.
            if (member.Value.Member("type") is { Value: { } type } typeNode)
            {
                AddField(path, type, typeNode.Start);
            }
            else if (member.Value.Member("properties") is { Members: not null })
            {
                fields.Add(new SchemaField(path, "object"));
                typeSpans.Add(new TextSpan(member.Value.Start, 1));
            }

            // A "nested" or "object" field names its type and still declares its children.
            if (member.Value.Member("properties") is { Members: not null } children)
            {
                ReadMapping(children, path + ".");
            }
        }
    }

    private void ReadFlat(Node node, string prefix)
    {
        foreach (KeyValuePair<string, Node> member in node.Members!)
        {
            if (member.Key.Length == 0)
            {
                throw Fail("a field name is empty", member.Value.Start);
            }

            string path = prefix.Length == 0 ? member.Key : prefix + "." + member.Key;
            if (member.Value.Value is { } type)
            {
                AddField(path, type, member.Value.Start);
            }
            else if (member.Value.Members is not null)
            {
                ReadFlat(member.Value, path);
            }
            else
            {
                throw Fail($"the field '{path}' must map to a type name such as \"keyword\", or to an object of fields", member.Value.Start);
            }
        }
    }

    // An unknown type is most often a typo, which would otherwise surface only at a rule that reads the field,
    // as a type error. It is a warning, not an error, because real schemas carry types outside Elasticsearch's
    // list, such as Beats' "array". The field is kept, and rules can still test it for null.
    private void AddField(string path, string type, int at)
    {
        var span = new TextSpan(at, type.Length + 2);
        fields.Add(new SchemaField(path, type));
        typeSpans.Add(span);
        if (FieldDefinition.ElasticsearchTypes.Contains(type))
        {
            // ECS fields keep their ECS type. Only a different kind of value is reported: a template that maps an
            // ECS keyword field as wildcard or text still compares strings.
            if (FieldSchema.Ecs.TryGet(path, out FieldDefinition ecs) && ecs.Kind != FieldDefinition.KindOf(type))
            {
                diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.ConflictingSchemaField, span, path, type, "the Elastic Common Schema", ecs.Type));
            }

            return;
        }

        string? suggestion = EditDistance.Closest(type, FieldDefinition.ElasticsearchTypes, 2);
        string fix = suggestion is null
            ? "use an Elasticsearch field type such as \"keyword\", \"long\", \"double\", \"boolean\", \"date\" or \"ip\""
            : $"did you mean \"{suggestion}\"?";
        diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.UnknownSchemaType, span, path, type, fix));
    }

    private Node ReadValue()
    {
        SkipWhitespace();
        int start = position;
        switch (Peek())
        {
            case '{':
                return ReadObject();
            case '"':
                return new Node(start, ReadString(), null);
            case '[':
                SkipArray();
                return new Node(start, null, null);
            default:
                // A number, true, false or null: mappings carry them (ignore_above, index), and they name no field.
                while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '-' or '+' or '.'))
                {
                    position++;
                }

                if (position == start)
                {
                    throw Fail("expected a JSON value", start);
                }

                return new Node(start, null, null);
        }
    }

    private Node ReadObject()
    {
        int start = position;
        position++;
        var members = new List<KeyValuePair<string, Node>>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            position++;
            return new Node(start, null, members);
        }

        while (true)
        {
            SkipWhitespace();
            string name = ReadString();
            SkipWhitespace();
            Expect(':', "':' after the name");
            members.Add(new KeyValuePair<string, Node>(name, ReadValue()));
            SkipWhitespace();
            if (Peek() == ',')
            {
                position++;
                continue;
            }

            Expect('}', "',' or '}'");
            return new Node(start, null, members);
        }
    }

    private void SkipArray()
    {
        position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            position++;
            return;
        }

        while (true)
        {
            ReadValue();
            SkipWhitespace();
            if (Peek() == ',')
            {
                position++;
                continue;
            }

            Expect(']', "',' or ']'");
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
                case 'u' when position + 4 <= text.Length && int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code):
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
            throw Fail($"expected {description}", position);
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
