using System.Linq;
using RuleGen.Eql;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Text;

namespace RuleGen.Generators;

// Values that flow between pipeline steps. Each is a record of strings, numbers and equatable arrays, so
// Roslyn can tell by value whether a step's output changed and skip the steps after it when it did not.

/// <summary>
/// The project-wide settings the generator reads from MSBuild properties. <see cref="InvalidNamespace"/> is the
/// configured namespace when it was not a valid C# namespace and the default was used instead.
/// </summary>
internal sealed record GeneratorOptions(string Namespace, string ProjectDirectory, string? InvalidNamespace = null);

/// <summary>The custom fields of every schema file of the project, merged and sorted by name.</summary>
internal sealed record SchemaSpec(EquatableArray<Eql.Schema.SchemaField> Fields);

/// <summary>
/// One schema file: its fields, where each field's type is written (<see cref="Sites"/>, in the order of
/// <see cref="Fields"/>), and the diagnostics of reading it.
/// </summary>
internal sealed record SchemaFileSpec(string Path, EquatableArray<Eql.Schema.SchemaField> Fields, EquatableArray<SchemaFieldSite> Sites, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Where a schema file writes a field's type, for diagnostics that point at it.</summary>
internal sealed record SchemaFieldSite(TextSpan Span, LinePosition Start, LinePosition End);

/// <summary>One <c>.eql</c> AdditionalFile: its full path, its path relative to the project, and its text.</summary>
internal sealed record RuleFile(string Path, string RelativePath, string? Text);

/// <summary>A diagnostic with its location as plain data; it becomes a Roslyn <c>Diagnostic</c> only when reported.</summary>
internal sealed record DiagnosticInfo(string Id, EqlSeverity Severity, string Message, string Path, TextSpan Span, LinePosition Start, LinePosition End);

/// <summary>
/// The result of compiling one rule: its generated source (null after an error), its diagnostics, the event
/// categories it reads (<see cref="Categories"/>, empty when it needs every event), and the fields it reads
/// (<see cref="Fields"/>, sorted by name).
/// </summary>
internal sealed record RuleOutput(
    string ClassName,
    string Path,
    string RelativePath,
    string HintName,
    string? Source,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<string> Categories = default,
    EquatableArray<DispatchGuard> Guards = default,
    EquatableArray<ReaderField> Fields = default);

/// <summary>
/// A field a rule reads: its dotted name, Elasticsearch type and value kind, whether it is an array, and its member
/// path on <c>EcsEvent</c> (<c>Process.Parent.Name</c>), which is empty for a custom field.
/// </summary>
internal sealed record ReaderField(string Name, string Type, Eql.Schema.FieldKind Kind, bool IsArray, string MemberPath)
{
    public bool IsCustom => MemberPath.Length == 0;
}

/// <summary>
/// A test an event query makes on every event it can match: the string field <see cref="Field"/>, read through
/// the typed member <see cref="MemberPath"/>, must equal one of <see cref="Values"/>, with or without case.
/// </summary>
internal sealed record DispatchGuard(string Field, string MemberPath, EquatableArray<string> Values);

/// <summary>A class name that more than one rule file would generate, with those files' relative paths.</summary>
internal sealed record DuplicateClass(string ClassName, EquatableArray<string> RelativePaths);

/// <summary>What the registry needs to know about one rule.</summary>
internal sealed record RegistryEntry(string ClassName, string RelativePath, bool HasSource);

/// <summary>
/// What the detector pack needs to know about one rule: the categories it dispatches it by (empty for every
/// event) and its guards. Kept apart from <see cref="RegistryEntry"/>, so that a query edit that changes neither
/// leaves the pack cached and one that does re-runs the pack alone.
/// </summary>
internal sealed record PackEntry(string ClassName, bool HasSource, EquatableArray<string> Categories, EquatableArray<DispatchGuard> Guards);

/// <summary>
/// A class marked <c>[EqlRule]</c>, reduced to data: its namespace (empty for the global namespace) and name, the
/// query, and the string literal that carries it, so diagnostics can point into the literal. <see cref="Query"/>
/// is null, and <see cref="Problems"/> gives the reason, when the class cannot carry a rule.
/// </summary>
internal sealed record InlineRuleSpec(
    string Namespace,
    string ClassName,
    string FilePath,
    string? Query,
    string LiteralText,
    TextSpan LiteralSpan,
    LinePosition LiteralStart,
    EquatableArray<DiagnosticInfo> Problems);

/// <summary>
/// The event type the project's detectors read: <c>EcsEvent</c>, or the class named by
/// <c>[assembly: EqlEventType]</c> with the fields its members hold. <see cref="IsValid"/> is false, and
/// <see cref="Diagnostics"/> gives the reason, when the attribute names a type that cannot be used.
/// </summary>
internal sealed record EventTypeSpec(string TypeName, string DisplayName, EquatableArray<Eql.Schema.EventMember> Members, EquatableArray<DiagnosticInfo> Diagnostics, bool IsValid = true)
{
    public const string EcsTypeName = "global::RuleGen.Ecs.EcsEvent";

    public static EventTypeSpec Ecs { get; } = new(EcsTypeName, "EcsEvent", EquatableArray<Eql.Schema.EventMember>.Empty, EquatableArray<DiagnosticInfo>.Empty);

    public bool IsEcs => TypeName == EcsTypeName;

    /// <summary>How the generated code names the type and reads the fields every detector needs.</summary>
    public Emit.EventAccess Access
    {
        get
        {
            if (IsEcs)
            {
                return Emit.EventAccess.Ecs;
            }

            Eql.Schema.EventMember? category = Find("event.category", Eql.Schema.FieldKind.String);
            Eql.Schema.EventMember? timestamp = Find("@timestamp", Eql.Schema.FieldKind.Date);
            return new Emit.EventAccess(TypeName, $"global::RuleGen.Alert<{TypeName}>", category?.MemberPath, category?.IsArray ?? false, timestamp?.MemberPath);
        }
    }

    // An explicit [EqlField] member wins, as in FieldSchema.ForEventType.
    private Eql.Schema.EventMember? Find(string field, Eql.Schema.FieldKind kind) => Members
        .Where(member => member.Field == field && member.Kind == kind)
        .OrderByDescending(member => member.Explicit)
        .FirstOrDefault();
}
