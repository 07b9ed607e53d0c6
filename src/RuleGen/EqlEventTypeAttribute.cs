using System;

namespace RuleGen;

/// <summary>
/// Makes RuleGen's generated detectors read the project's own event class instead of <c>RuleGen.Ecs.EcsEvent</c>.
/// The generator maps each field a rule reads to a member of that class: the member marked
/// <see cref="EqlFieldAttribute"/> with the field's name, or else the member chain named after the field's path in
/// PascalCase (<c>process.parent.name</c> is <c>Process.Parent.Name</c>, <c>data_stream.dataset</c> is
/// <c>DataStream.Dataset</c>, <c>@timestamp</c> is <c>Timestamp</c>). A rule that reads a field the class does not
/// provide is a build error (RG1002) naming the field and the class.
/// </summary>
/// <remarks>
/// Members are public instance properties or fields. Leaves are <c>string</c>, integers, <c>double</c>,
/// <c>float</c>, <c>bool</c> or <c>DateTimeOffset</c>, nullable or not, or arrays of them for multi-valued fields;
/// nested field sets are classes. Alerts then carry <c>Alert&lt;TEvent&gt;</c>.
/// </remarks>
/// <example>
/// <code>
/// [assembly: RuleGen.EqlEventType(typeof(MyAgent.ProcessStart))]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class EqlEventTypeAttribute : Attribute
{
    /// <param name="eventType">A non-generic class, accessible to the generated code.</param>
    public EqlEventTypeAttribute(Type eventType)
    {
        EventType = eventType;
    }

    /// <summary>The event class the detectors read.</summary>
    public Type EventType { get; }
}
