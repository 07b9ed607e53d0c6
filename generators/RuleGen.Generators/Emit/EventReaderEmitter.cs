using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using RuleGen.Eql;
using RuleGen.Eql.Binding;
using RuleGen.Eql.Schema;

namespace RuleGen.Generators.Emit;

/// <summary>
/// Writes <c>EcsEventReader</c>, which reads a UTF-8 ECS document into an <c>EcsEvent</c> with
/// <c>Utf8JsonReader</c> and fills only the fields a project's rules read. It keeps the dotted path of the current
/// property in a stack buffer and descends into an object only when some field lies under it. It finds a field by
/// the path's length and bytes, so nested and dotted keys may be mixed at any level.
/// </summary>
internal static class EventReaderEmitter
{
    /// <summary>
    /// Fields read by every project: detectors test <c>event.category</c> for <c>category where</c>, the detector
    /// pack dispatches on it, and sequences order events by <c>@timestamp</c>.
    /// </summary>
    public static readonly string[] AlwaysRead = { "@timestamp", "event.category" };

    private const string Events = "global::RuleGen.Events.";
    private const string Json = "global::System.Text.Json.";
    private const string Values = Events + "Utf8ValueReader.";

    /// <summary>Returns the fields <paramref name="model"/> reads, sorted by name.</summary>
    public static EquatableArray<ReaderField> FieldsRead(RuleModel model) =>
        RuleFields.Read(model).Select(ToReaderField).ToEquatableArray();

    /// <summary>
    /// Merges the fields of all rules with <see cref="AlwaysRead"/> into one list sorted by name (ordinal). A custom
    /// field's type comes from the project's one merged schema, so every rule that reads a field agrees on it.
    /// </summary>
    public static EquatableArray<ReaderField> Merge(IEnumerable<EquatableArray<ReaderField>> perRule)
    {
        var fields = new SortedDictionary<string, ReaderField>(StringComparer.Ordinal);
        foreach (string name in AlwaysRead)
        {
            FieldSchema.Ecs.TryGet(name, out FieldDefinition definition);
            fields[name] = new ReaderField(definition.Name, definition.Type, definition.Kind, definition.IsArray, definition.MemberPath ?? string.Empty);
        }

        foreach (ReaderField field in perRule.SelectMany(rule => rule))
        {
            if (!fields.ContainsKey(field.Name))
            {
                fields[field.Name] = field;
            }
        }

        return fields.Values.ToEquatableArray();
    }

    public static string Emit(string namespaceName, IReadOnlyList<ReaderField> fields)
    {
        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        writer.Line($"namespace {namespaceName};");
        writer.Line();
        WriteClassDocumentation(writer, fields);
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("internal static class EcsEventReader"))
        {
            int maxPathLength = fields.Max(field => Encoding.UTF8.GetByteCount(field.Name));
            writer.Line("// The longest field name in UTF-8 bytes. A longer path matches no field, so its value is skipped.");
            writer.Line($"private const int MaxPathLength = {maxPathLength.ToString(CultureInfo.InvariantCulture)};");
            writer.Line();
            writer.Line("/// <summary>The dotted names of the fields this reader fills, sorted by ordinal comparison.</summary>");
            writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> FieldNames { get; } = new string[]");
            writer.Line("{");
            writer.Indent();
            foreach (ReaderField field in fields)
            {
                writer.Line(CSharpLiterals.String(field.Name) + ",");
            }

            writer.Unindent();
            writer.Line("};");
            writer.Line();
            WriteRead(writer);
            writer.Line();
            WriteReadObject(writer);
            writer.Line();
            WriteReadField(writer, fields);
            writer.Line();
            WriteHasFieldsUnder(writer, fields);
        }

        return writer.ToString();
    }

    private static ReaderField ToReaderField(BoundField field) =>
        new(field.Name, field.Type, field.Kind, field.IsArray, field.MemberPath);

    private static void WriteClassDocumentation(SourceWriter writer, IReadOnlyList<ReaderField> fields)
    {
        string names = string.Join(", ", fields.Select(field => "<c>" + CSharpLiterals.Xml(field.Name) + "</c>"));
        writer.Line("/// <summary>");
        writer.Line("/// Reads one ECS document, a UTF-8 JSON object, into a new <see cref=\"global::RuleGen.Ecs.EcsEvent\"/>, filling only");
        writer.Line($"/// the fields this project's rules read: {names}.");
        writer.Line("/// </summary>");
        writer.Line("/// <remarks>");
        writer.Line("/// <para>");
        writer.Line("/// Every other field of the document is skipped unread. It is not on the event, so alerts show only the fields above,");
        writer.Line("/// and a wrong-typed value in it gets no warning. The fields above are converted as");
        writer.Line("/// <see cref=\"global::RuleGen.Events.JsonLinesEventReader\"/> converts them, with the same warnings, and nested");
        writer.Line("/// and dotted keys may be mixed at any level. When a key occurs twice, the later value wins.");
        writer.Line("/// </para>");
        writer.Line("/// <para>");
        writer.Line("/// Windows event layouts (EVTX JSON, winlogbeat, NXLog, Azure Monitor) are not recognised: such a record reads as an");
        writer.Line("/// ECS document with none of these fields. Read them with <see cref=\"global::RuleGen.Events.JsonLinesEventReader\"/>.");
        writer.Line("/// </para>");
        writer.Line("/// </remarks>");
    }

    private static void WriteRead(SourceWriter writer)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Reads one document, such as a line of a JSON Lines file without its line break. A leading UTF-8 byte order mark is");
        writer.Line("/// skipped. No input makes this method throw: a document that is not valid JSON, is not an object, or has a string");
        writer.Line("/// that is not valid text becomes a result with an error that names <paramref name=\"line\"/>, and so does empty input,");
        writer.Line("/// so skip blank lines before calling. A skipped field's strings are not decoded, so invalid text there is no error,");
        writer.Line("/// where <see cref=\"global::RuleGen.Events.JsonLinesEventReader\"/> reports the line.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"utf8Json\">The document as UTF-8 bytes.</param>");
        writer.Line("/// <param name=\"line\">The 1-based input line, for <see cref=\"global::RuleGen.Ecs.EcsEvent.InputLine\"/> and for messages.</param>");
        writer.Line("/// <returns>The event with format ECS and any field warnings, or the error of a malformed document.</returns>");
        using (writer.Block($"public static {Events}EventReadResult Read(global::System.ReadOnlySpan<byte> utf8Json, long line = 0)"))
        {
            writer.Line($"global::System.ReadOnlySpan<byte> json = {Values}SkipByteOrderMark(utf8Json);");
            writer.Line($"var reader = new {Json}Utf8JsonReader(json);");
            writer.Line($"global::System.Collections.Generic.List<{Events}FieldWarning>? warnings = null;");
            writer.Line("string? error;");
            writer.Line("try");
            writer.Line("{");
            writer.Indent();
            using (writer.Block($"if (!{Values}TryReadStartOfObject(ref reader, line, out error))"))
            {
                writer.Line($"return new {Events}EventReadResult(line, null, null, error, global::System.Array.Empty<{Events}FieldWarning>());");
            }

            writer.Line();
            writer.Line("var target = new global::RuleGen.Ecs.EcsEvent { InputLine = line };");
            writer.Line("global::System.Span<byte> path = stackalloc byte[MaxPathLength];");
            writer.Line("ReadObject(ref reader, json, path, 0, target, line, ref warnings);");
            writer.Line($"{Values}ReadEndOfDocument(ref reader);");
            writer.Line($"global::System.Collections.Generic.IReadOnlyList<{Events}FieldWarning> found = warnings ?? (global::System.Collections.Generic.IReadOnlyList<{Events}FieldWarning>)global::System.Array.Empty<{Events}FieldWarning>();");
            writer.Line($"return new {Events}EventReadResult(line, target, {Events}EventFormat.Ecs, null, found);");
            writer.Unindent();
            writer.Line("}");
            using (writer.Block($"catch ({Json}JsonException exception)"))
            {
                writer.Line($"error = {Values}DescribeInvalidJson(line, exception);");
            }

            writer.Line();
            writer.Line("// Utf8JsonReader.GetString throws this for invalid UTF-8 and for an unpaired surrogate escape such as \"\\ud800\".");
            using (writer.Block("catch (global::System.InvalidOperationException exception)"))
            {
                writer.Line($"error = {Values}DescribeInvalidText(line, exception);");
            }

            writer.Line();
            writer.Line($"return new {Events}EventReadResult(line, null, null, error, global::System.Array.Empty<{Events}FieldWarning>());");
        }
    }

    private static void WriteReadObject(SourceWriter writer)
    {
        writer.Line("// Reads the members of the object the reader is on. path[..pathLength] is the object's dotted path, empty at the top");
        writer.Line("// level; each member appends its name to it.");
        using (writer.Block(
            $"private static void ReadObject(ref {Json}Utf8JsonReader reader, global::System.ReadOnlySpan<byte> json, scoped global::System.Span<byte> path, int pathLength, " +
            $"global::RuleGen.Ecs.EcsEvent target, long line, ref global::System.Collections.Generic.List<{Events}FieldWarning>? warnings)"))
        {
            using (writer.Block($"while (reader.Read() && reader.TokenType == {Json}JsonTokenType.PropertyName)"))
            {
                writer.Line($"int length = {Values}AppendPropertyName(ref reader, path, pathLength);");
                writer.Line("reader.Read();");
                using (writer.Block("if (length < 0)"))
                {
                    writer.Line("reader.Skip();");
                    writer.Line("continue;");
                }

                writer.Line();
                writer.Line("global::System.ReadOnlySpan<byte> name = path.Slice(0, length);");
                using (writer.Block("if (ReadField(ref reader, json, name, target, line, ref warnings))"))
                {
                    writer.Line("continue;");
                }

                writer.Line();
                using (writer.Block($"if (reader.TokenType == {Json}JsonTokenType.StartObject && HasFieldsUnder(name))"))
                {
                    writer.Line("ReadObject(ref reader, json, path, length, target, line, ref warnings);");
                }

                using (writer.Block("else"))
                {
                    writer.Line("reader.Skip();");
                }
            }
        }
    }

    private static void WriteReadField(SourceWriter writer, IReadOnlyList<ReaderField> fields)
    {
        writer.Line("// Reads the value at the path of a field the rules read and returns true. Returns false, with the reader still on the");
        writer.Line("// value, for any other path.");
        using (writer.Block(
            $"private static bool ReadField(ref {Json}Utf8JsonReader reader, global::System.ReadOnlySpan<byte> json, scoped global::System.ReadOnlySpan<byte> path, " +
            $"global::RuleGen.Ecs.EcsEvent target, long line, ref global::System.Collections.Generic.List<{Events}FieldWarning>? warnings)"))
        {
            writer.Line("long start = reader.TokenStartIndex;");
            using (writer.Block("switch (path.Length)"))
            {
                foreach (IGrouping<int, ReaderField> group in fields.GroupBy(field => Encoding.UTF8.GetByteCount(field.Name)).OrderBy(group => group.Key))
                {
                    writer.Line($"case {group.Key.ToString(CultureInfo.InvariantCulture)}:");
                    writer.Indent();
                    foreach (ReaderField field in group)
                    {
                        using (writer.Block($"if (global::System.MemoryExtensions.SequenceEqual(path, {CSharpLiterals.String(field.Name)}u8))"))
                        {
                            WriteFieldRead(writer, field);
                        }

                        writer.Line();
                    }

                    writer.Line("return false;");
                    writer.Unindent();
                }

                writer.Line("default:");
                writer.Indent();
                writer.Line("return false;");
                writer.Unindent();
            }
        }
    }

    private static void WriteFieldRead(SourceWriter writer, ReaderField field)
    {
        string name = CSharpLiterals.String(field.Name);
        string description = field.Type + (field.IsArray ? ", array" : string.Empty) + (field.IsCustom ? ", custom field" : string.Empty);
        writer.Line($"// {CSharpLiterals.Comment(field.Name)} ({description})");
        if (field.IsCustom)
        {
            // JsonLinesEventReader keeps a custom field's value as it is, and detectors convert it when they read it.
            writer.Line("// An object at a custom field's path holds other fields, as JsonLinesEventReader reads it.");
            using (writer.Block($"if (reader.TokenType == {Json}JsonTokenType.StartObject)"))
            {
                writer.Line("return false;");
            }

            writer.Line();
            writer.Line($"target.WithCustomField({name}, {Values}ReadCustomValue(ref reader));");
            writer.Line("return true;");
            return;
        }

        (string method, string type) = field.Kind switch
        {
            FieldKind.String => ("String", "string"),
            FieldKind.Long => ("Long", "long"),
            FieldKind.Double => ("Double", "double"),
            FieldKind.Boolean => ("Boolean", "bool"),
            FieldKind.Date => ("Date", "global::System.DateTimeOffset"),
            _ => throw new InvalidOperationException($"The field '{field.Name}' of type '{field.Type}' has a member but no value reader."),
        };
        string call = field.IsArray
            ? $"{Values}TryRead{method}Array(ref reader, out {type}[]? value)"
            : $"{Values}TryRead{method}(ref reader, out {type}? value)";
        using (writer.Block($"if ({call})"))
        {
            writer.Line(Assignment(field.MemberPath) + " = value;");
        }

        using (writer.Block("else"))
        {
            writer.Line($"{Values}AddWarning(ref warnings, line, {name}, json, start, reader.BytesConsumed);");
        }

        writer.Line();
        writer.Line("return true;");
    }

    // Process.Parent.Name becomes ((target.Process ??= new()).Parent ??= new()).Name, creating each field set on first write.
    private static string Assignment(string memberPath)
    {
        string[] members = memberPath.Split('.');
        string target = "target";
        for (int i = 0; i < members.Length - 1; i++)
        {
            target = $"({target}.{members[i]} ??= new())";
        }

        return target + "." + members[members.Length - 1];
    }

    private static void WriteHasFieldsUnder(SourceWriter writer, IReadOnlyList<ReaderField> fields)
    {
        writer.Line("// True when some field the rules read starts with the path and a dot, so an object there is worth reading. A path that");
        writer.Line("// is itself an ECS field is left out, because JsonLinesEventReader reads an object there as that field's wrong-typed value.");
        using (writer.Block("private static bool HasFieldsUnder(global::System.ReadOnlySpan<byte> path)"))
        {
            IEnumerable<IGrouping<int, string>> groups = Prefixes(fields)
                .GroupBy(prefix => Encoding.UTF8.GetByteCount(prefix))
                .OrderBy(group => group.Key);
            using (writer.Block("switch (path.Length)"))
            {
                foreach (IGrouping<int, string> group in groups)
                {
                    writer.Line($"case {group.Key.ToString(CultureInfo.InvariantCulture)}:");
                    writer.Indent();
                    writer.Lines("return " + string.Join("\n    || ", group.Select(prefix => $"global::System.MemoryExtensions.SequenceEqual(path, {CSharpLiterals.String(prefix)}u8)")) + ";");
                    writer.Unindent();
                }

                writer.Line("default:");
                writer.Indent();
                writer.Line("return false;");
                writer.Unindent();
            }
        }
    }

    // Every proper dotted prefix of a field name (process and process.parent for process.parent.name), sorted.
    private static IEnumerable<string> Prefixes(IReadOnlyList<ReaderField> fields)
    {
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (ReaderField field in fields)
        {
            for (int dot = field.Name.IndexOf('.'); dot > 0; dot = field.Name.IndexOf('.', dot + 1))
            {
                string prefix = field.Name.Substring(0, dot);
                if (!(FieldSchema.Ecs.TryGet(prefix, out FieldDefinition definition) && definition.MemberPath is not null))
                {
                    prefixes.Add(prefix);
                }
            }
        }

        return prefixes;
    }
}
