namespace RuleGen.Ecs;

public sealed partial class EcsEvent
{
    /// <summary>
    /// The 1-based line of the input file this event was read from, or 0 when the event was not read from a file.
    /// Not an ECS field: EQL queries cannot see it.
    /// </summary>
    public long InputLine { get; set; }
}
