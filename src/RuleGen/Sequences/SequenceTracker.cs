using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace RuleGen.Sequences;

/// <summary>
/// The pending partial matches of one sequence, with Elasticsearch's matching rules. Each (stage, join key)
/// has at most one partial, and a newer partial moving into a stage replaces the older one there. A partial
/// expires when its next event comes more than maxspan after its first event (the bound is inclusive).
/// The generated detector offers an event to the stages from last to first, so an event can complete or
/// advance an older partial and start a younger one, but never fills two stages of the same partial.
/// Events must arrive in time order.
/// </summary>
/// <typeparam name="TKey">The join key type, compared by value.</typeparam>
/// <typeparam name="TEvent">The project's event type: <c>RuleGen.Ecs.EcsEvent</c>, or the type named by <c>[assembly: EqlEventType]</c>.</typeparam>
public sealed class SequenceTracker<TKey, TEvent>
    where TKey : IEquatable<TKey>
    where TEvent : class
{
    private const int MinimumSweepThreshold = 1024;

    private readonly int stageCount;
    private readonly long? maxspanTicks;

    // pending[s] contains, per join key, the partial that has filled stages 0..s-1 and waits for stage s.
    private readonly Dictionary<TKey, Partial>[] pending;
    private int pendingCount;
    private int sweepThreshold = MinimumSweepThreshold;

    /// <param name="stageCount">The number of terms of the sequence.</param>
    /// <param name="maxspan">The sequence's maxspan, or null when it has none.</param>
    public SequenceTracker(int stageCount, TimeSpan? maxspan)
    {
        if (stageCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stageCount), stageCount, "A sequence has at least one term.");
        }

        this.stageCount = stageCount;
        maxspanTicks = maxspan?.Ticks;
        pending = new Dictionary<TKey, Partial>[stageCount];
        for (int i = 1; i < stageCount; i++)
        {
            pending[i] = new Dictionary<TKey, Partial>();
        }
    }

    /// <summary>The number of partial matches waiting for their next event.</summary>
    public int PendingCount => pendingCount;

    /// <summary>
    /// Offers an event that matched the filter of stage <paramref name="stage"/> with join key
    /// <paramref name="key"/>. Returns the matched events when the event completes a sequence, else null.
    /// </summary>
    public TEvent[]? Accept(int stage, TKey key, TEvent e, long time) => Accept(stage, key, e, time, out _);

    /// <summary>
    /// Offers an event, as <see cref="Accept(int, TKey, TEvent, long)"/> does, and on completion also returns
    /// the time of each matched event, which missing-event checks need.
    /// </summary>
    public TEvent[]? Accept(int stage, TKey key, TEvent e, long time, out long[]? times)
    {
        times = null;
        if (stage == 0)
        {
            if (stageCount == 1)
            {
                times = new[] { time };
                return new[] { e };
            }

            var started = new Partial(time, new TEvent[stageCount], new long[stageCount]);
            started.Events[0] = e;
            started.Times[0] = time;
            Store(1, key, started);
            SweepIfLarge(time);
            return null;
        }

        if (!pending[stage].Remove(key, out Partial partial))
        {
            return null;
        }

        pendingCount--;
        if (maxspanTicks is { } span && time - partial.FirstTime > span)
        {
            return null;
        }

        partial.Events[stage] = e;
        partial.Times[stage] = time;
        if (stage == stageCount - 1)
        {
            times = partial.Times;
            return partial.Events;
        }

        Store(stage + 1, key, partial);
        return null;
    }

    /// <summary>
    /// Drops every pending partial of <paramref name="key"/>, at every stage: the effect of an <c>until</c> event.
    /// Completed sequences are not affected.
    /// </summary>
    public void Cancel(TKey key)
    {
        for (int stage = 1; stage < stageCount; stage++)
        {
            if (pending[stage].Remove(key))
            {
                pendingCount--;
            }
        }
    }

    /// <summary>Drops every partial whose window closed before <paramref name="time"/>.</summary>
    public void Expire(long time)
    {
        if (maxspanTicks is not { } span)
        {
            return;
        }

        // Dictionary allows Remove while it is enumerated, so no list of expired keys is needed.
        for (int stage = 1; stage < stageCount; stage++)
        {
            foreach (KeyValuePair<TKey, Partial> entry in pending[stage])
            {
                if (time - entry.Value.FirstTime > span)
                {
                    pending[stage].Remove(entry.Key);
                    pendingCount--;
                }
            }
        }
    }

    public void Reset()
    {
        for (int stage = 1; stage < stageCount; stage++)
        {
            pending[stage].Clear();
        }

        pendingCount = 0;
        sweepThreshold = MinimumSweepThreshold;
    }

    private void Store(int stage, TKey key, Partial partial)
    {
        ref Partial slot = ref CollectionsMarshal.GetValueRefOrAddDefault(pending[stage], key, out bool exists);
        if (!exists)
        {
            pendingCount++;
        }

        slot = partial;
    }

    // Expired partials are dropped when an event reaches them. Keys that are never seen again would pile up,
    // so a sweep runs whenever the count has doubled, which costs amortised constant time per event.
    private void SweepIfLarge(long time)
    {
        if (pendingCount < sweepThreshold)
        {
            return;
        }

        Expire(time);
        sweepThreshold = Math.Max(MinimumSweepThreshold, pendingCount * 2);
    }

    private readonly struct Partial
    {
        public Partial(long firstTime, TEvent[] events, long[] times)
        {
            FirstTime = firstTime;
            Events = events;
            Times = times;
        }

        public long FirstTime { get; }

        public TEvent[] Events { get; }

        public long[] Times { get; }
    }
}
