namespace RuleGen.Generators.Emit;

/// <summary>
/// How generated code names the project's event type and its alerts, and reads the two fields that every
/// detector needs apart from its rule's own: <c>event.category</c> for the category of <c>process where</c>, and
/// <c>@timestamp</c> for sequence time. A null path means the event type has no such member.
/// </summary>
internal sealed record EventAccess(string TypeName, string AlertType, string? CategoryPath, bool CategoryIsArray, string? TimestampPath)
{
    public static EventAccess Ecs { get; } = new("global::RuleGen.Ecs.EcsEvent", "global::RuleGen.Alert", "Event.Category", true, "Timestamp");

    /// <summary>The C# expression that reads <c>event.category</c> from <c>e</c>, null-safe through nested members.</summary>
    public string? Category => CategoryPath is null ? null : Read(CategoryPath);

    /// <summary>The C# expression that reads <c>@timestamp</c> from <c>e</c>, or a null literal when the type has none.</summary>
    public string Timestamp => TimestampPath is null ? "(global::System.DateTimeOffset?)null" : Read(TimestampPath);

    /// <summary>Reads a member path from <c>e</c>: every nested field set may be null.</summary>
    public static string Read(string memberPath) => "e." + memberPath.Replace(".", "?.");
}
