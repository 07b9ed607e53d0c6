using RuleGen.Eql.Metadata;
using RuleGen.Eql.Schema;

namespace RuleGen.Eql.Binding;

/// <summary>
/// An event filter: the category test of <c>category where</c> (null for <c>any where</c>) and the condition.
/// <see cref="Clause"/> is the filter's EQL text.
/// </summary>
public sealed record EventFilterPlan(string? Category, BoundExpression Condition, string Clause);

/// <summary>The join key fields of one sequence term, sequence-level keys first.</summary>
public sealed record TermKeysPlan(EquatableArray<BoundField> Fields);

public abstract record QueryPlan;

/// <summary>An event query: each matching event is an alert.</summary>
public sealed record EventQueryPlan(EventFilterPlan Filter) : QueryPlan;

/// <summary>One term of a sequence with its join keys; <see cref="IsMissing"/> for a missing-event term <c>![...]</c>.</summary>
public sealed record SequenceTermPlan(EventFilterPlan Filter, TermKeysPlan Keys, bool IsMissing = false);

/// <summary>The RuleGen <c>not sequence</c> clause: its filter and its join keys, paired by position with the sequence's.</summary>
public sealed record SuppressionPlan(EventFilterPlan Filter, TermKeysPlan Keys, string Clause);

/// <summary>
/// A sequence. <see cref="KeyKinds"/> gives the value type of each join key position, the same for every term.
/// <see cref="MaxspanMilliseconds"/> is null when the sequence has no maxspan.
/// </summary>
public sealed record SequencePlan(
    EquatableArray<SequenceTermPlan> Terms,
    EquatableArray<KeyKindItem> KeyKinds,
    long? MaxspanMilliseconds,
    string MaxspanText,
    SuppressionPlan? Suppression,
    UntilPlan? Until) : QueryPlan;

/// <summary>
/// A sample: one event for each term, all with the same join key values, in any order. <see cref="KeyKinds"/>
/// gives the value type of each join key position, the same for every term.
/// </summary>
public sealed record SamplePlan(EquatableArray<SequenceTermPlan> Terms, EquatableArray<KeyKindItem> KeyKinds) : QueryPlan;

/// <summary>The <c>until</c> term of a sequence: an event that matches it drops the pending partial matches of its join key.</summary>
public sealed record UntilPlan(EventFilterPlan Filter, TermKeysPlan Keys, string Clause);

/// <summary>
/// The value type of one join key position, and whether a null key value takes part (a <c>?field</c> key).
/// <see cref="IsUnmapped"/> is true while only unmapped optional keys were seen at the position, whose type is unknown.
/// </summary>
public sealed record KeyKindItem(FieldKind Kind, bool AllowsNull, bool IsUnmapped = false);

/// <summary>A rule ready for emission: metadata, plan, and the query text for the generated documentation.</summary>
public sealed record RuleModel(RuleMetadataSpec Metadata, QueryPlan Query, string QueryText, EquatableArray<PipePlan> Pipes);

public enum PipeKind
{
    /// <summary><c>| head N</c>: the first N alerts pass, later ones are dropped.</summary>
    Head,

    /// <summary><c>| tail N</c>: the last N alerts are kept and raised when the stream is flushed.</summary>
    Tail,
}

/// <summary>A pipe after the query, applied to the rule's alerts in the order written.</summary>
public sealed record PipePlan(PipeKind Kind, int Count);
