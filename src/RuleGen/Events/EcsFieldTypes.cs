using System.Text.Json;
using RuleGen.Ecs;

namespace RuleGen.Events;

/// <summary>
/// Names the value type an ECS field accepts, for warnings. It passes one sample value per type to
/// <see cref="EcsFieldWriter"/>, so the result follows the same conversions as the writer itself.
/// </summary>
internal static class EcsFieldTypes
{
    // Order matters: a keyword field also accepts the later samples, and a date field accepts the integer as
    // epoch milliseconds, so each sample is tried only after the types that take fewer values.
    private static readonly (JsonElement Sample, string TypeName)[] Probes =
    {
        (ParseSample("\"text\""), "string"),
        (ParseSample("\"2020-01-01T00:00:00Z\""), "date (ISO 8601 text or epoch milliseconds)"),
        (ParseSample("1.5"), "number"),
        (ParseSample("1"), "integer"),
        (ParseSample("true"), "boolean"),
    };

    /// <summary>Describes the type of the ECS field at <paramref name="path"/>, or returns null when no sample fits it.</summary>
    internal static string? DescribeExpectedType(string path)
    {
        foreach ((JsonElement sample, string typeName) in Probes)
        {
            if (EcsFieldWriter.Write(new EcsEvent(), path, sample) == EcsFieldWriteResult.Written)
            {
                return typeName;
            }
        }

        return null;
    }

    private static JsonElement ParseSample(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
