using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Schema;
using RuleGen.Eql.Syntax;
using RuleGen.Eql.Text;

namespace RuleGen.Eql.Binding;

public sealed partial class Binder
{
    // Returned after an error so that binding goes on and finds further errors; the plan is dropped anyway.
    private static readonly BoundExpression Unknown = new BoundConstant(null);

    private BoundExpression BindCondition(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case LogicalSyntax logical:
                BoundExpression left = BindCondition(logical.Left);
                BoundExpression right = BindCondition(logical.Right);
                return logical.Operator == LogicalOperator.And ? new BoundAnd(left, right) : new BoundOr(left, right);
            case NotSyntax not:
                return new BoundNot(BindCondition(not.Operand), Slice(not.Span));
            case LiteralSyntax { Kind: LiteralKind.True }:
                return new BoundConstant(true);
            case LiteralSyntax { Kind: LiteralKind.False }:
                return new BoundConstant(false);
            case LiteralSyntax { Kind: LiteralKind.Null }:
                return new BoundConstant(null);
            case ComparisonSyntax comparison:
                return BindComparison(comparison);
            case PredicateSyntax predicate:
                return BindPredicate(predicate);
            case FieldSyntax field:
                return BindFieldAsCondition(field);
            case FunctionCallSyntax:
            case ArithmeticSyntax:
            case UnarySyntax:
                return BindOperandAsCondition(expression);
            default:
                return ReportNotCondition(expression);
        }
    }

    // An optional field that is not in the schema is always null, as Elasticsearch treats an unmapped '?field'.
    // So a null test on it has a fixed result, and every other test is unknown. Returns null for any other field.
    private BoundExpression? OptionalFieldMissing(FieldSyntax field, string clause, bool? value)
    {
        if (!field.IsOptional || schema.TryGet(field.Path, out _))
        {
            return null;
        }

        return new BoundConstant(value, $"{clause} (the optional field {field.Path} is not in the schema, so it is null)");
    }

    private BoundExpression ReportNotCondition(ExpressionSyntax expression)
    {
        Report(DiagnosticDescriptors.TypeMismatch, expression.Span, $"'{Slice(expression.Span)}' is a value, not a condition: compare it, as in 'process.name : \"cmd.exe\"'");
        return Unknown;
    }

    private BoundExpression BindFieldAsCondition(FieldSyntax fieldSyntax)
    {
        BoundField? field = BindField(fieldSyntax);
        if (field is null)
        {
            return Unknown;
        }

        if (field.Kind != FieldKind.Boolean)
        {
            Report(DiagnosticDescriptors.TypeMismatch, fieldSyntax.Span, $"Field '{field.Name}' has type {field.Type} and is not a condition: compare it, as in '{field.Name} : \"value\"' or '{field.Name} != null'");
            return Unknown;
        }

        return new BoundComparison(field, ComparisonOperator.Equal, new BoundValue(FieldKind.Boolean, "true"), Slice(fieldSyntax.Span));
    }

    private BoundExpression BindComparison(ComparisonSyntax comparison)
    {
        ExpressionSyntax left = FoldNegativeNumber(comparison.Left);
        ExpressionSyntax right = FoldNegativeNumber(comparison.Right);
        ComparisonOperator op = comparison.Operator;
        // Two literals, as in '3 < 4' or '"Foo" == "foo"', are compared as any two values are.
        if (IsComputed(left) || IsComputed(right) || (left is LiteralSyntax && right is LiteralSyntax))
        {
            return BindOperandComparison(comparison);
        }

        // A literal on the left is mirrored, so '5 < process.pid' becomes 'process.pid > 5'.
        if (left is not FieldSyntax && right is FieldSyntax)
        {
            (left, right) = (right, left);
            op = Mirror(op);
        }

        if (left is FieldSyntax leftField && right is FieldSyntax rightField)
        {
            if (BindUnmappedOptionalComparison(leftField, rightField, op, comparison) is { } nullComparison)
            {
                return nullComparison;
            }

            Report(DiagnosticDescriptors.FieldComparedToField, comparison.Span, ((FieldSyntax)left).Path, ((FieldSyntax)right).Path);
            return Unknown;
        }

        if (left is not FieldSyntax fieldSyntax)
        {
            if (left is LiteralSyntax { Kind: LiteralKind.Null } || right is LiteralSyntax { Kind: LiteralKind.Null })
            {
                return BindConditionNullTest(left is LiteralSyntax ? right : left, op, comparison);
            }
            else
            {
                Report(DiagnosticDescriptors.TypeMismatch, left.Span, $"The left side of '{Slice(comparison.OperatorSpan)}' must be a field, but found '{Slice(left.Span)}': compare a field with a value, and combine conditions with 'and', 'or' and 'not'");
            }

            return Unknown;
        }

        if (right is not LiteralSyntax literal)
        {
            Report(DiagnosticDescriptors.TypeMismatch, right.Span, $"The right side of '{Slice(comparison.OperatorSpan)}' must be a literal value, but found '{Slice(right.Span)}'");
            return Unknown;
        }

        string clause = Slice(comparison.Span);
        if (literal.Kind == LiteralKind.Null)
        {
            return BindNullTest(fieldSyntax, op, comparison, clause);
        }

        BoundField? field = BindField(fieldSyntax);
        if (field is null)
        {
            return OptionalFieldMissing(fieldSyntax, clause, null) ?? Unknown;
        }

        switch (field.Kind)
        {
            case FieldKind.String:
                return BindStringComparison(field, op, literal, comparison, clause);
            case FieldKind.Long:
            case FieldKind.Double:
                // TODO: Elasticsearch's EQL verifier also accepts a numeric field compared with a string, as in
                // process.pid == "12". RuleGen still reports RG1003 there.
                if (literal.Kind != LiteralKind.Number)
                {
                    return ReportLiteralType(field, literal, "a number", literal.Kind == LiteralKind.String ? literal.Value : null);
                }

                return IsFiniteNumber(literal)
                    ? new BoundComparison(field, op, NumberValue(field, literal), clause)
                    : Unknown;
            case FieldKind.Boolean:
                if (literal.Kind is not (LiteralKind.True or LiteralKind.False))
                {
                    return ReportLiteralType(field, literal, "true or false", null);
                }

                if (op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
                {
                    Report(DiagnosticDescriptors.TypeMismatch, comparison.OperatorSpan, $"Field '{field.Name}' is boolean, which has no order: compare it with == or !=");
                    return Unknown;
                }

                return new BoundComparison(field, op, new BoundValue(FieldKind.Boolean, literal.Kind == LiteralKind.True ? "true" : "false"), clause);
            default:
                ReportNotSupported(comparison.Span, $"comparisons of {field.Type} fields such as '{field.Name}'", string.Empty);
                return Unknown;
        }
    }

    private BoundExpression BindNullTest(FieldSyntax fieldSyntax, ComparisonOperator op, ComparisonSyntax comparison, string clause)
    {
        if (op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            // Null propagates through an ordered comparison, as in Elasticsearch, so the test is null on every event.
            // The field is still bound, so that a misspelled one is reported.
            if (BindField(fieldSyntax) is null && !fieldSyntax.IsOptional)
            {
                return Unknown;
            }

            Report(DiagnosticDescriptors.OrderedNullComparison, comparison.Span, clause);
            return new BoundConstant(null, clause + " (an ordered comparison with null is always null)");
        }

        BoundField? field = BindField(fieldSyntax);
        if (field is null)
        {
            // An optional field missing from the schema is always null.
            return OptionalFieldMissing(fieldSyntax, clause, op == ComparisonOperator.Equal) ?? Unknown;
        }

        return new BoundNullTest(field, op == ComparisonOperator.Equal, clause);
    }

    // An unmapped '?field' is the null constant, so '?x == y' is no comparison of two fields but the null test
    // 'y == null'; Elasticsearch's test suite relies on this. Returns null when both fields are in the schema.
    private BoundExpression? BindUnmappedOptionalComparison(FieldSyntax left, FieldSyntax right, ComparisonOperator op, ComparisonSyntax comparison)
    {
        bool leftIsNull = left.IsOptional && !schema.TryGet(left.Path, out _);
        bool rightIsNull = right.IsOptional && !schema.TryGet(right.Path, out _);
        if (!leftIsNull && !rightIsNull)
        {
            return null;
        }

        string clause = Slice(comparison.Span);
        string reason = leftIsNull ? left.Path : right.Path;
        if (op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            // An ordered comparison with null is null.
            return new BoundConstant(null, $"{clause} (the optional field {reason} is not in the schema, so it is null)");
        }

        if (leftIsNull && rightIsNull)
        {
            return new BoundConstant(op == ComparisonOperator.Equal, $"{clause} (the optional fields {left.Path} and {right.Path} are not in the schema, so both are null)");
        }

        return BindNullTest(leftIsNull ? right : left, op, comparison, clause);
    }

    // 'null == (exit_code > -1)': Elasticsearch accepts a null test of any condition, and its test suite uses one.
    private BoundExpression BindConditionNullTest(ExpressionSyntax condition, ComparisonOperator op, ComparisonSyntax comparison)
    {
        if (op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            Report(DiagnosticDescriptors.TypeMismatch, comparison.OperatorSpan, "null can only be compared with == (the condition is null) or != (the condition is true or false)");
            return Unknown;
        }

        return new BoundConditionNullTest(BindCondition(condition), op == ComparisonOperator.Equal, Slice(comparison.Span));
    }

    private BoundExpression BindStringComparison(BoundField field, ComparisonOperator op, LiteralSyntax literal, ComparisonSyntax comparison, string clause)
    {
        string value;
        if (literal.Kind == LiteralKind.String)
        {
            value = literal.Value;
        }
        else if (IsKeywordType(field.Type) && literal.Kind is LiteralKind.Number or LiteralKind.True or LiteralKind.False)
        {
            // Elasticsearch compares a keyword field with a number's or a boolean's text, so event.code == 4688
            // matches "4688".
            if (literal.Kind == LiteralKind.Number && !IsFiniteNumber(literal))
            {
                return Unknown;
            }

            value = literal.Kind switch
            {
                LiteralKind.Number => KeywordTermText.OfNumber(literal.Value),
                LiteralKind.True => "true",
                _ => "false",
            };
        }
        else
        {
            return ReportLiteralType(field, literal, "a string", null);
        }

        if (op is ComparisonOperator.Equal or ComparisonOperator.NotEqual && value.IndexOfAny(new[] { '*', '?' }) >= 0)
        {
            char wildcard = value[value.IndexOfAny(new[] { '*', '?' })];
            Report(DiagnosticDescriptors.LiteralWildcard, comparison.OperatorSpan, Slice(comparison.OperatorSpan), wildcard, literal.Text);
        }

        switch (op)
        {
            case ComparisonOperator.Equal:
                // '==' is case-sensitive and never expands wildcards: '*' in the value is literal.
                return new BoundStringMatch(field, new[] { StringPattern.Exact(value) }.ToEquatableArray(), false, clause);
            case ComparisonOperator.NotEqual:
                var equal = new BoundStringMatch(field, new[] { StringPattern.Exact(value) }.ToEquatableArray(), false, clause);
                return new BoundNot(equal, clause);
            default:
                // Ordered string comparisons are case-sensitive and lexicographic, by UTF-16 code unit.
                return new BoundComparison(field, op, new BoundValue(FieldKind.String, value), clause);
        }
    }

    // The keyword family, whose term and range queries search for the text of any value. The other string types
    // stay strict: an ip field rejects a number at search time, and a version or text field transforms the
    // value before it searches.
    private static bool IsKeywordType(string type) => type is "keyword" or "constant_keyword" or "wildcard";

    private BoundExpression ReportLiteralType(BoundField field, LiteralSyntax literal, string expected, string? stringValue)
    {
        string found = literal.Kind switch
        {
            LiteralKind.String => "the string " + literal.Text,
            LiteralKind.Number => "the number " + literal.Text,
            _ => literal.Text,
        };
        string fix = field.Kind == FieldKind.String && literal.Kind == LiteralKind.Number
            ? $": write the value as a string, \"{literal.Text}\""
            : stringValue is not null && double.TryParse(stringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? $": write the value without quotes, {stringValue}"
                : string.Empty;
        Report(DiagnosticDescriptors.TypeMismatch, literal.Span, $"Field '{field.Name}' has type {field.Type}, so it compares with {expected}, not {found}{fix}");
        return Unknown;
    }

    // A literal such as 1e999 overflows a double; report it rather than emit a comparison with infinity.
    private bool IsFiniteNumber(LiteralSyntax literal)
    {
        if (double.TryParse(literal.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && !double.IsInfinity(value) && !double.IsNaN(value))
        {
            return true;
        }

        Report(DiagnosticDescriptors.InvalidNumber, literal.Span, literal.Text, "the value is out of the range of a 64-bit floating-point number");
        return false;
    }

    private static BoundValue NumberValue(BoundField field, LiteralSyntax literal)
    {
        bool integral = long.TryParse(literal.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        if (field.Kind == FieldKind.Long && integral)
        {
            return new BoundValue(FieldKind.Long, literal.Value);
        }

        double value = double.Parse(literal.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new BoundValue(FieldKind.Double, value.ToString("R", CultureInfo.InvariantCulture));
    }

    private static ComparisonOperator Mirror(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };

    private BoundExpression BindPredicate(PredicateSyntax predicate)
    {
        if (predicate.Kind == PredicateKind.Regex)
        {
            return BindRegex(predicate);
        }

        // A literal subject, as in '345 in (123, 345)', is a value like a computed one.
        if (IsComputed(predicate.Subject) || FoldNegativeNumber(predicate.Subject) is LiteralSyntax)
        {
            List<LiteralSyntax>? computedValues = BindLiteralValues(predicate);
            return computedValues is null ? Unknown : BindOperandPredicate(predicate, computedValues);
        }

        if (predicate.Subject is not FieldSyntax fieldSyntax)
        {
            string operatorText = Slice(predicate.OperatorSpan);
            Report(DiagnosticDescriptors.TypeMismatch, predicate.Subject.Span, $"The left side of '{operatorText}' must be a field or a function call, but found '{Slice(predicate.Subject.Span)}'");
            return Unknown;
        }

        List<LiteralSyntax>? values = BindLiteralValues(predicate);
        if (values is not null)
        {
            CheckListValues(predicate, values);
        }

        BoundField? field = BindField(fieldSyntax);
        string clause = Slice(predicate.Span);
        if (values is null || field is null)
        {
            return field is null && values is not null ? OptionalFieldMissing(fieldSyntax, clause, null) ?? Unknown : Unknown;
        }

        if (predicate.Kind == PredicateKind.In)
        {
            return BindIn(field, predicate, values, clause);
        }

        // ':' and 'like': wildcard patterns over strings.
        if (field.Kind != FieldKind.String)
        {
            Report(DiagnosticDescriptors.TypeMismatch, predicate.OperatorSpan, $"'{Slice(predicate.OperatorSpan)}' matches strings, but field '{field.Name}' has type {field.Type}: use == or 'in' to compare it");
            return Unknown;
        }

        var patterns = new List<StringPattern>();
        foreach (LiteralSyntax value in values)
        {
            if (value.Kind != LiteralKind.String)
            {
                ReportLiteralType(field, value, "a string pattern", null);
                continue;
            }

            patterns.Add(StringPattern.FromWildcard(value.Value));
        }

        return new BoundStringMatch(field, patterns.ToEquatableArray(), predicate.IsCaseInsensitive, clause);
    }

    // Lints on the literal values of ':', 'like' and 'in': a case-insensitive match on single-letter flags such as
    // "-L" (RG5003), where the other case is often another option, and a value listed twice (RG5004).
    private void CheckListValues(PredicateSyntax predicate, List<LiteralSyntax> values)
    {
        string operatorText = Slice(predicate.OperatorSpan);
        if (predicate.IsCaseInsensitive)
        {
            List<LiteralSyntax> flags = values.Where(value => value.Kind == LiteralKind.String && IsSingleLetterFlag(value.Value)).ToList();
            if (flags.Count > 0)
            {
                string written = string.Join(", ", flags.Select(flag => Quote(flag.Value)));
                string other = string.Join(", ", flags.Select(flag => Quote(flag.Value.Substring(0, 1) + SwapCase(flag.Value[1]))));
                Report(DiagnosticDescriptors.CaseInsensitiveFlag, flags[0].Span, operatorText, written, other);
            }
        }

        var seen = new HashSet<string>(predicate.IsCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (LiteralSyntax value in values.Where(value => value.Kind == LiteralKind.String))
        {
            if (!seen.Add(value.Value))
            {
                Report(DiagnosticDescriptors.DuplicateListValue, value.Span, Quote(value.Value), predicate.IsCaseInsensitive ? " (ignoring case, as '" + operatorText + "' does)" : string.Empty);
            }
        }
    }

    private static bool IsSingleLetterFlag(string value) =>
        value.Length == 2 && (value[0] == '-' || value[0] == '/') && value[1] < 128 && char.IsLetter(value[1]);

    private static char SwapCase(char letter) => char.IsUpper(letter) ? char.ToLowerInvariant(letter) : char.ToUpperInvariant(letter);

    private static string Quote(string value) => "\"" + value + "\"";

    // The values of ':', 'like' and 'in' must be literals; Elasticsearch rejects fields and expressions there.
    private List<LiteralSyntax>? BindLiteralValues(PredicateSyntax predicate)
    {
        var values = new List<LiteralSyntax>();
        bool valid = true;
        foreach (ExpressionSyntax value in predicate.Values)
        {
            ExpressionSyntax folded = FoldNegativeNumber(value);
            if (folded is LiteralSyntax literal)
            {
                values.Add(literal);
                continue;
            }

            valid = false;
            Report(DiagnosticDescriptors.TypeMismatch, value.Span, $"The values of '{Slice(predicate.OperatorSpan)}' must be literals, but found '{Slice(value.Span)}'");
        }

        return valid ? values : null;
    }

    private static ExpressionSyntax FoldNegativeNumber(ExpressionSyntax value)
    {
        if (value is UnarySyntax { Operand: LiteralSyntax { Kind: LiteralKind.Number } number } unary)
        {
            string sign = unary.IsMinus ? "-" : string.Empty;
            return new LiteralSyntax(unary.Span, LiteralKind.Number, sign + number.Text, sign + number.Value);
        }

        return value;
    }

    private BoundExpression BindIn(BoundField field, PredicateSyntax predicate, List<LiteralSyntax> values, string clause)
    {
        BoundExpression? result;
        if (field.Kind == FieldKind.String)
        {
            var patterns = new List<StringPattern>();
            foreach (LiteralSyntax value in values)
            {
                if (value.Kind != LiteralKind.String)
                {
                    ReportLiteralType(field, value, "strings", null);
                    continue;
                }

                // 'in' and 'in~' compare whole values and never expand wildcards.
                patterns.Add(StringPattern.Exact(value.Value));
            }

            result = new BoundStringMatch(field, patterns.ToEquatableArray(), predicate.IsCaseInsensitive, clause);
        }
        else if (field.Kind is FieldKind.Long or FieldKind.Double or FieldKind.Boolean)
        {
            result = null;
            foreach (LiteralSyntax value in values)
            {
                BoundExpression equal;
                if (field.Kind == FieldKind.Boolean && value.Kind is LiteralKind.True or LiteralKind.False)
                {
                    equal = new BoundComparison(field, ComparisonOperator.Equal, new BoundValue(FieldKind.Boolean, value.Kind == LiteralKind.True ? "true" : "false"), clause);
                }
                else if (field.Kind != FieldKind.Boolean && value.Kind == LiteralKind.Number)
                {
                    if (!IsFiniteNumber(value))
                    {
                        continue;
                    }

                    equal = new BoundComparison(field, ComparisonOperator.Equal, NumberValue(field, value), clause);
                }
                else
                {
                    ReportLiteralType(field, value, field.Kind == FieldKind.Boolean ? "true or false" : "numbers", value.Kind == LiteralKind.String ? value.Value : null);
                    continue;
                }

                result = result is null ? equal : new BoundOr(result, equal);
            }

            result ??= Unknown;
        }
        else
        {
            ReportNotSupported(predicate.Span, $"'in' on {field.Type} fields such as '{field.Name}'", string.Empty);
            return Unknown;
        }

        return predicate.IsNegated ? new BoundNot(result, clause) : result;
    }
}
