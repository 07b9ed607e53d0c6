using System.Collections.Generic;
using System.Text.Json;

namespace RuleGen.Events;

/// <summary>Warnings and counters collected while one input line is mapped to an event.</summary>
internal sealed class EventMappingContext
{
    /// <summary>Maximum length of a value quoted in a warning, so that one long command line cannot flood a log.</summary>
    internal const int MaxQuotedValueLength = 60;

    private const string Ellipsis = "...";

    internal EventMappingContext(long line)
    {
        Line = line;
    }

    internal long Line { get; }

    internal List<FieldWarning> Warnings { get; } = new();

    /// <summary>Number of input fields that name no ECS field the typed event models.</summary>
    internal long UnknownFieldCount { get; private set; }

    internal void CountUnknownField()
    {
        UnknownFieldCount++;
    }

    internal void AddWarning(string field, JsonElement value, string? expectedType)
    {
        Warnings.Add(new FieldWarning(Line, field, Shorten(value.GetRawText()), expectedType));
    }

    internal static string Shorten(string text)
    {
        if (text.Length <= MaxQuotedValueLength)
        {
            return text;
        }

        int keep = MaxQuotedValueLength - Ellipsis.Length;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text.Substring(0, keep) + Ellipsis;
    }
}
