using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RuleGen.Cli.Check;

namespace RuleGen.Cli.Tests;

/// <summary>A fact that runs only when the shared rule corpus is present; otherwise it is skipped with the reason.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (CorpusCheckTests.FindCorpus() is null)
        {
            Skip = $"The public rule corpus folder {SharedData.Describe("corpus")} was not found; it is not part of the repository, so corpus tests are skipped.";
        }
    }
}

public class CorpusCheckTests
{
    internal static string? FindCorpus() => SharedData.FindFolder("corpus");

    // The number of valid rules is a floor: it may rise as RuleGen learns more of EQL, and a drop is a regression.
    [CorpusFact]
    public void DetectionRules_ValidCountDoesNotDrop()
    {
        string corpus = FindCorpus()!;
        var output = new StringWriter();

        CheckCommand.Run(
            new[] { Path.Combine(corpus, "detection-rules.kibana-export.ndjson") },
            new[] { Path.Combine(corpus, "schemas", "union.flat.json") },
            output,
            new StringWriter());

        Match summary = Regex.Match(output.ToString(), @"^(\d+) rules: (\d+) valid, (\d+) with errors", RegexOptions.Multiline);
        summary.Success.ShouldBeTrue(output.ToString());
        int.Parse(summary.Groups[1].Value).ShouldBe(1024);
        int.Parse(summary.Groups[2].Value).ShouldBeGreaterThanOrEqualTo(1006);
    }

    [CorpusFact]
    public void ProtectionsArtifacts_ValidCountAndDialect()
    {
        string corpus = FindCorpus()!;
        var output = new StringWriter();

        CheckCommand.Run(
            new[] { Path.Combine(corpus, "protections-artifacts.kibana-export.ndjson") },
            new[] { Path.Combine(corpus, "schemas", "union.flat.json") },
            output,
            new StringWriter());

        Match summary = Regex.Match(output.ToString(), @"^(\d+) rules: (\d+) valid, (\d+) with errors", RegexOptions.Multiline);
        summary.Success.ShouldBeTrue(output.ToString());
        int.Parse(summary.Groups[1].Value).ShouldBe(1314);
        int.Parse(summary.Groups[2].Value).ShouldBeGreaterThanOrEqualTo(1013);
        output.ToString().ShouldContain("Rules with errors that use Elastic Defend dialect features: ");
    }
}
