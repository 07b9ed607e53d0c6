namespace RuleGen.Events;

/// <summary>
/// Layout of one JSON Lines record. <see cref="JsonLinesEventReader"/> detects it for every line, so one file
/// may mix layouts.
/// </summary>
public enum EventFormat
{
    /// <summary>An Elastic Common Schema document, with nested objects, dotted keys or both.</summary>
    Ecs,

    /// <summary>An EVTX record converted to JSON, with the XML elements under <c>Event.System</c> and <c>Event.EventData</c>.</summary>
    EvtxJson,

    /// <summary>A flat NXLog record: the Windows field names, event data included, are top-level keys.</summary>
    NxLog,

    /// <summary>
    /// A row of the Azure Monitor tables <c>SecurityEvent</c> or <c>WindowsEvent</c>: top-level Windows field names,
    /// or the event data as a JSON object or JSON-encoded string in <c>EventData</c>.
    /// </summary>
    AzureMonitor,

    /// <summary>A winlogbeat 7 or later document that no ingest pipeline has processed: the event data is in <c>winlog.event_data</c>.</summary>
    Winlogbeat,

    /// <summary>A winlogbeat 6 document: the event data is in <c>event_data</c>, the event id in <c>event_id</c>.</summary>
    Winlogbeat6,
}
