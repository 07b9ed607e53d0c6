using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;

namespace RuleGen.Cli.Conformance;

/// <summary>
/// One query of a conformance suite with its expected result. <see cref="Expected"/> contains the acceptable
/// results, each a flat list of event ids (N per sequence match, -1 for a missing-event slot); most queries
/// have exactly one. <see cref="Size"/> is the request's result limit, when the query sets one, and
/// <see cref="JoinKeys"/> the join key values of the results, flattened, when the suite gives them.
/// </summary>
internal sealed record SuiteQuery(
    string File,
    string Name,
    string Query,
    IReadOnlyList<IReadOnlyList<long>> Expected,
    bool CaseSensitiveOnly,
    bool CaseInsensitiveOnly,
    int? Size = null,
    IReadOnlyList<string>? JoinKeys = null)
{
    public string Label => File + ":" + Name;
}

/// <summary>
/// Reads the <c>[[queries]]</c> entries of the TOML files of Elasticsearch's and the Python engine's EQL suites,
/// and the folding cases of the Python engine's files.
/// </summary>
internal static class SuiteQueries
{
    // join_keys lists may contain a bare null, which TOML has no literal for, so a strict reader rejects the
    // file. The suite reads null and "null" alike, so a bare null is quoted before the file is read.
    private static readonly Regex JoinKeys = new(@"^[ \t]*join_keys[ \t]*=[ \t]*\[[^\]]*\]", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex BareNull = new(@"(?<!"")\bnull\b(?!"")", RegexOptions.CultureInvariant);

    /// <summary>
    /// Reads every query of <paramref name="path"/>, and its folding cases into <paramref name="foldCases"/>; an
    /// entry without a name is named by its position, as #3.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not valid TOML, or an entry lacks its query, expected ids or expression.</exception>
    public static List<SuiteQuery> Read(string path, out List<FoldCase> foldCases)
    {
        string file = Path.GetFileName(path);
        TomlTable model;
        try
        {
            string text = JoinKeys.Replace(File.ReadAllText(path), match => BareNull.Replace(match.Value, "\"null\""));
            model = TomlSerializer.Deserialize<TomlTable>(text, (TomlSerializerOptions?)null)!;
        }
        catch (TomlException exception)
        {
            throw new InvalidDataException($"{file} is not valid TOML: {exception.Message}", exception);
        }

        foldCases = FoldCases.Read(file, model);
        var queries = new List<SuiteQuery>();
        if (!model.TryGetValue("queries", out object? entries) || entries is not TomlTableArray array)
        {
            return queries;
        }

        int position = 0;
        foreach (TomlTable entry in array)
        {
            position++;
            string name = entry.TryGetValue("name", out object? value) && value is string text ? text : "#" + position.ToString(CultureInfo.InvariantCulture);
            if (!entry.TryGetValue("query", out object? query) || query is not string queryText)
            {
                throw new InvalidDataException($"{file}: the query {name} has no 'query' string.");
            }

            if (!entry.TryGetValue("expected_event_ids", out object? expected) || expected is not TomlArray ids)
            {
                throw new InvalidDataException($"{file}: the query {name} has no 'expected_event_ids' list.");
            }

            queries.Add(new SuiteQuery(
                file,
                name,
                queryText,
                ReadExpected(ids),
                CaseSensitiveOnly: Flag(entry, "case_sensitive") && !Flag(entry, "case_insensitive"),
                CaseInsensitiveOnly: Flag(entry, "case_insensitive") && !Flag(entry, "case_sensitive"),
                Size: entry.TryGetValue("size", out object? size) && size is long limit ? (int)limit : null,
                JoinKeys: entry.TryGetValue("join_keys", out object? keys) && keys is TomlArray keyArray
                    ? keyArray.Select(key => Convert.ToString(key, CultureInfo.InvariantCulture) ?? "null").ToList()
                    : null));
        }

        return queries;
    }

    // A flat list of ids is one result; a list of lists gives several acceptable results (sample queries whose
    // outcome Elasticsearch does not fix).
    private static IReadOnlyList<IReadOnlyList<long>> ReadExpected(TomlArray ids)
    {
        if (ids.Count > 0 && ids[0] is TomlArray)
        {
            return ids.OfType<TomlArray>().Select(inner => (IReadOnlyList<long>)inner.Select(ToLong).ToList()).ToList();
        }

        return new[] { (IReadOnlyList<long>)ids.Select(ToLong).ToList() };
    }

    private static long ToLong(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static bool Flag(TomlTable entry, string key) => entry.TryGetValue(key, out object? value) && value is true;
}
