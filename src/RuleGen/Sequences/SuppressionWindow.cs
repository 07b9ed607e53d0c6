using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace RuleGen.Sequences;

/// <summary>
/// State of RuleGen's <c>not sequence by keys [filter]</c> clause: the time of the latest event, per join key,
/// that matched the clause. A sequence match is suppressed when such an event occurred at or before the
/// match's last event and no more than maxspan earlier (with no maxspan, any earlier event suppresses).
/// The detector records the current event before it checks for a completed match, so the completing event
/// itself can suppress its own match.
/// </summary>
public sealed class SuppressionWindow<TKey>
    where TKey : IEquatable<TKey>
{
    private const int MinimumSweepThreshold = 1024;

    private readonly long? maxspanTicks;
    private readonly Dictionary<TKey, long> latest = new();
    private int sweepThreshold = MinimumSweepThreshold;

    public SuppressionWindow(TimeSpan? maxspan)
    {
        maxspanTicks = maxspan?.Ticks;
    }

    public int Count => latest.Count;

    public void Record(TKey key, long time)
    {
        ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(latest, key, out bool exists);
        if (!exists || time > slot)
        {
            slot = time;
        }

        if (latest.Count >= sweepThreshold)
        {
            Expire(time);
            sweepThreshold = Math.Max(MinimumSweepThreshold, latest.Count * 2);
        }
    }

    /// <summary>Tests a match that completed at <paramref name="matchTime"/> with join key <paramref name="key"/>.</summary>
    public bool IsSuppressed(TKey key, long matchTime)
    {
        if (!latest.TryGetValue(key, out long time) || time > matchTime)
        {
            return false;
        }

        return maxspanTicks is not { } span || matchTime - time <= span;
    }

    /// <summary>Forgets events too old to suppress a match at <paramref name="time"/> or later.</summary>
    public void Expire(long time)
    {
        if (maxspanTicks is not { } span)
        {
            return;
        }

        // Dictionary allows Remove while it is enumerated, so no list of expired keys is needed.
        foreach (KeyValuePair<TKey, long> entry in latest)
        {
            if (time - entry.Value > span)
            {
                latest.Remove(entry.Key);
            }
        }
    }

    public void Reset()
    {
        latest.Clear();
        sweepThreshold = MinimumSweepThreshold;
    }
}
