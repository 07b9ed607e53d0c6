using System.Collections.Generic;
using RuleGen.Ecs;

namespace RuleGen.Events;

/// <summary>The outcome of reading one non-blank line of a JSON Lines file.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Event">The event, with <see cref="EcsEvent.InputLine"/> set, or null when the line is malformed.</param>
/// <param name="Format">The detected layout of the record, or null when the line is malformed.</param>
/// <param name="Error">For a malformed line, a message that names the line and the problem. Null otherwise.</param>
/// <param name="Warnings">Fields whose values could not be converted. The event was still produced without them.</param>
public sealed record EventReadResult(
    long Line,
    EcsEvent? Event,
    EventFormat? Format,
    string? Error,
    IReadOnlyList<FieldWarning> Warnings)
{
    /// <summary>True when the line is not a JSON object, so no event was produced.</summary>
    public bool IsMalformed => Error is not null;
}
