using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RuleGen.Eql;
using RuleGen.Eql.Diagnostics;
using EqlLinePosition = RuleGen.Eql.Text.LinePosition;
using EqlTextSpan = RuleGen.Eql.Text.TextSpan;

namespace RuleGen.Generators.Inline;

/// <summary>
/// Reads a class marked <c>[EqlRule]</c> into an <see cref="InlineRuleSpec"/>. Only strings and positions leave
/// this step, so the pipeline caches no symbol or syntax node.
/// </summary>
internal static class InlineRuleReader
{
    public const string AttributeName = "RuleGen.EqlRuleAttribute";

    /// <summary>Reads the class; an unexpected exception becomes RG9001 on the class, because an escaped one would drop every generated file.</summary>
    public static InlineRuleSpec TryRead(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return Read(context, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            FileLinePositionSpan lines = context.TargetNode.GetLocation().GetLineSpan();
            EqlDiagnostic diagnostic = EqlDiagnostic.Create(DiagnosticDescriptors.InternalError, default, exception.GetType().Name, exception.Message);
            var start = new EqlLinePosition(lines.StartLinePosition.Line, lines.StartLinePosition.Character);
            var span = new EqlTextSpan(context.TargetNode.SpanStart, 0);
            DiagnosticInfo info = new(diagnostic.Id, diagnostic.Severity, diagnostic.Message, context.TargetNode.SyntaxTree.FilePath, span, start, start);
            return new InlineRuleSpec(string.Empty, context.TargetSymbol.Name, context.TargetNode.SyntaxTree.FilePath, null, string.Empty, span, start, new[] { info }.ToEquatableArray());
        }
    }

    private static InlineRuleSpec Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (ClassDeclarationSyntax)context.TargetNode;
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        string namespaceName = symbol.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : string.Empty;
        AttributeData attribute = context.Attributes[0];
        string path = declaration.SyntaxTree.FilePath;

        // Diagnostics point into the literal that is the attribute's first argument; without one, at the class name.
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var literal = attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression as LiteralExpressionSyntax;
        string literalText = literal?.Token.Text ?? string.Empty;
        Microsoft.CodeAnalysis.Text.TextSpan anchor = literal?.Span ?? declaration.Identifier.Span;
        FileLinePositionSpan lines = (literal?.GetLocation() ?? declaration.Identifier.GetLocation()).GetLineSpan();
        var literalSpan = new EqlTextSpan(anchor.Start, anchor.Length);
        var literalStart = new EqlLinePosition(lines.StartLinePosition.Line, lines.StartLinePosition.Character);
        string? problem = Problem(declaration, symbol);
        string? query = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (problem is null && query is null)
        {
            problem = "needs its query as a constant string, such as [EqlRule(\"process where process.name : \\\"nc.exe\\\"\")]";
        }

        var problems = new List<DiagnosticInfo>();
        if (problem is not null)
        {
            FileLinePositionSpan identifier = declaration.Identifier.GetLocation().GetLineSpan();
            EqlDiagnostic diagnostic = EqlDiagnostic.Create(DiagnosticDescriptors.InvalidInlineRule, default, symbol.Name, problem);
            problems.Add(new DiagnosticInfo(
                diagnostic.Id,
                diagnostic.Severity,
                diagnostic.Message,
                path,
                new EqlTextSpan(declaration.Identifier.SpanStart, declaration.Identifier.Span.Length),
                new EqlLinePosition(identifier.StartLinePosition.Line, identifier.StartLinePosition.Character),
                new EqlLinePosition(identifier.EndLinePosition.Line, identifier.EndLinePosition.Character)));
            query = null;
        }

        return new InlineRuleSpec(namespaceName, symbol.Name, path, query, literalText, literalSpan, literalStart, problems.ToEquatableArray());
    }

    // The generator adds members to the class itself, so it must be a partial class it can extend and that the
    // registry can create with 'new'.
    private static string? Problem(ClassDeclarationSyntax declaration, INamedTypeSymbol symbol)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return "must be partial, so that RuleGen can add the detector's members: write 'partial class " + symbol.Name + "'";
        }

        if (symbol.ContainingType is not null)
        {
            return "must not be nested in another type: declare it at namespace level";
        }

        if (symbol.IsGenericType)
        {
            return "must not be generic";
        }

        if (symbol.IsStatic || symbol.IsAbstract)
        {
            return "must not be static or abstract, because Detectors.CreateAll() creates an instance of it";
        }

        if (!symbol.InstanceConstructors.Any(constructor => constructor.Parameters.Length == 0
            && constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
        {
            return "needs a public or internal constructor without parameters, because Detectors.CreateAll() calls it";
        }

        return null;
    }
}
