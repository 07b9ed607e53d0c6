using System;
using System.Collections.Generic;
using RuleGen.Ecs;

namespace RuleGen;

/// <summary>A match of a rule over events of the project's own type: the rule's metadata and the matched events, in term order.</summary>
/// <typeparam name="TEvent">The event type named by <c>[assembly: EqlEventType]</c>.</typeparam>
public class Alert<TEvent>
    where TEvent : class
{
    public Alert(RuleInfo rule, IReadOnlyList<TEvent> events)
        : this(rule, events, Array.Empty<object?>())
    {
    }

    /// <param name="rule">The rule that matched.</param>
    /// <param name="events">The matched events, in term order.</param>
    /// <param name="joinKeys">The join key values the events share, in the order of the rule's keys; null for a null optional key.</param>
    public Alert(RuleInfo rule, IReadOnlyList<TEvent> events, IReadOnlyList<object?> joinKeys)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An alert needs at least one matched event.", nameof(events));
        }

        Rule = rule;
        Events = events;
        JoinKeys = joinKeys;
    }

    public RuleInfo Rule { get; }

    public IReadOnlyList<TEvent> Events { get; }

    /// <summary>
    /// The join key values the events of a sequence or sample share, in the order of the rule's keys: a string,
    /// long or bool each, a <see cref="DateTimeOffset"/> in UTC at millisecond precision for a date key, or null
    /// for a missing optional key. Empty for an event query and for a rule without keys.
    /// </summary>
    public IReadOnlyList<object?> JoinKeys { get; }

    /// <summary>The event that completed the match.</summary>
    public TEvent LastEvent => Events[Events.Count - 1];

    public override string ToString() => $"{Rule.Name}: {Events.Count} event(s)";
}

/// <summary>A match of a rule over ECS events: the rule's metadata and the matched events, in term order.</summary>
public sealed class Alert : Alert<EcsEvent>
{
    public Alert(RuleInfo rule, IReadOnlyList<EcsEvent> events)
        : base(rule, events, Array.Empty<object?>())
    {
    }

    /// <param name="rule">The rule that matched.</param>
    /// <param name="events">The matched events, in term order.</param>
    /// <param name="joinKeys">The join key values the events share, in the order of the rule's keys; null for a null optional key.</param>
    public Alert(RuleInfo rule, IReadOnlyList<EcsEvent> events, IReadOnlyList<object?> joinKeys)
        : base(rule, events, joinKeys)
    {
    }
}
