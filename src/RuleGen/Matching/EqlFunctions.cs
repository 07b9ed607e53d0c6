using System;
using System.Globalization;

namespace RuleGen.Matching;

/// <summary>
/// The functions of Elasticsearch EQL 8.x. Every function returns null when an argument it needs is null.
/// Strings compare case-sensitively unless <c>ignoreCase</c> is set, which the <c>~</c> form of a function
/// (<c>startsWith~</c>) compiles to. Positions and lengths count UTF-16 code units.
/// </summary>
public static class EqlFunctions
{
    public static long? Add(long? left, long? right) => left is { } a && right is { } b ? unchecked(a + b) : null;

    public static double? Add(double? left, double? right) => left + right;

    public static long? Subtract(long? left, long? right) => left is { } a && right is { } b ? unchecked(a - b) : null;

    public static double? Subtract(double? left, double? right) => left - right;

    public static long? Multiply(long? left, long? right) => left is { } a && right is { } b ? unchecked(a * b) : null;

    public static double? Multiply(double? left, double? right) => left * right;

    /// <summary>Integer division truncates toward zero, as in Java; a zero divisor gives null.</summary>
    public static long? Divide(long? left, long? right)
    {
        if (left is not { } a || right is not { } b || b == 0)
        {
            return null;
        }

        // long.MinValue / -1 overflows; Java wraps it to long.MinValue.
        return b == -1 ? unchecked(-a) : a / b;
    }

    public static double? Divide(double? left, double? right) => left is { } a && right is { } b && b != 0 ? a / b : null;

    /// <summary>The remainder takes the sign of the dividend, as Java's % does: modulo(-10, 6) is -4. A zero divisor gives null.</summary>
    public static long? Modulo(long? left, long? right)
    {
        if (left is not { } a || right is not { } b || b == 0)
        {
            return null;
        }

        return b == -1 ? 0 : a % b;
    }

    public static double? Modulo(double? left, double? right) => left is { } a && right is { } b && b != 0 ? a % b : null;

    /// <summary>
    /// Returns the text after the first <paramref name="left"/> and before the next <paramref name="right"/>
    /// (the last one when <paramref name="greedy"/>); the empty string when either is not found.
    /// </summary>
    public static string? Between(string? source, string? left, string? right, bool? greedy, bool ignoreCase)
    {
        if (source is null || left is null || right is null)
        {
            return null;
        }

        StringComparison comparison = EqlString.Comparison(ignoreCase);
        int start = source.IndexOf(left, comparison);
        if (start < 0)
        {
            return string.Empty;
        }

        start += left.Length;
        int end = greedy == true ? source.LastIndexOf(right, comparison) : source.IndexOf(right, start, comparison);
        if (end < start)
        {
            return string.Empty;
        }

        return source.Substring(start, end - start);
    }

    public static bool? StartsWith(string? source, string? prefix, bool ignoreCase) =>
        source is null || prefix is null ? null : source.StartsWith(prefix, EqlString.Comparison(ignoreCase));

    public static bool? EndsWith(string? source, string? suffix, bool ignoreCase) =>
        source is null || suffix is null ? null : source.EndsWith(suffix, EqlString.Comparison(ignoreCase));

    /// <summary>True when <paramref name="source"/> contains <paramref name="substring"/>; every string contains the empty string.</summary>
    public static bool? StringContains(string? source, string? substring, bool ignoreCase) =>
        source is null || substring is null ? null : source.Contains(substring, EqlString.Comparison(ignoreCase));

    /// <summary>
    /// Returns the first position of <paramref name="substring"/> at or after <paramref name="start"/> (0 when
    /// omitted; a negative start counts as 0), or null when it is not found or the start is past the end.
    /// </summary>
    public static long? IndexOf(string? source, string? substring, long? start, bool ignoreCase)
    {
        if (source is null || substring is null)
        {
            return null;
        }

        long from = Math.Max(0, start ?? 0);
        if (from > source.Length)
        {
            return null;
        }

        int position = source.IndexOf(substring, (int)from, EqlString.Comparison(ignoreCase));
        return position < 0 ? null : position;
    }

    public static long? Length(string? source) => source?.Length;

    /// <summary>
    /// Returns the characters from <paramref name="start"/> up to, not including, <paramref name="end"/>, where a
    /// negative position counts from the end and positions outside the string are clamped, as Python slices do.
    /// </summary>
    public static string? Substring(string? source, long? start, long? end)
    {
        if (source is null || start is null)
        {
            return null;
        }

        long length = source.Length;
        long from = Clamp(start.Value < 0 ? length + start.Value : start.Value, length);
        long to = length;
        if (end is { } last)
        {
            to = Clamp(last < 0 ? length + last : last, length);
        }

        return to <= from ? string.Empty : source.Substring((int)from, (int)(to - from));
    }

    /// <summary>
    /// Parses a number. White space around it is ignored; "0x" selects base 16 when no base is given; a decimal
    /// point or exponent gives a floating-point number. Text that is not a number gives null.
    /// </summary>
    public static double? Number(string? text, long? numberBase)
    {
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        bool negative = false;
        if (trimmed.StartsWith("-", StringComparison.Ordinal) || trimmed.StartsWith("+", StringComparison.Ordinal))
        {
            negative = trimmed[0] == '-';
            trimmed = trimmed.Substring(1);
        }

        long radix = numberBase ?? 10;
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && (numberBase is null || numberBase == 16))
        {
            radix = 16;
            trimmed = trimmed.Substring(2);
        }

        if (trimmed.Length == 0 || radix < 2 || radix > 36)
        {
            return null;
        }

        if (radix == 10 && (trimmed.Contains('.') || trimmed.Contains('e') || trimmed.Contains('E')))
        {
            return double.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double fraction)
                ? (negative ? -fraction : fraction)
                : null;
        }

        long value = 0;
        foreach (char c in trimmed)
        {
            int digit = DigitValue(c);
            if (digit >= radix)
            {
                return null;
            }

            value = unchecked((value * radix) + digit);
        }

        return negative ? -value : value;
    }

    public static string? String(string? value) => value;

    public static string? String(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a double as Java's Double.toString does, which Elasticsearch uses: plain notation with at least one
    /// fractional digit from 10^-3 up to 10^7 (42.5, 1.0), and otherwise the shortest digits in scientific
    /// notation (1.0E10, 1.0E-4).
    /// </summary>
    public static string? String(double? value)
    {
        if (value is not { } number)
        {
            return null;
        }

        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        double magnitude = Math.Abs(number);
        string text = number.ToString("R", CultureInfo.InvariantCulture);
        if (magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e7))
        {
            // "R" writes no exponent in this range.
            return text.Contains('.') ? text : text + ".0";
        }

        return ToJavaScientific(text);
    }

    // Rewrites the shortest round-trip text of a nonzero double, such as "10000000000" or "1.2345E-05", as
    // Java's scientific form "1.0E10" or "1.2345E-5".
    private static string ToJavaScientific(string text)
    {
        string sign = text.StartsWith('-') ? "-" : string.Empty;
        string unsigned = text.TrimStart('-');
        int exponent = 0;
        int exponentAt = unsigned.IndexOf('E');
        if (exponentAt >= 0)
        {
            exponent = int.Parse(unsigned.Substring(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            unsigned = unsigned.Substring(0, exponentAt);
        }

        int point = unsigned.IndexOf('.');
        string integerPart = point >= 0 ? unsigned.Substring(0, point) : unsigned;
        string digits = integerPart + (point >= 0 ? unsigned.Substring(point + 1) : string.Empty);
        int firstDigit = 0;
        while (digits[firstDigit] == '0')
        {
            firstDigit++;
        }

        exponent += integerPart.Length - 1 - firstDigit;
        string significant = digits.Substring(firstDigit).TrimEnd('0');
        string fraction = significant.Length > 1 ? significant.Substring(1) : "0";
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{significant[0]}.{fraction}E{exponent}");
    }

    public static string? String(bool? value)
    {
        if (value is null)
        {
            return null;
        }

        return value.Value ? "true" : "false";
    }

    /// <summary>Joins the string forms of its arguments; null when any argument is null.</summary>
    public static string? Concat(params ReadOnlySpan<string?> parts)
    {
        foreach (string? part in parts)
        {
            if (part is null)
            {
                return null;
            }
        }

        return string.Concat(parts);
    }

    private static long Clamp(long position, long length) => Math.Min(Math.Max(position, 0), length);

    // Returns the value of a digit in bases up to 36, or 99 for a character that is no digit in any base.
    private static int DigitValue(char c)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }

        if (c >= 'a' && c <= 'z')
        {
            return c - 'a' + 10;
        }

        if (c >= 'A' && c <= 'Z')
        {
            return c - 'A' + 10;
        }

        return 99;
    }

}
