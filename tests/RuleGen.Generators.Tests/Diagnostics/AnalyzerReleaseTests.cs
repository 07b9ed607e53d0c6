using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RuleGen.Eql.Diagnostics;

namespace RuleGen.Generators.Tests.Diagnostics;

/// <summary>
/// The release-tracking files agree with the descriptor table. The release-tracking analyzer cannot check this
/// because it does not see descriptors that Descriptors builds from the table at run time.
/// </summary>
public sealed class AnalyzerReleaseTests
{
    private const string GeneratorFolder = "generators/RuleGen.Generators";

    [Fact]
    public void ReleaseFiles_MatchDescriptorTable()
    {
        Dictionary<string, ReleaseEntry> released = ReadReleaseFiles();
        Dictionary<string, ReleaseEntry> expected = DiagnosticDescriptors.All.ToDictionary(
            info => info.Id,
            info => ToReleaseEntry(Descriptors.Get(info.Id)));

        string[] missing = expected.Keys.Where(id => !released.ContainsKey(id)).ToArray();
        string[] stale = released.Keys.Where(id => !expected.ContainsKey(id)).ToArray();
        string[] changed = expected.Keys
            .Where(id => released.TryGetValue(id, out ReleaseEntry? entry) && entry != expected[id])
            .Select(id => $"{id}: the release files give '{released[id]}', the table '{expected[id]}'")
            .ToArray();

        missing.ShouldBeEmpty("Add these ids to AnalyzerReleases.Unshipped.md under '### New Rules'.");
        stale.ShouldBeEmpty("These ids are not in DiagnosticDescriptors.All: remove their Unshipped rows, or list shipped ones under '### Removed Rules'.");
        changed.ShouldBeEmpty("Correct the Unshipped row, or for a shipped id add a '### Changed Rules' row.");
    }

    [Fact]
    public void ReleaseFile_AppliesEveryTable()
    {
        const string shipped = """
            ; comment
            ## Release 1.0.0

            ### New Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------
            RG0001 | RuleGen.Syntax | Error |
            RG0002 | RuleGen.Syntax | Warning | a note
            RG0003 | RuleGen.Lint | Info |

            ## Release 1.1.0

            ### Removed Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------
            RG0003 | RuleGen.Lint | Info |
            """;
        const string unshipped = """
            ### Changed Rules

            Rule ID | New Category | New Severity | Old Category | Old Severity | Notes
            --------|--------------|--------------|--------------|--------------|-------
            RG0002 | RuleGen.Lint | Error | RuleGen.Syntax | Warning |
            """;
        var rules = new Dictionary<string, ReleaseEntry>();

        AnalyzerReleaseFile.Apply(rules, shipped, "Shipped");
        AnalyzerReleaseFile.Apply(rules, unshipped, "Unshipped");

        rules.Keys.OrderBy(id => id).ShouldBe(new[] { "RG0001", "RG0002" });
        rules["RG0001"].ShouldBe(new ReleaseEntry("RuleGen.Syntax", "Error"));
        rules["RG0002"].ShouldBe(new ReleaseEntry("RuleGen.Lint", "Error"));
    }

    [Theory]
    [InlineData("### New Rules\nRG0001 | RuleGen.Syntax | Error |\nRG0001 | RuleGen.Syntax | Error |", "Test(3): duplicate new rule RG0001: an earlier row already adds it.")]
    [InlineData("### Removed Rules\nRG0001 | RuleGen.Syntax | Error |", "Test(2): removed rule RG0001 not found: no earlier row adds it.")]
    [InlineData("RG0001 | RuleGen.Syntax | Error |", "Test(1): invalid row 'RG0001|RuleGen.Syntax|Error|': rows belong under a '### New Rules', '### Removed Rules' or '### Changed Rules' heading.")]
    [InlineData("### New Rules\nRG0001 | RuleGen.Syntax | Error", "Test(2): invalid row 'RG0001|RuleGen.Syntax|Error': expected 4 cells in a New Rules table but found 3.")]
    [InlineData("### Changed Rules\nRG0001 | RuleGen.Lint | Error | RuleGen.Syntax | Error |", "Test(2): changed rule RG0001 lists its old entry as 'RuleGen.Syntax | Error', but the earlier rows give 'no entry'.")]
    [InlineData("### Fixed Rules", "Test(1): invalid table heading '### Fixed Rules': expected '### New Rules', '### Removed Rules' or '### Changed Rules'.")]
    public void ReleaseFile_RejectsInvalidRows(string text, string expectedMessage)
    {
        var rules = new Dictionary<string, ReleaseEntry>();

        InvalidDataException exception = Should.Throw<InvalidDataException>(() => AnalyzerReleaseFile.Apply(rules, text, "Test"));

        exception.Message.ShouldBe(expectedMessage);
    }

    private static Dictionary<string, ReleaseEntry> ReadReleaseFiles()
    {
        var rules = new Dictionary<string, ReleaseEntry>();
        foreach (string fileName in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            string text = File.ReadAllText(RepositoryFiles.GetPath(Path.Combine(GeneratorFolder, fileName)));
            AnalyzerReleaseFile.Apply(rules, text, fileName);
        }

        return rules;
    }

    /// <summary>
    /// Returns a descriptor's release-file entry. The release-tracking rules write the severity of a rule that is off by
    /// default as "Disabled".
    /// </summary>
    private static ReleaseEntry ToReleaseEntry(DiagnosticDescriptor descriptor) =>
        new(descriptor.Category, descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled");
}
