using System.Globalization;
using System.Text;

namespace RuleGen.Eql.Binding;

/// <summary>
/// The text that Elasticsearch compares a keyword field with when EQL compares the field with a number or a
/// boolean, as in <c>event.code == 4688</c>. Elasticsearch's EQL verifier accepts a comparison of a field with a
/// literal of any type, and the comparison becomes a term or range query with the literal's Java value. A keyword
/// field searches for that value's text (<c>KeywordFieldMapper.indexedValueForSearch</c> calls <c>toString</c>),
/// so <c>4688</c> matches the keyword "4688", <c>1.0</c> matches "1.0" and <c>false</c> matches "false".
/// </summary>
internal static class KeywordTermText
{
    /// <summary>
    /// Returns the Java text of an EQL number literal. Elasticsearch's EQL parser reads digits alone as a Java
    /// <c>Integer</c> or <c>Long</c>, or as a <c>Double</c> when they exceed a long, and reads a number with a
    /// fraction or an exponent as a <c>Double</c>.
    /// </summary>
    /// <param name="literal">The literal as written, with a leading '-' for a negative number.</param>
    public static string OfNumber(string literal)
    {
        // A Java integer has no leading zeros and no negative zero, like the text of a .NET long.
        if (long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        return OfDouble(double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Formats a finite double as Java's <c>Double.toString</c> does: plain decimal notation with at least one
    /// fraction digit from 0.001 up to 10,000,000 (exclusive), and otherwise one digit, a fraction and an exponent,
    /// as in <c>1.0E7</c> or <c>1.5E-4</c>. The digits are the shortest that round-trip.
    /// </summary>
    public static string OfDouble(double value)
    {
        if (value == 0)
        {
            return System.BitConverter.DoubleToInt64Bits(value) < 0 ? "-0.0" : "0.0";
        }

        (string digits, int pointPosition) = ShortestDigits(System.Math.Abs(value));
        string sign = value < 0 ? "-" : string.Empty;
        int exponent = pointPosition - 1;
        if (exponent >= -3 && exponent < 7)
        {
            if (pointPosition <= 0)
            {
                return sign + "0." + new string('0', -pointPosition) + digits;
            }

            if (pointPosition >= digits.Length)
            {
                return sign + digits + new string('0', pointPosition - digits.Length) + ".0";
            }

            return sign + digits.Substring(0, pointPosition) + "." + digits.Substring(pointPosition);
        }

        string fraction = digits.Length > 1 ? digits.Substring(1) : "0";
        return sign + digits[0] + "." + fraction + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    // Returns the significant digits of a positive double, without leading or trailing zeros, and the position
    // of the decimal point relative to the first digit: 1234.5 gives ("12345", 4) and 0.00123 gives ("123", -2).
    private static (string Digits, int PointPosition) ShortestDigits(double value)
    {
        // NOTE: "R" gives the shortest text that round-trips on .NET Core 3.0 and later. On .NET Framework, where
        // Visual Studio may run the generator, it can give 17 digits where fewer round-trip, unlike Java's text.
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int exponent = 0;
        int e = text.IndexOfAny(new[] { 'E', 'e' });
        if (e >= 0)
        {
            exponent = int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text.Substring(0, e);
        }

        int point = text.IndexOf('.');
        var digits = new StringBuilder(point < 0 ? text : text.Remove(point, 1));
        int pointPosition = (point < 0 ? text.Length : point) + exponent;
        while (digits.Length > 1 && digits[0] == '0')
        {
            digits.Remove(0, 1);
            pointPosition--;
        }

        while (digits.Length > 1 && digits[digits.Length - 1] == '0')
        {
            digits.Remove(digits.Length - 1, 1);
        }

        return (digits.ToString(), pointPosition);
    }
}
