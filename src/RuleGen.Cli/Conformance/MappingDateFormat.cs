using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace RuleGen.Cli.Conformance;

/// <summary>
/// The <c>format</c> of a <c>date</c> field in an Elasticsearch mapping, which decides how the field's text is
/// read when a document is indexed. Alternatives are separated by <c>||</c> and tried in order. Each is a
/// built-in name (<c>epoch_millis</c>, <c>epoch_second</c>, <c>strict_date_optional_time</c>,
/// <c>date_optional_time</c>, <c>strict_date</c>, <c>date</c>) or a Java <c>DateTimeFormatter</c> pattern such
/// as <c>dd-MM-yyyy</c>, read without a zone as UTC, as Elasticsearch reads it.
/// </summary>
internal sealed class MappingDateFormat
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    private readonly string text;
    private readonly List<Func<string, DateTimeOffset?>> parsers;

    private MappingDateFormat(string text, List<Func<string, DateTimeOffset?>> parsers)
    {
        this.text = text;
        this.parsers = parsers;
    }

    /// <summary>Reads a mapping's <c>format</c> value.</summary>
    /// <exception cref="InvalidDataException">The format uses a built-in name or a pattern letter that the runner does not read.</exception>
    public static MappingDateFormat Parse(string format, string field, string mappingPath)
    {
        var parsers = new List<Func<string, DateTimeOffset?>>();
        foreach (string alternative in format.Split("||"))
        {
            parsers.Add(alternative switch
            {
                "epoch_millis" => value => FromEpoch(value, DateTimeOffset.FromUnixTimeMilliseconds),
                "epoch_second" => value => FromEpoch(value, DateTimeOffset.FromUnixTimeSeconds),
                "strict_date_optional_time" or "date_optional_time" => FromIso,
                "strict_date" or "date" => Exact("yyyy-MM-dd"),
                _ when alternative.Contains('_', StringComparison.Ordinal) => throw Unsupported(mappingPath, field, format, $"the built-in format '{alternative}' is not read by the runner"),
                _ => Exact(ToDotNetPattern(alternative, field, format, mappingPath)),
            });
        }

        return new MappingDateFormat(format, parsers);
    }

    /// <summary>Returns the instant that <paramref name="value"/> names, or null when no alternative of the format reads it.</summary>
    public DateTimeOffset? Read(string value)
    {
        foreach (Func<string, DateTimeOffset?> parse in parsers)
        {
            if (parse(value) is { } instant)
            {
                return instant;
            }
        }

        return null;
    }

    public override string ToString() => text;

    private static Func<string, DateTimeOffset?> Exact(string pattern) =>
        value => DateTimeOffset.TryParseExact(value, pattern, CultureInfo.InvariantCulture, Utc, out DateTimeOffset parsed) ? parsed : null;

    private static DateTimeOffset? FromIso(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, Utc, out DateTimeOffset parsed) ? parsed : null;

    private static DateTimeOffset? FromEpoch(string value, Func<long, DateTimeOffset> convert)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            return null;
        }

        try
        {
            return convert(number);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    // Translates a Java DateTimeFormatter pattern to a .NET custom format. The runner reads the letters y and u
    // (year), M (month), d (day), H and h (hour), m (minute), s (second), S (fraction of a second) and a (AM or
    // PM). Quoted text and other punctuation stay literal.
    private static string ToDotNetPattern(string pattern, string field, string format, string mappingPath)
    {
        var result = new StringBuilder();
        int i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            if (c == '\'')
            {
                int end = pattern.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw Unsupported(mappingPath, field, format, "a quote is not closed");
                }

                // '' is a quote character, and 'text' is literal text.
                string literal = end == i + 1 ? "'" : pattern.Substring(i + 1, end - i - 1);
                foreach (char quoted in literal)
                {
                    result.Append('\\').Append(quoted);
                }

                i = end + 1;
                continue;
            }

            int count = 1;
            while (i + count < pattern.Length && pattern[i + count] == c)
            {
                count++;
            }

            if (!char.IsAsciiLetter(c))
            {
                if (c is '[' or ']' or '{' or '}' or '#')
                {
                    throw Unsupported(mappingPath, field, format, $"'{c}' (an optional section or a reserved character) is not read by the runner");
                }

                for (int k = 0; k < count; k++)
                {
                    result.Append('\\').Append(c);
                }

                i += count;
                continue;
            }

            result.Append(c switch
            {
                'y' or 'u' => count == 2 ? "yy" : "yyyy",
                'M' or 'd' or 'H' or 'h' or 'm' or 's' => new string(c, count),
                'S' when count <= 7 => new string('f', count),
                'a' when count == 1 => "tt",
                _ => throw Unsupported(mappingPath, field, format, $"the pattern letters '{new string(c, count)}' are not read by the runner"),
            });
            i += count;
        }

        return result.ToString();
    }

    private static InvalidDataException Unsupported(string mappingPath, string field, string format, string problem) =>
        new($"{mappingPath}: the date format '{format}' of '{field}' cannot be read: {problem}. The runner reads epoch_millis, epoch_second, strict_date_optional_time, strict_date and patterns of the letters y, u, M, d, H, h, m, s, S and a.");
}
