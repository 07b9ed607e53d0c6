using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RuleGen.Eql.Binding;
using RuleGen.Eql.Schema;
using RuleGen.Eql.Syntax;

namespace RuleGen.Generators.Emit;

/// <summary>
/// Writes a bound condition as one C# expression of type <c>EqlBool</c>, one check per line, each under a
/// comment that quotes the EQL clause it implements. <c>and</c> and <c>or</c> become <c>&amp;&amp;</c> and
/// <c>||</c>, which short-circuit on EqlBool exactly where three-valued logic allows. Lists of patterns
/// become static <c>StringPatternSet</c> fields, collected in <see cref="Fields"/>.
/// </summary>
internal sealed class ConditionEmitter
{
    private const string Runtime = "global::RuleGen.Matching.";

    private readonly List<string> fields = new();
    private readonly OperandEmitter operands;
    private int patternSetCount;
    private int regexCount;

    /// <param name="access">The event type the detector reads; <see cref="EventAccess.Ecs"/> when null.</param>
    public ConditionEmitter(EventAccess? access = null)
    {
        operands = new OperandEmitter(fields);
        Event = access ?? EventAccess.Ecs;
    }

    /// <summary>The event type the detector reads.</summary>
    public EventAccess Event { get; }

    /// <summary>Declarations of the static fields the emitted expressions use.</summary>
    public IReadOnlyList<string> Fields => fields;

    public void Emit(SourceWriter writer, BoundExpression expression, string prefix, string suffix)
    {
        switch (expression)
        {
            case BoundAnd:
            case BoundOr:
                EmitLogical(writer, expression, prefix, suffix);
                break;
            case BoundNot not:
                writer.Line("// " + CSharpLiterals.Comment(not.Clause));
                writer.Line(prefix + "!(");
                writer.Indent();
                Emit(writer, not.Operand, string.Empty, string.Empty);
                writer.Unindent();
                writer.Line(")" + suffix);
                break;
            case BoundConditionNullTest test:
                writer.Line("// " + CSharpLiterals.Comment(test.Clause));
                writer.Line(prefix + Runtime + "EqlBool.From(" + (test.IsNull ? string.Empty : "!") + "(");
                writer.Indent();
                Emit(writer, test.Condition, string.Empty, string.Empty);
                writer.Unindent();
                writer.Line(").IsNull)" + suffix);
                break;
            default:
                string? clause = ClauseOf(expression);
                if (clause is not null)
                {
                    writer.Line("// " + CSharpLiterals.Comment(clause));
                }

                writer.Line(prefix + Leaf(expression) + suffix);
                break;
        }
    }

    /// <summary>
    /// Writes a C# <c>bool</c> that is true exactly when <paramref name="expression"/> is true (<paramref name="wantTrue"/>)
    /// or exactly when it is false. A filter tests only whether its condition is true, so three-valued logic is
    /// needed only at the leaves: <c>a or b</c> is true when either is true, <c>a and b</c> is false when either is
    /// false, and <c>not a</c> is true when <c>a</c> is false. Null is neither, so it fails both tests.
    /// </summary>
    public void EmitTest(SourceWriter writer, BoundExpression expression, bool wantTrue, string prefix, string suffix)
    {
        switch (expression)
        {
            case BoundAnd:
            case BoundOr:
                bool isAnd = expression is BoundAnd;
                var flat = new List<BoundExpression>();
                Flatten(expression, isAnd, flat);
                // An 'and' fails on most events, so its cheapest operands run first. An 'or' that fails runs every
                // operand in any order, so it keeps the order written, which reads more easily.
                List<BoundExpression> operands = isAnd ? CheapestFirst(flat) : flat;

                // 'and' is true when all operands are true and false when any is false. 'or' is the reverse.
                string join = isAnd == wantTrue ? "&& " : "|| ";
                writer.Line(prefix + "(");
                writer.Indent();
                for (int i = 0; i < operands.Count; i++)
                {
                    EmitTest(writer, operands[i], wantTrue, i > 0 ? join : string.Empty, string.Empty);
                }

                writer.Unindent();
                writer.Line(")" + suffix);
                break;
            case BoundNot not:
                writer.Line("// " + CSharpLiterals.Comment(not.Clause));
                EmitTest(writer, not.Operand, !wantTrue, prefix, suffix);
                break;
            case BoundConstant constant:
                writer.Line(prefix + (constant.Value == wantTrue ? "true" : "false") + suffix);
                break;
            case BoundConditionNullTest:
                Emit(writer, expression, prefix + "(", ")" + (wantTrue ? ".IsTrue" : ".IsFalse") + suffix);
                break;
            default:
                string? clause = ClauseOf(expression);
                if (clause is not null)
                {
                    writer.Line("// " + CSharpLiterals.Comment(clause));
                }

                // A negated leaf needs parentheses, because member access binds tighter than '!'.
                string leaf = Leaf(expression);
                writer.Line(prefix + (leaf.StartsWith("!", StringComparison.Ordinal) ? "(" + leaf + ")" : leaf) + (wantTrue ? ".IsTrue" : ".IsFalse") + suffix);
                break;
        }
    }

    // a and b and c is written flat, one operand per line, rather than as nested parentheses.
    private void EmitLogical(SourceWriter writer, BoundExpression expression, string prefix, string suffix)
    {
        bool isAnd = expression is BoundAnd;
        var operands = new List<BoundExpression>();
        Flatten(expression, isAnd, operands);
        writer.Line(prefix + "(");
        writer.Indent();
        for (int i = 0; i < operands.Count; i++)
        {
            string operandPrefix = string.Empty;
            if (i > 0)
            {
                operandPrefix = isAnd ? "&& " : "|| ";
            }

            Emit(writer, operands[i], operandPrefix, string.Empty);
        }

        writer.Unindent();
        writer.Line(")" + suffix);
    }

    /// <summary>
    /// Returns <paramref name="operands"/> ordered by <see cref="TestCost"/>, keeping the written order among equal
    /// costs. The order is free because no test has a side effect, and an 'and' has the same value in any order.
    /// </summary>
    public static List<BoundExpression> CheapestFirst(List<BoundExpression> operands) =>
        operands.Select((operand, index) => (Operand: operand, Index: index))
            .OrderBy(pair => TestCost.Of(pair.Operand))
            .ThenBy(pair => pair.Index)
            .Select(pair => pair.Operand)
            .ToList();

    /// <summary>The operands of a chain of 'and', in the order written; the expression itself when it is no 'and'.</summary>
    public static List<BoundExpression> Conjuncts(BoundExpression expression)
    {
        var operands = new List<BoundExpression>();
        Flatten(expression, isAnd: true, operands);
        return operands;
    }

    private static void Flatten(BoundExpression expression, bool isAnd, List<BoundExpression> operands)
    {
        switch (expression)
        {
            case BoundAnd conjunction when isAnd:
                Flatten(conjunction.Left, isAnd, operands);
                Flatten(conjunction.Right, isAnd, operands);
                break;
            case BoundOr disjunction when !isAnd:
                Flatten(disjunction.Left, isAnd, operands);
                Flatten(disjunction.Right, isAnd, operands);
                break;
            default:
                operands.Add(expression);
                break;
        }
    }

    private static string? ClauseOf(BoundExpression expression) => expression switch
    {
        BoundStringMatch match => match.Clause,
        BoundOperandMatch match => match.Clause,
        BoundRegexMatch match => match.Clause,
        BoundOperandComparison comparison => comparison.Clause,
        BoundOperandCondition condition => condition.Clause,
        BoundOperandNullTest test => test.Clause,
        BoundComparison comparison => comparison.Clause,
        BoundNullTest test => test.Clause,
        BoundConstant { Clause.Length: > 0 } constant => constant.Clause,
        _ => null,
    };

    private string Leaf(BoundExpression expression) => expression switch
    {
        BoundConstant constant => constant.Value switch
        {
            true => Runtime + "EqlBool.True",
            false => Runtime + "EqlBool.False",
            _ => Runtime + "EqlBool.Null",
        },
        BoundNullTest test => (test.IsNull ? string.Empty : "!") + Runtime + "EqlCompare.IsNull(" + Access(test.Field) + ")",
        BoundStringMatch match => StringMatch(Access(match.Field), match.Patterns, match.IgnoreCase, match.Clause),
        BoundComparison comparison => Comparison(comparison),
        BoundOperandMatch match => StringMatch(operands.Emit(match.Subject, ValueKind.String), match.Patterns, match.IgnoreCase, match.Clause),
        BoundOperandComparison comparison => operands.Comparison(comparison),
        BoundRegexMatch match => RegexMatch(match),
        BoundOperandCondition condition => $"{Runtime}EqlBool.From({operands.Emit(condition.Operand, ValueKind.Boolean)})",
        BoundOperandNullTest test => (test.IsNull ? string.Empty : "!") + $"{Runtime}EqlCompare.IsNull({operands.Emit(test.Operand, ValueKind.String)})",
        _ => throw new InvalidOperationException("No emitter for " + expression.GetType().Name),
    };

    /// <summary>
    /// The C# expression that reads a field, null-safe along the way: <c>e.Process?.Parent?.Name</c>. A custom
    /// field, declared in a schema file, has no member and is read from <c>EcsEvent.CustomFields</c> as an array.
    /// </summary>
    public static string Access(BoundField field)
    {
        if (field.MemberPath.Length > 0)
        {
            return EventAccess.Read(field.MemberPath);
        }

        string reader = field.Kind switch
        {
            FieldKind.Long => "Longs",
            FieldKind.Double => "Doubles",
            FieldKind.Boolean => "Booleans",
            _ => "Strings",
        };
        return $"global::RuleGen.Ecs.CustomFieldValues.{reader}(e, {CSharpLiterals.String(field.Name)})";
    }

    private string StringMatch(string value, Eql.EquatableArray<StringPattern> patterns, bool ignoreCaseFlag, string clause)
    {
        string ignoreCase = ignoreCaseFlag ? "ignoreCase: true" : "ignoreCase: false";
        if (patterns.Count == 1)
        {
            StringPattern pattern = patterns[0];
            string text = CSharpLiterals.String(pattern.Text);
            return pattern.Kind switch
            {
                PatternKind.Exact => $"{Runtime}EqlString.Equal({value}, {text}, {ignoreCase})",
                PatternKind.Prefix => $"{Runtime}EqlString.StartsWith({value}, {text}, {ignoreCase})",
                PatternKind.Suffix => $"{Runtime}EqlString.EndsWith({value}, {text}, {ignoreCase})",
                PatternKind.Contains => $"{Runtime}EqlString.Contains({value}, {text}, {ignoreCase})",
                PatternKind.AnyValue => $"{Runtime}EqlString.Present({value})",
                _ => $"{Runtime}EqlString.Like({value}, {text}, {ignoreCase})",
            };
        }

        // Values of 'in' are all exact, so '*' stays literal; ':' and 'like' patterns keep their wildcards.
        bool exactOnly = patterns.All(pattern => pattern.Kind == PatternKind.Exact);
        IEnumerable<string> values = patterns.Select(pattern => CSharpLiterals.String(exactOnly ? pattern.Text : pattern.Source));
        string name = "Patterns" + patternSetCount++.ToString(CultureInfo.InvariantCulture);
        string factory = exactOnly ? "Exact" : "Wildcards";
        fields.Add(
            $"// {CSharpLiterals.Comment(clause)}\n" +
            $"private static readonly {Runtime}StringPatternSet {name} = {Runtime}StringPatternSet.{factory}(\n" +
            $"    {ignoreCase},\n" +
            "    " + string.Join(",\n    ", values) + ");");
        return $"{Runtime}EqlString.Match({value}, {name})";
    }

    // The Lucene patterns, translated when the rule was bound, become one anchored .NET regex that runs without
    // backtracking, so no pattern or input can take exponential time.
    private string RegexMatch(BoundRegexMatch match)
    {
        string subject = match.Field is not null ? Access(match.Field) : operands.Emit(match.Operand!, ValueKind.String);
        string combined = Eql.Binding.LuceneRegex.Combine(match.Patterns);
        string options = "global::System.Text.RegularExpressions.RegexOptions.NonBacktracking | global::System.Text.RegularExpressions.RegexOptions.CultureInvariant"
            + (match.IgnoreCase ? " | global::System.Text.RegularExpressions.RegexOptions.IgnoreCase" : string.Empty);
        string name = "Regex" + regexCount++.ToString(CultureInfo.InvariantCulture);
        fields.Add(
            $"// {CSharpLiterals.Comment(match.Clause)}\n" +
            $"// Lucene pattern(s) {CSharpLiterals.Comment(string.Join(", ", match.Sources.Select(CSharpLiterals.String)))}, anchored to the whole value.\n" +
            $"private static readonly global::System.Text.RegularExpressions.Regex {name} = new global::System.Text.RegularExpressions.Regex(\n" +
            $"    {CSharpLiterals.String(combined)},\n" +
            $"    {options});");
        return $"{Runtime}EqlString.Regex({subject}, {name})";
    }

    private static string Comparison(BoundComparison comparison)
    {
        BoundField field = comparison.Field;
        string value = Access(field);
        string literal = Literal(comparison.Value);
        if (field.Kind == FieldKind.Long && comparison.Value.Kind == FieldKind.Double && !field.IsArray)
        {
            // An integer field compared with a fraction compares as a double.
            value = "(double?)" + value;
        }

        // A version field orders by Semantic Versioning, as Elasticsearch's range query on it does; equality stays exact.
        bool versionOrder = field.Type == "version" && comparison.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual);
        return CompareCall(versionOrder ? "CompareVersion" : "Compare", value, comparison.Operator, literal);
    }

    /// <summary>
    /// Writes a call of <c>EqlCompare.{method}</c>. There is no not-equal operation: <c>!=</c> is written as the
    /// negated equality, which stays null for a missing value and, on an array, means that no element is equal.
    /// </summary>
    public static string CompareCall(string method, string left, ComparisonOperator comparison, string right)
    {
        string operation = comparison switch
        {
            ComparisonOperator.Less => "Less",
            ComparisonOperator.LessOrEqual => "LessOrEqual",
            ComparisonOperator.Greater => "Greater",
            ComparisonOperator.GreaterOrEqual => "GreaterOrEqual",
            _ => "Equal",
        };
        string call = $"{Runtime}EqlCompare.{method}({left}, {Runtime}EqlComparison.{operation}, {right})";
        return comparison == ComparisonOperator.NotEqual ? "!" + call : call;
    }

    private static string Literal(BoundValue value) => value.Kind switch
    {
        FieldKind.String => CSharpLiterals.String(value.Text),
        FieldKind.Long => value.Text + "L",
        FieldKind.Double => value.Text + "D",
        FieldKind.Boolean => value.Text,
        _ => throw new InvalidOperationException("No literal form for " + value.Kind),
    };
}
