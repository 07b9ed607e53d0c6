using System;
using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace RuleGen.Matching;

/// <summary>
/// A list of EQL string patterns tested together, as in <c>process.name : ("a.exe", "b*")</c> or
/// <c>process.name in ("a.exe", "b.exe")</c>. Patterns are sorted by kind once, when the set is built: whole
/// values go into a frozen set, contains patterns into one vectorised <see cref="SearchValues{T}"/> scan, and
/// prefix and suffix patterns into plain lists.
/// </summary>
public sealed class StringPatternSet
{
    private readonly StringComparison comparison;
    private readonly FrozenSet<string> exact;
    private readonly string[] prefixes;
    private readonly string[] suffixes;
    private readonly SearchValues<string>? substrings;
    private readonly string[] wildcards;
    private readonly bool ignoreCase;
    private readonly bool matchesAnyValue;
    private readonly Shape shape;

    private StringPatternSet(bool ignoreCase, IEnumerable<string> patterns, bool expandWildcards)
    {
        this.ignoreCase = ignoreCase;
        comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var exactValues = new List<string>();
        var prefixList = new List<string>();
        var suffixList = new List<string>();
        var substringList = new List<string>();
        var wildcardList = new List<string>();
        foreach (string pattern in patterns)
        {
            if (!expandWildcards || (pattern.IndexOf('*') < 0 && pattern.IndexOf('?') < 0))
            {
                exactValues.Add(pattern);
                continue;
            }

            string inner = pattern.Trim('*');
            bool simple = pattern.IndexOf('?') < 0 && inner.IndexOf('*') < 0;
            bool leading = pattern.StartsWith("*", StringComparison.Ordinal);
            bool trailing = pattern.EndsWith("*", StringComparison.Ordinal);
            if (inner.Length == 0)
            {
                matchesAnyValue = true;
            }
            else if (simple && leading && trailing && pattern.Length - inner.Length == 2)
            {
                substringList.Add(inner);
            }
            else if (simple && trailing && !leading && pattern.Length - inner.Length == 1)
            {
                prefixList.Add(inner);
            }
            else if (simple && leading && !trailing && pattern.Length - inner.Length == 1)
            {
                suffixList.Add(inner);
            }
            else
            {
                wildcardList.Add(pattern);
            }
        }

        exact = exactValues.ToFrozenSet(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        prefixes = prefixList.ToArray();
        suffixes = suffixList.ToArray();
        substrings = substringList.Count == 0 ? null : SearchValues.Create(substringList.ToArray(), comparison);
        wildcards = wildcardList.ToArray();
        bool onlyExact = !matchesAnyValue && prefixes.Length == 0 && suffixes.Length == 0 && substrings is null && wildcards.Length == 0;
        bool onlySubstrings = !matchesAnyValue && exactValues.Count == 0 && prefixes.Length == 0 && suffixes.Length == 0 && substrings is not null && wildcards.Length == 0;
        shape = Shape.Mixed;
        if (onlyExact)
        {
            shape = Shape.Exact;
        }
        else if (onlySubstrings)
        {
            shape = Shape.Substrings;
        }
    }

    // Most lists are all whole values or all '*x*' patterns, so IsMatch then does one lookup or one scan.
    private enum Shape
    {
        Exact,
        Substrings,
        Mixed,
    }

    /// <summary>Patterns of <c>:</c>, <c>like</c> or <c>like~</c>: <c>*</c> and <c>?</c> are wildcards.</summary>
    public static StringPatternSet Wildcards(bool ignoreCase, params string[] patterns) => new(ignoreCase, patterns, expandWildcards: true);

    /// <summary>Values of <c>in</c> or <c>in~</c>: compared whole, so <c>*</c> and <c>?</c> are literal characters.</summary>
    public static StringPatternSet Exact(bool ignoreCase, params string[] values) => new(ignoreCase, values, expandWildcards: false);

    // Inlined into generated code, so that a list of whole values costs one frozen-set lookup, as by hand.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool IsMatch(string value) => shape switch
    {
        Shape.Exact => exact.Contains(value),
        Shape.Substrings => value.AsSpan().ContainsAny(substrings!),
        _ => IsMatchAnyKind(value),
    };

    /// <summary>Returns true when any of <paramref name="values"/> matches, choosing the kind of test once for all of them.</summary>
    public bool IsMatchAny(string[] values)
    {
        switch (shape)
        {
            case Shape.Exact:
                foreach (string value in values)
                {
                    if (exact.Contains(value))
                    {
                        return true;
                    }
                }

                return false;
            case Shape.Substrings:
                foreach (string value in values)
                {
                    if (value.AsSpan().ContainsAny(substrings!))
                    {
                        return true;
                    }
                }

                return false;
            default:
                foreach (string value in values)
                {
                    if (IsMatchAnyKind(value))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    private bool IsMatchAnyKind(string value)
    {
        if (matchesAnyValue || exact.Contains(value))
        {
            return true;
        }

        foreach (string prefix in prefixes)
        {
            if (value.StartsWith(prefix, comparison))
            {
                return true;
            }
        }

        foreach (string suffix in suffixes)
        {
            if (value.EndsWith(suffix, comparison))
            {
                return true;
            }
        }

        if (substrings is not null && value.AsSpan().ContainsAny(substrings))
        {
            return true;
        }

        foreach (string wildcard in wildcards)
        {
            if (Wildcard.IsMatch(value, wildcard, ignoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
