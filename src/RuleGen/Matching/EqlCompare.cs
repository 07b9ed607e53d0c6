using System;

namespace RuleGen.Matching;

/// <summary>The comparison operators of EQL, for <see cref="EqlCompare"/>.</summary>
public enum EqlComparison
{
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>
/// Comparisons of number, boolean and string fields with literals. A missing value gives
/// <see cref="EqlBool.Null"/>; an array field is true when any element satisfies the comparison. There is no
/// not-equal operation: <c>x != v</c> compiles to <c>!(x == v)</c>, which for an array means that no element
/// equals v. Strings order by UTF-16 code unit, case-sensitively, as Elasticsearch orders keywords.
/// </summary>
public static class EqlCompare
{
    public static EqlBool Compare<T>(T? value, EqlComparison comparison, T literal)
        where T : struct, IComparable<T> =>
        value is { } known ? EqlBool.From(Holds(known.CompareTo(literal), comparison)) : EqlBool.Null;

    public static EqlBool Compare<T>(T[]? values, EqlComparison comparison, T literal)
        where T : struct, IComparable<T>
    {
        if (values is null || values.Length == 0)
        {
            return EqlBool.Null;
        }

        foreach (T value in values)
        {
            if (Holds(value.CompareTo(literal), comparison))
            {
                return EqlBool.True;
            }
        }

        return EqlBool.False;
    }

    /// <summary>An integer field compared with a literal that has a fraction, such as <c>process.pid &lt; 1.5</c>.</summary>
    public static EqlBool Compare(long[]? values, EqlComparison comparison, double literal)
    {
        if (values is null || values.Length == 0)
        {
            return EqlBool.Null;
        }

        foreach (long value in values)
        {
            if (Holds(((double)value).CompareTo(literal), comparison))
            {
                return EqlBool.True;
            }
        }

        return EqlBool.False;
    }

    public static EqlBool Compare(string? value, EqlComparison comparison, string literal) =>
        value is null ? EqlBool.Null : EqlBool.From(Holds(string.CompareOrdinal(value, literal), comparison));

    public static EqlBool Compare(string[]? values, EqlComparison comparison, string literal)
    {
        if (values is null || values.Length == 0)
        {
            return EqlBool.Null;
        }

        foreach (string value in values)
        {
            if (Holds(string.CompareOrdinal(value, literal), comparison))
            {
                return EqlBool.True;
            }
        }

        return EqlBool.False;
    }

    /// <summary>Compares a <c>version</c> field by order, in <see cref="VersionOrder"/>.</summary>
    public static EqlBool CompareVersion(string? value, EqlComparison comparison, string literal) =>
        value is null ? EqlBool.Null : EqlBool.From(Holds(VersionOrder.Compare(value, literal), comparison));

    /// <summary>Compares a multi-valued <c>version</c> field by order: true when the comparison is true for any value.</summary>
    public static EqlBool CompareVersion(string[]? values, EqlComparison comparison, string literal)
    {
        if (values is null || values.Length == 0)
        {
            return EqlBool.Null;
        }

        foreach (string value in values)
        {
            if (Holds(VersionOrder.Compare(value, literal), comparison))
            {
                return EqlBool.True;
            }
        }

        return EqlBool.False;
    }

    /// <summary>Compares two computed values, such as <c>length(process.name) &gt; add(1, 2)</c>; null when either is null.</summary>
    public static EqlBool CompareValues<T>(T? left, EqlComparison comparison, T? right)
        where T : struct, IComparable<T> =>
        left is { } a && right is { } b ? EqlBool.From(Holds(a.CompareTo(b), comparison)) : EqlBool.Null;

    public static EqlBool CompareValues(string? left, EqlComparison comparison, string? right) =>
        left is null || right is null ? EqlBool.Null : EqlBool.From(Holds(string.CompareOrdinal(left, right), comparison));

    /// <summary>
    /// <c>x == null</c>: true when the field is missing, false when it is present, and never null itself.
    /// <c>x != null</c> compiles to its negation.
    /// </summary>
    public static EqlBool IsNull(string? value) => EqlBool.From(value is null);

    public static EqlBool IsNull(Array? values) => EqlBool.From(values is null || values.Length == 0);

    public static EqlBool IsNull<T>(T? value)
        where T : struct => EqlBool.From(!value.HasValue);

    private static bool Holds(int order, EqlComparison comparison) => comparison switch
    {
        EqlComparison.Equal => order == 0,
        EqlComparison.Less => order < 0,
        EqlComparison.LessOrEqual => order <= 0,
        EqlComparison.Greater => order > 0,
        _ => order >= 0,
    };
}
