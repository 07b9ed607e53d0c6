using System;
using System.Linq;
using RuleGen.Eql.Binding;

namespace RuleGen.Generators.Emit;

/// <summary>
/// Ranks the tests of a filter by their estimated cost, so that the operands of an 'and' run cheapest first. Tests have no side effects, so their order changes only how soon a filter reaches its result. The ranks
/// are classes, not measurements: a constant, then one comparison of a single value, then a hash lookup, then a
/// scan of an array or a string, then function calls, then regular expressions.
/// </summary>
internal static class TestCost
{
    public static int Of(BoundExpression expression) => expression switch
    {
        BoundConstant => 0,
        BoundNullTest test => Read(test.Field) + 1,
        BoundComparison comparison => Read(comparison.Field) + (comparison.Field.IsArray ? 3 : 1),
        BoundStringMatch match => Read(match.Field) + StringMatch(match),
        BoundAnd conjunction => Math.Max(Of(conjunction.Left), Of(conjunction.Right)),
        BoundOr disjunction => Math.Max(Of(disjunction.Left), Of(disjunction.Right)),
        BoundNot negation => Of(negation.Operand),
        BoundConditionNullTest test => Of(test.Condition),
        BoundRegexMatch => 6,
        _ => 5,
    };

    // A field without a member is a custom field, read from a dictionary.
    private static int Read(BoundField field) => field.MemberPath.Length == 0 ? 1 : 0;

    private static int StringMatch(BoundStringMatch match)
    {
        bool exact = match.Patterns.All(pattern => pattern.Kind == PatternKind.Exact);
        int cost = 3;
        if (exact)
        {
            cost = match.Patterns.Count == 1 ? 1 : 2;
        }

        // An array field repeats the test for each element.
        return match.Field.IsArray ? cost + 2 : cost;
    }
}
