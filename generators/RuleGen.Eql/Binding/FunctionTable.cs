using System;
using System.Collections.Generic;
using System.Linq;

namespace RuleGen.Eql.Binding;

/// <summary>The type an argument of a function accepts.</summary>
public enum ParameterKind
{
    String,

    /// <summary>An integer or a floating-point number.</summary>
    Number,

    Boolean,

    /// <summary>Any value; it is converted to a string.</summary>
    Any,
}

/// <summary>
/// The signature of an EQL function: its canonical name, its parameters (the last ones optional from
/// <see cref="RequiredCount"/> on, and the last one repeated when <see cref="IsVariadic"/>), whether a <c>~</c>
/// form exists, and how the result type follows from the arguments.
/// </summary>
public sealed record FunctionSignature(
    string Name,
    ParameterKind[] Parameters,
    int RequiredCount,
    bool IsVariadic,
    bool AllowsIgnoreCase,
    Func<IReadOnlyList<ValueKind>, ValueKind> Result);

/// <summary>The functions of Elasticsearch EQL 8.x. Names are matched case-insensitively, as Elasticsearch does.</summary>
public static class FunctionTable
{
    private static readonly ParameterKind[] TwoNumbers = { ParameterKind.Number, ParameterKind.Number };
    private static readonly ParameterKind[] TwoStrings = { ParameterKind.String, ParameterKind.String };

    // Arithmetic stays integral when both sides are integers, as in Java: divide(7, 2) is 3.
    private static ValueKind Arithmetic(IReadOnlyList<ValueKind> arguments) =>
        arguments.Any(kind => kind == ValueKind.Double) ? ValueKind.Double : ValueKind.Long;

    public static readonly IReadOnlyList<FunctionSignature> All = new[]
    {
        new FunctionSignature("add", TwoNumbers, 2, false, false, Arithmetic),
        new FunctionSignature("between", new[] { ParameterKind.String, ParameterKind.String, ParameterKind.String, ParameterKind.Boolean }, 3, false, true, _ => ValueKind.String),
        new FunctionSignature("cidrMatch", new[] { ParameterKind.String, ParameterKind.String }, 2, true, false, _ => ValueKind.Boolean),
        new FunctionSignature("concat", new[] { ParameterKind.Any }, 1, true, false, _ => ValueKind.String),
        new FunctionSignature("divide", TwoNumbers, 2, false, false, Arithmetic),
        new FunctionSignature("endsWith", TwoStrings, 2, false, true, _ => ValueKind.Boolean),
        new FunctionSignature("indexOf", new[] { ParameterKind.String, ParameterKind.String, ParameterKind.Number }, 2, false, true, _ => ValueKind.Long),
        new FunctionSignature("length", new[] { ParameterKind.String }, 1, false, false, _ => ValueKind.Long),
        new FunctionSignature("modulo", TwoNumbers, 2, false, false, Arithmetic),
        new FunctionSignature("multiply", TwoNumbers, 2, false, false, Arithmetic),
        new FunctionSignature("number", new[] { ParameterKind.String, ParameterKind.Number }, 1, false, false, _ => ValueKind.Double),
        new FunctionSignature("startsWith", TwoStrings, 2, false, true, _ => ValueKind.Boolean),
        new FunctionSignature("string", new[] { ParameterKind.Any }, 1, false, false, _ => ValueKind.String),
        new FunctionSignature("stringContains", TwoStrings, 2, false, true, _ => ValueKind.Boolean),
        new FunctionSignature("substring", new[] { ParameterKind.String, ParameterKind.Number, ParameterKind.Number }, 2, false, false, _ => ValueKind.String),
        new FunctionSignature("subtract", TwoNumbers, 2, false, false, Arithmetic),
    };

    private static readonly Dictionary<string, FunctionSignature> ByName =
        All.ToDictionary(signature => signature.Name, StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(string name, out FunctionSignature signature) => ByName.TryGetValue(name, out signature!);

    /// <summary>Returns the known function name closest to <paramref name="name"/>, or null when none is close.</summary>
    public static string? Suggest(string name) => Schema.EditDistance.Closest(name, All.Select(signature => signature.Name), 3);
}
