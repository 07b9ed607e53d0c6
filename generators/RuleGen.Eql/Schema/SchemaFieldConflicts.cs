using System;
using System.Collections.Generic;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Text;

namespace RuleGen.Eql.Schema;

/// <summary>A schema file's path and the fields it declares, in the order the file declares them.</summary>
public sealed record SchemaFileFields(string Path, IReadOnlyList<SchemaField> Fields);

/// <summary>
/// A declaration of a custom field whose kind of value differs from the field's first declaration. The first
/// declaration is the one a merged schema uses.
/// </summary>
/// <param name="FileIndex">Index of the declaring file in the list passed to <see cref="SchemaFieldConflicts.Find"/>.</param>
/// <param name="FieldIndex">Index of the declaration in that file's <see cref="SchemaFileFields.Fields"/>.</param>
/// <param name="Name">The field's dotted name.</param>
/// <param name="Type">The type this declaration gives the field.</param>
/// <param name="FirstPath">The path of the file with the first declaration.</param>
/// <param name="FirstType">The type of the first declaration.</param>
public sealed record SchemaFieldConflict(int FileIndex, int FieldIndex, string Name, string Type, string FirstPath, string FirstType)
{
    /// <summary>Creates the RG3009 warning for this declaration, at <paramref name="typeSpan"/>, where its type is written.</summary>
    public EqlDiagnostic CreateDiagnostic(TextSpan typeSpan) =>
        EqlDiagnostic.Create(DiagnosticDescriptors.ConflictingSchemaField, typeSpan, Name, Type, FirstPath, FirstType);
}

/// <summary>
/// Compares the custom field declarations of several schema files. The generator and <c>rulegen check</c> both
/// call it, so that they report RG3009 for the same declarations.
/// </summary>
public static class SchemaFieldConflicts
{
    /// <summary>
    /// Finds each declaration of a custom field whose kind of value (<see cref="FieldDefinition.KindOf"/>) differs
    /// from the field's first declaration. Declarations are taken in the order of <paramref name="files"/>, and
    /// within a file in the order of its fields. Types of one kind, such as keyword and wildcard, do not conflict.
    /// ECS fields are skipped because their ECS type wins, and <see cref="SchemaFileParser"/> reports those
    /// conflicts itself.
    /// </summary>
    /// <returns>The conflicts in the order of <paramref name="files"/> and then of each file's fields.</returns>
    public static IReadOnlyList<SchemaFieldConflict> Find(IReadOnlyList<SchemaFileFields> files)
    {
        var first = new Dictionary<string, (string Type, string Path)>(StringComparer.Ordinal);
        var conflicts = new List<SchemaFieldConflict>();
        for (int fileIndex = 0; fileIndex < files.Count; fileIndex++)
        {
            SchemaFileFields file = files[fileIndex];
            for (int fieldIndex = 0; fieldIndex < file.Fields.Count; fieldIndex++)
            {
                SchemaField field = file.Fields[fieldIndex];
                if (FieldSchema.Ecs.TryGet(field.Name, out _))
                {
                    continue;
                }

                if (!first.TryGetValue(field.Name, out (string Type, string Path) declared))
                {
                    first[field.Name] = (field.Type, file.Path);
                    continue;
                }

                if (FieldDefinition.KindOf(declared.Type) != FieldDefinition.KindOf(field.Type))
                {
                    conflicts.Add(new SchemaFieldConflict(fileIndex, fieldIndex, field.Name, field.Type, declared.Path, declared.Type));
                }
            }
        }

        return conflicts;
    }
}
