using System.IO;
using System.Linq;
using RuleGen.Eql.Diagnostics;

namespace RuleGen.Generators.Tests.Diagnostics;

/// <summary>Every diagnostic id has a test that names it, so a new id cannot ship untested.</summary>
public class DiagnosticCoverageTests
{
    [Fact]
    public void EveryId_NamedByATest()
    {
        string[] sources = Directory.GetFiles(RepositoryFiles.GetPath("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .Where(path => !path.EndsWith(nameof(DiagnosticCoverageTests) + ".cs", System.StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToArray();

        string[] untested = DiagnosticDescriptors.All
            .Select(info => info.Id)
            .Where(id => !sources.Any(source => source.Contains("\"" + id + "\"", System.StringComparison.Ordinal)))
            .ToArray();

        untested.ShouldBeEmpty("these diagnostic ids appear in no test; add one that checks the id, the position and the message");
    }
}
