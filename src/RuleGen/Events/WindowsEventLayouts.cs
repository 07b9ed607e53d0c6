using System;
using System.Collections.Generic;
using System.Text.Json;

namespace RuleGen.Events;

/// <summary>
/// Reads the event id, channel, provider, computer, timestamps and event data of a Windows event from each of the
/// layouts that <see cref="EventFormatDetector"/> recognizes.
/// </summary>
internal static class WindowsEventLayouts
{
    private const string TopLevel = "";

    /// <summary>Field names, in order of preference, that flat layouts use for the event time.</summary>
    private static readonly string[] FlatTimestampFields = { "@timestamp", "EventTime", "TimeCreated", "TimeGenerated" };

    internal static WindowsEventRecord Read(JsonElement root, EventFormat format, EventMappingContext context)
    {
        return format switch
        {
            EventFormat.EvtxJson => ReadEvtx(root),
            EventFormat.NxLog => ReadFlat(root, WindowsEventData.FromObject(root, TopLevel)),
            EventFormat.AzureMonitor => ReadFlat(root, ReadAzureEventData(root, context)),
            EventFormat.Winlogbeat => ReadWinlogbeat(root),
            EventFormat.Winlogbeat6 => ReadWinlogbeat6(root),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "The format is not a Windows event layout."),
        };
    }

    /// <summary>Reads <c>{"Event": {"System": {...}, "EventData": {...}}}</c>, the XML of an EVTX record as JSON.</summary>
    private static WindowsEventRecord ReadEvtx(JsonElement root)
    {
        JsonElement evtxEvent = root.GetProperty("Event");
        JsonElement system = evtxEvent.GetProperty("System");

        WindowsEventData data = JsonFields.TryGetObject(evtxEvent, "EventData", out JsonElement eventData)
            ? ReadEventDataObject(eventData, "Event.EventData")
            : WindowsEventData.Empty;

        var timestamps = new List<KeyValuePair<string, JsonElement>>();
        if (JsonFields.TryGetObject(system, "TimeCreated", out JsonElement timeCreated))
        {
            if (JsonFields.TryGetObject(timeCreated, "#attributes", out JsonElement attributes))
            {
                AddIfPresent(timestamps, attributes, "SystemTime", "Event.System.TimeCreated.#attributes.SystemTime");
            }

            AddIfPresent(timestamps, timeCreated, "SystemTime", "Event.System.TimeCreated.SystemTime");
        }

        AddIfPresent(timestamps, root, "@timestamp", "@timestamp");

        return new WindowsEventRecord(data)
        {
            EventId = JsonFields.TryGetProperty(system, "EventID", out JsonElement eventId) ? eventId : null,
            EventIdPath = "Event.System.EventID",
            Channel = JsonFields.GetText(system, "Channel"),
            Provider = ReadEvtxProvider(system),
            Computer = JsonFields.GetText(system, "Computer"),
            Timestamps = timestamps,
        };
    }

    /// <summary>Returns the provider name from <c>System.Provider</c>, stored as an XML attribute or as a plain value.</summary>
    private static string? ReadEvtxProvider(JsonElement system)
    {
        if (!JsonFields.TryGetProperty(system, "Provider", out JsonElement provider))
        {
            return null;
        }

        if (JsonFields.TryGetObject(provider, "#attributes", out JsonElement attributes))
        {
            return JsonFields.GetText(attributes, "Name");
        }

        return provider.ValueKind == JsonValueKind.Object ? JsonFields.GetText(provider, "Name") : JsonFields.ToText(provider);
    }

    /// <summary>Reads the NXLog and Azure Monitor layouts, whose Windows field names are top-level keys.</summary>
    private static WindowsEventRecord ReadFlat(JsonElement root, WindowsEventData data)
    {
        var timestamps = new List<KeyValuePair<string, JsonElement>>();
        foreach (string field in FlatTimestampFields)
        {
            AddIfPresent(timestamps, root, field, field);
        }

        return new WindowsEventRecord(data)
        {
            EventId = JsonFields.TryGetProperty(root, "EventID", out JsonElement eventId) ? eventId : null,
            EventIdPath = "EventID",
            Channel = JsonFields.GetText(root, "Channel"),
            Provider = JsonFields.GetText(root, "SourceName")
                ?? JsonFields.GetText(root, "Provider")
                ?? JsonFields.GetText(root, "EventSourceName"),
            Computer = JsonFields.GetText(root, "Hostname") ?? JsonFields.GetText(root, "Computer"),
            Timestamps = timestamps,
        };
    }

    /// <summary>
    /// Returns the event data of an Azure Monitor row. <c>WindowsEvent</c> rows hold it in <c>EventData</c>, as an
    /// object or as a JSON-encoded string. <c>SecurityEvent</c> rows have the names at the top level.
    /// </summary>
    private static WindowsEventData ReadAzureEventData(JsonElement root, EventMappingContext context)
    {
        if (!JsonFields.TryGetProperty(root, "EventData", out JsonElement eventData))
        {
            return WindowsEventData.FromObject(root, TopLevel);
        }

        if (eventData.ValueKind == JsonValueKind.Object)
        {
            return ReadEventDataObject(eventData, "EventData");
        }

        if (eventData.ValueKind == JsonValueKind.String)
        {
            if (TryParseObject(eventData.GetString()!, out JsonElement parsed))
            {
                return ReadEventDataObject(parsed, "EventData");
            }

            // NOTE: the legacy Azure Monitor table Event stores EventData as XML text, which is not parsed here.
            context.AddWarning("EventData", eventData, "a JSON object or a string that contains one");
        }

        return WindowsEventData.FromObject(root, TopLevel);
    }

    private static bool TryParseObject(string json, out JsonElement value)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            value = document.RootElement.Clone();
            return value.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }

    /// <summary>
    /// Reads an event data object. Besides the name-to-value form, converters that keep the XML items write
    /// <c>{"Data": [{"@Name": "Image", "#text": "C:\\x.exe"}, ...]}</c>. That form is read when at least one item
    /// has a name.
    /// </summary>
    private static WindowsEventData ReadEventDataObject(JsonElement eventData, string pathPrefix)
    {
        if (JsonFields.TryGetProperty(eventData, "Data", out JsonElement items))
        {
            Dictionary<string, JsonElement>? namedItems = ReadNamedItems(items);
            if (namedItems is not null)
            {
                return WindowsEventData.FromNamedItems(namedItems, pathPrefix);
            }
        }

        return WindowsEventData.FromObject(eventData, pathPrefix);
    }

    private static Dictionary<string, JsonElement>? ReadNamedItems(JsonElement items)
    {
        var namedItems = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (items.ValueKind == JsonValueKind.Object)
        {
            AddNamedItem(namedItems, items);
        }
        else if (items.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in items.EnumerateArray())
            {
                AddNamedItem(namedItems, item);
            }
        }

        return namedItems.Count == 0 ? null : namedItems;
    }

    private static void AddNamedItem(Dictionary<string, JsonElement> namedItems, JsonElement item)
    {
        string? name = JsonFields.GetText(item, "@Name") ?? JsonFields.GetText(item, "Name");
        if (name is not null && JsonFields.TryGetProperty(item, "#text", out JsonElement value))
        {
            namedItems[name] = value;
        }
    }

    /// <summary>
    /// Reads a winlogbeat 7 or later document: <c>winlog.event_data</c>, <c>winlog.event_id</c> and the like.
    /// No timestamp is listed and <c>host.name</c> is not read here, because the mapper keeps what the
    /// document's other ECS fields already set, <c>@timestamp</c> and <c>host.name</c> included.
    /// </summary>
    private static WindowsEventRecord ReadWinlogbeat(JsonElement root)
    {
        JsonElement winlog = root.GetProperty("winlog");
        return new WindowsEventRecord(WindowsEventData.FromObject(winlog.GetProperty("event_data"), "winlog.event_data"))
        {
            EventId = JsonFields.TryGetProperty(winlog, "event_id", out JsonElement eventId) ? eventId : null,
            EventIdPath = "winlog.event_id",
            Channel = JsonFields.GetText(winlog, "channel"),
            Provider = JsonFields.GetText(winlog, "provider_name"),
            Computer = JsonFields.GetText(winlog, "computer_name"),
        };
    }

    /// <summary>Reads a winlogbeat 6 document: <c>event_data</c>, <c>event_id</c>, <c>log_name</c>, <c>computer_name</c>.</summary>
    private static WindowsEventRecord ReadWinlogbeat6(JsonElement root)
    {
        WindowsEventData data = JsonFields.TryGetObject(root, "event_data", out JsonElement eventData)
            ? WindowsEventData.FromObject(eventData, "event_data")
            : WindowsEventData.Empty;

        var timestamps = new List<KeyValuePair<string, JsonElement>>();
        AddIfPresent(timestamps, root, "@timestamp", "@timestamp");

        return new WindowsEventRecord(data)
        {
            EventId = root.GetProperty("event_id"),
            EventIdPath = "event_id",
            Channel = JsonFields.GetText(root, "log_name"),
            Provider = JsonFields.GetText(root, "source_name"),
            Computer = JsonFields.GetText(root, "computer_name"),
            Timestamps = timestamps,
        };
    }

    private static void AddIfPresent(List<KeyValuePair<string, JsonElement>> timestamps, JsonElement parent, string name, string path)
    {
        if (JsonFields.TryGetProperty(parent, name, out JsonElement value) && value.ValueKind != JsonValueKind.Null)
        {
            timestamps.Add(new KeyValuePair<string, JsonElement>(path, value));
        }
    }
}
