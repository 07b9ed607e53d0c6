using System.Collections.Generic;
using System.Text.Json;

namespace RuleGen.Events;

/// <summary>
/// The event data of a Windows event (the <c>&lt;EventData&gt;</c> items such as <c>Image</c> or
/// <c>NewProcessId</c>), looked up by name whatever layout the record uses.
/// </summary>
internal sealed class WindowsEventData
{
    private readonly JsonElement _fields;
    private readonly Dictionary<string, JsonElement>? _namedItems;

    private WindowsEventData(JsonElement fields, Dictionary<string, JsonElement>? namedItems, string pathPrefix)
    {
        _fields = fields;
        _namedItems = namedItems;
        PathPrefix = pathPrefix;
    }

    internal static WindowsEventData Empty { get; } = new(default, null, string.Empty);

    /// <summary>Path of the enclosing object in the input, used to name fields in warnings; empty for top-level names.</summary>
    internal string PathPrefix { get; }

    /// <summary>Event data stored as an object whose property names are the item names.</summary>
    internal static WindowsEventData FromObject(JsonElement fields, string pathPrefix)
    {
        return new WindowsEventData(fields, null, pathPrefix);
    }

    /// <summary>Event data stored as a list of items, each with a name and a value.</summary>
    internal static WindowsEventData FromNamedItems(Dictionary<string, JsonElement> namedItems, string pathPrefix)
    {
        return new WindowsEventData(default, namedItems, pathPrefix);
    }

    internal bool TryGetValue(string name, out JsonElement value)
    {
        if (_namedItems is not null)
        {
            return _namedItems.TryGetValue(name, out value);
        }

        return JsonFields.TryGetProperty(_fields, name, out value);
    }

    /// <summary>Returns the item's text, or null when the item is missing, JSON null, an object or an array.</summary>
    internal string? GetText(string name)
    {
        return TryGetValue(name, out JsonElement value) ? JsonFields.ToText(value) : null;
    }

    internal string PathOf(string name)
    {
        return PathPrefix.Length == 0 ? name : PathPrefix + "." + name;
    }
}
