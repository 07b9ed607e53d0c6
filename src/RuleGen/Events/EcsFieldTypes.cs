namespace RuleGen.Events;

/// <summary>Names the value type an ECS field accepts, for warnings, from the field's Elasticsearch type.</summary>
internal static class EcsFieldTypes
{
    /// <summary>Describes the type of the ECS field at <paramref name="path"/>, or returns null for a path the typed event does not model.</summary>
    internal static string? DescribeExpectedType(string path) => Ecs.EcsFieldWriter.TypeOf(path) switch
    {
        null => null,
        "long" or "integer" or "short" or "byte" => "integer",
        "float" or "half_float" or "scaled_float" or "double" => "number",
        "boolean" => "boolean",
        "date" => "date (ISO 8601 text or epoch milliseconds)",
        _ => "string",
    };
}
