using System.Collections.Generic;

namespace RuleGen.Eql.Schema;

/// <summary>The value type a field has on the typed event, derived from its Elasticsearch type.</summary>
public enum FieldKind
{
    /// <summary>keyword, constant_keyword, wildcard, text, match_only_text and ip fields: a string.</summary>
    String,

    /// <summary>long, integer, short and byte fields: a 64-bit integer.</summary>
    Long,

    /// <summary>float, half_float, scaled_float and double fields.</summary>
    Double,

    Boolean,

    Date,

    /// <summary>object, flattened, nested and geo_point fields, which have no typed member.</summary>
    Other,
}

/// <summary>
/// A field of the schema: its dotted name, Elasticsearch type, whether ECS declares it an array, and the
/// member path on the typed event (null with a reason when the typed event cannot hold the field).
/// </summary>
public sealed record FieldDefinition(string Name, string Type, bool IsArray, string? MemberPath, string? UnsupportedReason)
{
    /// <summary>
    /// The field types of Elasticsearch 8.x and 9.x mappings, from its "Field data types" reference. A schema
    /// file that names another type has a typo, which would otherwise surface only at a rule that reads the field.
    /// </summary>
    public static IReadOnlyList<string> ElasticsearchTypes { get; } = new[]
    {
        "aggregate_metric_double", "alias", "annotated_text", "binary", "boolean", "byte", "completion",
        "constant_keyword", "counted_keyword", "date", "date_nanos", "date_range", "dense_vector", "double",
        "double_range", "flattened", "float", "float_range", "geo_point", "geo_shape", "half_float", "histogram",
        "integer", "integer_range", "ip", "ip_range", "join", "keyword", "long", "long_range", "match_only_text",
        "murmur3", "nested", "object", "passthrough", "percolator", "point", "rank_feature", "rank_features",
        "scaled_float", "search_as_you_type", "semantic_text", "shape", "short", "sparse_vector", "text",
        "token_count", "unsigned_long", "version", "wildcard",
    };

    public FieldKind Kind => KindOf(Type);

    /// <summary>Returns the value type of a field of the Elasticsearch type <paramref name="type"/>.</summary>
    public static FieldKind KindOf(string type) => type switch
    {
        // A version field contains text, and its ordered comparisons use Semantic Versioning order (VersionOrder).
        "keyword" or "constant_keyword" or "wildcard" or "text" or "match_only_text" or "ip" or "version" => FieldKind.String,
        "long" or "integer" or "short" or "byte" or "unsigned_long" => FieldKind.Long,
        "float" or "half_float" or "scaled_float" or "double" => FieldKind.Double,
        "boolean" => FieldKind.Boolean,
        "date" => FieldKind.Date,
        _ => FieldKind.Other,
    };
}
