using System.Collections.Generic;
using System.Linq;
using RuleGen.Eql;
using RuleGen.Eql.Binding;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Text;

namespace RuleGen.Generators.Tests.Eql;

/// <summary>Compiles rule text for the front-end tests and checks diagnostics at 1-based positions, as a build prints them.</summary>
internal static class EqlTestHelpers
{
    public const string DefaultName = "test_rule";

    public static RuleCompilation Compile(string text) => RuleCompiler.Compile(text, DefaultName);

    /// <summary>Returns the 1-based line and column where a diagnostic starts.</summary>
    public static (int Line, int Column) Position(string text, EqlDiagnostic diagnostic)
    {
        LinePosition position = new LineMap(text).GetPosition(diagnostic.Span.Start);
        return (position.Line + 1, position.Character + 1);
    }

    /// <summary>Returns every diagnostic of the compilation, one per line, for assertion messages.</summary>
    public static string Describe(RuleCompilation compilation) =>
        compilation.Diagnostics.Count == 0 ? "(no diagnostics)" : string.Join("\n", compilation.Diagnostics);

    /// <summary>Returns the only diagnostic with the id, failing when there is none or more than one.</summary>
    public static EqlDiagnostic SingleWithId(RuleCompilation compilation, string id)
    {
        List<EqlDiagnostic> matches = compilation.Diagnostics.Where(diagnostic => diagnostic.Id == id).ToList();
        matches.Count.ShouldBe(1, Describe(compilation));
        return matches[0];
    }

    /// <summary>
    /// Compiles the text and checks that it reports exactly one diagnostic with the id, at the 1-based line and
    /// column, whose message contains the fragment.
    /// </summary>
    public static EqlDiagnostic ShouldReport(string text, string id, int line, int column, string messageFragment)
    {
        RuleCompilation compilation = Compile(text);
        EqlDiagnostic diagnostic = SingleWithId(compilation, id);
        (int actualLine, int actualColumn) = Position(text, diagnostic);
        actualLine.ShouldBe(line, Describe(compilation));
        actualColumn.ShouldBe(column, Describe(compilation));
        diagnostic.Message.ShouldContain(messageFragment, Case.Sensitive, Describe(compilation));
        return diagnostic;
    }

    /// <summary>Compiles a rule that must have no diagnostics and returns its plan.</summary>
    public static QueryPlan Plan(string text)
    {
        RuleCompilation compilation = Compile(text);
        compilation.Diagnostics.ShouldBeEmpty(Describe(compilation));
        compilation.Model.ShouldNotBeNull();
        return compilation.Model.Query;
    }

    /// <summary>Compiles an event query that must have no diagnostics and returns its bound condition.</summary>
    public static BoundExpression Condition(string text) => Plan(text).ShouldBeOfType<EventQueryPlan>().Filter.Condition;

    /// <summary>Compiles an event query whose only diagnostics are the warning <paramref name="warningId"/>, and returns its condition.</summary>
    public static BoundExpression ConditionWithWarning(string text, string warningId)
    {
        RuleCompilation compilation = Compile(text);
        compilation.Diagnostics.ShouldNotBeEmpty();
        compilation.Diagnostics.ShouldAllBe(diagnostic => diagnostic.Id == warningId && diagnostic.Severity == EqlSeverity.Warning, Describe(compilation));
        return compilation.Model.ShouldNotBeNull().Query.ShouldBeOfType<EventQueryPlan>().Filter.Condition;
    }
}
