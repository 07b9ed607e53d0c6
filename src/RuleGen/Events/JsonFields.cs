using System.Text.Json;

namespace RuleGen.Events;

/// <summary>Lookups on JSON objects that tolerate a missing property or a parent that is not an object.</summary>
internal static class JsonFields
{
    internal static bool TryGetProperty(JsonElement parent, string name, out JsonElement value)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    internal static bool TryGetObject(JsonElement parent, string name, out JsonElement value)
    {
        return TryGetProperty(parent, name, out value) && value.ValueKind == JsonValueKind.Object;
    }

    /// <summary>
    /// Returns a property's text: a string as it is, a number or boolean as its JSON text, and null for a missing
    /// property, JSON null, an object or an array.
    /// </summary>
    internal static string? GetText(JsonElement parent, string name)
    {
        return TryGetProperty(parent, name, out JsonElement value) ? ToText(value) : null;
    }

    internal static string? ToText(JsonElement value)
    {
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }
}
