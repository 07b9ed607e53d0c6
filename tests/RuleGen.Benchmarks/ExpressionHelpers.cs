using System;
using System.Collections.Generic;
using RuleGen.Ecs;

namespace RuleGen.Benchmarks;

/// <summary>
/// Null-safe helpers that the DynamicExpresso and RulesEngine expressions call, as a developer embedding such
/// an engine would provide: the engines' own expression languages have no EQL operators.
/// </summary>
public static class ExpressionHelpers
{
    public static bool IsProcessStart(EcsEvent e) =>
        e.Event is { } fields && Has(fields.Category, "process", StringComparison.Ordinal) && Has(fields.Type, "start", StringComparison.Ordinal);

    public static bool NameIn(EcsEvent e, HashSet<string> names) => e.Process?.Name is { } name && names.Contains(name);

    public static bool NameIs(EcsEvent e, string name) => string.Equals(e.Process?.Name, name, StringComparison.OrdinalIgnoreCase);

    public static bool ArgIn(EcsEvent e, HashSet<string> values)
    {
        if (e.Process?.Args is not { } args)
        {
            return false;
        }

        foreach (string argument in args)
        {
            if (values.Contains(argument))
            {
                return true;
            }
        }

        return false;
    }

    public static bool ArgIs(EcsEvent e, string value) => Has(e.Process?.Args, value, StringComparison.OrdinalIgnoreCase);

    public static bool CommandLineContainsAny(EcsEvent e, string[] needles)
    {
        if (e.Process?.CommandLine is not { } commandLine)
        {
            return false;
        }

        foreach (string needle in needles)
        {
            if (commandLine.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Has(string[]? values, string value, StringComparison comparison)
    {
        if (values is null)
        {
            return false;
        }

        foreach (string item in values)
        {
            if (string.Equals(item, value, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
