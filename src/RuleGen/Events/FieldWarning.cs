namespace RuleGen.Events;

/// <summary>
/// An input field whose value could not be converted to the type of its ECS field. The reader ignored the
/// value and still produced the event, so the ECS field stays empty unless another input field supplies it.
/// </summary>
/// <param name="Line">The 1-based input line.</param>
/// <param name="Field">
/// The field's path in the input record: the ECS path for an ECS document, or the Windows field name with its
/// enclosing object (for example <c>Event.EventData.NewProcessId</c>) for a Windows event.
/// </param>
/// <param name="Value">The value's JSON text, shortened to about 60 characters.</param>
/// <param name="ExpectedType">The type the field requires (for example <c>integer</c> or <c>date</c>), or null when it is not known.</param>
public sealed record FieldWarning(long Line, string Field, string Value, string? ExpectedType)
{
    /// <summary>The warning as one sentence that names the line, the field, the value and the expected type.</summary>
    public string Message => ExpectedType is null
        ? $"Line {Line}: invalid value {Value} in field '{Field}'. The value was ignored."
        : $"Line {Line}: invalid value {Value} in field '{Field}', expected {ExpectedType}. The value was ignored.";

    /// <summary>Returns <see cref="Message"/>.</summary>
    public override string ToString() => Message;
}
