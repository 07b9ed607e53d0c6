using System;
using System.Collections.Generic;
using System.Globalization;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Text;

namespace RuleGen.Eql.Syntax;

/// <summary>
/// The result of parsing a rule file: the statement (null after a syntax error), comments and diagnostics.
/// <see cref="QueryStart"/> is the offset of the first token, where the query starts even when it does not parse.
/// </summary>
public sealed record ParseResult(StatementSyntax? Statement, IReadOnlyList<Comment> Comments, IReadOnlyList<EqlDiagnostic> Diagnostics, int QueryStart);

/// <summary>
/// A recursive-descent parser for the Elasticsearch EQL 8.x grammar, plus RuleGen's trailing
/// <c>not sequence</c> clause. It reports every lexical error and then the first syntax error, at its exact
/// span, and stops there: after a syntax error later messages are mostly noise.
/// </summary>
public sealed partial class Parser
{
    private readonly List<Token> tokens;
    private readonly List<EqlDiagnostic> diagnostics;
    private readonly LineMap lines;
    private int index;

    private Parser(List<Token> tokens, List<EqlDiagnostic> diagnostics, LineMap lines)
    {
        this.tokens = tokens;
        this.diagnostics = diagnostics;
        this.lines = lines;
    }

    public static ParseResult Parse(string text)
    {
        var diagnostics = new List<EqlDiagnostic>();
        var lexer = new Lexer(text, diagnostics);
        List<Token> tokens = lexer.Tokenize();
        var parser = new Parser(tokens, diagnostics, new LineMap(text));
        StatementSyntax? statement = null;
        try
        {
            statement = parser.ParseStatement();
        }
        catch (SyntaxErrorException)
        {
            // The diagnostic was recorded where the error was found.
        }

        return new ParseResult(statement, lexer.Comments, diagnostics, tokens[0].Span.Start);
    }

    /// <summary>Unwinds the parser after a syntax error has been reported.</summary>
    private sealed class SyntaxErrorException : Exception
    {
    }

    private Token Current => tokens[index];

    private Token PeekToken(int offset) => tokens[Math.Min(index + offset, tokens.Count - 1)];

    private Token Advance()
    {
        Token token = tokens[index];
        if (index < tokens.Count - 1)
        {
            index++;
        }

        return token;
    }

    private bool At(TokenKind kind) => Current.Kind == kind;

    private Token Expect(TokenKind kind, string? expected = null)
    {
        if (Current.Kind == kind)
        {
            return Advance();
        }

        throw Error(DiagnosticDescriptors.UnexpectedToken, Current.Span, expected ?? Token.Describe(kind), Current.Describe());
    }

    // Names where a token is, 1-based, for messages about a distant token such as an unclosed parenthesis.
    private string Where(Token token)
    {
        LinePosition position = lines.GetPosition(token.Span.Start);
        return string.Format(CultureInfo.InvariantCulture, "line {0}, column {1}", position.Line + 1, position.Character + 1);
    }

    private SyntaxErrorException Error(DiagnosticDescriptorInfo descriptor, TextSpan span, params object[] arguments)
    {
        // An error at the end of the query points just after its last token, not at a later blank line.
        if (Current.Kind == TokenKind.EndOfFile && span == Current.Span && index > 0)
        {
            span = new TextSpan(tokens[index - 1].Span.End, 0);
        }

        diagnostics.Add(EqlDiagnostic.Create(descriptor, span, arguments));
        return new SyntaxErrorException();
    }

    private TextSpan SpanFrom(TextSpan start) => TextSpan.FromBounds(start.Start, tokens[Math.Max(0, index - 1)].Span.End);

    private StatementSyntax? ParseStatement()
    {
        if (At(TokenKind.EndOfFile))
        {
            diagnostics.Add(EqlDiagnostic.Create(DiagnosticDescriptors.EmptyRule, Current.Span));
            return null;
        }

        QuerySyntax query = ParseQuery();
        var pipes = new List<PipeSyntax>();
        while (At(TokenKind.Pipe))
        {
            pipes.Add(ParsePipe());
        }

        if (!At(TokenKind.EndOfFile))
        {
            string expected = query switch
            {
                SequenceSyntax => "another sequence term '[', 'until', 'not sequence', '|' or the end of the query",
                SampleSyntax => "another sample term '[', '|' or the end of the query",
                _ => "'and', 'or', '|' or the end of the query",
            };
            throw Error(DiagnosticDescriptors.UnexpectedToken, Current.Span, expected, Current.Describe());
        }

        return new StatementSyntax(query, pipes);
    }

    private QuerySyntax ParseQuery()
    {
        switch (Current.Kind)
        {
            case TokenKind.Sequence:
                return ParseSequence();
            case TokenKind.Sample:
                return ParseSample();
            case TokenKind.Join:
                Token keyword = Advance();
                while (!At(TokenKind.EndOfFile) && !At(TokenKind.Pipe))
                {
                    Advance();
                }

                return new UnsupportedQuerySyntax(keyword.Span, keyword.Text);
            case TokenKind.OpenBracket:
            case TokenKind.MissingOpenBracket:
                throw Error(DiagnosticDescriptors.InvalidSequence, Current.Span, "A bracketed term only appears in a sequence: start the query with 'sequence', as in 'sequence by host.name [process where ...] [network where ...]'");
            default:
                return ParseEventQuery();
        }
    }

    private EventQuerySyntax ParseEventQuery()
    {
        Token category = Current;
        bool isAny = false;
        string name;
        switch (category.Kind)
        {
            case TokenKind.Any:
                isAny = true;
                name = "any";
                break;
            case TokenKind.Identifier:
            case TokenKind.String:
                name = category.Value;
                break;
            default:
                throw Error(DiagnosticDescriptors.UnexpectedToken, category.Span, "an event category such as 'process', 'any' or a quoted category", category.Describe());
        }

        Advance();
        if (!At(TokenKind.Where))
        {
            string expected = At(TokenKind.Dot) || At(TokenKind.Colon) || At(TokenKind.EqualsEquals)
                ? "'where' after the event category (a query starts with 'category where', as in 'process where process.name : \"cmd.exe\"')"
                : "'where'";
            throw Error(DiagnosticDescriptors.UnexpectedToken, Current.Span, expected, Current.Describe());
        }

        Advance();
        ExpressionSyntax condition = ParseExpression();
        return new EventQuerySyntax(SpanFrom(category.Span), name, category.Span, isAny, condition);
    }

    private SequenceSyntax ParseSequence()
    {
        Token keyword = Advance();
        JoinKeysSyntax? keys = null;
        MaxspanSyntax? maxspan = null;
        if (At(TokenKind.By))
        {
            keys = ParseJoinKeys();
        }

        if (At(TokenKind.With))
        {
            maxspan = ParseMaxspan();
            if (At(TokenKind.By))
            {
                // Elasticsearch parses this order and then rejects it.
                throw Error(DiagnosticDescriptors.InvalidSequence, Current.Span, "Write the sequence's 'by' keys before 'with maxspan', as in 'sequence by host.name with maxspan=5m'");
            }
        }

        var terms = new List<SequenceTermSyntax>();
        while (At(TokenKind.OpenBracket) || At(TokenKind.MissingOpenBracket))
        {
            terms.Add(ParseSequenceTerm(allowMissing: true, allowRuns: true));
        }

        if (terms.Count == 0)
        {
            throw Error(DiagnosticDescriptors.InvalidSequence, Current.Span, "A sequence needs its terms in brackets, as in 'sequence [process where true] [network where true]', but found " + Current.Describe());
        }

        SequenceTermSyntax? until = null;
        TextSpan untilSpan = default;
        if (At(TokenKind.Until))
        {
            untilSpan = Advance().Span;
            if (!At(TokenKind.OpenBracket) && !At(TokenKind.MissingOpenBracket))
            {
                throw Error(DiagnosticDescriptors.UnexpectedToken, Current.Span, "'[' after 'until'", Current.Describe());
            }

            until = ParseSequenceTerm(allowMissing: true, allowRuns: true);
        }

        NotSequenceSyntax? notSequence = null;
        if (At(TokenKind.Not) && PeekToken(1).Kind == TokenKind.Sequence)
        {
            notSequence = ParseNotSequence();
        }

        return new SequenceSyntax(SpanFrom(keyword.Span), keyword.Span, keys, maxspan, terms, until, untilSpan, notSequence);
    }

    private SampleSyntax ParseSample()
    {
        Token keyword = Advance();
        JoinKeysSyntax? keys = At(TokenKind.By) ? ParseJoinKeys() : null;
        if (At(TokenKind.With))
        {
            throw Error(DiagnosticDescriptors.InvalidSequence, Current.Span, "A sample takes no 'with maxspan': its events may come in any order and at any distance in time");
        }

        var terms = new List<SequenceTermSyntax>();
        while (At(TokenKind.OpenBracket) || At(TokenKind.MissingOpenBracket))
        {
            if (At(TokenKind.MissingOpenBracket))
            {
                throw Error(DiagnosticDescriptors.InvalidSequence, Current.Span, "A sample has no missing-event terms '![...]': write each term as '[...]'");
            }

            terms.Add(ParseSequenceTerm(allowMissing: false, allowRuns: false));
        }

        if (terms.Count == 0)
        {
            throw Error(DiagnosticDescriptors.InvalidSequence, Current.Span, "A sample needs its terms in brackets, as in 'sample by host.name [process where true] [network where true]', but found " + Current.Describe());
        }

        return new SampleSyntax(SpanFrom(keyword.Span), keyword.Span, keys, terms);
    }

    private NotSequenceSyntax ParseNotSequence()
    {
        Token not = Advance();
        Advance();
        TextSpan keywordSpan = SpanFrom(not.Span);
        JoinKeysSyntax? keys = At(TokenKind.By) ? ParseJoinKeys() : null;
        if (At(TokenKind.With))
        {
            throw Error(DiagnosticDescriptors.InvalidSequence, Current.Span, "A 'not sequence' clause uses the maxspan of the sequence it follows and takes no 'with' of its own");
        }

        var terms = new List<SequenceTermSyntax>();
        while (At(TokenKind.OpenBracket) || At(TokenKind.MissingOpenBracket))
        {
            terms.Add(ParseSequenceTerm(allowMissing: false, allowRuns: false));
        }

        if (terms.Count == 0)
        {
            throw Error(DiagnosticDescriptors.InvalidSequence, Current.Span, "A 'not sequence' clause needs one bracketed event query, as in 'not sequence by host.name [process where process.parent.name : \"msiexec.exe\"]', but found " + Current.Describe());
        }

        return new NotSequenceSyntax(SpanFrom(not.Span), keywordSpan, keys, terms);
    }

    private SequenceTermSyntax ParseSequenceTerm(bool allowMissing, bool allowRuns)
    {
        Token open = Advance();
        bool isMissing = open.Kind == TokenKind.MissingOpenBracket;
        if (isMissing && !allowMissing)
        {
            throw Error(DiagnosticDescriptors.InvalidSequence, open.Span, "A missing-event term '![...]' is not allowed here");
        }

        EventQuerySyntax query = ParseEventQuery();
        Expect(TokenKind.CloseBracket, "']' to close the sequence term");
        JoinKeysSyntax? keys = At(TokenKind.By) ? ParseJoinKeys() : null;
        int? runs = null;
        TextSpan runsSpan = default;
        if (At(TokenKind.With))
        {
            Token with = Advance();
            if (At(TokenKind.Maxspan))
            {
                throw Error(DiagnosticDescriptors.InvalidSequence, Current.Span, "'with maxspan' belongs right after 'sequence' (and its 'by' keys), not after a term");
            }

            if (!allowRuns || !At(TokenKind.Identifier) || Current.Value != "runs")
            {
                throw Error(DiagnosticDescriptors.UnexpectedToken, Current.Span, allowRuns ? "'runs' after 'with'" : "'[' or the end of the clause", Current.Describe());
            }

            Advance();
            ExpectAssign();
            Token number = Expect(TokenKind.Number, "the number of runs");
            // Elasticsearch accepts runs from 1 to 100 inclusive.
            if (!int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1 || count > 100)
            {
                throw Error(DiagnosticDescriptors.InvalidNumber, number.Span, number.Text, "runs takes a whole number from 1 to 100");
            }

            runs = count;
            runsSpan = SpanFrom(with.Span);
        }

        return new SequenceTermSyntax(SpanFrom(open.Span), query, keys, runs, runsSpan, isMissing);
    }

    private JoinKeysSyntax ParseJoinKeys()
    {
        Token by = Advance();
        var keys = new List<ExpressionSyntax> { ParseExpression() };
        while (At(TokenKind.Comma))
        {
            Advance();
            keys.Add(ParseExpression());
        }

        return new JoinKeysSyntax(SpanFrom(by.Span), keys);
    }

    private MaxspanSyntax ParseMaxspan()
    {
        Token with = Advance();
        Expect(TokenKind.Maxspan, "'maxspan' after 'with'");
        ExpectAssign();
        Token number = Current;
        if (!At(TokenKind.Number))
        {
            throw Error(DiagnosticDescriptors.InvalidMaxspan, Current.Span, "expected a whole number and a unit such as 5m, but found " + Current.Describe());
        }

        Advance();
        if (!long.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            throw Error(DiagnosticDescriptors.InvalidMaxspan, number.Span, $"'{number.Text}' is not a whole number; write a whole number of a smaller unit, such as 1500ms for 1.5s");
        }

        if (value <= 0)
        {
            throw Error(DiagnosticDescriptors.InvalidMaxspan, number.Span, "the span must be greater than zero");
        }

        if (!At(TokenKind.Identifier))
        {
            throw Error(DiagnosticDescriptors.InvalidMaxspan, TextSpan.FromBounds(with.Span.Start, number.Span.End), $"'{number.Text}' has no unit; add one of ms, s, m, h or d, as in maxspan={number.Text}m");
        }

        Token unit = Advance();
        long factor = unit.Value switch
        {
            "ms" => 1L,
            "s" => 1000L,
            "m" => 60_000L,
            "h" => 3_600_000L,
            "d" => 86_400_000L,
            _ => 0L,
        };
        if (factor == 0)
        {
            throw Error(DiagnosticDescriptors.InvalidMaxspan, unit.Span, $"unknown unit '{unit.Text}'; use ms, s, m, h or d");
        }

        if (value > long.MaxValue / factor / 10_000)
        {
            throw Error(DiagnosticDescriptors.InvalidMaxspan, number.Span, "the span is too large");
        }

        return new MaxspanSyntax(SpanFrom(with.Span), value, unit.Value, value * factor);
    }

    private void ExpectAssign()
    {
        if (At(TokenKind.EqualsEquals))
        {
            throw Error(DiagnosticDescriptors.UnexpectedToken, Current.Span, "'=' (a single equals sign)", Current.Describe());
        }

        Expect(TokenKind.Assign, "'='");
    }

    private PipeSyntax ParsePipe()
    {
        Token pipe = Advance();
        Token name = Current;
        if (!At(TokenKind.Identifier))
        {
            throw Error(DiagnosticDescriptors.UnexpectedToken, Current.Span, "a pipe name such as 'head' or 'tail'", Current.Describe());
        }

        Advance();
        var arguments = new List<ExpressionSyntax>();
        if (!At(TokenKind.Pipe) && !At(TokenKind.EndOfFile))
        {
            arguments.Add(ParseExpression());
            while (At(TokenKind.Comma))
            {
                Advance();
                arguments.Add(ParseExpression());
            }
        }

        return new PipeSyntax(SpanFrom(pipe.Span), name.Value, arguments);
    }
}
