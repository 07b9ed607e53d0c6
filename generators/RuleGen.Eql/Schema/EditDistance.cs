using System;
using System.Collections.Generic;

namespace RuleGen.Eql.Schema;

/// <summary>Optimal string alignment distance: Levenshtein plus swaps of two neighbouring characters.</summary>
internal static class EditDistance
{
    /// <summary>Computes the distance, or a value above <paramref name="limit"/> once it is certain to exceed it.</summary>
    public static int Compute(string source, string target, int limit)
    {
        int rows = source.Length + 1;
        int columns = target.Length + 1;
        int[,] distances = new int[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            distances[i, 0] = i;
        }

        for (int j = 0; j < columns; j++)
        {
            distances[0, j] = j;
        }

        for (int i = 1; i < rows; i++)
        {
            int rowMinimum = int.MaxValue;
            for (int j = 1; j < columns; j++)
            {
                int cost = source[i - 1] == target[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(distances[i - 1, j] + 1, distances[i, j - 1] + 1), distances[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && source[i - 1] == target[j - 2] && source[i - 2] == target[j - 1])
                {
                    value = Math.Min(value, distances[i - 2, j - 2] + 1);
                }

                distances[i, j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }
        }

        return distances[rows - 1, columns - 1];
    }

    /// <summary>
    /// Returns the candidate closest to <paramref name="value"/>, ignoring case, at a distance of at most
    /// <paramref name="limit"/>, or null when none is that close. Of equally close candidates, the first wins.
    /// </summary>
    public static string? Closest(string value, IEnumerable<string> candidates, int limit)
    {
        string lowered = value.ToLowerInvariant();
        string? closest = null;
        int best = limit + 1;
        foreach (string candidate in candidates)
        {
            int distance = Compute(lowered, candidate.ToLowerInvariant(), limit);
            if (distance < best)
            {
                best = distance;
                closest = candidate;
            }
        }

        return closest;
    }
}
