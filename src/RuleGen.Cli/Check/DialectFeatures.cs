using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace RuleGen.Cli.Check;

/// <summary>
/// Recognises constructs of the Elastic Defend (endpoint) rule dialect that Elasticsearch EQL, and so RuleGen,
/// does not accept, so that a check over endpoint rules can count its failures by kind. Strings are removed
/// before matching, so a '$' or 'as' inside a value does not count.
/// </summary>
internal static class DialectFeatures
{
    private static readonly Regex Strings = new("\"\"\".*?\"\"\"|\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static readonly (string Name, Regex Pattern)[] Kinds =
    {
        ("array functions with $ variables (_arraysearch and others)", new Regex(@"\$[A-Za-z_]", RegexOptions.CultureInvariant)),
        ("sequence term aliases ([...] as name)", new Regex(@"\]\s*as\s+[A-Za-z_]", RegexOptions.CultureInvariant)),
        ("process lineage (descendant of, child of, event of)", new Regex(@"\b(descendant|child|event)\s+of\b", RegexOptions.CultureInvariant)),
    };

    /// <summary>Returns the names of the dialect features that <paramref name="query"/> uses.</summary>
    public static IEnumerable<string> Find(string query)
    {
        string code = Strings.Replace(query, "\"\"");
        foreach ((string name, Regex pattern) in Kinds)
        {
            if (pattern.IsMatch(code))
            {
                yield return name;
            }
        }
    }
}
