using System;
using System.Globalization;
using System.Text.Json;

namespace RuleGen.Ecs;

/// <summary>
/// Converts JSON values to the CLR types of typed ECS members. The conversions follow what Elasticsearch
/// accepts when it indexes a document. A keyword field takes a number or a boolean as its text, and a numeric
/// field takes a numeric string. An integer field truncates a fraction, and a date takes ISO 8601 text or
/// epoch milliseconds.
/// </summary>
internal static class EcsValueReader
{
    internal static bool TryReadString(JsonElement value, out string? result)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                result = value.GetString();
                return true;
            case JsonValueKind.Number:
                // Keep the number's own text, as Elasticsearch does when it coerces a number into a keyword.
                result = value.GetRawText();
                return true;
            case JsonValueKind.True:
                result = "true";
                return true;
            case JsonValueKind.False:
                result = "false";
                return true;
            case JsonValueKind.Null:
                result = null;
                return true;
            case JsonValueKind.Array:
                // A single-valued field given as an array keeps its first non-null element.
                return TryReadFirst(value, TryReadString, out result);
            default:
                result = null;
                return false;
        }
    }

    internal static bool TryReadLong(JsonElement value, out long? result)
    {
        result = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (value.TryGetInt64(out long whole))
                {
                    result = whole;
                    return true;
                }

                return TryTruncate(value.GetDouble(), out result);
            case JsonValueKind.String:
                string? text = value.GetString();
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
                {
                    result = parsed;
                    return true;
                }

                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double fraction) && TryTruncate(fraction, out result);
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Array:
                return TryReadFirst(value, TryReadLong, out result);
            default:
                return false;
        }
    }

    // Elasticsearch coerces a number with a fraction into an integer field by truncating it: 12.7 is stored as 12.
    internal static bool TryTruncate(double value, out long? result)
    {
        result = null;
        if (double.IsNaN(value) || double.IsInfinity(value) || value >= 9.2233720368547758E18 || value < -9.2233720368547758E18)
        {
            return false;
        }

        result = (long)Math.Truncate(value);
        return true;
    }

    internal static bool TryReadDouble(JsonElement value, out double? result)
    {
        result = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                result = value.GetDouble();
                return true;
            case JsonValueKind.String:
                if (double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
                {
                    result = parsed;
                    return true;
                }

                return false;
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Array:
                return TryReadFirst(value, TryReadDouble, out result);
            default:
                return false;
        }
    }

    internal static bool TryReadBoolean(JsonElement value, out bool? result)
    {
        result = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                result = true;
                return true;
            case JsonValueKind.False:
                result = false;
                return true;
            case JsonValueKind.String:
                string? text = value.GetString();
                if (string.Equals(text, "true", StringComparison.Ordinal))
                {
                    result = true;
                    return true;
                }

                if (string.Equals(text, "false", StringComparison.Ordinal))
                {
                    result = false;
                    return true;
                }

                return false;
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Array:
                return TryReadFirst(value, TryReadBoolean, out result);
            default:
                return false;
        }
    }

    internal static bool TryReadDate(JsonElement value, out DateTimeOffset? result)
    {
        result = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return TryParseDate(value.GetString(), out result);
            case JsonValueKind.Number:
                // Elasticsearch's default date format accepts epoch milliseconds.
                if (value.TryGetInt64(out long milliseconds)
                    && milliseconds >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds()
                    && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
                {
                    result = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
                    return true;
                }

                return false;
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Array:
                return TryReadFirst(value, TryReadDate, out result);
            default:
                return false;
        }
    }

    /// <summary>
    /// Parses an ISO 8601 date. Text without a zone is taken as UTC, as Elasticsearch does.
    /// Also accepts the space-separated form Windows tools write (<c>2019-07-29 21:33:59.390</c>).
    /// </summary>
    internal static bool TryParseDate(string? text, out DateTimeOffset? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out DateTimeOffset parsed))
        {
            result = parsed;
            return true;
        }

        return false;
    }

    internal static bool TryReadStringArray(JsonElement value, out string[]? result) => TryReadArray(value, TryReadString, out result);

    internal static bool TryReadLongArray(JsonElement value, out long[]? result) => TryReadArray(value, TryReadLong, out result);

    internal static bool TryReadDoubleArray(JsonElement value, out double[]? result) => TryReadArray(value, TryReadDouble, out result);

    internal static bool TryReadBooleanArray(JsonElement value, out bool[]? result) => TryReadArray(value, TryReadBoolean, out result);

    internal static bool TryReadDateArray(JsonElement value, out DateTimeOffset[]? result) => TryReadArray(value, TryReadDate, out result);

    private delegate bool ElementReader<T>(JsonElement value, out T result);

    private static bool TryReadFirst<T>(JsonElement array, ElementReader<T?> read, out T? result)
    {
        foreach (JsonElement element in array.EnumerateArray())
        {
            if (!read(element, out result))
            {
                return false;
            }

            if (result is not null)
            {
                return true;
            }
        }

        result = default;
        return true;
    }

    /// <summary>
    /// Reads an array field. A scalar becomes a one-element array, null elements are dropped (Elasticsearch
    /// indexes none of them), and an array with no non-null element is a missing field.
    /// </summary>
    private static bool TryReadArray<T>(JsonElement value, ElementReader<T?> read, out T[]? result)
        where T : struct
    {
        result = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            if (!read(value, out T? single))
            {
                return false;
            }

            result = single is null ? null : new[] { single.Value };
            return true;
        }

        var items = new System.Collections.Generic.List<T>(value.GetArrayLength());
        foreach (JsonElement element in value.EnumerateArray())
        {
            if (!read(element, out T? item))
            {
                return false;
            }

            if (item is not null)
            {
                items.Add(item.Value);
            }
        }

        result = items.Count == 0 ? null : items.ToArray();
        return true;
    }

    private static bool TryReadArray(JsonElement value, ElementReader<string?> read, out string[]? result)
    {
        result = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            if (!read(value, out string? single))
            {
                return false;
            }

            result = single is null ? null : new[] { single };
            return true;
        }

        var items = new System.Collections.Generic.List<string>(value.GetArrayLength());
        foreach (JsonElement element in value.EnumerateArray())
        {
            if (!read(element, out string? item))
            {
                return false;
            }

            if (item is not null)
            {
                items.Add(item);
            }
        }

        result = items.Count == 0 ? null : items.ToArray();
        return true;
    }
}
