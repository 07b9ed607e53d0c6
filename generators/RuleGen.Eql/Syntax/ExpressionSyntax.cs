using System.Collections.Generic;
using RuleGen.Eql.Text;

namespace RuleGen.Eql.Syntax;

/// <summary>An expression of an EQL condition, with the exact span it covers in the rule file.</summary>
public abstract record ExpressionSyntax(TextSpan Span);

public enum LiteralKind
{
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A literal. <see cref="Value"/> is a string's value after escapes, or a number's text.</summary>
public sealed record LiteralSyntax(TextSpan Span, LiteralKind Kind, string Text, string Value) : ExpressionSyntax(Span);

/// <summary>A field reference such as <c>process.parent.name</c>; <c>?field</c> sets <see cref="IsOptional"/>.</summary>
public sealed record FieldSyntax(TextSpan Span, string Path, bool IsOptional) : ExpressionSyntax(Span);

public enum LogicalOperator
{
    And,
    Or,
}

public sealed record LogicalSyntax(TextSpan Span, LogicalOperator Operator, ExpressionSyntax Left, ExpressionSyntax Right) : ExpressionSyntax(Span);

public sealed record NotSyntax(TextSpan Span, ExpressionSyntax Operand) : ExpressionSyntax(Span);

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

public sealed record ComparisonSyntax(TextSpan Span, ComparisonOperator Operator, TextSpan OperatorSpan, ExpressionSyntax Left, ExpressionSyntax Right) : ExpressionSyntax(Span);

public enum PredicateKind
{
    /// <summary><c>:</c>, the same as <c>like~</c>.</summary>
    Colon,
    Like,
    Regex,
    In,
}

/// <summary>
/// A predicate suffix on an expression: <c>x : "a*"</c>, <c>x like~ ("a", "b")</c>, <c>x regex "..."</c>,
/// <c>x in (...)</c>, <c>x not in~ (...)</c>.
/// </summary>
public sealed record PredicateSyntax(
    TextSpan Span,
    PredicateKind Kind,
    bool IsCaseInsensitive,
    bool IsNegated,
    TextSpan OperatorSpan,
    ExpressionSyntax Subject,
    IReadOnlyList<ExpressionSyntax> Values) : ExpressionSyntax(Span);

public sealed record FunctionCallSyntax(TextSpan Span, string Name, TextSpan NameSpan, bool IsCaseInsensitive, IReadOnlyList<ExpressionSyntax> Arguments) : ExpressionSyntax(Span);

public enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

public sealed record ArithmeticSyntax(TextSpan Span, ArithmeticOperator Operator, ExpressionSyntax Left, ExpressionSyntax Right) : ExpressionSyntax(Span);

/// <summary>A unary <c>-x</c> or <c>+x</c>.</summary>
public sealed record UnarySyntax(TextSpan Span, bool IsMinus, ExpressionSyntax Operand) : ExpressionSyntax(Span);
