using System.Globalization;

namespace RuleGen.Eql.Diagnostics;

/// <summary>The fixed part of a diagnostic: id, title, message format and default severity.</summary>
public sealed record DiagnosticDescriptorInfo(string Id, string Title, string MessageFormat, EqlSeverity Severity, string Category)
{
    public string Format(object[] arguments) => string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
}
