using System.Globalization;

namespace RuleGen.Eql.Diagnostics;

/// <summary>The fixed part of a diagnostic: id, title, message format and default severity.</summary>
public sealed record DiagnosticDescriptorInfo(string Id, string Title, string MessageFormat, EqlSeverity Severity, string Category)
{
    /// <summary>Address of this id's row in docs/diagnostics.md, such as <c>...diagnostics.md#rg1001</c>.</summary>
    public string HelpLink => DiagnosticDescriptors.HelpLinkBase + Id.ToLowerInvariant();

    public string Format(object[] arguments) => string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
}
