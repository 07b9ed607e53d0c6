using RuleGen.Eql.Text;

namespace RuleGen.Eql.Diagnostics;

/// <summary>Severity of a RuleGen diagnostic; the generator maps it to Roslyn's severity of the same name.</summary>
public enum EqlSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// A diagnostic about a rule file, kept as plain data (id, severity, formatted message, span) so that it can be
/// cached in a generator pipeline and turned into a Roslyn diagnostic only when it is reported.
/// </summary>
public sealed record EqlDiagnostic(string Id, EqlSeverity Severity, string Message, TextSpan Span)
{
    public static EqlDiagnostic Create(DiagnosticDescriptorInfo descriptor, TextSpan span, params object[] arguments) =>
        new(descriptor.Id, descriptor.Severity, descriptor.Format(arguments), span);

    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
