using System;
using System.Collections.Generic;
using System.Globalization;

namespace RuleGen.Ecs;

/// <summary>
/// Reads custom fields for generated detectors. Every custom field is read as an array, because any
/// Elasticsearch field may contain several values. A single value becomes a one-element array, and a value that
/// cannot take the requested type is skipped, so it cannot match.
/// </summary>
/// <remarks>NOTE: each read allocates the array it returns; typed members avoid that for ECS fields.</remarks>
public static class CustomFieldValues
{
    public static string[]? Strings(EcsEvent e, string name) => Read(e, name, ToText);

    public static long[]? Longs(EcsEvent e, string name) => Read(e, name, ToLong);

    public static double[]? Doubles(EcsEvent e, string name) => Read(e, name, ToDouble);

    public static bool[]? Booleans(EcsEvent e, string name) => Read(e, name, ToBoolean);

    /// <summary>
    /// Reads a date field: a <see cref="DateTimeOffset"/>, ISO 8601 text (UTC when it names no zone), or epoch
    /// milliseconds as a whole number or a string of digits, the forms of Elasticsearch's default date format.
    /// </summary>
    public static DateTimeOffset[]? Dates(EcsEvent e, string name) => Read(e, name, ToDate);

    /// <summary>
    /// Reads a date field as milliseconds since the Unix epoch, the value a date join key holds, so that two texts
    /// naming one instant give one key. A sub-millisecond part is dropped, as Elasticsearch's date type drops it.
    /// </summary>
    public static long[]? EpochMilliseconds(EcsEvent e, string name) => Read(e, name, value => ToDate(value) is (true, var date) ? (true, date.ToUnixTimeMilliseconds()) : (false, 0L));

    private static T[]? Read<T>(EcsEvent e, string name, Func<object, (bool Ok, T Value)> convert)
    {
        if (e.CustomFields is null || !e.CustomFields.TryGetValue(name, out object? value) || value is null)
        {
            return null;
        }

        if (value is not Array array)
        {
            return convert(value) is (true, var single) ? new[] { single } : null;
        }

        var items = new List<T>(array.Length);
        foreach (object? element in array)
        {
            if (element is not null && convert(element) is (true, var converted))
            {
                items.Add(converted);
            }
        }

        return items.Count == 0 ? null : items.ToArray();
    }

    // A keyword field keeps a number's or a boolean's text, as Elasticsearch does when it indexes one.
    private static (bool, string) ToText(object value) => value switch
    {
        string text => (true, text),
        bool flag => (true, flag ? "true" : "false"),
        IFormattable number => (true, number.ToString(null, CultureInfo.InvariantCulture)),
        _ => (false, string.Empty),
    };

    // Integers follow the coercion of typed ECS members: a fraction, or a numeric string with one, is truncated.
    private static (bool, long) ToLong(object value)
    {
        switch (value)
        {
            case long whole:
                return (true, whole);
            case int small:
                return (true, small);
            case double fraction:
                return EcsValueReader.TryTruncate(fraction, out long? truncated) ? (true, truncated!.Value) : (false, 0);
            case string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed):
                return (true, parsed);
            case string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number):
                return EcsValueReader.TryTruncate(number, out long? fromText) ? (true, fromText!.Value) : (false, 0);
            default:
                return (false, 0);
        }
    }

    private static (bool, double) ToDouble(object value) => value switch
    {
        double fraction => (true, fraction),
        long whole => (true, whole),
        int small => (true, small),
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => (true, parsed),
        _ => (false, 0),
    };

    private static (bool, DateTimeOffset) ToDate(object value)
    {
        switch (value)
        {
            case DateTimeOffset date:
                return (true, date);
            case long milliseconds:
                return FromEpochMilliseconds(milliseconds);
            case int milliseconds:
                return FromEpochMilliseconds(milliseconds);
            case string text when EcsValueReader.TryParseDate(text, out DateTimeOffset? parsed):
                return (true, parsed!.Value);

            // NOTE: Elasticsearch's default format tries the ISO form first, which reads four digits as a year.
            // Here every string of digits that is not an ISO date is epoch milliseconds.
            case string text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long milliseconds):
                return FromEpochMilliseconds(milliseconds);
            default:
                return (false, default);
        }
    }

    private static (bool, DateTimeOffset) FromEpochMilliseconds(long milliseconds) =>
        milliseconds >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? (true, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds))
            : (false, default);

    private static (bool, bool) ToBoolean(object value) => value switch
    {
        bool flag => (true, flag),
        "true" => (true, true),
        "false" => (true, false),
        _ => (false, false),
    };
}
