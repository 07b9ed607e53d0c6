using System;
using System.Text.Json;

namespace RuleGen.Events;

/// <summary>Detects the layout of one JSON record from the keys it has.</summary>
internal static class EventFormatDetector
{
    /// <summary>
    /// Returns the record's layout. The Windows layouts are tried in a fixed order and any other object is an
    /// ECS document, because an ECS document has none of the keys the Windows layouts require.
    /// </summary>
    internal static EventFormat Detect(JsonElement root)
    {
        if (JsonFields.TryGetObject(root, "Event", out JsonElement evtxEvent) && JsonFields.TryGetObject(evtxEvent, "System", out _))
        {
            return EventFormat.EvtxJson;
        }

        // A winlogbeat document that an ingest pipeline or the winlogbeat modules already mapped has process.*
        // fields and is read as ECS, so that the pipeline's mapping wins over ours.
        if (JsonFields.TryGetObject(root, "winlog", out JsonElement winlog)
            && JsonFields.TryGetObject(winlog, "event_data", out _)
            && !HasProcessFields(root))
        {
            return EventFormat.Winlogbeat;
        }

        if (JsonFields.TryGetProperty(root, "event_id", out _)
            && (JsonFields.TryGetObject(root, "event_data", out _) || JsonFields.TryGetProperty(root, "log_name", out _)))
        {
            return EventFormat.Winlogbeat6;
        }

        if (JsonFields.TryGetProperty(root, "EventID", out _) && HasFlatWindowsKey(root))
        {
            return IsAzureMonitorRow(root) ? EventFormat.AzureMonitor : EventFormat.NxLog;
        }

        return EventFormat.Ecs;
    }

    private static bool HasProcessFields(JsonElement root)
    {
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.NameEquals("process") || property.Name.StartsWith("process.", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasFlatWindowsKey(JsonElement root)
    {
        return JsonFields.TryGetProperty(root, "Channel", out _)
            || JsonFields.TryGetProperty(root, "SourceName", out _)
            || JsonFields.TryGetProperty(root, "Hostname", out _)
            || JsonFields.TryGetProperty(root, "Computer", out _);
    }

    private static bool IsAzureMonitorRow(JsonElement root)
    {
        return JsonFields.TryGetProperty(root, "TimeGenerated", out _)
            || (JsonFields.TryGetProperty(root, "EventData", out JsonElement eventData) && eventData.ValueKind == JsonValueKind.String);
    }
}
