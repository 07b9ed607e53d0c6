using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RuleGen.Eql.Binding;
using RuleGen.Eql.Syntax;

namespace RuleGen.Generators.Emit;

/// <summary>
/// Writes operands (fields, literals, function calls and arithmetic) as C# expressions of nullable types:
/// <c>string?</c>, <c>long?</c>, <c>double?</c> or <c>bool?</c>. Functions call <c>EqlFunctions</c>, which
/// returns null for a null argument, so null flows through a whole expression as EQL requires.
/// </summary>
internal sealed class OperandEmitter
{
    private const string Functions = "global::RuleGen.Matching.EqlFunctions.";

    private readonly List<string> fields;
    private int networkSetCount;

    public OperandEmitter(List<string> fields)
    {
        this.fields = fields;
    }

    /// <summary>Writes <paramref name="operand"/>; <paramref name="nullKind"/> types a <c>null</c> literal.</summary>
    public string Emit(BoundOperand operand, ValueKind nullKind) => operand switch
    {
        BoundFieldOperand field => Field(field.Field),
        BoundLiteralOperand literal => Literal(literal, nullKind),
        BoundCallOperand call => Call(call),
        _ => throw new System.InvalidOperationException("No emitter for " + operand.GetType().Name),
    };

    // A function over an array field reads the element that Elasticsearch's scripts read: the first doc value.
    private static string Field(BoundField field)
    {
        string access = ConditionEmitter.Access(field);
        if (!field.IsArray)
        {
            return access;
        }

        return field.Type == "ip"
            ? $"global::RuleGen.Matching.EqlDocValues.FirstIp({access})"
            : $"global::RuleGen.Matching.EqlDocValues.First({access})";
    }

    /// <summary>Writes a comparison of two operands; integers compare as doubles when the other side is a double.</summary>
    public string Comparison(BoundOperandComparison comparison)
    {
        ValueKind kind = comparison.Left.Kind == ValueKind.Null ? comparison.Right.Kind : comparison.Left.Kind;
        if (comparison.Left.Kind == ValueKind.Double || comparison.Right.Kind == ValueKind.Double)
        {
            kind = ValueKind.Double;
        }

        return ConditionEmitter.CompareCall("CompareValues", Typed(comparison.Left, kind), comparison.Operator, Typed(comparison.Right, kind));
    }

    // Converts an integer operand to double? where a double is expected.
    private string Typed(BoundOperand operand, ValueKind kind)
    {
        string text = Emit(operand, kind);
        return kind == ValueKind.Double && operand.Kind == ValueKind.Long ? $"(double?){text}" : text;
    }

    private static string Literal(BoundLiteralOperand literal, ValueKind nullKind) => literal.Kind switch
    {
        ValueKind.String => CSharpLiterals.String(literal.Text),
        ValueKind.Long => $"(long?){literal.Text}L",
        ValueKind.Double => $"(double?){literal.Text}D",
        ValueKind.Boolean => $"(bool?){literal.Text}",
        _ => $"({TypeName(nullKind)})null",
    };

    private static string TypeName(ValueKind kind) => kind switch
    {
        ValueKind.Long => "long?",
        ValueKind.Double => "double?",
        ValueKind.Boolean => "bool?",
        _ => "string?",
    };

    private string Call(BoundCallOperand call)
    {
        IReadOnlyList<BoundOperand> arguments = call.Arguments.ToList();
        string ignoreCase = call.IgnoreCase ? "ignoreCase: true" : "ignoreCase: false";
        string Argument(int index, ValueKind kind) => index < arguments.Count ? Typed(arguments[index], kind) : $"({TypeName(kind)})null";
        string Integer(int index) => index < arguments.Count && arguments[index].Kind == ValueKind.Double
            ? $"(long?){Emit(arguments[index], ValueKind.Long)}"
            : Argument(index, ValueKind.Long);

        switch (call.Function)
        {
            case "add":
            case "subtract":
            case "multiply":
            case "divide":
            case "modulo":
                string method = char.ToUpperInvariant(call.Function[0]) + call.Function.Substring(1);
                return $"{Functions}{method}({Argument(0, call.Kind)}, {Argument(1, call.Kind)})";
            case "between":
                return $"{Functions}Between({Argument(0, ValueKind.String)}, {Argument(1, ValueKind.String)}, {Argument(2, ValueKind.String)}, {Argument(3, ValueKind.Boolean)}, {ignoreCase})";
            case "cidrMatch":
                return $"{NetworkSet(arguments.Skip(1))}.Contains({Argument(0, ValueKind.String)})";
            case "concat":
                return $"{Functions}Concat({string.Join(", ", arguments.Select(AsString))})";
            case "endsWith":
                return $"{Functions}EndsWith({Argument(0, ValueKind.String)}, {Argument(1, ValueKind.String)}, {ignoreCase})";
            case "startsWith":
                return $"{Functions}StartsWith({Argument(0, ValueKind.String)}, {Argument(1, ValueKind.String)}, {ignoreCase})";
            case "stringContains":
                return $"{Functions}StringContains({Argument(0, ValueKind.String)}, {Argument(1, ValueKind.String)}, {ignoreCase})";
            case "indexOf":
                return $"{Functions}IndexOf({Argument(0, ValueKind.String)}, {Argument(1, ValueKind.String)}, {Integer(2)}, {ignoreCase})";
            case "length":
                return $"{Functions}Length({Argument(0, ValueKind.String)})";
            case "number":
                return $"{Functions}Number({Argument(0, ValueKind.String)}, {Integer(1)})";
            case "string":
                return AsString(arguments[0]);
            case "substring":
                return $"{Functions}Substring({Argument(0, ValueKind.String)}, {Integer(1)}, {Integer(2)})";
            default:
                throw new System.InvalidOperationException("No emitter for the function " + call.Function);
        }
    }

    // concat and string take any value: strings pass through, other types are formatted as Elasticsearch does.
    private string AsString(BoundOperand operand) => operand.Kind == ValueKind.String || operand.Kind == ValueKind.Null
        ? Emit(operand, ValueKind.String)
        : $"{Functions}String({Emit(operand, operand.Kind)})";

    private string NetworkSet(IEnumerable<BoundOperand> blocks)
    {
        string[] texts = blocks.Select(block => CSharpLiterals.String(((BoundLiteralOperand)block).Text)).ToArray();
        string name = "Networks" + networkSetCount++.ToString(CultureInfo.InvariantCulture);
        fields.Add(
            $"// cidrMatch networks: {CSharpLiterals.Comment(string.Join(", ", texts))}\n" +
            $"private static readonly global::RuleGen.Matching.CidrSet {name} = new global::RuleGen.Matching.CidrSet({string.Join(", ", texts)});");
        return name;
    }
}
