using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using RuleGen.Ecs;

namespace RuleGen.Tests.Events;

/// <summary>
/// Writes the value of a field of an event as text that keeps its CLR type (<c>42L</c>, <c>1.5D</c>, a date with its
/// offset), so that two readers' events can be compared field by field with exact messages.
/// </summary>
internal static class EventFieldText
{
    /// <summary>Returns "name = value" for each of <paramref name="fields"/>, in that order.</summary>
    public static string[] Describe(EcsEvent e, IEnumerable<string> fields) =>
        fields.Select(field => field + " = " + Format(Read(e, field))).ToArray();

    /// <summary>
    /// Reads a field by its dotted name: a custom field (one with an <c>Ext</c> segment, or whose first segment
    /// names no ECS field set, as the test rules' schemas declare them) from <see cref="EcsEvent.CustomFields"/>,
    /// any other through the typed members, whose names are the name's segments in Pascal case
    /// (<c>process.command_line</c> is <c>Process.CommandLine</c>).
    /// </summary>
    public static object? Read(EcsEvent e, string field)
    {
        if (field.Contains(".Ext.", StringComparison.Ordinal) || typeof(EcsEvent).GetProperty(MemberName(field.TrimStart('@').Split('.')[0])) is null)
        {
            return e.CustomFields is { } custom && custom.TryGetValue(field, out object? value) ? value : null;
        }

        object? current = e;
        foreach (string segment in field.TrimStart('@').Split('.'))
        {
            if (current is null)
            {
                return null;
            }

            string member = MemberName(segment);
            PropertyInfo property = current.GetType().GetProperty(member)
                ?? throw new InvalidOperationException($"The type {current.GetType().Name} has no member {member} for the field '{field}'.");
            current = property.GetValue(current);
        }

        return current;
    }

    private static string MemberName(string segment) =>
        string.Concat(segment.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));

    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => JsonSerializer.Serialize(text),
        DateTimeOffset date => date.ToString("O", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        long whole => whole.ToString(CultureInfo.InvariantCulture) + "L",
        double number => number.ToString("R", CultureInfo.InvariantCulture) + "D",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        _ => value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
