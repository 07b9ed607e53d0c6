using System.Collections.Generic;

namespace RuleGen;

/// <summary>A MITRE ATT&amp;CK technique a rule detects; the names are empty when the rule does not give them.</summary>
public sealed record MitreTechnique(string Id, string Tactic, string Technique, string Subtechnique);

/// <summary>A detection rule's metadata, as written in the comment tags of its <c>.eql</c> file.</summary>
public sealed class RuleInfo
{
    public RuleInfo(
        string id,
        string name,
        string description,
        string severity,
        IReadOnlyList<MitreTechnique> mitre,
        IReadOnlyList<string> falsePositives,
        IReadOnlyList<string> references,
        IReadOnlyList<string> authors,
        string sourcePath,
        string query)
    {
        Id = id;
        Name = name;
        Description = description;
        Severity = severity;
        Mitre = mitre;
        FalsePositives = falsePositives;
        References = references;
        Authors = authors;
        SourcePath = sourcePath;
        Query = query;
    }

    public string Id { get; }

    public string Name { get; }

    public string Description { get; }

    /// <summary>low, medium, high or critical.</summary>
    public string Severity { get; }

    public IReadOnlyList<MitreTechnique> Mitre { get; }

    public IReadOnlyList<string> FalsePositives { get; }

    public IReadOnlyList<string> References { get; }

    public IReadOnlyList<string> Authors { get; }

    /// <summary>The rule file's path relative to the project that compiled it, with '/' separators.</summary>
    public string SourcePath { get; }

    /// <summary>The EQL query as written in the rule file.</summary>
    public string Query { get; }

    public override string ToString() => $"{Name} ({Id})";
}
