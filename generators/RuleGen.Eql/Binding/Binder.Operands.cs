using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Schema;
using RuleGen.Eql.Syntax;

namespace RuleGen.Eql.Binding;

// Operands: function calls, arithmetic, and the fields and literals inside them.
public sealed partial class Binder
{
    private static bool IsComputed(ExpressionSyntax expression) =>
        expression is FunctionCallSyntax or ArithmeticSyntax || (expression is UnarySyntax && FoldNegativeNumber(expression) is not LiteralSyntax);

    /// <summary>Binds an expression that produces a value; null (after a diagnostic) when it cannot.</summary>
    private BoundOperand? BindOperand(ExpressionSyntax expression)
    {
        expression = FoldNegativeNumber(expression);
        switch (expression)
        {
            case LiteralSyntax literal:
                return BindLiteralOperand(literal);
            case FieldSyntax fieldSyntax:
                return BindFieldOperand(fieldSyntax);
            case FunctionCallSyntax call:
                return BindCall(call.Name, call.NameSpan, call.IsCaseInsensitive, call.Arguments, call.Span);
            case ArithmeticSyntax arithmetic:
                string function = arithmetic.Operator switch
                {
                    ArithmeticOperator.Add => "add",
                    ArithmeticOperator.Subtract => "subtract",
                    ArithmeticOperator.Multiply => "multiply",
                    ArithmeticOperator.Divide => "divide",
                    _ => "modulo",
                };
                return BindCall(function, arithmetic.Span, false, new[] { arithmetic.Left, arithmetic.Right }, arithmetic.Span);
            case UnarySyntax unary:
                // -x is 0 - x; +x is x.
                return unary.IsMinus
                    ? BindCall("subtract", unary.Span, false, new ExpressionSyntax[] { new LiteralSyntax(unary.Span, LiteralKind.Number, "0", "0"), unary.Operand }, unary.Span)
                    : BindOperand(unary.Operand);
            default:
                Report(DiagnosticDescriptors.TypeMismatch, expression.Span, $"'{Slice(expression.Span)}' is a condition, not a value: use it on its own, or combine it with 'and', 'or' and 'not'");
                return null;
        }
    }

    private BoundOperand? BindLiteralOperand(LiteralSyntax literal)
    {
        switch (literal.Kind)
        {
            case LiteralKind.String:
                return new BoundLiteralOperand(ValueKind.String, literal.Value);
            case LiteralKind.True:
                return new BoundLiteralOperand(ValueKind.Boolean, "true");
            case LiteralKind.False:
                return new BoundLiteralOperand(ValueKind.Boolean, "false");
            case LiteralKind.Null:
                return new BoundLiteralOperand(ValueKind.Null, "null");
            default:
                if (!IsFiniteNumber(literal))
                {
                    return null;
                }

                if (long.TryParse(literal.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
                {
                    return new BoundLiteralOperand(ValueKind.Long, whole.ToString(CultureInfo.InvariantCulture));
                }

                double value = double.Parse(literal.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
                return new BoundLiteralOperand(ValueKind.Double, value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private BoundOperand? BindFieldOperand(FieldSyntax fieldSyntax)
    {
        BoundField? field = BindField(fieldSyntax);
        if (field is null)
        {
            // An optional field that is not in the schema is null.
            return OptionalFieldMissing(fieldSyntax, string.Empty, null) is null ? null : new BoundLiteralOperand(ValueKind.Null, "null");
        }

        ValueKind? kind = field.Kind switch
        {
            FieldKind.String => ValueKind.String,
            FieldKind.Long => ValueKind.Long,
            FieldKind.Double => ValueKind.Double,
            FieldKind.Boolean => ValueKind.Boolean,
            _ => null,
        };
        if (kind is null)
        {
            ReportNotSupported(fieldSyntax.Span, $"functions and arithmetic over {field.Type} fields such as '{field.Name}'", string.Empty);
            return null;
        }

        return new BoundFieldOperand(field, kind.Value);
    }

    private BoundOperand? BindCall(string name, Text.TextSpan nameSpan, bool ignoreCase, IReadOnlyList<ExpressionSyntax> arguments, Text.TextSpan span)
    {
        if (!FunctionTable.TryGet(name, out FunctionSignature signature))
        {
            string? suggestion = FunctionTable.Suggest(name);
            string hint = suggestion is null
                ? ": the functions of Elasticsearch EQL are " + string.Join(", ", FunctionTable.All.Select(known => known.Name))
                : $"; did you mean '{suggestion}'?";
            Report(DiagnosticDescriptors.UnknownFunction, nameSpan, name, hint);
            return null;
        }

        if (ignoreCase && !signature.AllowsIgnoreCase)
        {
            Report(DiagnosticDescriptors.UnknownFunction, nameSpan, name + "~", $": '{signature.Name}' has no case-insensitive form");
            return null;
        }

        int maximum = signature.IsVariadic ? int.MaxValue : signature.Parameters.Length;
        if (arguments.Count < signature.RequiredCount || arguments.Count > maximum)
        {
            string expected = signature.IsVariadic
                ? $"at least {signature.RequiredCount}"
                : signature.RequiredCount == maximum ? $"{maximum}" : $"{signature.RequiredCount} to {maximum}";
            string noun = expected.EndsWith(" 1", System.StringComparison.Ordinal) || expected == "1" ? "argument" : "arguments";
            string actual = arguments.Count == 1 ? "1 was" : $"{arguments.Count} were";
            Report(DiagnosticDescriptors.WrongArgumentCount, span, $"The function '{signature.Name}' takes {expected} {noun}, but {actual} given");
            return null;
        }

        var bound = new List<BoundOperand>();
        bool valid = true;
        for (int i = 0; i < arguments.Count; i++)
        {
            ParameterKind parameter = signature.Parameters[System.Math.Min(i, signature.Parameters.Length - 1)];
            BoundOperand? argument = BindOperand(arguments[i]);
            if (argument is null)
            {
                valid = false;
                continue;
            }

            if (!Accepts(parameter, argument.Kind))
            {
                Report(DiagnosticDescriptors.TypeMismatch, arguments[i].Span, $"Argument {i + 1} of '{signature.Name}' must be {Describe(parameter)}, but '{Slice(arguments[i].Span)}' is {Describe(argument.Kind)}");
                valid = false;
                continue;
            }

            bound.Add(argument);
        }

        if (!valid || (signature.Name == "cidrMatch" && !CheckCidrArguments(arguments)))
        {
            return null;
        }

        ValueKind result = signature.Result(bound.Select(argument => argument.Kind).ToList());
        return new BoundCallOperand(signature.Name, bound.ToEquatableArray(), ignoreCase, result);
    }

    // cidrMatch takes its networks as string literals, checked here so that a typo is a build error.
    private bool CheckCidrArguments(IReadOnlyList<ExpressionSyntax> arguments)
    {
        bool valid = true;
        for (int i = 1; i < arguments.Count; i++)
        {
            if (arguments[i] is not LiteralSyntax { Kind: LiteralKind.String } literal)
            {
                Report(DiagnosticDescriptors.TypeMismatch, arguments[i].Span, $"cidrMatch takes its CIDR blocks as string literals, but found '{Slice(arguments[i].Span)}'");
                valid = false;
                continue;
            }

            if (!Cidr.IsValid(literal.Value))
            {
                Report(DiagnosticDescriptors.InvalidCidr, literal.Span, literal.Value);
                valid = false;
            }
        }

        return valid;
    }

    private static bool Accepts(ParameterKind parameter, ValueKind kind) => kind == ValueKind.Null || parameter switch
    {
        ParameterKind.String => kind == ValueKind.String,
        ParameterKind.Number => kind is ValueKind.Long or ValueKind.Double,
        ParameterKind.Boolean => kind == ValueKind.Boolean,
        _ => true,
    };

    private static string Describe(ParameterKind parameter) => parameter switch
    {
        ParameterKind.String => "a string",
        ParameterKind.Number => "a number",
        ParameterKind.Boolean => "true or false",
        _ => "a value",
    };

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.String => "a string",
        ValueKind.Long => "an integer",
        ValueKind.Double => "a floating-point number",
        ValueKind.Boolean => "a boolean",
        _ => "null",
    };

    /// <summary>Binds a comparison in which one side is computed, such as <c>length(process.name) &gt; 3</c>.</summary>
    private BoundExpression BindOperandComparison(ComparisonSyntax comparison)
    {
        BoundOperand? left = BindOperand(comparison.Left);
        BoundOperand? right = BindOperand(comparison.Right);
        if (left is null || right is null)
        {
            return Unknown;
        }

        string clause = Slice(comparison.Span);
        if (left.ReadsField && right.ReadsField)
        {
            Report(DiagnosticDescriptors.FieldComparedToField, comparison.Span, Slice(comparison.Left.Span), Slice(comparison.Right.Span));
            return Unknown;
        }

        if (left.Kind == ValueKind.Null || right.Kind == ValueKind.Null)
        {
            if (comparison.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
            {
                // Elasticsearch's EQL optimizer folds '1 < null' to null (ConstantFolding), and null propagates
                // through any ordered comparison, so the test is null on every event.
                Report(DiagnosticDescriptors.OrderedNullComparison, comparison.Span, clause);
                return new BoundConstant(null, clause + " (an ordered comparison with null is always null)");
            }

            BoundOperand tested = left.Kind == ValueKind.Null ? right : left;
            return new BoundOperandNullTest(tested, comparison.Operator == ComparisonOperator.Equal, clause);
        }

        bool numeric = left.Kind is ValueKind.Long or ValueKind.Double && right.Kind is ValueKind.Long or ValueKind.Double;
        if (!numeric && left.Kind != right.Kind)
        {
            Report(DiagnosticDescriptors.TypeMismatch, comparison.Span, $"'{Slice(comparison.Left.Span)}' is {Describe(left.Kind)} and '{Slice(comparison.Right.Span)}' is {Describe(right.Kind)}, so they cannot be compared");
            return Unknown;
        }

        if (left.Kind == ValueKind.Boolean && comparison.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            Report(DiagnosticDescriptors.TypeMismatch, comparison.OperatorSpan, "booleans have no order: compare them with == or !=");
            return Unknown;
        }

        return new BoundOperandComparison(left, comparison.Operator, right, clause);
    }

    private BoundExpression BindOperandAsCondition(ExpressionSyntax expression)
    {
        BoundOperand? operand = BindOperand(expression);
        if (operand is null)
        {
            return Unknown;
        }

        if (operand.Kind != ValueKind.Boolean)
        {
            return ReportNotCondition(expression);
        }

        return new BoundOperandCondition(operand, Slice(expression.Span));
    }

    /// <summary>Binds <c>regex</c> and <c>regex~</c>: Lucene patterns, translated and checked at build time.</summary>
    private BoundExpression BindRegex(PredicateSyntax predicate)
    {
        List<LiteralSyntax>? values = BindLiteralValues(predicate);
        BoundField? field = null;
        BoundOperand? operand = null;
        string clause = Slice(predicate.Span);
        if (predicate.Subject is FieldSyntax fieldSyntax)
        {
            field = BindField(fieldSyntax);
            if (field is null)
            {
                return values is null ? Unknown : OptionalFieldMissing(fieldSyntax, clause, null) ?? Unknown;
            }

            if (field.Kind != FieldKind.String)
            {
                Report(DiagnosticDescriptors.TypeMismatch, predicate.OperatorSpan, $"'{Slice(predicate.OperatorSpan)}' matches strings, but field '{field.Name}' has type {field.Type}");
                return Unknown;
            }
        }
        else
        {
            operand = BindOperand(predicate.Subject);
            if (operand is null)
            {
                return Unknown;
            }

            if (operand.Kind != ValueKind.String)
            {
                Report(DiagnosticDescriptors.TypeMismatch, predicate.OperatorSpan, $"'{Slice(predicate.OperatorSpan)}' matches strings, but '{Slice(predicate.Subject.Span)}' is {Describe(operand.Kind)}");
                return Unknown;
            }
        }

        if (values is null)
        {
            return Unknown;
        }

        var patterns = new List<string>();
        var sources = new List<string>();
        foreach (LiteralSyntax value in values)
        {
            if (value.Kind != LiteralKind.String)
            {
                Report(DiagnosticDescriptors.TypeMismatch, value.Span, $"'{Slice(predicate.OperatorSpan)}' takes string patterns, not {value.Text}");
                continue;
            }

            string? translated = LuceneRegex.Translate(value.Value, out string? error, out int position);
            if (translated is null)
            {
                string location = position >= value.Value.Length ? "at the end of the pattern" : $"at character {position + 1}";
                Report(DiagnosticDescriptors.InvalidRegex, value.Span, value.Value, location, error!);
                continue;
            }

            // The translation should always be a valid .NET pattern. Checking it here turns a translation bug into
            // a located error instead of an exception when the detector is created.
            try
            {
                _ = new System.Text.RegularExpressions.Regex(@"\A(?:" + translated + @")\z");
            }
            catch (System.ArgumentException exception)
            {
                Report(DiagnosticDescriptors.InvalidRegex, value.Span, value.Value, "as a whole", "its .NET translation is invalid (" + exception.Message + "); please report this pattern");
                continue;
            }

            patterns.Add(translated);
            sources.Add(value.Value);
        }

        if (patterns.Count > 0 && !CheckRegexSize(patterns, predicate.IsCaseInsensitive, values, sources))
        {
            return Unknown;
        }

        return new BoundRegexMatch(field, operand, patterns.ToEquatableArray(), sources.ToEquatableArray(), predicate.IsCaseInsensitive, clause);
    }

    // Without backtracking, .NET compiles a pattern into an automaton of limited size and rejects a larger one
    // only when the detector is created. So the combined pattern is built here with the detector's options.
    private bool CheckRegexSize(List<string> patterns, bool ignoreCase, List<LiteralSyntax> values, List<string> sources)
    {
        var options = LuceneRegex.NonBacktracking | System.Text.RegularExpressions.RegexOptions.CultureInvariant;
        if (ignoreCase)
        {
            options |= System.Text.RegularExpressions.RegexOptions.IgnoreCase;
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(LuceneRegex.Combine(patterns), options);
            return true;
        }
        catch (System.ArgumentOutOfRangeException)
        {
            // A compiler host on .NET Framework has no NonBacktracking option, so the size cannot be checked there.
            return true;
        }
        catch (System.NotSupportedException exception)
        {
            Text.TextSpan span = values[0].Span.Cover(values[values.Count - 1].Span);
            Report(DiagnosticDescriptors.InvalidRegex, span, string.Join("\", \"", sources), "as a whole", "it is too large to run without backtracking (" + exception.Message + "); split it into smaller patterns or simplify its repetitions");
            return false;
        }
    }

    /// <summary>Binds ':', 'like' or 'in' whose subject is computed, such as <c>substring(file.name, -4) : ".exe"</c>.</summary>
    private BoundExpression BindOperandPredicate(PredicateSyntax predicate, List<LiteralSyntax> values)
    {
        BoundOperand? subject = BindOperand(predicate.Subject);
        if (subject is null)
        {
            return Unknown;
        }

        string clause = Slice(predicate.Span);
        if (subject.Kind == ValueKind.String)
        {
            var patterns = new List<StringPattern>();
            foreach (LiteralSyntax value in values)
            {
                if (value.Kind != LiteralKind.String)
                {
                    Report(DiagnosticDescriptors.TypeMismatch, value.Span, $"'{Slice(predicate.Subject.Span)}' is a string, so it compares with strings, not {value.Text}");
                    continue;
                }

                patterns.Add(predicate.Kind == PredicateKind.In ? StringPattern.Exact(value.Value) : StringPattern.FromWildcard(value.Value));
            }

            BoundExpression match = new BoundOperandMatch(subject, patterns.ToEquatableArray(), predicate.IsCaseInsensitive, clause);
            return predicate.IsNegated ? new BoundNot(match, clause) : match;
        }

        if (predicate.Kind != PredicateKind.In)
        {
            Report(DiagnosticDescriptors.TypeMismatch, predicate.OperatorSpan, $"'{Slice(predicate.OperatorSpan)}' matches strings, but '{Slice(predicate.Subject.Span)}' is {Describe(subject.Kind)}: use == or 'in'");
            return Unknown;
        }

        BoundExpression? result = null;
        foreach (LiteralSyntax value in values)
        {
            BoundOperand? literal = BindLiteralOperand(value);
            if (literal is null)
            {
                continue;
            }

            bool fits = literal.Kind == subject.Kind || (literal.Kind is ValueKind.Long or ValueKind.Double && subject.Kind is ValueKind.Long or ValueKind.Double);
            if (!fits)
            {
                Report(DiagnosticDescriptors.TypeMismatch, value.Span, $"'{Slice(predicate.Subject.Span)}' is {Describe(subject.Kind)}, so it cannot equal {value.Text}");
                continue;
            }

            var equal = new BoundOperandComparison(subject, ComparisonOperator.Equal, literal, clause);
            result = result is null ? equal : new BoundOr(result, equal);
        }

        result ??= Unknown;
        return predicate.IsNegated ? new BoundNot(result, clause) : result;
    }
}
