using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RuleGen.Eql;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Schema;
using EqlLinePosition = RuleGen.Eql.Text.LinePosition;
using EqlTextSpan = RuleGen.Eql.Text.TextSpan;

namespace RuleGen.Generators.EventTypes;

/// <summary>
/// Reads the project's event type, named by <c>[assembly: EqlEventType(typeof(T))]</c>, into an
/// <see cref="EventTypeSpec"/>: the type's name and the fields its members contain. Only strings leave this step,
/// so that an edit elsewhere in the project, which yields an equal spec, stops here.
/// </summary>
internal static class EventTypeReader
{
    public const string EventTypeAttributeName = "RuleGen.EqlEventTypeAttribute";
    public const string FieldAttributeName = "RuleGen.EqlFieldAttribute";

    // Nested field sets deeper than this are not followed, which bounds the walk over a deeply nested class.
    private const int MaxDepth = 8;

    // How often one class may appear on a chain of nested members: process and process.parent.
    private const int MaxNesting = 2;

    public static EventTypeSpec Read(Compilation compilation, CancellationToken cancellationToken)
    {
        AttributeData? attribute = compilation.Assembly.GetAttributes()
            .FirstOrDefault(candidate => candidate.AttributeClass?.ToDisplayString() == EventTypeAttributeName);
        if (attribute is null)
        {
            return EventTypeSpec.Ecs;
        }

        try
        {
            return Read(attribute, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            EqlDiagnostic diagnostic = EqlDiagnostic.Create(DiagnosticDescriptors.InternalError, default, exception.GetType().Name, exception.Message);
            return EventTypeSpec.Ecs with { Diagnostics = new[] { At(attribute, diagnostic, cancellationToken) }.ToEquatableArray() };
        }
    }

    private static EventTypeSpec Read(AttributeData attribute, CancellationToken cancellationToken)
    {
        var type = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as INamedTypeSymbol : null;
        if (type?.ToDisplayString() == "RuleGen.Ecs.EcsEvent")
        {
            // Naming the built-in type keeps the built-in binding, custom fields included.
            return EventTypeSpec.Ecs;
        }

        string? problem = type is null ? "[assembly: EqlEventType] needs a type, such as [assembly: EqlEventType(typeof(MyEvent))]" : Problem(type);
        if (problem is not null)
        {
            EqlDiagnostic diagnostic = EqlDiagnostic.Create(DiagnosticDescriptors.InvalidEventType, default, problem);
            return EventTypeSpec.Ecs with { IsValid = false, Diagnostics = new[] { At(attribute, diagnostic, cancellationToken) }.ToEquatableArray() };
        }

        var members = new List<EventMember>();
        Walk(type!, string.Empty, string.Empty, depth: 0, new Dictionary<ITypeSymbol, int>(SymbolEqualityComparer.Default), members, cancellationToken);
        string typeName = type!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return new EventTypeSpec(
            typeName,
            type.Name,
            members.OrderBy(member => member.Field, System.StringComparer.Ordinal).ThenBy(member => member.MemberPath, System.StringComparer.Ordinal).ToEquatableArray(),
            EquatableArray<DiagnosticInfo>.Empty);
    }

    private static string? Problem(INamedTypeSymbol type)
    {
        string name = type.ToDisplayString();
        if (type.TypeKind != TypeKind.Class)
        {
            return $"The event type '{name}' is a {type.TypeKind.ToString().ToLowerInvariant()}; detectors keep matched events by reference, so make it a class";
        }

        if (type.IsStatic || type.IsAbstract && type.IsSealed)
        {
            return $"The event type '{name}' is static; name a class whose instances are events";
        }

        if (type.IsUnboundGenericType || type.TypeArguments.Any(argument => argument.TypeKind == TypeKind.TypeParameter))
        {
            return $"The event type '{name}' is an open generic type; name a closed type, such as typeof(MyEvent<string>)";
        }

        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            if (named.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                return $"The event type '{name}' is not accessible to the generated detectors; make '{named.Name}' internal or public";
            }
        }

        return null;
    }

    // Follows the public instance members of 'type'. 'field' is the dotted field prefix and 'path' the member path
    // prefix, both empty at the event itself. 'open' counts the types on the current chain: a field set may nest
    // itself once, as ECS's process.parent does, but not again, so that a self-referencing class ends.
    private static void Walk(ITypeSymbol type, string field, string path, int depth, Dictionary<ITypeSymbol, int> open, List<EventMember> members, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        open.TryGetValue(type, out int count);
        if (count >= MaxNesting)
        {
            return;
        }

        open[type] = count + 1;

        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (ITypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared || !seen.Add(member.Name))
                {
                    continue;
                }

                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, GetMethod: { DeclaredAccessibility: Accessibility.Public } } property => property.Type,
                    IFieldSymbol fieldSymbol => fieldSymbol.Type,
                    _ => null,
                };
                if (memberType is null)
                {
                    continue;
                }

                string memberPath = path.Length == 0 ? member.Name : path + "." + member.Name;
                string? explicitName = ExplicitField(member);
                (FieldKind kind, bool isArray) = Classify(memberType);
                string clrType = memberType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                if (explicitName is not null)
                {
                    members.Add(new EventMember(explicitName, memberPath, kind, isArray, clrType, Explicit: true));
                    continue;
                }

                string segment = depth == 0 && member.Name == "Timestamp" ? "@timestamp" : SnakeCase(member.Name);
                string memberField = field.Length == 0 ? segment : field + "." + segment;
                if (kind != FieldKind.Other)
                {
                    members.Add(new EventMember(memberField, memberPath, kind, isArray, clrType, Explicit: false));
                }
                else if (IsFieldSet(memberType) && depth + 1 < MaxDepth)
                {
                    Walk(memberType, memberField, memberPath, depth + 1, open, members, cancellationToken);
                }
            }
        }

        open[type] = count;
    }

    private static string? ExplicitField(ISymbol member) => member.GetAttributes()
        .FirstOrDefault(attribute => attribute.AttributeClass?.ToDisplayString() == FieldAttributeName)
        ?.ConstructorArguments.FirstOrDefault().Value as string;

    // A nested field set is a class of the project. Strings, arrays and the framework's types are not.
    private static bool IsFieldSet(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Class
        && type.SpecialType == SpecialType.None
        && type.ContainingNamespace?.ToDisplayString() is not ("System" or "System.Collections.Generic");

    /// <summary>Returns the kind of value a member of <paramref name="type"/> contains. Arrays count only with the element types the matchers take.</summary>
    internal static (FieldKind Kind, bool IsArray) Classify(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            FieldKind element = array.ElementType.SpecialType switch
            {
                SpecialType.System_String => FieldKind.String,
                SpecialType.System_Int64 => FieldKind.Long,
                SpecialType.System_Double => FieldKind.Double,
                SpecialType.System_Boolean => FieldKind.Boolean,
                _ => FieldKind.Other,
            };
            return (element, element != FieldKind.Other);
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        FieldKind kind = type.SpecialType switch
        {
            SpecialType.System_String => FieldKind.String,
            SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 => FieldKind.Long,
            SpecialType.System_Single or SpecialType.System_Double => FieldKind.Double,
            SpecialType.System_Boolean => FieldKind.Boolean,
            _ => type.ToDisplayString() == "System.DateTimeOffset" ? FieldKind.Date : FieldKind.Other,
        };
        return (kind, false);
    }

    /// <summary>Returns the ECS segment for a member name: <c>DataStream</c> is <c>data_stream</c>, <c>Pid</c> is <c>pid</c>.</summary>
    internal static string SnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static DiagnosticInfo At(AttributeData attribute, EqlDiagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode? syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
        if (syntax is null)
        {
            return new DiagnosticInfo(diagnostic.Id, diagnostic.Severity, diagnostic.Message, string.Empty, default, default, default);
        }

        FileLinePositionSpan lines = syntax.GetLocation().GetLineSpan();
        return new DiagnosticInfo(
            diagnostic.Id,
            diagnostic.Severity,
            diagnostic.Message,
            syntax.SyntaxTree.FilePath,
            new EqlTextSpan(syntax.Span.Start, syntax.Span.Length),
            new EqlLinePosition(lines.StartLinePosition.Line, lines.StartLinePosition.Character),
            new EqlLinePosition(lines.EndLinePosition.Line, lines.EndLinePosition.Character));
    }
}
