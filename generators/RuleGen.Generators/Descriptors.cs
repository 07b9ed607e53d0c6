using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using RuleGen.Eql.Diagnostics;

namespace RuleGen.Generators;

/// <summary>
/// Roslyn descriptors for the front end's diagnostic table. The front end formats each message, so every
/// descriptor's format is "{0}". Each help link points at the id's row in docs/diagnostics.md. Errors are not
/// configurable: lowering one would let a rule that compiles to a wrong matcher, or to none, pass the build
/// silently.
/// </summary>
internal static class Descriptors
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = DiagnosticDescriptors.All.ToDictionary(
        info => info.Id,
        info => new DiagnosticDescriptor(
            info.Id,
            info.Title,
            "{0}",
            info.Category,
            info.Severity switch
            {
                EqlSeverity.Error => DiagnosticSeverity.Error,
                EqlSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            },
            isEnabledByDefault: true,
            description: null,
            helpLinkUri: info.HelpLink,
            customTags: info.Severity == EqlSeverity.Error ? new[] { WellKnownDiagnosticTags.NotConfigurable } : new string[0]));

    public static DiagnosticDescriptor Get(string id) => ById[id];
}
