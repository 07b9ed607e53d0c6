namespace RuleGen.Eql.Binding;

/// <summary>The type of a value an operand produces at run time; every operand may also be null.</summary>
public enum ValueKind
{
    String,
    Long,
    Double,
    Boolean,

    /// <summary>The literal <c>null</c>, whose type comes from where it is used.</summary>
    Null,
}

/// <summary>
/// A value computed from an event: a field, a literal, a function call or arithmetic. Operands appear where a
/// condition compares or matches something other than a plain field and a literal, such as
/// <c>length(process.name) &gt; 3</c> or <c>substring(file.name, -4) : ".exe"</c>.
/// </summary>
public abstract record BoundOperand(ValueKind Kind)
{
    /// <summary>True when the operand reads a field, directly or through a function's arguments.</summary>
    public abstract bool ReadsField { get; }
}

public sealed record BoundFieldOperand(BoundField Field, ValueKind FieldValueKind) : BoundOperand(FieldValueKind)
{
    public override bool ReadsField => true;
}

/// <summary>A literal; <see cref="Text"/> is invariant-culture text (a string's value, a number, true or false).</summary>
public sealed record BoundLiteralOperand(ValueKind LiteralKind, string Text) : BoundOperand(LiteralKind)
{
    public override bool ReadsField => false;
}

/// <summary>
/// A call of an EQL function. <see cref="Function"/> is the canonical name (<c>startsWith</c>);
/// <see cref="IgnoreCase"/> is set for the <c>~</c> form.
/// </summary>
public sealed record BoundCallOperand(
    string Function,
    EquatableArray<BoundOperand> Arguments,
    bool IgnoreCase,
    ValueKind ResultKind) : BoundOperand(ResultKind)
{
    public override bool ReadsField
    {
        get
        {
            foreach (BoundOperand argument in Arguments)
            {
                if (argument.ReadsField)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>A comparison of two operands that are not simply a field and a literal.</summary>
public sealed record BoundOperandComparison(BoundOperand Left, Syntax.ComparisonOperator Operator, BoundOperand Right, string Clause) : BoundExpression;

/// <summary>A boolean operand used as a condition, such as <c>startsWith(process.name, "a")</c>.</summary>
public sealed record BoundOperandCondition(BoundOperand Operand, string Clause) : BoundExpression;

/// <summary><c>:</c>, <c>like</c> or <c>in</c> applied to a string operand, such as <c>substring(file.name, -4) : ".exe"</c>.</summary>
public sealed record BoundOperandMatch(BoundOperand Subject, EquatableArray<StringPattern> Patterns, bool IgnoreCase, string Clause) : BoundExpression;

/// <summary><c>x == null</c> or <c>x != null</c> on an operand.</summary>
public sealed record BoundOperandNullTest(BoundOperand Operand, bool IsNull, string Clause) : BoundExpression;

/// <summary>
/// <c>regex</c> or <c>regex~</c>: true when the whole value matches any of the patterns. The subject is a field
/// (any element of an array field may match) or a string operand. <see cref="Patterns"/> are the .NET
/// translations, unanchored; <see cref="Sources"/> the patterns as written.
/// </summary>
public sealed record BoundRegexMatch(
    BoundField? Field,
    BoundOperand? Operand,
    EquatableArray<string> Patterns,
    EquatableArray<string> Sources,
    bool IgnoreCase,
    string Clause) : BoundExpression;
