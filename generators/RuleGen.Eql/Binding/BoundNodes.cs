using RuleGen.Eql.Schema;
using RuleGen.Eql.Syntax;

namespace RuleGen.Eql.Binding;

/// <summary>
/// A checked condition, ready for the emitter. Bound nodes are records of strings, enums and equatable arrays
/// only, so a generator step that returns them is cached by value. <c>Clause</c> members hold the EQL text a
/// check came from, which the emitter writes next to the check.
/// </summary>
public abstract record BoundExpression;

/// <summary>
/// A field read from the typed event. <see cref="MemberPath"/> is the C# member path, such as
/// <c>Process.Parent.Name</c>. <see cref="IsUnmapped"/> marks an optional join key that no schema declares: it is
/// null on every event but keeps its position among the keys.
/// </summary>
public sealed record BoundField(string Name, string Type, FieldKind Kind, bool IsArray, string MemberPath, bool IsOptional, bool IsUnmapped = false);

/// <summary>
/// <c>true</c>, <c>false</c> or <c>null</c> (EQL's unknown) as a condition. <see cref="Clause"/> records where a
/// constant came from when it replaces a test, such as a test of an optional field that is not in the schema.
/// </summary>
public sealed record BoundConstant(bool? Value, string Clause = "") : BoundExpression;

public sealed record BoundAnd(BoundExpression Left, BoundExpression Right) : BoundExpression;

public sealed record BoundOr(BoundExpression Left, BoundExpression Right) : BoundExpression;

/// <summary><c>not x</c>: true when x is false, null when x is null.</summary>
public sealed record BoundNot(BoundExpression Operand, string Clause) : BoundExpression;

/// <summary><c>f == null</c> or <c>f != null</c>: an existence test that is never null itself.</summary>
public sealed record BoundNullTest(BoundField Field, bool IsNull, string Clause) : BoundExpression;

/// <summary>
/// <c>null == (c)</c> or <c>null != (c)</c> for a condition c: true when c is null, or when it is not. Like
/// <see cref="BoundNullTest"/>, never null itself.
/// </summary>
public sealed record BoundConditionNullTest(BoundExpression Condition, bool IsNull, string Clause) : BoundExpression;

/// <summary>
/// <c>==</c>, <c>in</c>, <c>in~</c>, <c>:</c>, <c>like</c> and <c>like~</c> on a string field: true when the value
/// (or, for an array field, any element) matches any pattern; null when the field is missing.
/// </summary>
public sealed record BoundStringMatch(BoundField Field, EquatableArray<StringPattern> Patterns, bool IgnoreCase, string Clause) : BoundExpression;

/// <summary>A literal converted for a comparison: <see cref="Text"/> is invariant-culture text of its <see cref="Kind"/>.</summary>
public sealed record BoundValue(FieldKind Kind, string Text);

/// <summary>An ordered or equality comparison of a number, boolean or string field with a literal.</summary>
public sealed record BoundComparison(BoundField Field, ComparisonOperator Operator, BoundValue Value, string Clause) : BoundExpression;
