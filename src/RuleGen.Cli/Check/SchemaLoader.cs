using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace RuleGen.Cli.Check;

/// <summary>
/// Reads custom field schemas: a flat JSON object of dotted field names to Elasticsearch types
/// (<c>{"process.Ext.token.integrity_level_name": "keyword"}</c>), or an Elasticsearch mapping as
/// <c>GET index/_mapping</c> returns it, or an index template (<c>template.mappings</c>).
/// </summary>
internal static class SchemaLoader
{
    /// <exception cref="InvalidDataException">The file is not one of the accepted forms. The message explains why.</exception>
    public static List<KeyValuePair<string, string>> Load(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"The schema '{path}' is not a JSON object; give a flat object of field names to types, or an Elasticsearch mapping.");
        }

        var fields = new List<KeyValuePair<string, string>>();
        if (FindProperties(root) is { } properties)
        {
            Walk(properties, string.Empty, fields);
            return fields;
        }

        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"The schema '{path}' maps '{property.Name}' to a {property.Value.ValueKind}, not to a type name; a flat schema maps each field to a string such as \"keyword\".");
            }

            fields.Add(new KeyValuePair<string, string>(property.Name, property.Value.GetString()!));
        }

        return fields;
    }

    // Finds the 'properties' object of a mapping in any of its usual wrappers:
    // {properties}, {mappings: {properties}}, {index: {mappings: ...}}, {template: {mappings: ...}}.
    private static JsonElement? FindProperties(JsonElement element)
    {
        if (element.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object)
        {
            return properties;
        }

        foreach (string wrapper in new[] { "mappings", "template" })
        {
            if (element.TryGetProperty(wrapper, out JsonElement inner) && inner.ValueKind == JsonValueKind.Object)
            {
                return FindProperties(inner);
            }
        }

        // GET index/_mapping wraps the mapping in the index name.
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("mappings", out _))
            {
                return FindProperties(property.Value);
            }
        }

        return null;
    }

    private static void Walk(JsonElement properties, string prefix, List<KeyValuePair<string, string>> fields)
    {
        foreach (JsonProperty property in properties.EnumerateObject())
        {
            string name = prefix + property.Name;
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (property.Value.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String)
            {
                fields.Add(new KeyValuePair<string, string>(name, type.GetString()!));
            }
            else if (property.Value.TryGetProperty("properties", out _))
            {
                fields.Add(new KeyValuePair<string, string>(name, "object"));
            }

            if (property.Value.TryGetProperty("properties", out JsonElement children) && children.ValueKind == JsonValueKind.Object)
            {
                Walk(children, name + ".", fields);
            }
        }
    }
}
