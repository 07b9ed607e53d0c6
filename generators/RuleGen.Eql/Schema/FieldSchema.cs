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

    /// <summary>
    /// Returns this schema as read through the project's own event class <paramref name="typeName"/>: each field
    /// the class contains takes the member's path, and every other field has no member, so a rule that reads it gets
    /// RG1002 naming the field and the class. A member whose field no schema declares adds the field, typed
    /// after the member. A member whose kind of value differs from the field's type has no usable member either.
    /// </summary>
    public FieldSchema ForEventType(string typeName, IEnumerable<EventMember> members)
    {
        var byField = new Dictionary<string, EventMember>(StringComparer.Ordinal);
        foreach (EventMember member in members)
        {
            // An explicit [EqlField] wins over a member that only follows the naming convention.
            if (!byField.TryGetValue(member.Field, out EventMember? existing) || (member.Explicit && !existing.Explicit))
            {
                byField[member.Field] = member;
            }
        }

        var mapped = new Dictionary<string, FieldDefinition>(fields.Count, StringComparer.Ordinal);
        foreach (FieldDefinition definition in fields.Values)
        {
            if (!byField.TryGetValue(definition.Name, out EventMember? member) && definition.Kind == FieldKind.Other)
            {
                // No class member can contain an object or flattened field, so the field keeps its own reason.
                mapped[definition.Name] = definition;
            }
            else if (member is null)
            {
                string reason = $"the event type {typeName} has no member for it; add a member {ConventionalPath(definition.Name)} of type {ClrTypeOf(definition)}, or mark one with [EqlField(\"{definition.Name}\")]";
                mapped[definition.Name] = definition with { MemberPath = null, UnsupportedReason = reason };
            }
            else if (member.Kind != definition.Kind || member.Kind == FieldKind.Other)
            {
                string reason = $"its type is {definition.Type}, but the member {typeName}.{member.MemberPath} is {member.ClrType}; declare it as {ClrTypeOf(definition)}";
                mapped[definition.Name] = definition with { MemberPath = null, UnsupportedReason = reason };
            }
            else
            {
                mapped[definition.Name] = definition with { MemberPath = member.MemberPath, IsArray = member.IsArray, UnsupportedReason = null };
            }
        }

        foreach (EventMember member in byField.Values)
        {
            if (!mapped.ContainsKey(member.Field) && member.Kind != FieldKind.Other)
            {
                mapped[member.Field] = new FieldDefinition(member.Field, TypeOf(member.Kind), member.IsArray, member.MemberPath, null);
            }
        }

        return new FieldSchema(mapped, Description + " or the event type " + typeName);
    }

    /// <summary>Returns the member chain the naming convention expects for <paramref name="field"/>: <c>data_stream.dataset</c> is <c>DataStream.Dataset</c>.</summary>
    public static string ConventionalPath(string field)
    {
        if (field == "@timestamp")
        {
            return "Timestamp";
        }

        var builder = new System.Text.StringBuilder(field.Length);
        bool upper = true;
        foreach (char c in field)
        {
            if (c == '.')
            {
                builder.Append('.');
                upper = true;
            }
            else if (c == '_')
            {
                upper = true;
            }
            else
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
        }

        return builder.ToString();
    }

    private static string ClrTypeOf(FieldDefinition definition)
    {
        string element = definition.Kind switch
        {
            FieldKind.Long => "long",
            FieldKind.Double => "double",
            FieldKind.Boolean => "bool",
            FieldKind.Date => "DateTimeOffset",
            _ => "string",
        };
        return definition.IsArray ? element + "[]" : element + "?";
    }

    private static string TypeOf(FieldKind kind) => kind switch
    {
        FieldKind.Long => "long",
        FieldKind.Double => "double",
        FieldKind.Boolean => "boolean",
        FieldKind.Date => "date",
        _ => "keyword",
    };

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
