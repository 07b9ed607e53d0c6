using System;

namespace RuleGen.Matching;

/// <summary>
/// The order of Elasticsearch's <c>version</c> field type: Semantic Versioning precedence, except that the main
/// part may have any number of numeric identifiers (<c>1.2</c> and <c>1.2.3.4</c> are valid). Numeric parts
/// compare as numbers (<c>1.5.0 &lt; 1.11.3</c>), a pre-release sorts before its release
/// (<c>1.0.0-alpha &lt; 1.0.0</c>), and build metadata after <c>+</c> is ignored. A text that is not a valid
/// version sorts after every valid one, in ordinal order among such texts, as Elasticsearch's reference for the type describes.
/// </summary>
public static class VersionOrder
{
    /// <summary>Returns a negative number, zero or a positive number as <paramref name="left"/> sorts before, with or after <paramref name="right"/>.</summary>
    public static int Compare(string left, string right)
    {
        bool leftValid = TrySplit(left, out ReadOnlySpan<char> leftMain, out ReadOnlySpan<char> leftPre);
        bool rightValid = TrySplit(right, out ReadOnlySpan<char> rightMain, out ReadOnlySpan<char> rightPre);
        if (!leftValid || !rightValid)
        {
            return leftValid == rightValid ? string.CompareOrdinal(left, right) : leftValid ? -1 : 1;
        }

        int main = CompareIdentifiers(leftMain, rightMain);
        if (main != 0)
        {
            return main;
        }

        // A release sorts after any of its pre-releases.
        if (leftPre.IsEmpty && rightPre.IsEmpty)
        {
            return 0;
        }

        if (leftPre.IsEmpty || rightPre.IsEmpty)
        {
            return leftPre.IsEmpty ? 1 : -1;
        }

        return CompareIdentifiers(leftPre, rightPre);
    }

    // Splits "main[-pre][+build]". The main part is dot-separated digits, the pre-release dot-separated
    // alphanumerics and hyphens, and no identifier is empty.
    private static bool TrySplit(string text, out ReadOnlySpan<char> main, out ReadOnlySpan<char> pre)
    {
        ReadOnlySpan<char> value = text.AsSpan();
        int plus = value.IndexOf('+');
        if (plus >= 0)
        {
            value = value.Slice(0, plus);
        }

        int dash = value.IndexOf('-');
        main = dash >= 0 ? value.Slice(0, dash) : value;
        pre = dash >= 0 ? value.Slice(dash + 1) : ReadOnlySpan<char>.Empty;
        return IsValid(main, digitsOnly: true) && (dash < 0 || IsValid(pre, digitsOnly: false));
    }

    private static bool IsValid(ReadOnlySpan<char> identifiers, bool digitsOnly)
    {
        if (identifiers.IsEmpty)
        {
            return false;
        }

        int length = 0;
        foreach (char c in identifiers)
        {
            if (c == '.')
            {
                if (length == 0)
                {
                    return false;
                }

                length = 0;
            }
            else if (char.IsAsciiDigit(c) || (!digitsOnly && (char.IsAsciiLetter(c) || c == '-')))
            {
                length++;
            }
            else
            {
                return false;
            }
        }

        return length > 0;
    }

    // Compares dot-separated identifiers in turn: numbers numerically and before words, words ordinally, and a
    // list that is a prefix of the other first.
    private static int CompareIdentifiers(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        while (true)
        {
            if (left.IsEmpty && right.IsEmpty)
            {
                return 0;
            }

            if (left.IsEmpty || right.IsEmpty)
            {
                return left.IsEmpty ? -1 : 1;
            }

            ReadOnlySpan<char> a = Next(ref left);
            ReadOnlySpan<char> b = Next(ref right);
            bool aNumber = IsNumber(a);
            bool bNumber = IsNumber(b);
            int order;
            if (aNumber && bNumber)
            {
                a = a.TrimStart('0');
                b = b.TrimStart('0');
                order = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
            }
            else if (aNumber != bNumber)
            {
                order = aNumber ? -1 : 1;
            }
            else
            {
                order = a.SequenceCompareTo(b);
            }

            if (order != 0)
            {
                return order;
            }
        }
    }

    private static ReadOnlySpan<char> Next(ref ReadOnlySpan<char> identifiers)
    {
        int dot = identifiers.IndexOf('.');
        ReadOnlySpan<char> first = dot >= 0 ? identifiers.Slice(0, dot) : identifiers;
        identifiers = dot >= 0 ? identifiers.Slice(dot + 1) : ReadOnlySpan<char>.Empty;
        return first;
    }

    private static bool IsNumber(ReadOnlySpan<char> identifier)
    {
        foreach (char c in identifier)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
