using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace RuleGen.Sequences;

/// <summary>
/// Decides whether the missing-event terms <c>![...]</c> of a sequence let a match through, with
/// Elasticsearch's rules, for a stream. Each missing term is before the first positive term (leading),
/// between two positive terms (middle) or after the last one (trailing). Its events are recorded per join key.
/// <list type="bullet">
/// <item>Middle: the match is dropped when a missing event came strictly between its neighbouring positives.</item>
/// <item>Leading only: with L the latest missing event before the first positive, the match is dropped when
/// the last positive came no more than maxspan after L.</item>
/// <item>Trailing only: with T the first missing event after the last positive, the match is dropped when T
/// came no more than maxspan after the first positive. The match waits until that window has passed.</item>
/// <item>Leading and trailing: the match is dropped only when both L and T exist and T came no more than
/// maxspan after L.</item>
/// </list>
/// A match that has to wait is released by a later event, by <see cref="Release"/> when time advances past its
/// window, or by <see cref="Flush"/> at the end of the stream.
/// </summary>
/// <typeparam name="TKey">The join key type, compared by value.</typeparam>
/// <typeparam name="TEvent">The project's event type: <c>RuleGen.Ecs.EcsEvent</c>, or the type named by <c>[assembly: EqlEventType]</c>.</typeparam>
public sealed class MissingEventTracker<TKey, TEvent>
    where TKey : IEquatable<TKey>
    where TEvent : class
{
    private readonly int[] positions;
    private readonly int lastPositive;
    private readonly long maxspanTicks;
    private readonly Dictionary<TKey, List<long>>[] history;
    private readonly List<Waiting> waiting = new();

    /// <param name="positions">
    /// For each missing term, the index of the positive term it follows: -1 for a leading term, the last
    /// positive index for a trailing one.
    /// </param>
    /// <param name="positiveCount">The number of positive terms.</param>
    /// <param name="maxspan">The sequence's maxspan, which missing-event terms require.</param>
    public MissingEventTracker(int[] positions, int positiveCount, TimeSpan maxspan)
    {
        this.positions = positions;
        lastPositive = positiveCount - 1;
        maxspanTicks = maxspan.Ticks;
        history = new Dictionary<TKey, List<long>>[positions.Length];
        for (int i = 0; i < positions.Length; i++)
        {
            history[i] = new Dictionary<TKey, List<long>>();
        }
    }

    /// <summary>The number of matches waiting for a trailing window to close.</summary>
    public int WaitingCount => waiting.Count;

    /// <summary>
    /// Records an event that matched missing term <paramref name="missingTerm"/>. A waiting match with the same
    /// key that this event rules out is dropped; one that this event lets through is added to
    /// <paramref name="released"/>.
    /// </summary>
    public void Record(int missingTerm, TKey key, long time, List<(TKey Key, TEvent[] Events)> released)
    {
        ref List<long>? times = ref CollectionsMarshal.GetValueRefOrAddDefault(history[missingTerm], key, out _);
        times ??= new List<long>();
        times.Add(time);
        Prune(times, time);

        if (positions[missingTerm] != lastPositive)
        {
            return;
        }

        // The first trailing event after a waiting match decides it.
        for (int i = waiting.Count - 1; i >= 0; i--)
        {
            Waiting match = waiting[i];
            if (!match.Key.Equals(key) || time <= match.LastTime)
            {
                continue;
            }

            waiting.RemoveAt(i);
            if (time - match.WindowStart > maxspanTicks)
            {
                released.Add((match.Key, match.Events));
            }
        }
    }

    /// <summary>
    /// Checks a completed match of the positive terms. Returns true when it is released now, false when it is
    /// dropped or has to wait for a trailing window.
    /// </summary>
    public bool Check(TKey key, TEvent[] events, long[] times)
    {
        long first = times[0];
        long last = times[times.Length - 1];
        long? leading = null;
        bool hasLeading = false;
        bool hasTrailing = false;
        for (int i = 0; i < positions.Length; i++)
        {
            int after = positions[i];
            if (after == -1)
            {
                // The binder allows one leading missing term (RG2003 otherwise), so this is set at most once.
                hasLeading = true;
                leading = Latest(i, key, before: first);
            }
            else if (after == lastPositive)
            {
                hasTrailing = true;
            }
            else if (AnyBetween(i, key, times[after], times[after + 1]))
            {
                return false;
            }
        }

        if (!hasTrailing)
        {
            return !(hasLeading && leading is { } l && last - l <= maxspanTicks);
        }

        if (hasLeading && leading is null)
        {
            // With both kinds of terms, Elasticsearch drops a match only when both a leading and a trailing event exist.
            return true;
        }

        waiting.Add(new Waiting(key, events, last, leading ?? first));
        return false;
    }

    /// <summary>Releases the waiting matches whose trailing window closed before <paramref name="now"/>.</summary>
    public void Release(long now, List<(TKey Key, TEvent[] Events)> released)
    {
        for (int i = 0; i < waiting.Count;)
        {
            if (now - waiting[i].WindowStart > maxspanTicks)
            {
                released.Add((waiting[i].Key, waiting[i].Events));
                waiting.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Releases every waiting match: the stream has ended, so no trailing event can still come.</summary>
    public void Flush(List<(TKey Key, TEvent[] Events)> released)
    {
        foreach (Waiting match in waiting)
        {
            released.Add((match.Key, match.Events));
        }

        waiting.Clear();
    }

    public void Reset()
    {
        foreach (Dictionary<TKey, List<long>> perKey in history)
        {
            perKey.Clear();
        }

        waiting.Clear();
    }

    private long? Latest(int missingTerm, TKey key, long before)
    {
        if (!history[missingTerm].TryGetValue(key, out List<long>? times))
        {
            return null;
        }

        long? latest = null;
        foreach (long time in times)
        {
            if (time < before && (latest is null || time > latest))
            {
                latest = time;
            }
        }

        return latest;
    }

    private bool AnyBetween(int missingTerm, TKey key, long after, long before)
    {
        if (!history[missingTerm].TryGetValue(key, out List<long>? times))
        {
            return false;
        }

        foreach (long time in times)
        {
            if (time > after && time < before)
            {
                return true;
            }
        }

        return false;
    }

    // A missing event older than maxspan before now can no longer affect a match that is still possible.
    private void Prune(List<long> times, long now)
    {
        int stale = 0;
        while (stale < times.Count && now - times[stale] > maxspanTicks)
        {
            stale++;
        }

        if (stale > 0)
        {
            times.RemoveRange(0, stale);
        }
    }

    private readonly struct Waiting
    {
        public Waiting(TKey key, TEvent[] events, long lastTime, long windowStart)
        {
            Key = key;
            Events = events;
            LastTime = lastTime;
            WindowStart = windowStart;
        }

        public TKey Key { get; }

        public TEvent[] Events { get; }

        public long LastTime { get; }

        /// <summary>The time the trailing window counts from: the first positive, or the leading event when there is one.</summary>
        public long WindowStart { get; }
    }
}
