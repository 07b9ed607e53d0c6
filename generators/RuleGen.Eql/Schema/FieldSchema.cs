using System;
using System.Collections.Generic;
using System.Linq;

namespace RuleGen.Eql.Schema;

/// <summary>
/// The fields a rule may use: the Elastic Common Schema plus any custom fields. A custom field has no member on
/// the typed ECS event, so a rule that reads one can be checked but not compiled to a detector over
/// <c>EcsEvent</c>. When a custom field repeats an ECS name, the ECS definition wins.
/// </summary>
public sealed class FieldSchema
{
    private readonly Dictionary<string, FieldDefinition> fields;

    private FieldSchema(Dictionary<string, FieldDefinition> fields, string description)
    {
        this.fields = fields;
        Description = description;
    }

    /// <summary>The Elastic Common Schema alone.</summary>
    public static FieldSchema Ecs { get; } = new(EcsFields.All.ToDictionary(field => field.Name, StringComparer.Ordinal), "the Elastic Common Schema");

    /// <summary>Names the schema in messages, such as "the Elastic Common Schema".</summary>
    public string Description { get; }

    /// <summary>Returns this schema with <paramref name="customFields"/> (dotted name to Elasticsearch type) added.</summary>
    public FieldSchema WithCustomFields(IEnumerable<KeyValuePair<string, string>> customFields)
    {
        var merged = new Dictionary<string, FieldDefinition>(fields, StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> custom in customFields)
        {
            // A custom field is read through EcsEvent.CustomFields (an empty member path), always as an array,
            // because any Elasticsearch field may hold several values.
            if (!merged.ContainsKey(custom.Key))
            {
                merged[custom.Key] = new FieldDefinition(custom.Key, custom.Value, true, string.Empty, null);
            }
        }

        return new FieldSchema(merged, "the Elastic Common Schema or the custom schemas");
    }

    public int Count => fields.Count;

    public bool TryGet(string name, out FieldDefinition field) => fields.TryGetValue(name, out field!);

    /// <summary>
    /// Returns up to <paramref name="count"/> known field names close to <paramref name="name"/>: a name that
    /// differs only in case first, then by edit distance ignoring case, closest first.
    /// </summary>
    public IReadOnlyList<string> Suggest(string name, int count = 3)
    {
        string lowered = name.ToLowerInvariant();
        int limit = Math.Max(2, name.Length / 4);
        var candidates = new List<(int Distance, string Name)>();
        foreach (string known in fields.Keys)
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
