using System;
using System.Runtime.CompilerServices;

namespace RuleGen.Matching;

/// <summary>
/// String predicates of EQL with null and array semantics: a missing value gives <see cref="EqlBool.Null"/>, and
/// an array field (which contains no null elements) matches when any element matches. Case-insensitive tests use
/// ordinal ignore-case comparison, that is simple Unicode case mapping: <c>Ü</c> equals <c>ü</c>, but <c>ß</c>
/// does not equal <c>SS</c>.
/// </summary>
public static class EqlString
{
    // Inlined into generated code, where ignoreCase is a constant, so the comparison becomes a direct call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EqlBool Equal(string? value, string text, bool ignoreCase) =>
        value is null ? EqlBool.Null : EqlBool.From(string.Equals(value, text, Comparison(ignoreCase)));

    public static EqlBool Equal(string[]? values, string text, bool ignoreCase)
    {
        if (values is null || values.Length == 0)
        {
            return EqlBool.Null;
        }

        // One loop per case mode, so that each compares with a constant StringComparison: event.category and
        // event.type tests run on every event, and the ordinal loop is then a plain string equality.
        if (ignoreCase)
        {
            foreach (string value in values)
            {
                if (string.Equals(value, text, StringComparison.OrdinalIgnoreCase))
                {
                    return EqlBool.True;
                }
            }

            return EqlBool.False;
        }

        foreach (string value in values)
        {
            if (string.Equals(value, text))
            {
                return EqlBool.True;
            }
        }

        return EqlBool.False;
    }

    public static EqlBool StartsWith(string? value, string text, bool ignoreCase) =>
        value is null ? EqlBool.Null : EqlBool.From(value.StartsWith(text, Comparison(ignoreCase)));

    public static EqlBool StartsWith(string[]? values, string text, bool ignoreCase)
    {
        if (values is null || values.Length == 0)
        {
            return EqlBool.Null;
        }

        foreach (string value in values)
        {
            if (value.StartsWith(text, Comparison(ignoreCase)))
            {
                return EqlBool.True;
            }
        }

        return EqlBool.False;
    }

    public static EqlBool EndsWith(string? value, string text, bool ignoreCase) =>
        value is null ? EqlBool.Null : EqlBool.From(value.EndsWith(text, Comparison(ignoreCase)));

    public static EqlBool EndsWith(string[]? values, string text, bool ignoreCase)
    {
        if (values is null || values.Length == 0)
        {
            return EqlBool.Null;
        }

        foreach (string value in values)
        {
            if (value.EndsWith(text, Comparison(ignoreCase)))
            {
                return EqlBool.True;
            }
        }

        return EqlBool.False;
    }

    public static EqlBool Contains(string? value, string text, bool ignoreCase) =>
        value is null ? EqlBool.Null : EqlBool.From(value.Contains(text, Comparison(ignoreCase)));

    public static EqlBool Contains(string[]? values, string text, bool ignoreCase)
    {
        if (values is null || values.Length == 0)
        {
            return EqlBool.Null;
        }

        foreach (string value in values)
        {
            if (value.Contains(text, Comparison(ignoreCase)))
            {
                return EqlBool.True;
            }
        }

        return EqlBool.False;
    }

    /// <summary>The pattern <c>*</c>: true for any value that is present, null for a missing one.</summary>
    public static EqlBool Present(string? value) => value is null ? EqlBool.Null : EqlBool.True;

    public static EqlBool Present(string[]? values) => values is null || values.Length == 0 ? EqlBool.Null : EqlBool.True;

    public static EqlBool Like(string? value, string pattern, bool ignoreCase) =>
        value is null ? EqlBool.Null : EqlBool.From(Wildcard.IsMatch(value, pattern, ignoreCase));

    public static EqlBool Like(string[]? values, string pattern, bool ignoreCase)
    {
        if (values is null || values.Length == 0)
        {
            return EqlBool.Null;
        }

        foreach (string value in values)
        {
            if (Wildcard.IsMatch(value, pattern, ignoreCase))
            {
                return EqlBool.True;
            }
        }

        return EqlBool.False;
    }

    public static EqlBool Match(string? value, StringPatternSet patterns) =>
        value is null ? EqlBool.Null : EqlBool.From(patterns.IsMatch(value));

    public static EqlBool Match(string[]? values, StringPatternSet patterns) =>
        values is null || values.Length == 0 ? EqlBool.Null : EqlBool.From(patterns.IsMatchAny(values));

    /// <summary><c>regex</c>: the compiled pattern is anchored at both ends, so it must match the whole value.</summary>
    public static EqlBool Regex(string? value, System.Text.RegularExpressions.Regex pattern) =>
        value is null ? EqlBool.Null : EqlBool.From(pattern.IsMatch(value));

    public static EqlBool Regex(string[]? values, System.Text.RegularExpressions.Regex pattern)
    {
        if (values is null || values.Length == 0)
        {
            return EqlBool.Null;
        }

        foreach (string value in values)
        {
            if (pattern.IsMatch(value))
            {
                return EqlBool.True;
            }
        }

        return EqlBool.False;
    }

    internal static StringComparison Comparison(bool ignoreCase) => ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
