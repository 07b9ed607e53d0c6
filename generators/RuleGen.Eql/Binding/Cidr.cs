using System.Globalization;
using System.Net;

namespace RuleGen.Eql.Binding;

/// <summary>Checks the CIDR blocks of <c>cidrMatch</c> at build time, with the strictness of Elasticsearch's parser.</summary>
public static class Cidr
{
    /// <summary>
    /// Returns true for an IPv4 or IPv6 address, optionally followed by '/' and a prefix length (0 to 32, or 0 to
    /// 128). IPv4 needs four decimal parts, so shorthand such as "10.1" is rejected.
    /// </summary>
    public static bool IsValid(string text)
    {
        string address = text;
        int? prefix = null;
        int slash = text.IndexOf('/');
        if (slash >= 0)
        {
            address = text.Substring(0, slash);
            if (!int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int length))
            {
                return false;
            }

            prefix = length;
        }

        if (address.IndexOf(':') >= 0)
        {
            return IPAddress.TryParse(address, out IPAddress? parsed)
                && parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                && (prefix is null || prefix <= 128);
        }

        string[] parts = address.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (string part in parts)
        {
            if (part.Length == 0 || part.Length > 3 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int octet) || octet > 255)
            {
                return false;
            }
        }

        return prefix is null || prefix <= 32;
    }
}
