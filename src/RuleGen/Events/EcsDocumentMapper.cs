using System.Text.Json;
using RuleGen.Ecs;

namespace RuleGen.Events;

/// <summary>
/// Writes the fields of an ECS document into an <see cref="EcsEvent"/>. Nested objects and dotted keys may be
/// mixed at any level: <c>{"process": {"parent.name": "a"}}</c> and <c>{"process.parent": {"name": "a"}}</c>
/// write the same field. When a key occurs twice, the later value wins.
/// </summary>
internal static class EcsDocumentMapper
{
    /// <summary>
    /// Writes every field of <paramref name="document"/> except the top-level property named
    /// <paramref name="skippedProperty"/>. Unknown fields are counted in the context, and values the field's type
    /// cannot take become warnings.
    /// </summary>
    internal static void Write(EcsEvent target, JsonElement document, EventMappingContext context, string? skippedProperty = null)
    {
        foreach (JsonProperty property in document.EnumerateObject())
        {
            if (skippedProperty is not null && property.NameEquals(skippedProperty))
            {
                continue;
            }

            WriteValue(target, property.Name, property.Value, context);
        }
    }

    private static object? ToCustomValue(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                // The cast keeps a whole number a long: without it the conditional's type is double.
                return value.TryGetInt64(out long whole) ? (object)whole : value.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Array:
                var items = new System.Collections.Generic.List<object>();
                foreach (JsonElement element in value.EnumerateArray())
                {
                    if (ToCustomValue(element) is { } item)
                    {
                        items.Add(item);
                    }
                }

                return items.ToArray();
            default:
                return null;
        }
    }

    private static void WriteValue(EcsEvent target, string path, JsonElement value, EventMappingContext context)
    {
        // An object is tried as a value first: when the path is an ECS leaf field, the writer reports the object
        // as an invalid value, and otherwise the path is a field set whose members follow.
        switch (EcsFieldWriter.Write(target, path, value))
        {
            case EcsFieldWriteResult.Written:
                return;
            case EcsFieldWriteResult.InvalidValue:
                context.AddWarning(path, value, EcsFieldTypes.DescribeExpectedType(path));
                return;
            case EcsFieldWriteResult.UnknownField when value.ValueKind == JsonValueKind.Object:
                foreach (JsonProperty member in value.EnumerateObject())
                {
                    WriteValue(target, path + "." + member.Name, member.Value, context);
                }

                return;
            default:
                // Kept as a custom field, which a rule reads when a schema file declares it.
                context.CountUnknownField();
                target.WithCustomField(path, ToCustomValue(value));
                return;
        }
    }
}
