using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// The generator's inputs without a build: an AdditionalFile in memory and the MSBuild properties it reads. The
// test harness and the benchmarks compile this file in as well, so all three feed the generator the same way.
namespace RuleGen.Cli.Compilation;

/// <summary>A rule or schema file in memory, in the form the compiler passes an AdditionalFile to a generator.</summary>
internal sealed class MemoryAdditionalText : AdditionalText
{
    private readonly SourceText text;

    public MemoryAdditionalText(string path, string content)
    {
        Path = path;
        text = SourceText.From(content);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}

/// <summary>MSBuild properties, such as <c>build_property.ProjectDir</c>, as the generator reads them; no per-file options.</summary>
internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions global;

    public GlobalOptionsProvider(IReadOnlyDictionary<string, string> properties)
    {
        global = new DictionaryOptions(properties);
    }

    public override AnalyzerConfigOptions GlobalOptions => global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values)
        {
            this.values = values;
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
