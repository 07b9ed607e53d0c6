using System.Runtime.CompilerServices;

namespace RuleGen.Matching;

/// <summary>
/// EQL's three-valued truth: true, false or null (unknown). A comparison with a missing field is null, and an
/// event matches only when its condition is true. The operators follow SQL's rules: <c>false and null</c> is
/// false, <c>true or null</c> is true, <c>not null</c> is null. Because the type defines <c>operator true</c>
/// and <c>operator false</c>, C#'s <c>&amp;&amp;</c> and <c>||</c> short-circuit exactly where EQL may:
/// after a false left side of <c>and</c>, after a true left side of <c>or</c>.
/// </summary>
public readonly struct EqlBool : System.IEquatable<EqlBool>
{
    private const byte NullValue = 0;
    private const byte FalseValue = 1;
    private const byte TrueValue = 2;

    private readonly byte value;

    private EqlBool(byte value)
    {
        this.value = value;
    }

    public static EqlBool True => new(TrueValue);

    public static EqlBool False => new(FalseValue);

    public static EqlBool Null => new(NullValue);

    public bool IsTrue => value == TrueValue;

    public bool IsFalse => value == FalseValue;

    public bool IsNull => value == NullValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EqlBool From(bool condition) => new(condition ? TrueValue : FalseValue);

    public static EqlBool From(bool? condition) => condition is { } known ? From(known) : Null;

    public static EqlBool operator &(EqlBool left, EqlBool right)
    {
        if (left.value == FalseValue || right.value == FalseValue)
        {
            return False;
        }

        return left.value == TrueValue && right.value == TrueValue ? True : Null;
    }

    public static EqlBool operator |(EqlBool left, EqlBool right)
    {
        if (left.value == TrueValue || right.value == TrueValue)
        {
            return True;
        }

        return left.value == FalseValue && right.value == FalseValue ? False : Null;
    }

    public static EqlBool operator !(EqlBool operand) => operand.value switch
    {
        TrueValue => False,
        FalseValue => True,
        _ => Null,
    };

    // Used by '&&': the right side is skipped when the left side is definitely false.
    public static bool operator false(EqlBool operand) => operand.value == FalseValue;

    // Used by '||' and 'if': the right side is skipped, and an 'if' runs, only when the value is definitely true.
    public static bool operator true(EqlBool operand) => operand.value == TrueValue;

    public bool Equals(EqlBool other) => value == other.value;

    public override bool Equals(object? obj) => obj is EqlBool other && Equals(other);

    public override int GetHashCode() => value;

    public override string ToString() => value switch
    {
        TrueValue => "true",
        FalseValue => "false",
        _ => "null",
    };
}
