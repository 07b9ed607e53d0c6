using System.Linq;
using RuleGen.Eql.Syntax;
using RuleGen.Eql.Text;

namespace RuleGen.Generators.Tests.Eql;

/// <summary>Syntax trees built by the EQL parser: operator precedence, predicates, sequences and pipes.</summary>
public sealed class ParserTests
{
    private static StatementSyntax ParseClean(string text)
    {
        ParseResult result = Parser.Parse(text);
        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        result.Statement.ShouldNotBeNull();
        return result.Statement;
    }

    private static ExpressionSyntax ParseCondition(string condition) =>
        ParseClean("any where " + condition).Query.ShouldBeOfType<EventQuerySyntax>().Condition;

    private static string PathOf(ExpressionSyntax expression) => expression.ShouldBeOfType<FieldSyntax>().Path;

    [Fact]
    public void Parser_NotBindsTighterThanAnd()
    {
        LogicalSyntax and = ParseCondition("not a and b").ShouldBeOfType<LogicalSyntax>();

        and.Operator.ShouldBe(LogicalOperator.And);
        PathOf(and.Left.ShouldBeOfType<NotSyntax>().Operand).ShouldBe("a");
        PathOf(and.Right).ShouldBe("b");
    }

    [Fact]
    public void Parser_AndBindsTighterThanOr()
    {
        LogicalSyntax or = ParseCondition("a or b and c").ShouldBeOfType<LogicalSyntax>();

        or.Operator.ShouldBe(LogicalOperator.Or);
        PathOf(or.Left).ShouldBe("a");
        LogicalSyntax and = or.Right.ShouldBeOfType<LogicalSyntax>();
        and.Operator.ShouldBe(LogicalOperator.And);
        PathOf(and.Left).ShouldBe("b");
        PathOf(and.Right).ShouldBe("c");
    }

    [Fact]
    public void Parser_AndIsLeftAssociative()
    {
        LogicalSyntax outer = ParseCondition("a and b and c").ShouldBeOfType<LogicalSyntax>();

        PathOf(outer.Right).ShouldBe("c");
        LogicalSyntax inner = outer.Left.ShouldBeOfType<LogicalSyntax>();
        PathOf(inner.Left).ShouldBe("a");
        PathOf(inner.Right).ShouldBe("b");
    }

    [Fact]
    public void Parser_ParenthesesOverridePrecedence()
    {
        LogicalSyntax and = ParseCondition("(a or b) and c").ShouldBeOfType<LogicalSyntax>();

        and.Operator.ShouldBe(LogicalOperator.And);
        and.Left.ShouldBeOfType<LogicalSyntax>().Operator.ShouldBe(LogicalOperator.Or);
    }

    [Fact]
    public void Parser_NotAppliesToWholeComparison()
    {
        NotSyntax not = ParseCondition("not process.pid == 1").ShouldBeOfType<NotSyntax>();

        not.Operand.ShouldBeOfType<ComparisonSyntax>().Operator.ShouldBe(ComparisonOperator.Equal);
    }

    [Fact]
    public void Parser_PredicateBindsToPrimary()
    {
        // As in Elasticsearch's grammar, 'in' attaches to the primary expression before it, not to the sum.
        ArithmeticSyntax sum = ParseCondition("x + 1 in (2)").ShouldBeOfType<ArithmeticSyntax>();

        sum.Operator.ShouldBe(ArithmeticOperator.Add);
        PathOf(sum.Left).ShouldBe("x");
        PredicateSyntax predicate = sum.Right.ShouldBeOfType<PredicateSyntax>();
        predicate.Kind.ShouldBe(PredicateKind.In);
        predicate.Subject.ShouldBeOfType<LiteralSyntax>().Value.ShouldBe("1");
    }

    [Fact]
    public void Parser_PredicateInsideAnd()
    {
        LogicalSyntax and = ParseCondition("process.name : \"a\" and process.pid == 1").ShouldBeOfType<LogicalSyntax>();

        and.Left.ShouldBeOfType<PredicateSyntax>().Kind.ShouldBe(PredicateKind.Colon);
        and.Right.ShouldBeOfType<ComparisonSyntax>().Operator.ShouldBe(ComparisonOperator.Equal);
    }

    [Fact]
    public void Parser_NotIn()
    {
        PredicateSyntax predicate = ParseCondition("x not in (\"a\")").ShouldBeOfType<PredicateSyntax>();

        predicate.Kind.ShouldBe(PredicateKind.In);
        predicate.IsNegated.ShouldBeTrue();
        predicate.IsCaseInsensitive.ShouldBeFalse();
        predicate.Values.ShouldHaveSingleItem().ShouldBeOfType<LiteralSyntax>().Value.ShouldBe("a");
        predicate.OperatorSpan.ShouldBe(new TextSpan("any where x ".Length, "not in".Length));
    }

    [Fact]
    public void Parser_NotInInsensitive()
    {
        PredicateSyntax predicate = ParseCondition("x not in~ (\"a\", \"b\")").ShouldBeOfType<PredicateSyntax>();

        predicate.IsNegated.ShouldBeTrue();
        predicate.IsCaseInsensitive.ShouldBeTrue();
        predicate.Values.Count.ShouldBe(2);
    }

    [Fact]
    public void Parser_PrefixNotIn()
    {
        NotSyntax not = ParseCondition("not x in (\"a\")").ShouldBeOfType<NotSyntax>();

        not.Operand.ShouldBeOfType<PredicateSyntax>().IsNegated.ShouldBeFalse();
    }

    [Theory]
    [InlineData("x : \"a\"", PredicateKind.Colon, true)]
    [InlineData("x like \"a\"", PredicateKind.Like, false)]
    [InlineData("x like~ \"a\"", PredicateKind.Like, true)]
    [InlineData("x regex \"a\"", PredicateKind.Regex, false)]
    [InlineData("x regex~ \"a\"", PredicateKind.Regex, true)]
    [InlineData("x in (\"a\")", PredicateKind.In, false)]
    [InlineData("x in~ (\"a\")", PredicateKind.In, true)]
    public void Parser_PredicateKinds(string condition, PredicateKind kind, bool caseInsensitive)
    {
        PredicateSyntax predicate = ParseCondition(condition).ShouldBeOfType<PredicateSyntax>();

        predicate.Kind.ShouldBe(kind);
        predicate.IsCaseInsensitive.ShouldBe(caseInsensitive);
        predicate.IsNegated.ShouldBeFalse();
    }

    [Fact]
    public void Parser_PredicateList()
    {
        PredicateSyntax predicate = ParseCondition("x : (\"a\", \"b*\", \"c\")").ShouldBeOfType<PredicateSyntax>();

        predicate.Values.Select(value => value.ShouldBeOfType<LiteralSyntax>().Value).ShouldBe(new[] { "a", "b*", "c" });
    }

    [Theory]
    [InlineData("==", ComparisonOperator.Equal)]
    [InlineData("!=", ComparisonOperator.NotEqual)]
    [InlineData("<", ComparisonOperator.Less)]
    [InlineData("<=", ComparisonOperator.LessOrEqual)]
    [InlineData(">", ComparisonOperator.Greater)]
    [InlineData(">=", ComparisonOperator.GreaterOrEqual)]
    public void Parser_ComparisonOperators(string text, ComparisonOperator expected)
    {
        ComparisonSyntax comparison = ParseCondition("x " + text + " 1").ShouldBeOfType<ComparisonSyntax>();

        comparison.Operator.ShouldBe(expected);
        comparison.OperatorSpan.Length.ShouldBe(text.Length);
    }

    [Fact]
    public void Parser_UnaryMinus()
    {
        UnarySyntax unary = ParseCondition("x == -5").ShouldBeOfType<ComparisonSyntax>().Right.ShouldBeOfType<UnarySyntax>();

        unary.IsMinus.ShouldBeTrue();
        unary.Operand.ShouldBeOfType<LiteralSyntax>().Kind.ShouldBe(LiteralKind.Number);
    }

    [Fact]
    public void Parser_MultiplicationBeforeAddition()
    {
        ArithmeticSyntax sum = ParseCondition("a + b * c == 1").ShouldBeOfType<ComparisonSyntax>().Left.ShouldBeOfType<ArithmeticSyntax>();

        sum.Operator.ShouldBe(ArithmeticOperator.Add);
        sum.Right.ShouldBeOfType<ArithmeticSyntax>().Operator.ShouldBe(ArithmeticOperator.Multiply);
    }

    [Fact]
    public void Parser_Literals()
    {
        LogicalSyntax or = ParseCondition("x == null or y == true or z == false").ShouldBeOfType<LogicalSyntax>();

        or.Right.ShouldBeOfType<ComparisonSyntax>().Right.ShouldBeOfType<LiteralSyntax>().Kind.ShouldBe(LiteralKind.False);
        LogicalSyntax inner = or.Left.ShouldBeOfType<LogicalSyntax>();
        inner.Left.ShouldBeOfType<ComparisonSyntax>().Right.ShouldBeOfType<LiteralSyntax>().Kind.ShouldBe(LiteralKind.Null);
        inner.Right.ShouldBeOfType<ComparisonSyntax>().Right.ShouldBeOfType<LiteralSyntax>().Kind.ShouldBe(LiteralKind.True);
    }

    [Fact]
    public void Parser_OptionalField()
    {
        FieldSyntax field = ParseCondition("?user.id != null").ShouldBeOfType<ComparisonSyntax>().Left.ShouldBeOfType<FieldSyntax>();

        field.Path.ShouldBe("user.id");
        field.IsOptional.ShouldBeTrue();
        field.Span.Start.ShouldBe("any where ".Length);
        field.Span.Length.ShouldBe("?user.id".Length);
    }

    [Fact]
    public void Parser_BackquotedPath()
    {
        PathOf(ParseCondition("`process`.`my``name` == \"a\"").ShouldBeOfType<ComparisonSyntax>().Left).ShouldBe("process.my`name");
    }

    [Fact]
    public void Parser_ParenthesizedFieldKeepsSpan()
    {
        FieldSyntax field = ParseCondition("(x) == 1").ShouldBeOfType<ComparisonSyntax>().Left.ShouldBeOfType<FieldSyntax>();

        field.Span.Start.ShouldBe("any where (".Length);
        field.Span.Length.ShouldBe(1);
    }

    [Fact]
    public void Parser_FunctionCall()
    {
        FunctionCallSyntax call = ParseCondition("startsWith~(process.name, \"a\")").ShouldBeOfType<FunctionCallSyntax>();

        call.Name.ShouldBe("startsWith");
        call.IsCaseInsensitive.ShouldBeTrue();
        call.Arguments.Count.ShouldBe(2);
        call.NameSpan.Length.ShouldBe("startsWith~".Length);
    }

    [Fact]
    public void Parser_EventQuery()
    {
        EventQuerySyntax query = ParseClean("process where true").Query.ShouldBeOfType<EventQuerySyntax>();

        query.Category.ShouldBe("process");
        query.IsAny.ShouldBeFalse();
        query.Span.Length.ShouldBe("process where true".Length);
    }

    [Fact]
    public void Parser_AnyQuery()
    {
        ParseClean("any where true").Query.ShouldBeOfType<EventQuerySyntax>().IsAny.ShouldBeTrue();
    }

    [Theory]
    [InlineData("\"my-category\" where true", "my-category")]
    [InlineData("\"\"\"my category\"\"\" where true", "my category")]
    public void Parser_QuotedCategory(string text, string category)
    {
        EventQuerySyntax query = ParseClean(text).Query.ShouldBeOfType<EventQuerySyntax>();

        query.Category.ShouldBe(category);
        query.IsAny.ShouldBeFalse();
    }

    [Fact]
    public void Parser_SequenceStructure()
    {
        const string text = "sequence by host.name, user.name with maxspan=5m\n"
            + "  [process where true] by process.pid\n"
            + "  [network where true] by source.port";

        SequenceSyntax sequence = ParseClean(text).Query.ShouldBeOfType<SequenceSyntax>();

        sequence.Keys.ShouldNotBeNull();
        sequence.Keys.Keys.Select(PathOf).ShouldBe(new[] { "host.name", "user.name" });
        sequence.Maxspan.ShouldNotBeNull();
        sequence.Maxspan.Value.ShouldBe(5);
        sequence.Maxspan.Unit.ShouldBe("m");
        sequence.Maxspan.Milliseconds.ShouldBe(300_000);
        sequence.Terms.Count.ShouldBe(2);
        sequence.Terms[0].Query.Category.ShouldBe("process");
        sequence.Terms[1].Query.Category.ShouldBe("network");
        sequence.Terms[0].Keys.ShouldNotBeNull();
        PathOf(sequence.Terms[0].Keys!.Keys.ShouldHaveSingleItem()).ShouldBe("process.pid");
        PathOf(sequence.Terms[1].Keys!.Keys.ShouldHaveSingleItem()).ShouldBe("source.port");
        sequence.Terms[0].IsMissing.ShouldBeFalse();
        sequence.Terms[0].Runs.ShouldBeNull();
        sequence.Until.ShouldBeNull();
        sequence.NotSequence.ShouldBeNull();
    }

    [Theory]
    [InlineData("250ms", 250L)]
    [InlineData("30s", 30_000L)]
    [InlineData("5m", 300_000L)]
    [InlineData("2h", 7_200_000L)]
    [InlineData("1d", 86_400_000L)]
    public void Parser_MaxspanUnits(string span, long milliseconds)
    {
        SequenceSyntax sequence = ParseClean("sequence with maxspan=" + span + " [any where true] [any where true]").Query.ShouldBeOfType<SequenceSyntax>();

        sequence.Maxspan.ShouldNotBeNull();
        sequence.Maxspan.Milliseconds.ShouldBe(milliseconds);
    }

    [Fact]
    public void Parser_NotSequenceClause()
    {
        const string text = "sequence by host.name [process where true] [process where true]\n"
            + "not sequence by host.name [process where process.parent.name : \"msiexec.exe\"]";

        SequenceSyntax sequence = ParseClean(text).Query.ShouldBeOfType<SequenceSyntax>();

        NotSequenceSyntax notSequence = sequence.NotSequence.ShouldNotBeNull();
        notSequence.Keys.ShouldNotBeNull();
        PathOf(notSequence.Keys.Keys.ShouldHaveSingleItem()).ShouldBe("host.name");
        notSequence.Terms.ShouldHaveSingleItem().Query.Category.ShouldBe("process");
        notSequence.KeywordSpan.Start.ShouldBe(text.IndexOf("not sequence"));
        notSequence.KeywordSpan.Length.ShouldBe("not sequence".Length);
    }

    [Fact]
    public void Parser_UntilMissingAndRuns()
    {
        const string text = "sequence with maxspan=1h [process where true] with runs=3 ![file where true] until [process where false]";

        SequenceSyntax sequence = ParseClean(text).Query.ShouldBeOfType<SequenceSyntax>();

        sequence.Terms.Count.ShouldBe(2);
        sequence.Terms[0].Runs.ShouldBe(3);
        sequence.Terms[1].IsMissing.ShouldBeTrue();
        sequence.Until.ShouldNotBeNull();
        sequence.Until.Query.Category.ShouldBe("process");
    }

    [Fact]
    public void Parser_Pipes()
    {
        StatementSyntax statement = ParseClean("process where true | head 5 | tail 2");

        statement.Pipes.Select(pipe => pipe.Name).ShouldBe(new[] { "head", "tail" });
        statement.Pipes[0].Arguments.ShouldHaveSingleItem().ShouldBeOfType<LiteralSyntax>().Value.ShouldBe("5");
    }

    [Fact]
    public void Parser_SampleQuery()
    {
        StatementSyntax statement = ParseClean("sample by host.name [process where true] [network where true] by user.name");

        SampleSyntax sample = statement.Query.ShouldBeOfType<SampleSyntax>();
        sample.Keys.ShouldNotBeNull().Keys.Select(PathOf).ShouldBe(new[] { "host.name" });
        sample.Terms.Count.ShouldBe(2);
        sample.Terms[1].Keys.ShouldNotBeNull().Keys.Select(PathOf).ShouldBe(new[] { "user.name" });
    }

    [Fact]
    public void Parser_CommentsKept()
    {
        ParseResult result = Parser.Parse("// first\nprocess where /* inner */ true // last");

        result.Diagnostics.ShouldBeEmpty();
        result.Comments.Select(comment => comment.Text).ShouldBe(new[] { " first", " inner ", " last" });
    }

    [Fact]
    public void Parser_SyntaxErrorDropsStatement()
    {
        ParseResult result = Parser.Parse("process where process.name ==");

        result.Statement.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().Id.ShouldBe("RG0004");
    }
}
