using System;

namespace RuleGen.Sequences;

/// <summary>
/// The time a detector gives each event, in ticks of 100 ns since 0001-01-01 UTC. An event with an
/// <c>@timestamp</c> takes that time; an event without one takes the time of the latest event this clock saw
/// (0 before any), so a stream that carries no timestamps at all behaves as if every event were simultaneous.
/// </summary>
public struct EventClock
{
    private long latest;

    /// <summary>Returns the time of an event whose <c>@timestamp</c> is <paramref name="timestamp"/>, null when it has none.</summary>
    public long TimeOf(DateTimeOffset? timestamp)
    {
        if (timestamp is { } value)
        {
            long ticks = value.UtcTicks;
            if (ticks > latest)
            {
                latest = ticks;
            }

            return ticks;
        }

        return latest;
    }

    public void Reset() => latest = 0;
}
