using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RuleGen.Generators.Benchmarks;

/// <summary>Inputs the benchmarks share: the repository and test-data folders, and in-memory generator inputs.</summary>
internal static class BenchmarkInputs
{
    public static string? FindRepository()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RuleGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }

    /// <summary>The full path of a folder under <c>../shared</c>, the test data beside the repository; null when absent.</summary>
    public static string? FindShared(string relativePath)
    {
        string? root = FindRepository();
        string? folder = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", relativePath));
        return folder is not null && Directory.Exists(folder) ? folder : null;
    }

    /// <summary>A rule or schema file in memory, as the compiler passes an AdditionalFile to the generator.</summary>
    public sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText text;

        public InMemoryText(string path, string content)
        {
            Path = path;
            text = SourceText.From(content);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>The MSBuild properties of a project in /pack/, with the default namespace.</summary>
    public sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Global = new(new Dictionary<string, string> { ["build_property.ProjectDir"] = "/pack/" });
        private static readonly Options None = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> values;

            public Options(Dictionary<string, string> values)
            {
                this.values = values;
            }

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
