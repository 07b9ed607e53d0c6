using System;
using System.Globalization;

namespace RuleGen.Events;

/// <summary>Conversions of Windows event data values into ECS values.</summary>
internal static class WindowsFieldValues
{
    private static readonly char[] PathSeparators = { '\\', '/' };

    /// <summary>Sysmon and the Security log write <c>-</c> or an empty string for a value they do not know.</summary>
    private const string UnknownMarker = "-";

    /// <summary>Returns null for a missing, empty or <c>-</c> value and the value otherwise.</summary>
    internal static string? KnownValue(string? text)
    {
        return string.IsNullOrEmpty(text) || text == UnknownMarker ? null : text;
    }

    /// <summary>Returns the file name after the last <c>\</c> or <c>/</c>, or null when the path is null or ends with a separator.</summary>
    internal static string? FileName(string? path)
    {
        if (path is null)
        {
            return null;
        }

        string name = path.Substring(path.LastIndexOfAny(PathSeparators) + 1);
        return name.Length == 0 ? null : name;
    }

    /// <summary>Parses a decimal process id, as Sysmon writes it (<c>4028</c>).</summary>
    internal static bool TryParseDecimalId(string text, out long value)
    {
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Parses a hexadecimal process id, as the Security log writes it. Windows renders <c>0x1948</c> and some
    /// converters zero-pad it to <c>0x0000000000001948</c>. The <c>0x</c> prefix is optional, because the
    /// Security log renders these ids in hexadecimal either way.
    /// </summary>
    internal static bool TryParseHexId(string text, out long value)
    {
        ReadOnlySpan<char> digits = text.AsSpan();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits.Slice(2);
        }

        return long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && value >= 0;
    }

    /// <summary>Splits an account written as <c>DOMAIN\name</c> at the last backslash. Without a backslash the whole text is the name.</summary>
    internal static (string? Domain, string Name) SplitAccount(string account)
    {
        int separator = account.LastIndexOf('\\');
        if (separator < 0)
        {
            return (null, account);
        }

        string domain = account.Substring(0, separator);
        return (domain.Length == 0 ? null : domain, account.Substring(separator + 1));
    }

    /// <summary>Returns null for a missing or whitespace-only command line, which the Security log writes when command-line auditing is off.</summary>
    internal static string? CommandLineOrNull(string? commandLine)
    {
        return string.IsNullOrWhiteSpace(commandLine) ? null : commandLine;
    }
}
