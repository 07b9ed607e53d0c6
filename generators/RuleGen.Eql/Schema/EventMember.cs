namespace RuleGen.Eql.Schema;

/// <summary>
/// A member of a project's own event class that contains an EQL field, reduced to data the generator can cache.
/// </summary>
/// <param name="Field">The dotted field name, from <c>[EqlField]</c> or from the member chain's names.</param>
/// <param name="MemberPath">The member chain from the event, dot-separated, such as <c>Process.Parent.Name</c>.</param>
/// <param name="Kind">The value type the member contains, or <see cref="FieldKind.Other"/> when RuleGen cannot read it.</param>
/// <param name="IsArray">True for an array member, which contains a multi-valued field.</param>
/// <param name="ClrType">The member's C# type as written in messages, such as <c>string?</c> or <c>long[]</c>.</param>
/// <param name="Explicit">True when <c>[EqlField]</c> names the field, rather than the naming convention.</param>
public sealed record EventMember(string Field, string MemberPath, FieldKind Kind, bool IsArray, string ClrType, bool Explicit);
