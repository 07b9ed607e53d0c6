using System;
using System.Collections.Generic;

namespace RuleGen.Eql.Binding;

/// <summary>
/// Finds the fields a compiled rule reads from the event: those of its conditions, function arguments and join
/// keys. Unmapped optional join keys are left out, because they read nothing.
/// </summary>
public static class RuleFields
{
    /// <summary>Returns the fields <paramref name="model"/> reads, each once, sorted by name (ordinal).</summary>
    public static IReadOnlyList<BoundField> Read(RuleModel model)
    {
        var fields = new SortedDictionary<string, BoundField>(StringComparer.Ordinal);
        switch (model.Query)
        {
            case EventQueryPlan query:
                AddFilter(query.Filter, fields);
                break;
            case SequencePlan sequence:
                AddTerms(sequence.Terms, fields);
                if (sequence.Suppression is { } suppression)
                {
                    AddFilter(suppression.Filter, fields);
                    AddKeys(suppression.Keys, fields);
                }

                if (sequence.Until is { } until)
                {
                    AddFilter(until.Filter, fields);
                    AddKeys(until.Keys, fields);
                }

                break;
            case SamplePlan sample:
                AddTerms(sample.Terms, fields);
                break;
            default:
                throw new InvalidOperationException($"RuleFields has no case for the query plan {model.Query.GetType().Name}: add one.");
        }

        return new List<BoundField>(fields.Values);
    }

    private static void AddTerms(EquatableArray<SequenceTermPlan> terms, SortedDictionary<string, BoundField> fields)
    {
        foreach (SequenceTermPlan term in terms)
        {
            AddFilter(term.Filter, fields);
            AddKeys(term.Keys, fields);
        }
    }

    private static void AddFilter(EventFilterPlan filter, SortedDictionary<string, BoundField> fields) => AddExpression(filter.Condition, fields);

    private static void AddKeys(TermKeysPlan keys, SortedDictionary<string, BoundField> fields)
    {
        foreach (BoundField field in keys.Fields)
        {
            Add(field, fields);
        }
    }

    private static void AddExpression(BoundExpression expression, SortedDictionary<string, BoundField> fields)
    {
        switch (expression)
        {
            case BoundConstant:
                break;
            case BoundAnd and:
                AddExpression(and.Left, fields);
                AddExpression(and.Right, fields);
                break;
            case BoundOr or:
                AddExpression(or.Left, fields);
                AddExpression(or.Right, fields);
                break;
            case BoundNot not:
                AddExpression(not.Operand, fields);
                break;
            case BoundNullTest test:
                Add(test.Field, fields);
                break;
            case BoundConditionNullTest test:
                AddExpression(test.Condition, fields);
                break;
            case BoundStringMatch match:
                Add(match.Field, fields);
                break;
            case BoundComparison comparison:
                Add(comparison.Field, fields);
                break;
            case BoundOperandComparison comparison:
                AddOperand(comparison.Left, fields);
                AddOperand(comparison.Right, fields);
                break;
            case BoundOperandCondition condition:
                AddOperand(condition.Operand, fields);
                break;
            case BoundOperandMatch match:
                AddOperand(match.Subject, fields);
                break;
            case BoundOperandNullTest test:
                AddOperand(test.Operand, fields);
                break;
            case BoundRegexMatch match:
                if (match.Field is not null)
                {
                    Add(match.Field, fields);
                }

                if (match.Operand is not null)
                {
                    AddOperand(match.Operand, fields);
                }

                break;
            default:
                throw new InvalidOperationException($"RuleFields has no case for the bound expression {expression.GetType().Name}: add one.");
        }
    }

    private static void AddOperand(BoundOperand operand, SortedDictionary<string, BoundField> fields)
    {
        switch (operand)
        {
            case BoundFieldOperand field:
                Add(field.Field, fields);
                break;
            case BoundLiteralOperand:
                break;
            case BoundCallOperand call:
                foreach (BoundOperand argument in call.Arguments)
                {
                    AddOperand(argument, fields);
                }

                break;
            default:
                throw new InvalidOperationException($"RuleFields has no case for the bound operand {operand.GetType().Name}: add one.");
        }
    }

    // The same field bound twice (as 'x' and '?x') differs only in IsOptional, which does not change how it is read.
    private static void Add(BoundField field, SortedDictionary<string, BoundField> fields)
    {
        if (!field.IsUnmapped && !fields.ContainsKey(field.Name))
        {
            fields[field.Name] = field with { IsOptional = false };
        }
    }
}
