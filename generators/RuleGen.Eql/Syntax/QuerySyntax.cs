using System.Collections.Generic;
using RuleGen.Eql.Text;

namespace RuleGen.Eql.Syntax;

/// <summary>The query of a rule file: an event query, a sequence, or a construct parsed only to be reported.</summary>
public abstract record QuerySyntax(TextSpan Span);

/// <summary><c>category where condition</c>; <see cref="IsAny"/> for <c>any where</c>.</summary>
public sealed record EventQuerySyntax(TextSpan Span, string Category, TextSpan CategorySpan, bool IsAny, ExpressionSyntax Condition) : QuerySyntax(Span);

/// <summary>A <c>by</c> clause: the join key expressions.</summary>
public sealed record JoinKeysSyntax(TextSpan Span, IReadOnlyList<ExpressionSyntax> Keys);

/// <summary><c>with maxspan=N unit</c>; <see cref="Milliseconds"/> is the span in milliseconds.</summary>
public sealed record MaxspanSyntax(TextSpan Span, long Value, string Unit, long Milliseconds);

/// <summary>A bracketed sequence term: <c>[query] by keys with runs=N</c>, or <c>![query]</c> for a missing event.</summary>
public sealed record SequenceTermSyntax(TextSpan Span, EventQuerySyntax Query, JoinKeysSyntax? Keys, int? Runs, TextSpan RunsSpan, bool IsMissing);

/// <summary>The RuleGen extension <c>not sequence [by keys] [query]</c> that suppresses sequence matches.</summary>
public sealed record NotSequenceSyntax(TextSpan Span, TextSpan KeywordSpan, JoinKeysSyntax? Keys, IReadOnlyList<SequenceTermSyntax> Terms);

public sealed record SequenceSyntax(
    TextSpan Span,
    TextSpan KeywordSpan,
    JoinKeysSyntax? Keys,
    MaxspanSyntax? Maxspan,
    IReadOnlyList<SequenceTermSyntax> Terms,
    SequenceTermSyntax? Until,
    TextSpan UntilSpan,
    NotSequenceSyntax? NotSequence) : QuerySyntax(Span);

/// <summary>
/// <c>sample [by keys] [query] [by keys] ...</c>: one event for each term, all with the same join key values, in
/// any order.
/// </summary>
public sealed record SampleSyntax(TextSpan Span, TextSpan KeywordSpan, JoinKeysSyntax? Keys, IReadOnlyList<SequenceTermSyntax> Terms) : QuerySyntax(Span);

/// <summary><c>join</c>, of the older Python engine: parsed far enough to report that Elasticsearch has no such query.</summary>
public sealed record UnsupportedQuerySyntax(TextSpan Span, string Keyword) : QuerySyntax(Span);

/// <summary>A pipe such as <c>| head 5</c>.</summary>
public sealed record PipeSyntax(TextSpan Span, string Name, IReadOnlyList<ExpressionSyntax> Arguments);

/// <summary>A whole EQL statement: the query and its pipes, and the comments of the file.</summary>
public sealed record StatementSyntax(QuerySyntax Query, IReadOnlyList<PipeSyntax> Pipes);
