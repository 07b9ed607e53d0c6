using System;

namespace RuleGen.Matching;

/// <summary>
/// Matches EQL wildcard patterns, in which <c>*</c> stands for any run of characters and <c>?</c> for exactly
/// one. The whole value must match, and there is no escape character, as in Elasticsearch EQL 8.x.
/// </summary>
public static class Wildcard
{
    /// <summary>
    /// Tests one value. The greedy scan with one remembered star runs in O(value × pattern) in the worst case
    /// and never backtracks further, so no pattern can make it blow up.
    /// </summary>
    public static bool IsMatch(string value, string pattern, bool ignoreCase)
    {
        int v = 0;
        int p = 0;
        int starPattern = -1;
        int starValue = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starPattern = p++;
                starValue = v;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (starPattern >= 0)
            {
                p = starPattern + 1;
                v = ++starValue;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool CharEquals(char left, char right, bool ignoreCase) =>
        left == right || (ignoreCase && char.ToUpperInvariant(left) == char.ToUpperInvariant(right));
}
