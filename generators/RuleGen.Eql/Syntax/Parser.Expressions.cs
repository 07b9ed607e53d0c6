using System.Collections.Generic;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Text;

namespace RuleGen.Eql.Syntax;

// Expression grammar, loosest first, as in Elasticsearch's EqlBase.g4: or, and, prefix not, one
// non-associative comparison, + -, * / %, unary - +, then a primary expression with an optional
// predicate suffix (in, :, like, regex and their ~ forms).
public sealed partial class Parser
{
    // Parentheses, function calls, 'not' and signs recurse. A limit on their nesting turns a pathological file
    // into a diagnostic, because a stack overflow would end the compiler process and cannot be caught.
    private const int MaxNesting = 256;

    private int nesting;

    private ExpressionSyntax ParseExpression()
    {
        Nest();
        ExpressionSyntax expression = ParseOr();
        nesting--;
        return expression;
    }

    private void Nest()
    {
        if (++nesting > MaxNesting)
        {
            throw Error(DiagnosticDescriptors.UnexpectedToken, Current.Span, "at most 256 nested parentheses, function calls, 'not' or signs", Current.Describe());
        }
    }

    private ExpressionSyntax ParseOr()
    {
        ExpressionSyntax left = ParseAnd();
        while (At(TokenKind.Or))
        {
            Advance();
            ExpressionSyntax right = ParseAnd();
            left = new LogicalSyntax(left.Span.Cover(right.Span), LogicalOperator.Or, left, right);
        }

        return left;
    }

    private ExpressionSyntax ParseAnd()
    {
        ExpressionSyntax left = ParseNot();
        while (At(TokenKind.And))
        {
            Advance();
            ExpressionSyntax right = ParseNot();
            left = new LogicalSyntax(left.Span.Cover(right.Span), LogicalOperator.And, left, right);
        }

        return left;
    }

    private ExpressionSyntax ParseNot()
    {
        if (At(TokenKind.Not))
        {
            Token not = Advance();
            Nest();
            ExpressionSyntax operand = ParseNot();
            nesting--;
            return new NotSyntax(not.Span.Cover(operand.Span), operand);
        }

        return ParseComparison();
    }

    private ExpressionSyntax ParseComparison()
    {
        ExpressionSyntax left = ParseAdditive();
        if (At(TokenKind.Assign))
        {
            throw Error(DiagnosticDescriptors.AssignmentInsteadOfEquality, Current.Span);
        }

        if (!TryGetComparison(Current.Kind, out ComparisonOperator comparison))
        {
            return left;
        }

        Token op = Advance();
        ExpressionSyntax right = ParseAdditive();
        if (TryGetComparison(Current.Kind, out _))
        {
            throw Error(DiagnosticDescriptors.UnexpectedToken, Current.Span, "'and' or 'or' (comparisons cannot be chained: write 'a < b and b < c')", Current.Describe());
        }

        return new ComparisonSyntax(left.Span.Cover(right.Span), comparison, op.Span, left, right);
    }

    private static bool TryGetComparison(TokenKind kind, out ComparisonOperator comparison)
    {
        switch (kind)
        {
            case TokenKind.EqualsEquals: comparison = ComparisonOperator.Equal; return true;
            case TokenKind.NotEquals: comparison = ComparisonOperator.NotEqual; return true;
            case TokenKind.Less: comparison = ComparisonOperator.Less; return true;
            case TokenKind.LessOrEqual: comparison = ComparisonOperator.LessOrEqual; return true;
            case TokenKind.Greater: comparison = ComparisonOperator.Greater; return true;
            case TokenKind.GreaterOrEqual: comparison = ComparisonOperator.GreaterOrEqual; return true;
            default: comparison = default; return false;
        }
    }

    private ExpressionSyntax ParseAdditive()
    {
        ExpressionSyntax left = ParseMultiplicative();
        while (At(TokenKind.Plus) || At(TokenKind.Minus))
        {
            ArithmeticOperator op = Advance().Kind == TokenKind.Plus ? ArithmeticOperator.Add : ArithmeticOperator.Subtract;
            ExpressionSyntax right = ParseMultiplicative();
            left = new ArithmeticSyntax(left.Span.Cover(right.Span), op, left, right);
        }

        return left;
    }

    private ExpressionSyntax ParseMultiplicative()
    {
        ExpressionSyntax left = ParseUnary();
        while (At(TokenKind.Star) || At(TokenKind.Slash) || At(TokenKind.Percent))
        {
            ArithmeticOperator op = Advance().Kind switch
            {
                TokenKind.Star => ArithmeticOperator.Multiply,
                TokenKind.Slash => ArithmeticOperator.Divide,
                _ => ArithmeticOperator.Modulo,
            };
            ExpressionSyntax right = ParseUnary();
            left = new ArithmeticSyntax(left.Span.Cover(right.Span), op, left, right);
        }

        return left;
    }

    private ExpressionSyntax ParseUnary()
    {
        if (At(TokenKind.Minus) || At(TokenKind.Plus))
        {
            Token sign = Advance();
            Nest();
            ExpressionSyntax operand = ParseUnary();
            nesting--;
            return new UnarySyntax(sign.Span.Cover(operand.Span), sign.Kind == TokenKind.Minus, operand);
        }

        return ParsePredicate();
    }

    private ExpressionSyntax ParsePredicate()
    {
        ExpressionSyntax subject = ParsePrimary();
        bool negated = false;
        TextSpan notSpan = default;
        if (At(TokenKind.Not) && (PeekToken(1).Kind == TokenKind.In || PeekToken(1).Kind == TokenKind.InInsensitive))
        {
            negated = true;
            notSpan = Advance().Span;
        }

        switch (Current.Kind)
        {
            case TokenKind.In:
            case TokenKind.InInsensitive:
            {
                Token op = Advance();
                TextSpan operatorSpan = negated ? notSpan.Cover(op.Span) : op.Span;
                Expect(TokenKind.OpenParen, $"'(' and a list of values after '{op.Text}'");
                List<ExpressionSyntax> values = ParseExpressionList();
                return new PredicateSyntax(SpanFrom(subject.Span), PredicateKind.In, op.Kind == TokenKind.InInsensitive, negated, operatorSpan, subject, values);
            }

            case TokenKind.Colon:
            case TokenKind.Like:
            case TokenKind.LikeInsensitive:
            case TokenKind.Regex:
            case TokenKind.RegexInsensitive:
            {
                Token op = Advance();
                PredicateKind kind = op.Kind switch
                {
                    TokenKind.Colon => PredicateKind.Colon,
                    TokenKind.Like or TokenKind.LikeInsensitive => PredicateKind.Like,
                    _ => PredicateKind.Regex,
                };
                bool insensitive = op.Kind is TokenKind.Colon or TokenKind.LikeInsensitive or TokenKind.RegexInsensitive;
                List<ExpressionSyntax> values;
                if (At(TokenKind.OpenParen))
                {
                    Advance();
                    values = ParseExpressionList();
                }
                else
                {
                    values = new List<ExpressionSyntax> { ParseUnary() };
                }

                return new PredicateSyntax(SpanFrom(subject.Span), kind, insensitive, false, op.Span, subject, values);
            }
        }

        return subject;
    }

    // Parses 'a, b, c)' after an opening parenthesis, consuming the closing one.
    private List<ExpressionSyntax> ParseExpressionList()
    {
        var values = new List<ExpressionSyntax>();
        if (At(TokenKind.CloseParen))
        {
            throw Error(DiagnosticDescriptors.UnexpectedToken, Current.Span, "at least one value in the list", Current.Describe());
        }

        values.Add(ParseExpression());
        while (At(TokenKind.Comma))
        {
            Advance();
            values.Add(ParseExpression());
        }

        Expect(TokenKind.CloseParen, "',' or ')' to close the list");
        return values;
    }

    private ExpressionSyntax ParsePrimary()
    {
        Token token = Current;
        switch (token.Kind)
        {
            case TokenKind.String:
                Advance();
                return new LiteralSyntax(token.Span, LiteralKind.String, token.Text, token.Value);
            case TokenKind.Number:
                Advance();
                return new LiteralSyntax(token.Span, LiteralKind.Number, token.Text, token.Value);
            case TokenKind.True:
                Advance();
                return new LiteralSyntax(token.Span, LiteralKind.True, token.Text, token.Value);
            case TokenKind.False:
                Advance();
                return new LiteralSyntax(token.Span, LiteralKind.False, token.Text, token.Value);
            case TokenKind.Null:
                Advance();
                return new LiteralSyntax(token.Span, LiteralKind.Null, token.Text, token.Value);
            case TokenKind.OpenParen:
            {
                Advance();
                ExpressionSyntax inner = ParseExpression();
                Token close = Expect(TokenKind.CloseParen, "')' to close the '(' at " + Where(token));
                // A field keeps its own span so that a diagnostic points at the name, not at the parenthesis.
                return inner is FieldSyntax ? inner : inner with { Span = token.Span.Cover(close.Span) };
            }

            case TokenKind.Question:
            {
                Advance();
                if (!At(TokenKind.Identifier))
                {
                    throw Error(DiagnosticDescriptors.UnexpectedToken, Current.Span, "a field name after '?'", Current.Describe());
                }

                FieldSyntax field = ParseFieldPath();
                return field with { Span = token.Span.Cover(field.Span), IsOptional = true };
            }

            case TokenKind.Identifier:
                if (PeekToken(1).Kind == TokenKind.OpenParen)
                {
                    return ParseFunctionCall();
                }

                if (token.IsCaseInsensitive)
                {
                    throw Error(DiagnosticDescriptors.UnexpectedToken, PeekToken(1).Span, $"'(' after '{token.Text}' ('~' marks a case-insensitive function call, as in startsWith~(process.name, \"a\"))", PeekToken(1).Describe());
                }

                return ParseFieldPath();
            default:
                throw Error(DiagnosticDescriptors.UnexpectedToken, token.Span, "a field, a value or '('", token.Describe());
        }
    }

    private FunctionCallSyntax ParseFunctionCall()
    {
        Token name = Advance();
        Advance();
        var arguments = new List<ExpressionSyntax>();
        if (!At(TokenKind.CloseParen))
        {
            arguments.Add(ParseExpression());
            while (At(TokenKind.Comma))
            {
                Advance();
                arguments.Add(ParseExpression());
            }
        }

        Expect(TokenKind.CloseParen, "',' or ')' to close the argument list");
        return new FunctionCallSyntax(SpanFrom(name.Span), name.Value, name.Span, name.IsCaseInsensitive, arguments);
    }

    private FieldSyntax ParseFieldPath()
    {
        Token first = Advance();
        var path = new System.Text.StringBuilder(first.Value);
        while (At(TokenKind.Dot))
        {
            Advance();
            Token segment = Current;
            if (segment.Kind != TokenKind.Identifier || segment.IsCaseInsensitive)
            {
                string hint = segment.Kind is >= TokenKind.And and <= TokenKind.With
                    ? $"a field name ('{segment.Text}' is a keyword: write it in backquotes, as in {path}.`{segment.Text}`)"
                    : "a field name after '.'";
                throw Error(DiagnosticDescriptors.UnexpectedToken, segment.Span, hint, segment.Describe());
            }

            Advance();
            path.Append('.').Append(segment.Value);
        }

        // Elasticsearch's grammar accepts name[0] and then rejects it; a bracket followed by a number is an index.
        if (At(TokenKind.OpenBracket) && PeekToken(1).Kind == TokenKind.Number && PeekToken(2).Kind == TokenKind.CloseBracket)
        {
            TextSpan indexSpan = Current.Span.Cover(PeekToken(2).Span);
            throw Error(DiagnosticDescriptors.UnexpectedToken, indexSpan, "a field without an index (Elasticsearch EQL has no array indexes: a condition on an array field matches when any element matches)", "'[" + PeekToken(1).Text + "]'");
        }

        return new FieldSyntax(SpanFrom(first.Span), path.ToString(), false);
    }
}
