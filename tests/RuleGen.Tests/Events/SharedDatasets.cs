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

    /// <summary>
    /// Why a dataset test did not run, with the folder it looked for: the recorded datasets are licensed for
    /// testing and are not part of the repository.
    /// </summary>
    internal static string MissingReason =>
        $"The recorded datasets folder {ExpectedDirectory() ?? "<repository>/../shared/datasets"} was not found; it is not part of the repository, so dataset tests are skipped.";

    /// <summary>Returns the datasets folder, or null when the repository root or the folder cannot be found.</summary>
    internal static string? FindDirectory()
    {
        string? datasets = ExpectedDirectory();
        return datasets is not null && Directory.Exists(datasets) ? datasets : null;
    }

    // Where the datasets belong: the shared folder next to the repository root, whether or not it exists.
    private static string? ExpectedDirectory()
    {
        DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, SolutionFile)))
        {
            directory = directory.Parent;
        }

        return directory is null ? null : Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "datasets"));
    }
}
