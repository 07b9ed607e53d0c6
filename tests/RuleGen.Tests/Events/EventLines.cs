using System.IO;
using System.Linq;
using RuleGen.Events;

namespace RuleGen.Tests.Events;

/// <summary>Reads JSON records written inline in tests.</summary>
internal static class EventLines
{
    /// <summary>
    /// Reads one JSON record that may span several source lines. The line breaks are replaced with spaces, which
    /// is safe because the test records have no line break inside a string.
    /// </summary>
    internal static EventReadResult ReadSingle(string json)
    {
        using var reader = new JsonLinesEventReader(new StringReader(json.ReplaceLineEndings(" ")));
        return reader.ReadAll().Single();
    }
}
