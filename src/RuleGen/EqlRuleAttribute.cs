using System;

namespace RuleGen;

/// <summary>
/// Marks a partial class as a detection rule written inline: RuleGen's source generator compiles the EQL query
/// into the class, as it compiles an <c>.eql</c> file, and adds it to <c>Detectors.CreateAll()</c>. Errors in the
/// query are reported on the string literal. Metadata tags go in <c>// @tag</c> comments before the query, as in an
/// <c>.eql</c> file; without a name tag the rule is named after the class.
/// </summary>
/// <example>
/// <code>
/// [EqlRule("""
///     // @severity high
///     process where process.name : "nc.exe" and process.args : "-e"
///     """)]
/// internal partial class NetcatShell { }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EqlRuleAttribute : Attribute
{
    /// <param name="query">The EQL query, optionally preceded by <c>// @tag</c> metadata comments; a constant string.</param>
    public EqlRuleAttribute(string query)
    {
        Query = query;
    }

    /// <summary>The EQL query text, as written in the attribute.</summary>
    public string Query { get; }
}
