using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RuleGen.Eql;
using RuleGen.Eql.Diagnostics;
using RuleGen.Generators.Emit;
using EqlLinePosition = RuleGen.Eql.Text.LinePosition;

namespace RuleGen.Generators;

/// <summary>
/// Compiles every <c>.eql</c> AdditionalFile of a project into a detector class, plus one registry file with
/// the <c>IDetector</c> interface and <c>Detectors.CreateAll()</c>, the detector pack, and <c>EcsEventReader</c>,
/// which reads only the fields the rules use. Rule errors are reported at their line
/// and column in the <c>.eql</c> file; no exception escapes, because an escaped exception would silently
/// drop every generated file of the project.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RuleGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for tests that prove which steps re-run after an edit.</summary>
    public static class StepNames
    {
        public const string Options = nameof(Options);
        public const string RuleFiles = nameof(RuleFiles);
        public const string CompiledRules = nameof(CompiledRules);
        public const string Registry = nameof(Registry);
        public const string DuplicateClasses = nameof(DuplicateClasses);
        public const string SchemaFiles = nameof(SchemaFiles);
        public const string Schema = nameof(Schema);
        public const string SchemaConflicts = nameof(SchemaConflicts);
        public const string InlineRules = nameof(InlineRules);
        public const string CompiledInlineRules = nameof(CompiledInlineRules);
        public const string Pack = nameof(Pack);
        public const string EventType = nameof(EventType);
        public const string EventReader = nameof(EventReader);
    }

    private const string DefaultNamespace = "RuleGen.Generated";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Reduce the MSBuild properties to a small record first, so that unrelated option changes stop here.
        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(StepNames.Options);

        // Read each rule file once; the text is a string, so an unchanged file compares equal and stops here.
        IncrementalValuesProvider<RuleFile> ruleFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".eql", StringComparison.OrdinalIgnoreCase))
            .Combine(options)
            .Select(static (pair, cancellationToken) => ReadRuleFile(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(StepNames.RuleFiles);

        // Schema files (*.schema.json) declare custom fields. Each file is read once, and their fields are merged
        // into one sorted, equatable list, so a rule re-runs only when the set of custom fields really changes.
        IncrementalValuesProvider<SchemaFileSpec> schemaFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => ReadSchemaFile(file, cancellationToken))
            .WithTrackingName(StepNames.SchemaFiles);

        IncrementalValueProvider<ImmutableArray<SchemaFileSpec>> allSchemaFiles = schemaFiles.Collect();
        IncrementalValueProvider<SchemaSpec> schema = allSchemaFiles
            .Select(static (files, _) => MergeSchemas(files))
            .WithTrackingName(StepNames.Schema);

        // Conflicts are a step of their own, so that the positions they need never reach the schema the rules use.
        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> schemaConflicts = allSchemaFiles
            .Select(static (files, _) => FindSchemaConflicts(files))
            .WithTrackingName(StepNames.SchemaConflicts);

        context.RegisterSourceOutput(schemaFiles, static (production, file) =>
        {
            foreach (DiagnosticInfo diagnostic in file.Diagnostics)
            {
                production.ReportDiagnostic(ToRoslyn(diagnostic));
            }
        });

        context.RegisterSourceOutput(schemaConflicts, static (production, conflicts) =>
        {
            foreach (DiagnosticInfo diagnostic in conflicts)
            {
                production.ReportDiagnostic(ToRoslyn(diagnostic));
            }
        });

        // The event type is read from the whole compilation, which changes on every edit. This step reduces it at once
        // to names and member paths, so an edit that leaves the event type alone yields an equal value and stops here.
        IncrementalValueProvider<EventTypeSpec> eventType = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => EventTypes.EventTypeReader.Read(compilation, cancellationToken))
            .WithTrackingName(StepNames.EventType);

        context.RegisterSourceOutput(eventType, static (production, spec) =>
        {
            foreach (DiagnosticInfo diagnostic in spec.Diagnostics)
            {
                production.ReportDiagnostic(ToRoslyn(diagnostic));
            }
        });

        IncrementalValueProvider<(SchemaSpec Left, EventTypeSpec Right)> fields = schema.Combine(eventType);

        // Parse, bind and emit per file, before any Collect, so that editing one rule re-runs only its own work.
        IncrementalValuesProvider<RuleOutput> compiled = ruleFiles
            .Combine(options)
            .Combine(fields)
            .Select(static (pair, cancellationToken) => Compile(pair.Left.Left, pair.Left.Right, pair.Right.Left, pair.Right.Right, cancellationToken))
            .WithTrackingName(StepNames.CompiledRules);

        // Classes marked [EqlRule] carry their query in C#. The reader keeps only strings and positions, and each
        // class compiles on its own, as a rule file does.
        IncrementalValuesProvider<RuleOutput> compiledInline = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Inline.InlineRuleReader.AttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (attributeContext, cancellationToken) => Inline.InlineRuleReader.TryRead(attributeContext, cancellationToken))
            .WithTrackingName(StepNames.InlineRules)
            .Combine(options)
            .Combine(fields)
            .Select(static (pair, cancellationToken) => CompileInline(pair.Left.Left, pair.Left.Right, pair.Right.Left, pair.Right.Right, cancellationToken))
            .WithTrackingName(StepNames.CompiledInlineRules);

        // The registry needs only names, so a rule whose query changes does not re-run it.
        IncrementalValueProvider<ImmutableArray<RegistryEntry>> inlineEntries = compiledInline
            .Select(static (output, _) => new RegistryEntry(output.ClassName, output.RelativePath, output.Source is not null))
            .Collect();
        IncrementalValueProvider<(ImmutableArray<RegistryEntry> Left, GeneratorOptions Right)> registry = compiled
            .Select(static (output, _) => new RegistryEntry(output.ClassName, output.RelativePath, output.Source is not null))
            .Collect()
            .Combine(inlineEntries)
            .Select(static (pair, _) => pair.Left.AddRange(pair.Right))
            .Combine(options)
            .WithTrackingName(StepNames.Registry);

        // Two rule files with one file name (in different folders, or differing only in case on a
        // case-sensitive file system) would generate one class twice, so neither is emitted.
        IncrementalValueProvider<EquatableArray<DuplicateClass>> duplicates = registry
            .Select(static (pair, _) => FindDuplicates(pair.Left))
            .WithTrackingName(StepNames.DuplicateClasses);

        // The pack needs each rule's categories and guards, which a query edit may change; names alone do not.
        IncrementalValueProvider<ImmutableArray<PackEntry>> inlinePackEntries = compiledInline
            .Select(static (output, _) => new PackEntry(output.ClassName, output.Source is not null, output.Categories, output.Guards))
            .Collect();
        IncrementalValueProvider<((ImmutableArray<PackEntry> Left, GeneratorOptions Right) Left, EquatableArray<DuplicateClass> Right)> pack = compiled
            .Select(static (output, _) => new PackEntry(output.ClassName, output.Source is not null, output.Categories, output.Guards))
            .Collect()
            .Combine(inlinePackEntries)
            .Select(static (pair, _) => pair.Left.AddRange(pair.Right))
            .Combine(options)
            .Combine(duplicates)
            .WithTrackingName(StepNames.Pack);

        // The event reader needs only the set of fields the rules read, merged into one sorted list, so an edit
        // that keeps a rule's fields leaves the reader's step unchanged and its file cached.
        IncrementalValueProvider<ImmutableArray<EquatableArray<ReaderField>>> inlineFields = compiledInline
            .Select(static (output, _) => output.Fields)
            .Collect();
        IncrementalValueProvider<(EquatableArray<ReaderField> Left, GeneratorOptions Right)> eventReader = compiled
            .Select(static (output, _) => output.Fields)
            .Collect()
            .Combine(inlineFields)
            .Select(static (pair, _) => EventReaderEmitter.Merge(pair.Left.AddRange(pair.Right)))
            .WithTrackingName(StepNames.EventReader)
            .Combine(options);

        context.RegisterSourceOutput(compiled.Combine(duplicates), static (production, pair) => EmitRule(production, pair.Left, pair.Right));
        context.RegisterSourceOutput(eventReader.Combine(eventType), static (production, pair) => EmitEventReader(production, pair.Left.Left, pair.Left.Right, pair.Right));
        context.RegisterSourceOutput(pack.Combine(eventType), static (production, pair) => EmitPack(production, pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, pair.Right));
        context.RegisterSourceOutput(compiledInline.Combine(duplicates), static (production, pair) => EmitRule(production, pair.Left, pair.Right));
        context.RegisterSourceOutput(registry.Combine(duplicates).Combine(eventType), static (production, pair) => EmitRegistry(production, pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, pair.Right));
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.ProjectDir", out string? projectDirectory);
        if (!options.TryGetValue("build_property.RuleGenNamespace", out string? configured) || string.IsNullOrWhiteSpace(configured))
        {
            return new GeneratorOptions(DefaultNamespace, projectDirectory ?? string.Empty);
        }

        string namespaceName = configured.Trim();
        return IsValidNamespace(namespaceName)
            ? new GeneratorOptions(namespaceName, projectDirectory ?? string.Empty)
            : new GeneratorOptions(DefaultNamespace, projectDirectory ?? string.Empty, namespaceName);
    }

    // Dotted C# identifiers that are not keywords, such as MyAgent.Detection.
    private static bool IsValidNamespace(string name) =>
        name.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);

    private static RuleFile ReadRuleFile(AdditionalText file, GeneratorOptions options, CancellationToken cancellationToken)
    {
        string? text = file.GetText(cancellationToken)?.ToString();
        return new RuleFile(file.Path, ProjectPaths.MakeRelative(options.ProjectDirectory, file.Path), text);
    }

    internal static RuleOutput Compile(RuleFile file, GeneratorOptions options, CancellationToken cancellationToken) =>
        Compile(file, options, new SchemaSpec(EquatableArray<Eql.Schema.SchemaField>.Empty), cancellationToken);

    internal static RuleOutput Compile(RuleFile file, GeneratorOptions options, SchemaSpec schema, CancellationToken cancellationToken) =>
        Compile(file, options, schema, EventTypeSpec.Ecs, cancellationToken);

    internal static RuleOutput Compile(RuleFile file, GeneratorOptions options, SchemaSpec schema, EventTypeSpec eventType, CancellationToken cancellationToken)
    {
        string stem = ProjectPaths.FileStem(file.Path);
        string className = RuleNaming.ToClassName(stem);
        string hintName = className + "." + ProjectPaths.StableHash(file.RelativePath) + ".g.cs";
        var diagnostics = new List<DiagnosticInfo>();
        string? source = null;
        EquatableArray<string> categories = EquatableArray<string>.Empty;
        EquatableArray<DispatchGuard> guards = EquatableArray<DispatchGuard>.Empty;
        EquatableArray<ReaderField> fields = EquatableArray<ReaderField>.Empty;
        try
        {
            if (file.Text is null)
            {
                diagnostics.Add(Locate(EqlDiagnostic.Create(DiagnosticDescriptors.InternalError, default, "an unreadable file", "the compiler could not read the rule file's text"), file.Path, null));
                return new RuleOutput(className, file.Path, file.RelativePath, hintName, null, diagnostics.ToEquatableArray());
            }

            cancellationToken.ThrowIfCancellationRequested();
            RuleCompilation compilation = RuleCompiler.Compile(file.Text, stem, CompilerOptions(schema, eventType));
            var lines = new Eql.Text.LineMap(file.Text);
            diagnostics.AddRange(compilation.Diagnostics.Select(diagnostic => Locate(diagnostic, file.Path, lines)));
            if (compilation.Model is not null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                source = DetectorEmitter.Emit(compilation.Model, className, options.Namespace, file.RelativePath, access: eventType.Access);
                categories = PackEmitter.Categories(compilation.Model.Query);
                guards = PackEmitter.Guards(compilation.Model.Query);
                fields = EventReaderEmitter.FieldsRead(compilation.Model);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.Add(Locate(EqlDiagnostic.Create(DiagnosticDescriptors.InternalError, default, exception.GetType().Name, exception.Message), file.Path, null));
            source = null;
            fields = EquatableArray<ReaderField>.Empty;
        }

        return new RuleOutput(className, file.Path, file.RelativePath, hintName, source, diagnostics.ToEquatableArray(), categories, guards, fields);
    }

    // An inline rule's class keeps the user's namespace and modifiers, and its registry entry is the fully
    // qualified class name. Diagnostics of the query are moved onto the characters of the string literal.
    internal static RuleOutput CompileInline(InlineRuleSpec spec, GeneratorOptions options, SchemaSpec schema, EventTypeSpec eventType, CancellationToken cancellationToken)
    {
        string qualifiedName = "global::" + (spec.Namespace.Length == 0 ? string.Empty : spec.Namespace + ".") + spec.ClassName;
        string hintName = (spec.Namespace.Length == 0 ? string.Empty : spec.Namespace + ".") + spec.ClassName + ".EqlRule.g.cs";
        string relativePath = spec.FilePath;
        var diagnostics = new List<DiagnosticInfo>(spec.Problems);
        string? source = null;
        EquatableArray<string> categories = EquatableArray<string>.Empty;
        EquatableArray<DispatchGuard> guards = EquatableArray<DispatchGuard>.Empty;
        EquatableArray<ReaderField> fields = EquatableArray<ReaderField>.Empty;
        try
        {
            relativePath = ProjectPaths.MakeRelative(options.ProjectDirectory, spec.FilePath);
            if (spec.Query is not null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RuleCompilation compilation = RuleCompiler.Compile(spec.Query, spec.ClassName, CompilerOptions(schema, eventType));
                int[]? offsets = Inline.LiteralMap.Build(spec.LiteralText, spec.Query);
                diagnostics.AddRange(compilation.Diagnostics.Select(diagnostic => LocateInLiteral(diagnostic, spec, offsets)));
                if (compilation.Model is not null)
                {
                    source = DetectorEmitter.Emit(compilation.Model, spec.ClassName, spec.Namespace, relativePath, $"global::{options.Namespace}.IDetector", string.Empty, eventType.Access);
                    categories = PackEmitter.Categories(compilation.Model.Query);
                    guards = PackEmitter.Guards(compilation.Model.Query);
                    fields = EventReaderEmitter.FieldsRead(compilation.Model);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            EqlDiagnostic diagnostic = EqlDiagnostic.Create(DiagnosticDescriptors.InternalError, default, exception.GetType().Name, exception.Message);
            diagnostics.Add(new DiagnosticInfo(diagnostic.Id, diagnostic.Severity, diagnostic.Message, spec.FilePath, spec.LiteralSpan, spec.LiteralStart, spec.LiteralStart));
            source = null;
            fields = EquatableArray<ReaderField>.Empty;
        }

        return new RuleOutput(qualifiedName, spec.FilePath, relativePath, hintName, source, diagnostics.ToEquatableArray(), categories, guards, fields);
    }

    // The fields a rule may read: ECS plus the schema files' fields, seen through the project's event type when it
    // names one. Without either, the shared ECS options avoid building a schema per rule.
    private static RuleCompilerOptions CompilerOptions(SchemaSpec schema, EventTypeSpec eventType)
    {
        if (schema.Fields.Count == 0 && eventType.IsEcs)
        {
            return RuleCompilerOptions.Detector;
        }

        Eql.Schema.FieldSchema fields = schema.Fields.Count == 0
            ? Eql.Schema.FieldSchema.Ecs
            : Eql.Schema.FieldSchema.Ecs.WithCustomFields(schema.Fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Type)));
        return new RuleCompilerOptions(eventType.IsEcs ? fields : fields.ForEventType(eventType.DisplayName, eventType.Members), RequireTypedMembers: true);
    }

    // Maps a diagnostic's span in the query to the source characters of the literal. Without a character map (an
    // unusual literal), the diagnostic covers the whole literal.
    private static DiagnosticInfo LocateInLiteral(EqlDiagnostic diagnostic, InlineRuleSpec spec, int[]? offsets)
    {
        int start = 0;
        int end = spec.LiteralText.Length;
        if (offsets is not null)
        {
            start = offsets[Math.Min(diagnostic.Span.Start, offsets.Length - 1)];
            end = offsets[Math.Min(diagnostic.Span.End, offsets.Length - 1)];
        }

        return new DiagnosticInfo(
            diagnostic.Id,
            diagnostic.Severity,
            diagnostic.Message,
            spec.FilePath,
            new Eql.Text.TextSpan(spec.LiteralSpan.Start + start, Math.Max(0, end - start)),
            PositionInLiteral(spec, start),
            PositionInLiteral(spec, end));
    }

    private static EqlLinePosition PositionInLiteral(InlineRuleSpec spec, int offset)
    {
        int line = spec.LiteralStart.Line;
        int lineStart = -1;
        for (int i = 0; i < offset && i < spec.LiteralText.Length; i++)
        {
            if (spec.LiteralText[i] == '\n')
            {
                line++;
                lineStart = i;
            }
        }

        return lineStart < 0
            ? new EqlLinePosition(line, spec.LiteralStart.Character + offset)
            : new EqlLinePosition(line, offset - lineStart - 1);
    }

    private static SchemaFileSpec ReadSchemaFile(AdditionalText file, CancellationToken cancellationToken)
    {
        string? text = file.GetText(cancellationToken)?.ToString();
        var diagnostics = new List<EqlDiagnostic>();
        try
        {
            var typeSpans = new List<Eql.Text.TextSpan>();
            IReadOnlyList<Eql.Schema.SchemaField> fields = text is null
                ? new List<Eql.Schema.SchemaField>()
                : Eql.Schema.SchemaFileParser.Parse(text, diagnostics, typeSpans);
            var lines = text is null ? null : new Eql.Text.LineMap(text);
            EquatableArray<SchemaFieldSite> sites = typeSpans
                .Select(span => new SchemaFieldSite(span, lines!.GetPosition(span.Start), lines.GetPosition(span.End)))
                .ToEquatableArray();
            return new SchemaFileSpec(file.Path, fields.ToEquatableArray(), sites, diagnostics.Select(diagnostic => Locate(diagnostic, file.Path, lines)).ToEquatableArray());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            EqlDiagnostic diagnostic = EqlDiagnostic.Create(DiagnosticDescriptors.InternalError, default, exception.GetType().Name, exception.Message);
            return new SchemaFileSpec(file.Path, EquatableArray<Eql.Schema.SchemaField>.Empty, EquatableArray<SchemaFieldSite>.Empty, new[] { Locate(diagnostic, file.Path, null) }.ToEquatableArray());
        }
    }

    // Later files do not override earlier ones: the first declaration of a field, in path order, wins.
    private static SchemaSpec MergeSchemas(ImmutableArray<SchemaFileSpec> files)
    {
        var fields = new Dictionary<string, Eql.Schema.SchemaField>(StringComparer.Ordinal);
        foreach (SchemaFileSpec file in files.OrderBy(file => file.Path, StringComparer.Ordinal))
        {
            foreach (Eql.Schema.SchemaField field in file.Fields)
            {
                if (!fields.ContainsKey(field.Name))
                {
                    fields[field.Name] = field;
                }
            }
        }

        return new SchemaSpec(fields.Values.OrderBy(field => field.Name, StringComparer.Ordinal).ToEquatableArray());
    }

    // A custom field declared twice with different kinds of value gets RG3009 at every declaration after the
    // first, in path order, which MergeSchemas keeps. ECS fields are left out: ECS wins, and the parser reports them.
    // SchemaFieldConflicts.Find does the comparison, so that rulegen check reports the same declarations.
    private static EquatableArray<DiagnosticInfo> FindSchemaConflicts(ImmutableArray<SchemaFileSpec> files)
    {
        SchemaFileSpec[] ordered = files.OrderBy(file => file.Path, StringComparer.Ordinal).ToArray();
        var fields = ordered.Select(file => new Eql.Schema.SchemaFileFields(file.Path, file.Fields)).ToList();
        var conflicts = new List<DiagnosticInfo>();
        foreach (Eql.Schema.SchemaFieldConflict conflict in Eql.Schema.SchemaFieldConflicts.Find(fields))
        {
            SchemaFileSpec file = ordered[conflict.FileIndex];
            if (conflict.FieldIndex < file.Sites.Count)
            {
                SchemaFieldSite site = file.Sites[conflict.FieldIndex];
                EqlDiagnostic diagnostic = conflict.CreateDiagnostic(site.Span);
                conflicts.Add(new DiagnosticInfo(diagnostic.Id, diagnostic.Severity, diagnostic.Message, file.Path, site.Span, site.Start, site.End));
            }
        }

        return conflicts.ToEquatableArray();
    }

    private static EquatableArray<DuplicateClass> FindDuplicates(ImmutableArray<RegistryEntry> entries) => entries
        .GroupBy(entry => entry.ClassName, StringComparer.Ordinal)
        .Where(group => group.Count() > 1)
        .Select(group => new DuplicateClass(group.Key, group.Select(entry => entry.RelativePath).OrderBy(path => path, StringComparer.Ordinal).ToEquatableArray()))
        .OrderBy(duplicate => duplicate.ClassName, StringComparer.Ordinal)
        .ToEquatableArray();

    private static void EmitRule(SourceProductionContext production, RuleOutput output, EquatableArray<DuplicateClass> duplicates)
    {
        foreach (DiagnosticInfo diagnostic in output.Diagnostics)
        {
            production.ReportDiagnostic(ToRoslyn(diagnostic));
        }

        DuplicateClass? duplicate = duplicates.FirstOrDefault(candidate => candidate.ClassName == output.ClassName);
        if (duplicate is not null)
        {
            string others = string.Join("' and '", duplicate.RelativePaths.Where(path => path != output.RelativePath));
            EqlDiagnostic diagnostic = EqlDiagnostic.Create(DiagnosticDescriptors.DuplicateDetectorName, default, output.RelativePath, others, output.ClassName);
            production.ReportDiagnostic(ToRoslyn(Locate(diagnostic, output.Path, null)));
            return;
        }

        if (output.Source is not null)
        {
            production.AddSource(output.HintName, SourceText.From(output.Source, System.Text.Encoding.UTF8));
        }
    }

    private static void EmitRegistry(SourceProductionContext production, ImmutableArray<RegistryEntry> entries, GeneratorOptions options, EquatableArray<DuplicateClass> duplicates, EventTypeSpec eventType)
    {
        try
        {
            if (options.InvalidNamespace is { } invalid)
            {
                EqlDiagnostic diagnostic = EqlDiagnostic.Create(DiagnosticDescriptors.InvalidNamespace, default, invalid, options.Namespace);
                production.ReportDiagnostic(Diagnostic.Create(Descriptors.Get(diagnostic.Id), Location.None, diagnostic.Message));
            }

            string[] classNames = entries
                .Where(entry => entry.HasSource && !duplicates.Any(duplicate => duplicate.ClassName == entry.ClassName))
                .Select(entry => entry.ClassName)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();
            production.AddSource("RuleGen.Detectors.g.cs", SourceText.From(RegistryEmitter.Emit(options.Namespace, classNames, eventType.Access), System.Text.Encoding.UTF8));
        }
        catch (Exception exception)
        {
            EqlDiagnostic diagnostic = EqlDiagnostic.Create(DiagnosticDescriptors.InternalError, default, exception.GetType().Name, exception.Message);
            production.ReportDiagnostic(Diagnostic.Create(Descriptors.Get(diagnostic.Id), Location.None, diagnostic.Message));
        }
    }

    // The pack lists the detectors in the registry's order: those emitted, sorted by class name.
    private static void EmitPack(SourceProductionContext production, ImmutableArray<PackEntry> entries, GeneratorOptions options, EquatableArray<DuplicateClass> duplicates, EventTypeSpec eventType)
    {
        try
        {
            var rules = entries
                .Where(entry => entry.HasSource && !duplicates.Any(duplicate => duplicate.ClassName == entry.ClassName))
                .OrderBy(entry => entry.ClassName, StringComparer.Ordinal)
                .Select(entry => (entry.Categories, entry.Guards))
                .ToArray();
            production.AddSource("RuleGen.DetectorPack.g.cs", SourceText.From(PackEmitter.Emit(options.Namespace, rules, eventType.Access), System.Text.Encoding.UTF8));
        }
        catch (Exception exception)
        {
            EqlDiagnostic diagnostic = EqlDiagnostic.Create(DiagnosticDescriptors.InternalError, default, exception.GetType().Name, exception.Message);
            production.ReportDiagnostic(Diagnostic.Create(Descriptors.Get(diagnostic.Id), Location.None, diagnostic.Message));
        }
    }

    // The reader fills EcsEvent, so a project whose detectors read its own event type gets none.
    // TODO: generate the reader for a project's own event type too, from the member paths EventTypeSpec holds.
    private static void EmitEventReader(SourceProductionContext production, EquatableArray<ReaderField> fields, GeneratorOptions options, EventTypeSpec eventType)
    {
        if (!eventType.IsEcs)
        {
            return;
        }

        try
        {
            production.AddSource("RuleGen.EcsEventReader.g.cs", SourceText.From(EventReaderEmitter.Emit(options.Namespace, fields), System.Text.Encoding.UTF8));
        }
        catch (Exception exception)
        {
            EqlDiagnostic diagnostic = EqlDiagnostic.Create(DiagnosticDescriptors.InternalError, default, exception.GetType().Name, exception.Message);
            production.ReportDiagnostic(Diagnostic.Create(Descriptors.Get(diagnostic.Id), Location.None, diagnostic.Message));
        }
    }

    private static DiagnosticInfo Locate(EqlDiagnostic diagnostic, string path, Eql.Text.LineMap? lines)
    {
        EqlLinePosition start = lines?.GetPosition(diagnostic.Span.Start) ?? default;
        EqlLinePosition end = lines?.GetPosition(diagnostic.Span.End) ?? default;
        return new DiagnosticInfo(diagnostic.Id, diagnostic.Severity, diagnostic.Message, path, diagnostic.Span, start, end);
    }

    private static Diagnostic ToRoslyn(DiagnosticInfo info)
    {
        var location = Location.Create(
            info.Path,
            new TextSpan(info.Span.Start, info.Span.Length),
            new LinePositionSpan(new LinePosition(info.Start.Line, info.Start.Character), new LinePosition(info.End.Line, info.End.Character)));
        return Diagnostic.Create(Descriptors.Get(info.Id), location, info.Message);
    }
}
