using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RuleGen.Cli.Check;
using RuleGen.Cli.Compilation;

namespace RuleGen.Cli.Conformance;

/// <summary>A data file of a suite and the Elasticsearch mapping of its index, when the suite has one.</summary>
internal sealed record SuiteDataFile(string DataPath, string? MappingPath);

/// <summary>
/// The events of a suite, prepared as Elasticsearch's test harness indexes them: dates read in the format of
/// their mapping, field aliases of the mapping resolved, <c>@timestamp</c> derived, and the events sorted by
/// time and then by event id, the order an Elasticsearch search returns them in. Fields the mapping leaves out
/// get a type from their first value, as Elasticsearch's dynamic mapping gives them.
/// </summary>
internal sealed class SuiteEvents
{
    private const string Placeholder = "[runtime_random_keyword_type]";
    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // 100 ns ticks from 1601-01-01 (Windows FILETIME) to milliseconds since 1970, as the harness's data loader does.
    private const long FileTimeTicksPerMillisecond = 10_000;
    private const long FileTimeEpochOffsetMilliseconds = 11_644_473_600_000;

    private SuiteEvents(IReadOnlyList<SourceFile> schemas, string jsonLines, long[] ids)
    {
        Schemas = schemas;
        JsonLines = jsonLines;
        Ids = ids;
    }

    /// <summary>The mappings, and a schema of the fields they leave out, in forms the generator reads.</summary>
    public IReadOnlyList<SourceFile> Schemas { get; }

    /// <summary>The events as ECS JSON Lines, in search order.</summary>
    public string JsonLines { get; }

    /// <summary>The id of the event on each line; line N has the id at index N - 1.</summary>
    public long[] Ids { get; }

    /// <summary>Loads and merges the data files, as one search over several indices returns them.</summary>
    /// <exception cref="InvalidDataException">A data or mapping file is not the JSON its format requires.</exception>
    public static SuiteEvents Load(IReadOnlyList<SuiteDataFile> files)
    {
        var schemas = new List<SourceFile>();
        var aliases = new List<(string Alias, string Target)>();
        var nullValues = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        // The formats of date fields by mapping file: indices searched together may write one field differently.
        var dateFormats = new Dictionary<string, Dictionary<string, MappingDateFormat>>(StringComparer.Ordinal);
        var mappedFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (string mappingPath in files.Select(file => file.MappingPath).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            // The harness replaces the placeholder with keyword, constant_keyword or wildcard at random.
            string text = File.ReadAllText(mappingPath).Replace(Placeholder, "keyword", StringComparison.Ordinal);
            schemas.Add(new SourceFile(mappingPath, text));
            mappedFields.UnionWith(SchemaLoader.Parse(text, mappingPath, TextWriter.Null).Fields.Select(field => field.Name));
            dateFormats[mappingPath] = new Dictionary<string, MappingDateFormat>(StringComparer.Ordinal);
            ReadMapping(text, mappingPath, aliases, nullValues, dateFormats[mappingPath]);
        }

        bool hasMapping = schemas.Count > 0;
        if (!hasMapping)
        {
            // The Python engine's data has no mapping; Elasticsearch's copy of the same file maps these aliases.
            aliases.Add(("event.category", "event_type"));
            aliases.Add(("event.sequence", "serial_event_id"));
        }

        // The id is event.sequence, which a mapping aliases to its data's id field. The sample data's mappings
        // have no such alias, and their events carry the id in 'id'.
        string[] idFields = aliases.Where(alias => alias.Alias == "event.sequence").Select(alias => alias.Target)
            .Concat(new[] { "serial_event_id", "sequence", "id" })
            .ToArray();
        var events = new List<(long Time, long Id, JsonObject Event)>();
        var inferred = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (SuiteDataFile file in files)
        {
            IReadOnlyDictionary<string, MappingDateFormat> formats = file.MappingPath is null
                ? new Dictionary<string, MappingDateFormat>()
                : dateFormats[file.MappingPath];
            foreach (JsonObject item in ReadData(file.DataPath))
            {
                // Dates become instants before an alias copies them, because an alias reads its target's value.
                foreach ((string field, MappingDateFormat format) in formats)
                {
                    if (item[field] is { } value)
                    {
                        item[field] = ToInstants(value, field, format, file.DataPath);
                    }
                }

                foreach ((string alias, string target) in aliases)
                {
                    if (item[target] is { } value)
                    {
                        item[alias] = value.DeepClone();
                    }
                }

                foreach ((string field, JsonNode replacement) in nullValues)
                {
                    ReplaceNulls(item, field, replacement);
                }

                InferTypes(item, mappedFields, inferred);
                long time = Timestamp(item, file.DataPath);
                item["@timestamp"] = DateTimeOffset.FromUnixTimeMilliseconds(time).UtcDateTime.ToString(IsoFormat, CultureInfo.InvariantCulture);
                long id = idFields.Select(field => item[field]).OfType<JsonValue>().Select(value => value.TryGetValue(out long number) ? number : (long?)null).FirstOrDefault(number => number is not null) ?? 0;
                events.Add((time, id, item));
            }
        }

        if (inferred.Count > 0)
        {
            string folder = Path.GetDirectoryName(files[0].DataPath) ?? string.Empty;
            schemas.Add(new SourceFile(Path.Combine(folder, "dynamic-fields.schema.json"), JsonSerializer.Serialize(inferred)));
        }

        // The event id breaks ties only where the mapping makes it Elasticsearch's tiebreaker (event.sequence).
        // Without one, events of equal time keep the order of the files, which is the order a search meets them.
        bool tiebreaker = !hasMapping || aliases.Any(alias => alias.Alias == "event.sequence");
        var ordered = (tiebreaker ? events.OrderBy(e => e.Time).ThenBy(e => e.Id) : events.OrderBy(e => e.Time)).ToList();
        var lines = new StringBuilder();
        foreach ((_, _, JsonObject item) in ordered)
        {
            lines.Append(item.ToJsonString()).Append('\n');
        }

        return new SuiteEvents(schemas, lines.ToString(), ordered.Select(e => e.Id).ToArray());
    }

    // The .data files of Elasticsearch's suite are JSON arrays with // comment lines.
    private static IEnumerable<JsonObject> ReadData(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {exception.Message}", exception);
        }

        if (root is not JsonArray array)
        {
            throw new InvalidDataException($"{path} must be a JSON array of event objects.");
        }

        int index = 0;
        foreach (JsonNode? node in array)
        {
            index++;
            yield return node as JsonObject ?? throw new InvalidDataException($"{path}: item {index.ToString(CultureInfo.InvariantCulture)} is not a JSON object.");
        }
    }

    // Elasticsearch indexes a field's null_value in place of an explicit null, so '== null' no longer matches
    // it. A missing field stays missing.
    private static void ReplaceNulls(JsonObject item, string field, JsonNode replacement)
    {
        if (!item.ContainsKey(field))
        {
            return;
        }

        if (item[field] is null)
        {
            item[field] = replacement.DeepClone();
        }
        else if (item[field] is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                array[i] ??= replacement.DeepClone();
            }
        }
    }

    // Collects the mapping's field aliases, null_value settings and the formats of its date fields. A date's
    // null_value is written in the field's format, so it is stored as the instant it names.
    private static void ReadMapping(string mappingText, string path, List<(string Alias, string Target)> aliases, Dictionary<string, JsonNode> nullValues, Dictionary<string, MappingDateFormat> dateFormats)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(mappingText);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {exception.Message}", exception);
        }

        JsonNode? properties = root?["mappings"]?["properties"] ?? root?["properties"];
        Walk(properties as JsonObject, string.Empty);

        void Walk(JsonObject? properties, string prefix)
        {
            if (properties is null)
            {
                return;
            }

            foreach ((string name, JsonNode? definition) in properties)
            {
                string field = prefix + name;
                if (definition?["type"]?.GetValue<string>() == "alias" && definition["path"]?.GetValue<string>() is { } target)
                {
                    aliases.Add((field, target));
                }

                MappingDateFormat? format = null;
                if (definition?["type"]?.GetValue<string>() == "date" && definition["format"]?.GetValue<string>() is { } formatText)
                {
                    format = MappingDateFormat.Parse(formatText, field, path);
                    dateFormats[field] = format;
                }

                if (definition?["null_value"] is { } nullValue)
                {
                    nullValues[field] = format is null ? nullValue.DeepClone() : ToInstants(nullValue, field, format, path);
                }

                Walk(definition?["properties"] as JsonObject, field + ".");
            }
        }
    }

    // Rewrites a date value, or each element of an array of them, as ISO 8601 text in UTC, which the generated
    // detectors read without knowing the mapping's format.
    private static JsonNode ToInstants(JsonNode value, string field, MappingDateFormat format, string path)
    {
        if (value is JsonArray array)
        {
            return new JsonArray(array.Select(element => element is null ? null : ToInstants(element, field, format, path)).ToArray());
        }

        string text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        DateTimeOffset instant = format.Read(text)
            ?? throw new InvalidDataException($"{path}: the value '{text}' of the date field '{field}' does not match its format '{format}'.");
        return JsonValue.Create(instant.UtcDateTime.ToString(IsoFormat, CultureInfo.InvariantCulture));
    }

    private static void InferTypes(JsonObject item, HashSet<string> mapped, SortedDictionary<string, string> inferred)
    {
        foreach ((string name, JsonNode? node) in item)
        {
            if (mapped.Contains(name) || inferred.ContainsKey(name) || name.StartsWith('@') || name.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            JsonNode? value = node is JsonArray array && array.Count > 0 ? array[0] : node;
            string? type = value?.GetValueKind() switch
            {
                JsonValueKind.String => "keyword",
                JsonValueKind.Number => value.AsValue().TryGetValue(out long _) ? "long" : "double",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                _ => null,
            };
            if (type is not null)
            {
                inferred.Add(name, type);
            }
        }
    }

    // @timestamp is epoch milliseconds (a number or a string of digits) or ISO-8601 text; data without it
    // carries a Windows FILETIME in 'timestamp'.
    private static long Timestamp(JsonObject item, string path)
    {
        if (item["@timestamp"] is JsonValue stamp)
        {
            if (stamp.TryGetValue(out long milliseconds))
            {
                return milliseconds;
            }

            string text = stamp.ToString();
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds))
            {
                return milliseconds;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
            {
                return parsed.ToUnixTimeMilliseconds();
            }

            throw new InvalidDataException($"{path}: the @timestamp '{text}' is neither epoch milliseconds nor an ISO-8601 date.");
        }

        if (item["timestamp"] is JsonValue fileTime && fileTime.TryGetValue(out long ticks))
        {
            return (ticks / FileTimeTicksPerMillisecond) - FileTimeEpochOffsetMilliseconds;
        }

        return 0;
    }
}
