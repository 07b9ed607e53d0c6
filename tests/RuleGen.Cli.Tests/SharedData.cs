using System;
using System.IO;

namespace RuleGen.Cli.Tests;

/// <summary>Finds test data in the <c>shared</c> folder next to the repository, which is licensed for testing only and not part of it.</summary>
internal static class SharedData
{
    /// <summary>Returns the full path of <paramref name="relativePath"/> under <c>../shared</c>, or null when that folder does not exist.</summary>
    public static string? FindFolder(string relativePath)
    {
        string? folder = ExpectedFolder(relativePath);
        return folder is not null && Directory.Exists(folder) ? folder : null;
    }

    /// <summary>Where <paramref name="relativePath"/> belongs under <c>../shared</c>, for skip messages; a placeholder when the repository root is not found.</summary>
    public static string Describe(string relativePath) =>
        ExpectedFolder(relativePath) ?? Path.Combine("<repository>", "..", "shared", relativePath);

    private static string? ExpectedFolder(string relativePath)
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RuleGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null ? null : Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", relativePath));
    }
}
