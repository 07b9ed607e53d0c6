using System;
using System.Buffers;
using System.Collections.Frozen;
using RuleGen.Ecs;

namespace RuleGen.Benchmarks;

/// <summary>
/// The flagship rule's filter as an expert would write it by hand: frozen sets with ordinal ignore-case
/// comparison, and a vectorised SearchValues scan of the command line. The baseline for the generated matcher.
/// </summary>
internal static class HandWrittenMatcher
{
    private static readonly FrozenSet<string> ToolNames = FrozenSet.ToFrozenSet(
        new[] { "htran", "zxproxy", "lcx.exe", "socat", "chisel", "ligolo", "frpc", "frps", "earthworm", "ew.exe", "gost", "iox", "revsocks", "venom", "pivotnacci", "rpivot", "nc.exe", "ncat" },
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ToolArguments = FrozenSet.ToFrozenSet(
        new[] { "htran", "zxproxy", "lcx", "earthworm", "chisel", "ligolo", "frpc", "frps", "gost", "iox", "revsocks", "pivotnacci", "rpivot" },
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SshNames = FrozenSet.ToFrozenSet(new[] { "ssh.exe", "ssh", "plink.exe" }, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SshFlags = FrozenSet.ToFrozenSet(
        new[] { "-L", "-R", "-D", "-w", "GatewayPorts", "AllowTcpForwarding", "localforward", "remoteforward" },
        StringComparer.OrdinalIgnoreCase);

    private static readonly SearchValues<string> CommandLineNeedles = SearchValues.Create(
        new[] { "v4tov4", "listenport=", "connectport=", "connectaddress=", "listenaddress=" },
        StringComparison.OrdinalIgnoreCase);

    public static bool Matches(EcsEvent e) =>
        e.Event is { } eventFields
        && e.Process is { } process
        && Matches(eventFields.Category, eventFields.Type, process.Name, process.Args, process.CommandLine);

    /// <summary>
    /// The filter over the five fields it reads, for callers that extract them without building an event. A missing
    /// array field is an empty span.
    /// </summary>
    public static bool Matches(ReadOnlySpan<string> categories, ReadOnlySpan<string> types, string? name, ReadOnlySpan<string> args, string? commandLine)
    {
        if (!Contains(categories, "process") || !Contains(types, "start"))
        {
            return false;
        }

        if (name is not null && ToolNames.Contains(name))
        {
            return true;
        }

        foreach (string argument in args)
        {
            if (ToolArguments.Contains(argument))
            {
                return true;
            }
        }

        if (name is not null && name.Equals("netsh.exe", StringComparison.OrdinalIgnoreCase) && ContainsIgnoreCase(args, "portproxy") && ContainsIgnoreCase(args, "add"))
        {
            return true;
        }

        if (name is not null && SshNames.Contains(name))
        {
            foreach (string argument in args)
            {
                if (SshFlags.Contains(argument))
                {
                    return true;
                }
            }
        }

        return commandLine is not null && commandLine.AsSpan().ContainsAny(CommandLineNeedles);
    }

    private static bool Contains(ReadOnlySpan<string> values, string value)
    {
        foreach (string item in values)
        {
            if (string.Equals(item, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<string> values, string value)
    {
        foreach (string item in values)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
