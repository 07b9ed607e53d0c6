using System;
using System.Globalization;
using System.Text.Json;
using RuleGen.Ecs;

namespace RuleGen.Events;

/// <summary>
/// Maps a Windows event to ECS. Every event gets the base fields (<c>@timestamp</c>, <c>host.name</c>,
/// <c>event.code</c>, <c>event.provider</c>, <c>event.kind</c>). Sysmon event 1 and Security event 4688 also become
/// process start events through <see cref="WindowsProcessStartMapper"/>. Other events get no
/// <c>event.category</c>, so rules that select a category skip them.
/// </summary>
internal static class WindowsEventMapper
{
    internal const string SysmonChannel = "Microsoft-Windows-Sysmon/Operational";
    internal const string SysmonProvider = "Microsoft-Windows-Sysmon";
    internal const string SecurityChannel = "Security";
    internal const string SecurityProvider = "Microsoft-Windows-Security-Auditing";
    internal const long SysmonProcessCreateId = 1;
    internal const long SecurityProcessCreationId = 4688;

    private enum ProcessStartKind
    {
        None,
        SysmonProcessCreate,
        SecurityProcessCreation,
    }

    /// <summary>
    /// Writes the ECS fields of <paramref name="record"/> into <paramref name="target"/>. A field the record lacks
    /// keeps the value <paramref name="target"/> already has.
    /// </summary>
    internal static void Map(WindowsEventRecord record, EcsEvent target, EventMappingContext context)
    {
        long? eventId = ReadEventId(record, context);
        ProcessStartKind kind = Classify(record, eventId);

        EventFields eventFields = target.Event ??= new();
        eventFields.Kind = "event";
        if (eventId is not null)
        {
            eventFields.Code = eventId.Value.ToString(CultureInfo.InvariantCulture);
        }

        string? provider = WindowsFieldValues.KnownValue(record.Provider) ?? ImpliedProvider(kind);
        if (provider is not null)
        {
            eventFields.Provider = provider;
        }

        string? computer = WindowsFieldValues.KnownValue(record.Computer);
        if (computer is not null)
        {
            (target.Host ??= new()).Name = computer;
        }

        DateTimeOffset? timestamp = ReadTimestamp(record, kind == ProcessStartKind.SysmonProcessCreate, context);
        if (timestamp is not null)
        {
            target.Timestamp = timestamp;
        }

        switch (kind)
        {
            case ProcessStartKind.SysmonProcessCreate:
                WindowsProcessStartMapper.MapSysmonProcessCreate(record.Data, target, context);
                break;
            case ProcessStartKind.SecurityProcessCreation:
                WindowsProcessStartMapper.MapSecurityProcessCreation(record.Data, target, context);
                break;
        }
    }

    /// <summary>
    /// Decides whether the event is a process start. The event id alone is ambiguous, because other providers
    /// (FilterManager and Winsock-WS2HELP, for example) also log event 1, so the channel must match too,
    /// compared case-insensitively. A record without a channel is matched on its provider name instead.
    /// </summary>
    private static ProcessStartKind Classify(WindowsEventRecord record, long? eventId)
    {
        string? channel = WindowsFieldValues.KnownValue(record.Channel);
        if (eventId == SysmonProcessCreateId && IsSource(channel, record.Provider, SysmonChannel, SysmonProvider))
        {
            return ProcessStartKind.SysmonProcessCreate;
        }

        if (eventId == SecurityProcessCreationId && IsSource(channel, record.Provider, SecurityChannel, SecurityProvider))
        {
            return ProcessStartKind.SecurityProcessCreation;
        }

        return ProcessStartKind.None;
    }

    private static bool IsSource(string? channel, string? provider, string expectedChannel, string expectedProvider)
    {
        return channel is not null
            ? string.Equals(channel, expectedChannel, StringComparison.OrdinalIgnoreCase)
            : string.Equals(provider, expectedProvider, StringComparison.OrdinalIgnoreCase);
    }

    private static string? ImpliedProvider(ProcessStartKind kind)
    {
        return kind switch
        {
            ProcessStartKind.SysmonProcessCreate => SysmonProvider,
            ProcessStartKind.SecurityProcessCreation => SecurityProvider,
            _ => null,
        };
    }

    /// <summary>Reads the event id from a number, a numeric string, or an object that stores it in <c>#text</c>.</summary>
    private static long? ReadEventId(WindowsEventRecord record, EventMappingContext context)
    {
        if (record.EventId is not JsonElement stored)
        {
            return null;
        }

        JsonElement value = stored;
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("#text", out JsonElement text))
        {
            value = text;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when value.TryGetInt64(out long number):
                return number;
            case JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out long parsed):
                return parsed;
            default:
                context.AddWarning(record.EventIdPath, stored, "integer");
                return null;
        }
    }

    /// <summary>
    /// Returns the first timestamp that parses. For Sysmon that is its own <c>UtcTime</c> (UTC without a zone),
    /// because collectors' timestamps can be hours off. Values that do not parse become warnings.
    /// </summary>
    private static DateTimeOffset? ReadTimestamp(WindowsEventRecord record, bool isSysmon, EventMappingContext context)
    {
        if (isSysmon
            && record.Data.TryGetValue("UtcTime", out JsonElement utcTime)
            && utcTime.ValueKind != JsonValueKind.Null)
        {
            if (EcsValueReader.TryReadDate(utcTime, out DateTimeOffset? sysmonTime) && sysmonTime is not null)
            {
                return sysmonTime;
            }

            context.AddWarning(record.Data.PathOf("UtcTime"), utcTime, "date");
        }

        foreach ((string path, JsonElement value) in record.Timestamps)
        {
            if (EcsValueReader.TryReadDate(value, out DateTimeOffset? timestamp) && timestamp is not null)
            {
                return timestamp;
            }

            context.AddWarning(path, value, "date");
        }

        return null;
    }
}
