using System.Collections.Generic;

namespace RuleGen.Ecs;

public sealed partial class EcsEvent
{
    /// <summary>
    /// The 1-based line of the input file this event was read from, or 0 when the event was not read from a file.
    /// Not an ECS field: EQL queries cannot see it.
    /// </summary>
    public long InputLine { get; set; }

    /// <summary>
    /// Fields outside the typed ECS members, by dotted name, such as Elastic Defend's <c>process.Ext.*</c>.
    /// Values are strings, 64-bit integers, doubles or booleans, or arrays of them; rules read them when a
    /// schema file declares the field. Null when the event has none.
    /// </summary>
    public Dictionary<string, object?>? CustomFields { get; set; }

    /// <summary>Sets a custom field, creating <see cref="CustomFields"/> on first use.</summary>
    public EcsEvent WithCustomField(string name, object? value)
    {
        (CustomFields ??= new Dictionary<string, object?>(System.StringComparer.Ordinal))[name] = value;
        return this;
    }
}
