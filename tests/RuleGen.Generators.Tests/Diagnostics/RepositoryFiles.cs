using System;
using System.IO;

namespace RuleGen.Generators.Tests.Diagnostics;

/// <summary>Paths of repository files that tests read but the build does not copy, such as docs.</summary>
internal static class RepositoryFiles
{
    /// <summary>
    /// Returns the full path of <paramref name="relativePath"/> under the repository root, the nearest folder above
    /// the test assembly that contains RuleGen.sln.
    /// </summary>
    public static string GetPath(string relativePath)
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RuleGen.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new DirectoryNotFoundException($"No folder above '{AppContext.BaseDirectory}' contains RuleGen.sln: run the tests from a clone of the repository.");
        }

        return Path.Combine(directory.FullName, relativePath);
    }
}
