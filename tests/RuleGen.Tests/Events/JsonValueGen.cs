using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;

namespace RuleGen.Tests.Events;

/// <summary>
/// Generators of JSON value texts for comparing the two event readers. They give the values agents write and the
/// edge cases of the ECS coercions: numeric strings, fractions, out-of-range numbers, dates in several forms, nested
/// arrays, nulls and objects. Strings are escaped in two styles.
/// </summary>
internal static class JsonValueGen
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Characters below the surrogate range, so every generated string is valid UTF-16 and valid UTF-8.
    private static readonly Gen<string> Text = Gen.Char[' ', '\uD7FF'].Array[0, 12].Select(chars => new string(chars));

    private static readonly Gen<string> NumericText = Gen.OneOf(
        Gen.Const("12"), Gen.Const(" 12 "), Gen.Const("12.9"), Gen.Const("-3"), Gen.Const("1e3"), Gen.Const("1e400"), Gen.Const("NaN"),
        Gen.Const("Infinity"), Gen.Const("9223372036854775808"), Gen.Const("0x10"), Gen.Const("1,5"), Gen.Const("true"), Gen.Const("false"),
        Gen.Const("True"), Gen.Const(""), Gen.Const("1700000000123"));

    private static readonly Gen<string> DateText = Gen.Select(
            Gen.Long[new DateTime(1970, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks],
            Gen.Int[-14 * 60, 14 * 60],
            Gen.Int[0, 9])
        .Select((ticks, offsetMinutes, form) => FormatDate(new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes)), form));

    private static readonly Gen<string> NumberToken = Gen.OneOf(
        Gen.Long.Select(value => value.ToString(CultureInfo.InvariantCulture)),
        Gen.Int[-100_000, 100_000].Select(value => value.ToString(CultureInfo.InvariantCulture)),
        Gen.Double[-1e6, 1e6].Select(value => value.ToString("R", CultureInfo.InvariantCulture)),
        Gen.OneOf(
            Gen.Const("12.7"), Gen.Const("-0.0"), Gen.Const("1e30"), Gen.Const("1E400"), Gen.Const("-1E400"), Gen.Const("1.50"),
            Gen.Const("9223372036854775807"), Gen.Const("9223372036854775808"), Gen.Const("1700000000123"), Gen.Const("253402300800000")));

    /// <summary>A JSON string token, escaped by the default encoder (non-ASCII as \u escapes) or by the relaxed one.</summary>
    public static readonly Gen<string> StringToken = Gen.Select(Gen.OneOf(Text, NumericText, DateText), Gen.Bool)
        .Select((text, relaxed) => relaxed ? JsonSerializer.Serialize(text, Relaxed) : JsonSerializer.Serialize(text));

    public static readonly Gen<string> Scalar = Gen.Frequency(
        (1, (IGen<string>)Gen.OneOf(Gen.Const("null"), Gen.Const("true"), Gen.Const("false"))),
        (3, NumberToken),
        (5, StringToken));

    /// <summary>Any JSON value, with arrays and objects nested up to two levels.</summary>
    public static readonly Gen<string> Value = Nested(2);

    private static Gen<string> Nested(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (6, (IGen<string>)Scalar),
            (3, Nested(depth - 1).Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]")),
            (1, Nested(depth - 1).Select(value => "{\"a\": " + value + "}")));

    // The date forms of ECS documents and of Windows tools, and two that only the general parse accepts.
    private static string FormatDate(DateTimeOffset date, int form)
    {
        DateTimeOffset utc = date.ToUniversalTime();
        return form switch
        {
            0 => date.ToString("O", CultureInfo.InvariantCulture),
            1 => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            2 => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            3 => date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
            4 => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "99Z",
            5 => utc.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            6 => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            7 => date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            8 => date.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture),
            _ => utc.ToString("yyyy-MM-dd'T'HH:mm:ss,fff'Z'", CultureInfo.InvariantCulture),
        };
    }
}
