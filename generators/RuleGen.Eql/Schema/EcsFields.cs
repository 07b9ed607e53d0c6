using System;
using System.Collections.Generic;
using System.Linq;

namespace RuleGen.Eql.Schema;

/// <summary>The Elastic Common Schema fields, generated from the @elastic/ecs package (see tools/ecs-schema).</summary>
public static partial class EcsFields
{
    private static readonly Lazy<Dictionary<string, FieldDefinition>> ByName = new(
        () => CreateAll().ToDictionary(field => field.Name, StringComparer.Ordinal));

    public static IReadOnlyCollection<FieldDefinition> All => ByName.Value.Values;

    /// <summary>Looks a field up by its exact dotted name; ECS names are case-sensitive.</summary>
    public static bool TryGet(string name, out FieldDefinition field) => ByName.Value.TryGetValue(name, out field!);

    /// <summary>
    /// Returns up to <paramref name="count"/> known field names close to <paramref name="name"/>: a name that
    /// differs only in case first, then by edit distance (insertions, deletions, substitutions and swaps of
    /// neighbouring characters, ignoring case), closest first.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string name, int count = 3)
    {
        string lowered = name.ToLowerInvariant();
        int limit = Math.Max(2, name.Length / 4);
        var candidates = new List<(int Distance, string Name)>();
        foreach (string known in ByName.Value.Keys)
        {
            if (Math.Abs(known.Length - name.Length) > limit)
            {
                continue;
            }

            int distance = EditDistance.Compute(lowered, known.ToLowerInvariant(), limit);
            if (distance <= limit)
            {
                // A name equal but for case ranks ahead of every real edit.
                candidates.Add((string.Equals(known, name, StringComparison.OrdinalIgnoreCase) ? -1 : distance, known));
            }
        }

        return candidates
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(candidate => candidate.Name)
            .ToList();
    }
}
