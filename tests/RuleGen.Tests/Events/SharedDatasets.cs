using System;
using System.IO;

namespace RuleGen.Tests.Events;

/// <summary>
/// Locates the recorded event datasets that live beside the repository (<c>&lt;repository&gt;/../shared/datasets</c>).
/// They are test input only and are never copied into the repository.
/// </summary>
internal static class SharedDatasets
{
    private const string SolutionFile = "RuleGen.sln";

    /// <summary>Why a dataset test did not run: the recorded datasets are licensed for testing and are not part of the repository.</summary>
    internal const string MissingReason = "The recorded datasets folder <repository>/../shared/datasets was not found; it is not part of the repository, so dataset tests are skipped.";

    /// <summary>Returns the datasets folder, or null when the repository root or the folder cannot be found.</summary>
    internal static string? FindDirectory()
    {
        DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, SolutionFile)))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            return null;
        }

        string datasets = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "datasets"));
        return Directory.Exists(datasets) ? datasets : null;
    }
}
