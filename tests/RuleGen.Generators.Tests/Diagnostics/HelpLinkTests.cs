using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RuleGen.Eql.Diagnostics;

namespace RuleGen.Generators.Tests.Diagnostics;

/// <summary>Every descriptor's help link leads to its own row in docs/diagnostics.md.</summary>
public sealed class HelpLinkTests
{
    private static readonly Regex Anchor = new("<a id=\"([^\"]*)\"></a>", RegexOptions.CultureInvariant);

    [Fact]
    public void Descriptors_LinkToDocsRow()
    {
        foreach (DiagnosticDescriptorInfo info in DiagnosticDescriptors.All)
        {
            string expected = "https://github.com/rulegen/rulegen/blob/main/docs/diagnostics.md#" + info.Id.ToLowerInvariant();

            Descriptors.Get(info.Id).HelpLinkUri.ShouldBe(expected, info.Id);
        }
    }

    [Fact]
    public void DiagnosticsDoc_HasAnchorPerId()
    {
        string[] lines = File.ReadAllLines(RepositoryFiles.GetPath(Path.Combine("docs", "diagnostics.md")));

        foreach (DiagnosticDescriptorInfo info in DiagnosticDescriptors.All)
        {
            string fragment = new Uri(Descriptors.Get(info.Id).HelpLinkUri).Fragment.TrimStart('#');
            string rowStart = $"| <a id=\"{fragment}\"></a>{info.Id} |";

            lines.Count(line => line.StartsWith(rowStart, StringComparison.Ordinal)).ShouldBe(1, $"rows of docs/diagnostics.md that start with '{rowStart}'");
        }
    }

    [Fact]
    public void DiagnosticsDoc_HasNoStaleAnchors()
    {
        string text = File.ReadAllText(RepositoryFiles.GetPath(Path.Combine("docs", "diagnostics.md")));
        string[] knownAnchors = DiagnosticDescriptors.All.Select(info => info.Id.ToLowerInvariant()).ToArray();

        string[] anchors = Anchor.Matches(text).Select(match => match.Groups[1].Value).ToArray();

        anchors.Length.ShouldBe(knownAnchors.Length, "every anchor in docs/diagnostics.md names one id");
        anchors.Except(knownAnchors).ShouldBeEmpty("anchors in docs/diagnostics.md for ids that DiagnosticDescriptors.All does not contain");
    }
}
