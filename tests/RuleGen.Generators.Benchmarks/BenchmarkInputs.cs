using System;
using System.Collections.Generic;
using System.IO;
using RuleGen.Cli.Compilation;

namespace RuleGen.Generators.Benchmarks;

/// <summary>Inputs the benchmarks share: the repository and test-data folders, and the generator options.</summary>
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

    /// <summary>The MSBuild properties of a project in /pack/, with the default namespace.</summary>
    public static GlobalOptionsProvider PackOptions() => new(new Dictionary<string, string> { ["build_property.ProjectDir"] = "/pack/" });
}
