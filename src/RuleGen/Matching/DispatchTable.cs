using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace RuleGen.Matching;

/// <summary>
/// Detector indexes by the value of one event field, for the generated <c>DetectorPack</c>. Values compare
/// ordinally without case, the comparison of EQL's <c>:</c>, so a rule that requires a value with <c>==</c> or
/// <c>:</c> is found for every event it can match; the rule's own filter then decides.
/// </summary>
public sealed class DispatchTable
{
    private readonly FrozenDictionary<string, int[]> byValue;

    /// <param name="entries">Each value with the detectors that require it. Values equal without case are merged.</param>
    public DispatchTable(params (string Value, int[] Detectors)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var merged = new Dictionary<string, SortedSet<int>>(StringComparer.OrdinalIgnoreCase);
        foreach ((string value, int[] detectors) in entries)
        {
            if (!merged.TryGetValue(value, out SortedSet<int>? set))
            {
                merged[value] = set = new SortedSet<int>();
            }

            set.UnionWith(detectors);
        }

        var arrays = new Dictionary<string, int[]>(merged.Count, StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, SortedSet<int>> pair in merged)
        {
            arrays[pair.Key] = [.. pair.Value];
        }

        byValue = arrays.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The detectors that require <paramref name="value"/>; none for a null value or one no rule requires.</summary>
    public int[] Get(string? value) => value is not null && byValue.TryGetValue(value, out int[]? detectors) ? detectors : Array.Empty<int>();
}
