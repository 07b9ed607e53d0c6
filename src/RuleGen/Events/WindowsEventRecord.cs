using System.Collections.Generic;
using System.Text.Json;

namespace RuleGen.Events;

/// <summary>
/// The parts of a Windows event that the ECS mapping needs, taken from whichever layout the record uses.
/// <see cref="WindowsEventLayouts"/> builds it.
/// </summary>
internal sealed class WindowsEventRecord
{
    internal WindowsEventRecord(WindowsEventData data)
    {
        Data = data;
    }

    internal WindowsEventData Data { get; }

    /// <summary>The event id as the record stores it: a number, a string, or an object with the number in <c>#text</c>.</summary>
    internal JsonElement? EventId { get; init; }

    /// <summary>Path of <see cref="EventId"/> in the input, for warnings.</summary>
    internal string EventIdPath { get; init; } = string.Empty;

    internal string? Channel { get; init; }

    /// <summary>Name of the event provider, for example <c>Microsoft-Windows-Sysmon</c>.</summary>
    internal string? Provider { get; init; }

    /// <summary>Name of the computer that logged the event.</summary>
    internal string? Computer { get; init; }

    /// <summary>
    /// Timestamps of the record, most trustworthy first, each with its path in the input. The event time is the
    /// first one that parses. Sysmon's own <c>UtcTime</c> is not listed here, because it is event data.
    /// </summary>
    internal IReadOnlyList<KeyValuePair<string, JsonElement>> Timestamps { get; init; } = new List<KeyValuePair<string, JsonElement>>();
}
