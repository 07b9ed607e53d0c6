namespace RuleGen.Ecs;

/// <summary>Outcome of writing one dotted ECS field path into an <see cref="EcsEvent"/>.</summary>
internal enum EcsFieldWriteResult
{
    /// <summary>The value was converted and stored.</summary>
    Written,

    /// <summary>The path names no ECS field that the typed event models; nothing was stored.</summary>
    UnknownField,

    /// <summary>The path is an ECS field, but the JSON value cannot be converted to its type.</summary>
    InvalidValue,
}
