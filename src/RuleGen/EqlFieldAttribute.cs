using System;

namespace RuleGen;

/// <summary>
/// Names the EQL field that a member of the project's event class contains, when its name does not follow the PascalCase
/// convention of <see cref="EqlEventTypeAttribute"/>, such as <c>[EqlField("process.Ext.token.integrity_level_name")]</c>.
/// The name is the field's full dotted path, wherever the member sits in the class. A field that no schema
/// declares takes its type from the member: <c>string</c> is a keyword, integers are <c>long</c>, and so on.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class EqlFieldAttribute : Attribute
{
    /// <param name="name">The field's dotted path, as rules write it.</param>
    public EqlFieldAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The field's dotted path.</summary>
    public string Name { get; }
}
