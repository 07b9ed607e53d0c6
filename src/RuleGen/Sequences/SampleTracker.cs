using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace RuleGen.Sequences;

/// <summary>
/// The state of an EQL <c>sample</c>: for each join key, the events that matched each term so far. A sample is
/// complete when every term can take a different event; the events may have arrived in any order. Each key
/// gives at most one sample, as Elasticsearch returns one sample per key by default.
/// </summary>
/// <remarks>
/// A term keeps at most as many candidate events as the sample has terms. With that many, one of them is always
/// free whatever the other terms take. A later event of the same term therefore cannot complete a sample that
/// the kept ones cannot. A key that completed its sample is remembered until <see cref="Reset"/>, so that it is not
/// raised twice; memory therefore grows with the number of distinct keys. An instance is not thread-safe.
/// </remarks>
/// <typeparam name="TKey">The join key type, compared by value.</typeparam>
/// <typeparam name="TEvent">The project's event type: <c>RuleGen.Ecs.EcsEvent</c>, or the type named by <c>[assembly: EqlEventType]</c>.</typeparam>
public sealed class SampleTracker<TKey, TEvent>
    where TKey : notnull, IEquatable<TKey>
    where TEvent : class
{
    private readonly int termCount;
    private readonly Dictionary<TKey, KeyState> states = new();
    private readonly TEvent[] chosen;

    /// <param name="termCount">The number of terms, at least one.</param>
    public SampleTracker(int termCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termCount, 1);
        this.termCount = termCount;
        chosen = new TEvent[termCount];
    }

    /// <summary>The number of keys seen so far, with or without a completed sample.</summary>
    public int KeyCount => states.Count;

    /// <summary>
    /// Records that <paramref name="e"/> matches term <paramref name="term"/> with join key <paramref name="key"/>.
    /// Call <see cref="TryComplete"/> for the key once the event was offered to every term it matches, so that one
    /// event is a candidate of all its terms before the key's sample is chosen.
    /// </summary>
    /// <returns>
    /// True when the event became a candidate, which only then can complete a sample. False when the key already
    /// raised its sample, when the term already has the event, or when the term keeps enough candidates.
    /// </returns>
    public bool Add(int term, TKey key, TEvent e)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(term);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(term, termCount);
        ref KeyState? state = ref CollectionsMarshal.GetValueRefOrAddDefault(states, key, out _);
        state ??= new KeyState(termCount);
        if (state.Candidates is not { } candidates)
        {
            return false;
        }

        List<TEvent> list = candidates[term];
        if (list.Count >= termCount || list.Contains(e))
        {
            return false;
        }

        list.Add(e);
        return true;
    }

    /// <summary>Completes the key's sample if every term can now take a different event.</summary>
    /// <returns>The sample's events in term order the first time that is possible; otherwise null.</returns>
    public TEvent[]? TryComplete(TKey key)
    {
        if (!states.TryGetValue(key, out KeyState? state) || state.Candidates is not { } candidates)
        {
            return null;
        }

        foreach (List<TEvent> list in candidates)
        {
            if (list.Count == 0)
            {
                return null;
            }
        }

        // The search fills a reused buffer, so an attempt that fails allocates nothing.
        bool found = Assign(candidates, chosen, 0);
        TEvent[]? sample = found ? (TEvent[])chosen.Clone() : null;
        Array.Clear(chosen);
        if (sample is not null)
        {
            // The key is done: its candidates are released and later events of the key are ignored.
            state.Candidates = null;
        }

        return sample;
    }

    /// <summary>Forgets every key, as at the start of a new stream.</summary>
    public void Reset() => states.Clear();

    // Picks a different event for each term, trying each term's candidates in arrival order, so the earliest
    // events that complete the sample are the ones chosen.
    private static bool Assign(List<TEvent>[] candidates, TEvent[] chosen, int term)
    {
        if (term == candidates.Length)
        {
            return true;
        }

        foreach (TEvent candidate in candidates[term])
        {
            if (Array.IndexOf(chosen, candidate, 0, term) >= 0)
            {
                continue;
            }

            chosen[term] = candidate;
            if (Assign(candidates, chosen, term + 1))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class KeyState
    {
        public KeyState(int termCount)
        {
            Candidates = new List<TEvent>[termCount];
            for (int i = 0; i < termCount; i++)
            {
                Candidates[i] = new List<TEvent>();
            }
        }

        /// <summary>The candidate events of each term, or null once the key's sample was raised.</summary>
        public List<TEvent>[]? Candidates { get; set; }
    }
}
