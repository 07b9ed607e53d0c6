using System;
using System.Net;

namespace RuleGen.Matching;

/// <summary>
/// The value a function or arithmetic reads from an array field. Elasticsearch evaluates functions in scripts that
/// read a field's doc values and take the first one, and doc values are sorted: numbers numerically, keywords by
/// their UTF-8 bytes, IP addresses by their 16-byte IPv6 form. So the function reads the smallest element.
/// </summary>
public static class EqlDocValues
{
    /// <summary>The smallest string. Ordinal UTF-16 order equals Elasticsearch's UTF-8 byte order except between
    /// supplementary characters and U+E000 to U+FFFF, which are rare in rule data.</summary>
    public static string? First(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        string first = values[0];
        for (int i = 1; i < values.Length; i++)
        {
            if (string.CompareOrdinal(values[i], first) < 0)
            {
                first = values[i];
            }
        }

        return first;
    }

    public static long? First(long[]? values) => values is null || values.Length == 0 ? null : Min(values);

    public static double? First(double[]? values) => values is null || values.Length == 0 ? null : Min(values);

    public static bool? First(bool[]? values) => values is null || values.Length == 0 ? null : Array.IndexOf(values, false) < 0;

    /// <summary>The smallest address in Elasticsearch's order: IPv4 addresses as IPv4-mapped IPv6, compared byte by byte.</summary>
    public static string? FirstIp(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        string? first = null;
        byte[]? firstBytes = null;
        foreach (string value in values)
        {
            byte[]? bytes = IPAddress.TryParse(value, out IPAddress? address) ? address.MapToIPv6().GetAddressBytes() : null;
            if (first is null || Compare(bytes, firstBytes) < 0)
            {
                first = value;
                firstBytes = bytes;
            }
        }

        return first;
    }

    // An unparsable address sorts after every address.
    private static int Compare(byte[]? left, byte[]? right)
    {
        if (left is null && right is null)
        {
            return 0;
        }

        if (left is null)
        {
            return 1;
        }

        if (right is null)
        {
            return -1;
        }

        return left.AsSpan().SequenceCompareTo(right);
    }

    private static T Min<T>(T[] values)
        where T : IComparable<T>
    {
        T first = values[0];
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i].CompareTo(first) < 0)
            {
                first = values[i];
            }
        }

        return first;
    }
}
