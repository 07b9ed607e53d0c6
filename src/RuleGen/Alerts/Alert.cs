using System;
using System.Collections.Generic;
using RuleGen.Ecs;

namespace RuleGen;

/// <summary>A match of a rule: the rule's metadata and the matched events, in sequence order.</summary>
public sealed class Alert
{
    public Alert(RuleInfo rule, IReadOnlyList<EcsEvent> events)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("An alert needs at least one matched event.", nameof(events));
        }

        Rule = rule;
        Events = events;
    }

    public RuleInfo Rule { get; }

    public IReadOnlyList<EcsEvent> Events { get; }

    /// <summary>The event that completed the match.</summary>
    public EcsEvent LastEvent => Events[Events.Count - 1];

    public override string ToString() => $"{Rule.Name}: {Events.Count} event(s)";
}
