using System;
using System.Collections.Generic;
using System.Net;

namespace RuleGen.Matching;

/// <summary>
/// The networks of one <c>cidrMatch</c> call, parsed once when the detector is created. An address without a
/// prefix length is a single host (/32 or /128).
/// </summary>
public sealed class CidrSet
{
    private readonly IPNetwork[] networks;

    public CidrSet(params string[] blocks)
    {
        var parsed = new List<IPNetwork>(blocks.Length);
        foreach (string block in blocks)
        {
            string text = block.Contains('/') ? block : block + (block.Contains(':') ? "/128" : "/32");

            // IPNetwork.Parse rejects a block with bits set after the prefix (10.6.48.157/8), which Elasticsearch
            // accepts and reads as its network (10.0.0.0/8). So the base address is masked here first.
            string[] parts = text.Split('/');
            IPAddress address = IPAddress.Parse(parts[0]);
            int prefix = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            parsed.Add(new IPNetwork(Mask(address, prefix), prefix));
        }

        networks = parsed.ToArray();
    }

    /// <summary>True when <paramref name="ip"/> is in any of the networks; null when it is missing, false when it is not an address.</summary>
    public bool? Contains(string? ip)
    {
        if (ip is null)
        {
            return null;
        }

        // NOTE: parsing allocates an IPAddress per call; an allocation-free parser can replace it when cidrMatch
        // shows up in benchmarks.
        if (!IPAddress.TryParse(ip, out IPAddress? address))
        {
            return false;
        }

        foreach (IPNetwork network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        byte[] bytes = address.GetAddressBytes();
        for (int i = 0; i < bytes.Length; i++)
        {
            int bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }
}
