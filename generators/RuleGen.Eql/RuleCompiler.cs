using System;
using System.Collections.Generic;
using System.Linq;
using RuleGen.Eql.Binding;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Metadata;
using RuleGen.Eql.Schema;
using RuleGen.Eql.Syntax;
using RuleGen.Eql.Text;

namespace RuleGen.Eql;

/// <summary>The result of compiling one rule file: the model (null when any error was found) and every diagnostic.</summary>
public sealed record RuleCompilation(RuleModel? Model, IReadOnlyList<EqlDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(diagnostic => diagnostic.Severity == EqlSeverity.Error);
}

/// <summary>
/// What a compilation checks against: the field schema, and whether every field must have a member on the
/// typed ECS event (true when generating a detector, false when only checking rules).
/// </summary>
public sealed record RuleCompilerOptions(FieldSchema Schema, bool RequireTypedMembers)
{
    /// <summary>The generator's options: ECS fields with typed members only.</summary>
    public static RuleCompilerOptions Detector { get; } = new(FieldSchema.Ecs, true);
}

/// <summary>The front end's entry point: parses a rule file, reads its metadata and binds its query.</summary>
public static class RuleCompiler
{
    /// <summary>Compiles one rule; <paramref name="defaultName"/> (normally the file name without extension) names a rule without metadata.</summary>
    public static RuleCompilation Compile(string text, string defaultName) => Compile(text, defaultName, RuleCompilerOptions.Detector);

    /// <summary>Compiles one rule with the given schema and options.</summary>
    public static RuleCompilation Compile(string text, string defaultName, RuleCompilerOptions options)
    {
        ParseResult parsed = Parser.Parse(text);
        var diagnostics = new List<EqlDiagnostic>(parsed.Diagnostics);
        var lines = new LineMap(text);
        int queryStart = parsed.QueryStart;
        RuleMetadataSpec metadata = RuleMetadataParser.Parse(parsed.Comments, queryStart, defaultName, diagnostics, lines);

        RuleModel? model = null;
        bool syntaxErrors = diagnostics.Any(diagnostic => diagnostic.Severity == EqlSeverity.Error);
        if (parsed.Statement is not null && !syntaxErrors)
        {
            var binder = new Binder(text, diagnostics, options.Schema, options.RequireTypedMembers);
            QueryPlan? plan = binder.Bind(parsed.Statement);
            // The binder returns no plan after its own errors; this check keeps "any error, no detector" explicit.
            bool anyErrors = diagnostics.Any(diagnostic => diagnostic.Severity == EqlSeverity.Error);
            if (plan is not null && !anyErrors)
            {
                int end = parsed.Statement.Pipes.Count > 0 ? parsed.Statement.Pipes[parsed.Statement.Pipes.Count - 1].Span.End : parsed.Statement.Query.Span.End;
                model = new RuleModel(metadata, plan, text.Substring(queryStart, end - queryStart), binder.Pipes);
            }
        }

        diagnostics.Sort((left, right) => left.Span.Start.CompareTo(right.Span.Start));
        return new RuleCompilation(model, diagnostics);
    }
}
