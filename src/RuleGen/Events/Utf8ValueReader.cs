using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using RuleGen.Ecs;

namespace RuleGen.Events;

/// <summary>
/// Converts JSON values read by a <see cref="Utf8JsonReader"/> to the CLR types of typed ECS members, for the
/// <c>EcsEventReader</c> class that RuleGen generates. The conversions are those of
/// <see cref="JsonLinesEventReader"/>: a keyword field takes a number's text or <c>true</c>/<c>false</c>, a
/// numeric field takes a numeric string, an integer field truncates a fraction, and a date takes ISO 8601 text or
/// epoch milliseconds. A single-valued field given an array keeps its first non-null element. An array field
/// given a scalar gets a one-element array and drops null elements.
/// </summary>
/// <remarks>
/// Every <c>TryRead</c> method expects the reader on the first token of a value and leaves it on the value's last
/// token (the <see cref="JsonTokenType.EndArray"/> of an array), whether the conversion succeeded or not. A method
/// returns false when the value's type cannot be converted. A JSON null converts to a null result.
/// </remarks>
public static class Utf8ValueReader
{
    /// <summary>Reads a keyword or text field.</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
                return true;
            case JsonTokenType.Number:
                // A number token is never escaped, so its bytes are its text, as Elasticsearch keeps it.
                value = Encoding.UTF8.GetString(reader.ValueSpan);
                return true;
            case JsonTokenType.True:
                value = "true";
                return true;
            case JsonTokenType.False:
                value = "false";
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            case JsonTokenType.StartArray:
                return TryReadFirst(ref reader, ReadString, out value);
            default:
                reader.Skip();
                value = null;
                return false;
        }
    }

    /// <summary>Reads an integer field.</summary>
    public static bool TryReadLong(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out long whole))
                {
                    value = whole;
                    return true;
                }

                return reader.TryGetDouble(out double number) && EcsValueReader.TryTruncate(number, out value);
            case JsonTokenType.String:
                string? text = reader.GetString();
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
                {
                    value = parsed;
                    return true;
                }

                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double fraction) && EcsValueReader.TryTruncate(fraction, out value);
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.StartArray:
                return TryReadFirst(ref reader, ReadLong, out value);
            default:
                reader.Skip();
                return false;
        }
    }

    /// <summary>Reads a floating-point field.</summary>
    public static bool TryReadDouble(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                // A number beyond the range of double reads as an infinity, as JsonElement.GetDouble returns it.
                if (reader.TryGetDouble(out double number))
                {
                    value = number;
                    return true;
                }

                return false;
            case JsonTokenType.String:
                if (double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
                {
                    value = parsed;
                    return true;
                }

                return false;
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.StartArray:
                return TryReadFirst(ref reader, ReadDouble, out value);
            default:
                reader.Skip();
                return false;
        }
    }

    /// <summary>Reads a boolean field: JSON <c>true</c> and <c>false</c>, or the strings "true" and "false".</summary>
    public static bool TryReadBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            case JsonTokenType.String:
                if (reader.ValueTextEquals("true"u8))
                {
                    value = true;
                    return true;
                }

                if (reader.ValueTextEquals("false"u8))
                {
                    value = false;
                    return true;
                }

                return false;
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.StartArray:
                return TryReadFirst(ref reader, ReadBoolean, out value);
            default:
                reader.Skip();
                return false;
        }
    }

    /// <summary>Reads a date field from ISO 8601 text (UTC when the text has no zone) or epoch milliseconds.</summary>
    public static bool TryReadDate(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (IsRoundTripDate(ref reader) && reader.TryGetDateTimeOffset(out DateTimeOffset fast))
                {
                    value = fast.ToUniversalTime();
                    return true;
                }

                return EcsValueReader.TryParseDate(reader.GetString(), out value);
            case JsonTokenType.Number:
                // Elasticsearch's default date format accepts epoch milliseconds.
                if (reader.TryGetInt64(out long milliseconds)
                    && milliseconds >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds()
                    && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
                {
                    value = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
                    return true;
                }

                return false;
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.StartArray:
                return TryReadFirst(ref reader, ReadDate, out value);
            default:
                reader.Skip();
                return false;
        }
    }

    /// <summary>Reads a keyword array field.</summary>
    public static bool TryReadStringArray(ref Utf8JsonReader reader, out string[]? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            if (!TryReadString(ref reader, out string? single))
            {
                return false;
            }

            value = single is null ? null : new[] { single };
            return true;
        }

        // Read without a delegate, because string arrays such as process.args and event.category are in most events.
        var items = new ElementBuffer<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReadString(ref reader, out string? item))
            {
                SkipRestOfArray(ref reader);
                return false;
            }

            if (item is not null)
            {
                items.Add(item);
            }
        }

        value = items.ToArray();
        return true;
    }

    /// <summary>Reads an integer array field.</summary>
    public static bool TryReadLongArray(ref Utf8JsonReader reader, out long[]? value) => TryReadStructArray(ref reader, ReadLong, out value);

    /// <summary>Reads a floating-point array field.</summary>
    public static bool TryReadDoubleArray(ref Utf8JsonReader reader, out double[]? value) => TryReadStructArray(ref reader, ReadDouble, out value);

    /// <summary>Reads a boolean array field.</summary>
    public static bool TryReadBooleanArray(ref Utf8JsonReader reader, out bool[]? value) => TryReadStructArray(ref reader, ReadBoolean, out value);

    /// <summary>Reads a date array field.</summary>
    public static bool TryReadDateArray(ref Utf8JsonReader reader, out DateTimeOffset[]? value) => TryReadStructArray(ref reader, ReadDate, out value);

    /// <summary>
    /// Reads the value of a field outside ECS, for <see cref="EcsEvent.CustomFields"/>: a string, a 64-bit integer
    /// (a double when the number has a fraction or is out of range), a boolean, or an array of them without its
    /// null and object elements. Returns null for a JSON null and for an object, which it skips.
    /// </summary>
    public static object? ReadCustomValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out long whole) ? (object)whole : reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.StartArray:
                var items = new List<object>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (ReadCustomValue(ref reader) is { } item)
                    {
                        items.Add(item);
                    }
                }

                return items.ToArray();
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>
    /// Appends the name of the property the reader is on to the dotted path in <paramref name="path"/>, unescaped,
    /// after a '.' unless <paramref name="pathLength"/> is 0 (the top level of the document).
    /// </summary>
    /// <returns>The new path length, or -1 when the path does not fit in <paramref name="path"/>.</returns>
    public static int AppendPropertyName(ref Utf8JsonReader reader, scoped Span<byte> path, int pathLength)
    {
        int start = pathLength == 0 ? 0 : pathLength + 1;
        ReadOnlySpan<byte> raw = reader.ValueSpan;

        // An escaped name is never longer than its escaped form, so the escaped length bounds what CopyString writes.
        if (start + raw.Length <= path.Length)
        {
            if (pathLength > 0)
            {
                path[pathLength] = (byte)'.';
            }

            if (!reader.ValueIsEscaped)
            {
                raw.CopyTo(path.Slice(start));
                return start + raw.Length;
            }

            return start + reader.CopyString(path.Slice(start));
        }

        if (!reader.ValueIsEscaped)
        {
            return -1;
        }

        // A long escaped name may still fit once unescaped, such as a field name written with \u escapes.
        byte[] unescaped = new byte[raw.Length];
        int length = reader.CopyString(unescaped);
        if (start + length > path.Length)
        {
            return -1;
        }

        if (pathLength > 0)
        {
            path[pathLength] = (byte)'.';
        }

        unescaped.AsSpan(0, length).CopyTo(path.Slice(start));
        return start + length;
    }

    /// <summary>
    /// Adds a warning for the value of <paramref name="field"/> that could not be converted. The value is the JSON
    /// text of <paramref name="json"/> from <paramref name="valueStart"/> to <paramref name="valueEnd"/> (byte offsets),
    /// and the expected type is that of the ECS field, so the warning reads as <see cref="JsonLinesEventReader"/>
    /// words it.
    /// </summary>
    public static void AddWarning(ref List<FieldWarning>? warnings, long line, string field, ReadOnlySpan<byte> json, long valueStart, long valueEnd)
    {
        ReadOnlySpan<byte> rawValue = json.Slice((int)valueStart, (int)(valueEnd - valueStart));
        string text = EventMappingContext.Shorten(Encoding.UTF8.GetString(rawValue));
        (warnings ??= new List<FieldWarning>()).Add(new FieldWarning(line, field, text, EcsFieldTypes.DescribeExpectedType(field)));
    }

    /// <summary>Returns <paramref name="utf8Json"/> without a leading UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith("\uFEFF"u8) ? utf8Json.Slice(3) : utf8Json;

    /// <summary>
    /// Reads the first token of a document. When it starts an object, returns true with the reader on it.
    /// Otherwise reads the whole value, so that invalid JSON is reported as such, and returns false with the
    /// message <see cref="JsonLinesEventReader"/> gives a line that is not an object.
    /// </summary>
    /// <exception cref="JsonException">The document is not valid JSON.</exception>
    public static bool TryReadStartOfObject(ref Utf8JsonReader reader, long line, out string? error)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            error = null;
            return true;
        }

        JsonTokenType token = reader.TokenType;
        reader.Skip();
        ReadEndOfDocument(ref reader);
        string kind = token switch
        {
            JsonTokenType.StartArray => "array",
            JsonTokenType.String => "string",
            JsonTokenType.Number => "number",
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => "null",
        };
        error = $"Line {line} is a JSON {kind}, not a JSON object, and was skipped. Each line must contain one event as a JSON object.";
        return false;
    }

    /// <summary>Checks that nothing but white space follows the document's value.</summary>
    /// <exception cref="JsonException">Other text follows the value.</exception>
    public static void ReadEndOfDocument(ref Utf8JsonReader reader)
    {
        // With isFinalBlock set, Read returns false at the end and throws on anything after the root value.
        reader.Read();
    }

    /// <summary>Returns the message for a document that is not valid JSON, naming the line and the byte position.</summary>
    public static string DescribeInvalidJson(long line, JsonException exception) =>
        $"Line {line} is not valid JSON and was skipped: {JsonLinesEventReader.DescribeJsonError(exception)}";

    /// <summary>
    /// Returns the message for a string that cannot be converted to .NET text, such as an unpaired surrogate escape
    /// <c>"\ud800"</c> or invalid UTF-8, for which <see cref="Utf8JsonReader.GetString"/> throws.
    /// </summary>
    public static string DescribeInvalidText(long line, InvalidOperationException exception) =>
        $"Line {line} contains a string that is not valid text and was skipped: {exception.Message}";

    // The fast path reads the form agents write, 2024-01-02T03:04:05.123Z or with +hh:mm, through the JSON reader's
    // own parser, which agrees with DateTimeOffset.TryParse on that form but truncates more than 7 fraction digits
    // where TryParse rounds. Any other text takes the general parse.
    private static bool IsRoundTripDate(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return false;
        }

        ReadOnlySpan<byte> text = reader.ValueSpan;
        if (text.Length < 20 || text.Length > 33 || text[10] != (byte)'T')
        {
            return false;
        }

        int zone = text[^1] == (byte)'Z' ? text.Length - 1
            : text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':' ? text.Length - 6
            : -1;
        if (zone < 19)
        {
            return false;
        }

        // The seconds end at index 19. Between them and the zone comes nothing or a fraction of 1 to 7 digits.
        int fraction = zone - 19;
        return fraction == 0 || (text[19] == (byte)'.' && fraction >= 2 && fraction <= 8);
    }

    private delegate bool ValueReader<T>(ref Utf8JsonReader reader, out T value);

    private static readonly ValueReader<string?> ReadString = TryReadString;
    private static readonly ValueReader<long?> ReadLong = TryReadLong;
    private static readonly ValueReader<double?> ReadDouble = TryReadDouble;
    private static readonly ValueReader<bool?> ReadBoolean = TryReadBoolean;
    private static readonly ValueReader<DateTimeOffset?> ReadDate = TryReadDate;

    // The reader is on the array's StartArray. Elements after the first non-null one, or after an invalid one, are
    // skipped unread, as JsonLinesEventReader ignores them.
    private static bool TryReadFirst<T>(ref Utf8JsonReader reader, ValueReader<T?> read, out T? value)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!read(ref reader, out value))
            {
                SkipRestOfArray(ref reader);
                return false;
            }

            if (value is not null)
            {
                SkipRestOfArray(ref reader);
                return true;
            }
        }

        value = default;
        return true;
    }

    private static void SkipRestOfArray(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
        }
    }

    private static bool TryReadStructArray<T>(ref Utf8JsonReader reader, ValueReader<T?> read, out T[]? value)
        where T : struct
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            if (!read(ref reader, out T? single))
            {
                return false;
            }

            value = single is null ? null : new[] { single.Value };
            return true;
        }

        var items = new ElementBuffer<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!read(ref reader, out T? item))
            {
                SkipRestOfArray(ref reader);
                return false;
            }

            if (item is not null)
            {
                items.Add(item.Value);
            }
        }

        value = items.ToArray();
        return true;
    }

    /// <summary>
    /// Collects array elements: the first eight in place, the rest in a list, so that the usual short arrays of an
    /// event allocate only their result.
    /// </summary>
    private struct ElementBuffer<T>
    {
        private InlineElements<T> inline;
        private List<T>? overflow;
        private int count;

        public void Add(T item)
        {
            if (count < InlineElements<T>.Length)
            {
                inline[count] = item;
            }
            else
            {
                (overflow ??= new List<T>()).Add(item);
            }

            count++;
        }

        // An array with no non-null element is a missing field, so it becomes null.
        public T[]? ToArray()
        {
            if (count == 0)
            {
                return null;
            }

            var result = new T[count];
            int inlineCount = Math.Min(count, InlineElements<T>.Length);
            for (int i = 0; i < inlineCount; i++)
            {
                result[i] = inline[i];
            }

            overflow?.CopyTo(result, InlineElements<T>.Length);
            return result;
        }
    }

    [InlineArray(8)]
    private struct InlineElements<T>
    {
        public const int Length = 8;

        private T element;
    }
}
