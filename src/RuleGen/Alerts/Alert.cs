using System;
using System.Collections.Generic;
using RuleGen.Ecs;

namespace RuleGen;

/// <summary>A match of a rule: the rule's metadata and the matched events, in term order.</summary>
public sealed class Alert
{
    public Alert(RuleInfo rule, IReadOnlyList<EcsEvent> events)
        : this(rule, events, Array.Empty<object?>())
    {
    }

    /// <param name="rule">The rule that matched.</param>
    /// <param name="events">The matched events, in term order.</param>
    /// <param name="joinKeys">The join key values the events share, in the order of the rule's keys; null for a null optional key.</param>
    public Alert(RuleInfo rule, IReadOnlyList<EcsEvent> events, IReadOnlyList<object?> joinKeys)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("An alert needs at least one matched event.", nameof(events));
        }

        Rule = rule;
        Events = events;
        JoinKeys = joinKeys;
    }

    public RuleInfo Rule { get; }

    public IReadOnlyList<EcsEvent> Events { get; }

    /// <summary>
    /// The join key values the events of a sequence or sample share, in the order of the rule's keys: a string,
    /// long or bool each, or null for a missing optional key. Empty for an event query and for a rule without keys.
    /// </summary>
    public IReadOnlyList<object?> JoinKeys { get; }

    /// <summary>The event that completed the match.</summary>
    public EcsEvent LastEvent => Events[Events.Count - 1];

    public override string ToString() => $"{Rule.Name}: {Events.Count} event(s)";
}
