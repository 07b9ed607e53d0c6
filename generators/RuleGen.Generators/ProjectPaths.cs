using System;
using System.Collections.Generic;
using System.Globalization;

namespace RuleGen.Generators;

/// <summary>Path helpers that return the same result on every machine, so generated output is reproducible.</summary>
internal static class ProjectPaths
{
    /// <summary>
    /// Returns <paramref name="path"/> relative to <paramref name="directory"/>, with '/' separators, such as
    /// <c>rules/proxy.eql</c> or <c>../../rules/proxy.eql</c>; the file name alone when the directory is unknown.
    /// </summary>
    public static string MakeRelative(string directory, string path)
    {
        string[] pathParts = Split(path);
        if (pathParts.Length == 0)
        {
            // A syntax tree parsed without a file path has an empty path.
            return path;
        }

        if (string.IsNullOrEmpty(directory))
        {
            return pathParts[pathParts.Length - 1];
        }

        string[] directoryParts = Split(directory);
        int common = 0;
        while (common < directoryParts.Length && common < pathParts.Length - 1 && string.Equals(directoryParts[common], pathParts[common], StringComparison.Ordinal))
        {
            common++;
        }

        if (common == 0)
        {
            return pathParts[pathParts.Length - 1];
        }

        var parts = new List<string>();
        for (int i = common; i < directoryParts.Length; i++)
        {
            parts.Add("..");
        }

        for (int i = common; i < pathParts.Length; i++)
        {
            parts.Add(pathParts[i]);
        }

        return string.Join("/", parts);
    }

    public static string FileStem(string path)
    {
        string[] parts = Split(path);
        string name = parts.Length == 0 ? path : parts[parts.Length - 1];
        int dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="text"/>, as 8 hex digits.</summary>
    public static string StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    private static string[] Split(string path) => path.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries);
}
