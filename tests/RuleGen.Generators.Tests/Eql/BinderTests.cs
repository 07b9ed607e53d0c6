using System.Linq;
using RuleGen.Eql;
using RuleGen.Eql.Binding;
using RuleGen.Eql.Schema;
using RuleGen.Eql.Syntax;
using static RuleGen.Generators.Tests.Eql.EqlTestHelpers;

namespace RuleGen.Generators.Tests.Eql;

/// <summary>Bound conditions and query plans: case sensitivity, wildcard patterns, null tests and join keys.</summary>
public sealed class BinderTests
{
    private static BoundStringMatch StringMatch(string condition) =>
        Condition("process where " + condition).ShouldBeOfType<BoundStringMatch>();

    [Fact]
    public void Binder_EqualsIsExactAndCaseSensitive()
    {
        // The star is literal, which the RG5001 lint points out.
        BoundStringMatch match = ConditionWithWarning("process where process.name == \"cmd*.exe\"", "RG5001").ShouldBeOfType<BoundStringMatch>();

        match.IgnoreCase.ShouldBeFalse();
        match.Field.Name.ShouldBe("process.name");
        match.Field.MemberPath.ShouldBe("Process.Name");
        match.Patterns.ShouldHaveSingleItem().ShouldBe(new StringPattern(PatternKind.Exact, "cmd*.exe", "cmd*.exe"));
        match.Clause.ShouldBe("process.name == \"cmd*.exe\"");
    }

    [Fact]
    public void Binder_ColonIsCaseInsensitiveWildcard()
    {
        BoundStringMatch match = StringMatch("process.name : (\"abc*\", \"*abc\", \"*abc*\", \"*\", \"a*b\", \"a?c\", \"abc\")");

        match.IgnoreCase.ShouldBeTrue();
        match.Patterns.ToArray().ShouldBe(new[]
        {
            new StringPattern(PatternKind.Prefix, "abc", "abc*"),
            new StringPattern(PatternKind.Suffix, "abc", "*abc"),
            new StringPattern(PatternKind.Contains, "abc", "*abc*"),
            new StringPattern(PatternKind.AnyValue, string.Empty, "*"),
            new StringPattern(PatternKind.Wildcard, "a*b", "a*b"),
            new StringPattern(PatternKind.Wildcard, "a?c", "a?c"),
            new StringPattern(PatternKind.Exact, "abc", "abc"),
        });
    }

    [Theory]
    [InlineData("**", PatternKind.AnyValue, "")]
    [InlineData("a*b*", PatternKind.Wildcard, "a*b*")]
    [InlineData("*a*b", PatternKind.Wildcard, "*a*b")]
    [InlineData("abc?", PatternKind.Wildcard, "abc?")]
    [InlineData("?", PatternKind.Wildcard, "?")]
    [InlineData("", PatternKind.Exact, "")]
    [InlineData("C:\\Windows\\*", PatternKind.Prefix, "C:\\Windows\\")]
    public void Pattern_FromWildcard(string pattern, PatternKind kind, string text)
    {
        StringPattern result = StringPattern.FromWildcard(pattern);

        result.Kind.ShouldBe(kind);
        result.Text.ShouldBe(text);
        result.Source.ShouldBe(pattern);
    }

    [Fact]
    public void Binder_LikeIsCaseSensitive()
    {
        BoundStringMatch match = StringMatch("process.name like \"CMD*\"");

        match.IgnoreCase.ShouldBeFalse();
        match.Patterns.ShouldHaveSingleItem().ShouldBe(new StringPattern(PatternKind.Prefix, "CMD", "CMD*"));
    }

    [Fact]
    public void Binder_LikeTildeIsCaseInsensitive()
    {
        BoundStringMatch match = StringMatch("process.name like~ (\"cmd*\", \"*.ps1\")");

        match.IgnoreCase.ShouldBeTrue();
        match.Patterns.Select(pattern => pattern.Kind).ShouldBe(new[] { PatternKind.Prefix, PatternKind.Suffix });
    }

    [Fact]
    public void Binder_InIsExactAndCaseSensitive()
    {
        BoundStringMatch match = StringMatch("process.name in (\"cmd.exe\", \"a*\")");

        match.IgnoreCase.ShouldBeFalse();
        match.Patterns.ToArray().ShouldBe(new[] { StringPattern.Exact("cmd.exe"), StringPattern.Exact("a*") });
    }

    [Fact]
    public void Binder_InTildeIsCaseInsensitive()
    {
        BoundStringMatch match = StringMatch("process.name in~ (\"CMD.exe\")");

        match.IgnoreCase.ShouldBeTrue();
        match.Patterns.ShouldHaveSingleItem().Kind.ShouldBe(PatternKind.Exact);
    }

    [Fact]
    public void Binder_NullTestOfCondition()
    {
        BoundConditionNullTest test = Condition("process where null != (process.pid > -1)").ShouldBeOfType<BoundConditionNullTest>();

        test.IsNull.ShouldBeFalse();
        test.Clause.ShouldBe("null != (process.pid > -1)");
        BoundComparison comparison = test.Condition.ShouldBeOfType<BoundComparison>();
        comparison.Field.Name.ShouldBe("process.pid");
        comparison.Operator.ShouldBe(ComparisonOperator.Greater);
    }

    [Fact]
    public void Binder_UnmappedOptionalEqualsField()
    {
        BoundNullTest test = Condition("process where ?custom.missing == process.name").ShouldBeOfType<BoundNullTest>();

        test.Field.Name.ShouldBe("process.name");
        test.IsNull.ShouldBeTrue();
    }

    [Fact]
    public void Binder_TwoUnmappedOptionalsEqual()
    {
        BoundConstant constant = Condition("process where ?custom.x != ?custom.y").ShouldBeOfType<BoundConstant>();

        constant.Value.ShouldBe(false);
        constant.Clause.ShouldBe("?custom.x != ?custom.y (the optional fields custom.x and custom.y are not in the schema, so both are null)");
    }

    [Fact]
    public void Binder_NotInWrapsNot()
    {
        BoundNot not = Condition("process where process.name not in (\"a\", \"b\")").ShouldBeOfType<BoundNot>();

        not.Clause.ShouldBe("process.name not in (\"a\", \"b\")");
        BoundStringMatch match = not.Operand.ShouldBeOfType<BoundStringMatch>();
        match.IgnoreCase.ShouldBeFalse();
        match.Patterns.Count.ShouldBe(2);
    }

    [Fact]
    public void Binder_NotEqualsWrapsExactMatch()
    {
        BoundNot not = ConditionWithWarning("process where process.name != \"a*\"", "RG5001").ShouldBeOfType<BoundNot>();

        BoundStringMatch match = not.Operand.ShouldBeOfType<BoundStringMatch>();
        match.IgnoreCase.ShouldBeFalse();
        match.Patterns.ShouldHaveSingleItem().ShouldBe(StringPattern.Exact("a*"));
    }

    [Fact]
    public void Binder_EqualsNull()
    {
        BoundNullTest test = Condition("process where process.name == null").ShouldBeOfType<BoundNullTest>();

        test.IsNull.ShouldBeTrue();
        test.Field.Name.ShouldBe("process.name");
    }

    [Fact]
    public void Binder_NotEqualsNull()
    {
        Condition("process where process.pid != null").ShouldBeOfType<BoundNullTest>().IsNull.ShouldBeFalse();
    }

    [Fact]
    public void Binder_NullOnLeft()
    {
        Condition("process where null == process.name").ShouldBeOfType<BoundNullTest>().IsNull.ShouldBeTrue();
    }

    [Theory]
    [InlineData("5 < process.pid", ComparisonOperator.Greater)]
    [InlineData("5 <= process.pid", ComparisonOperator.GreaterOrEqual)]
    [InlineData("5 > process.pid", ComparisonOperator.Less)]
    [InlineData("5 >= process.pid", ComparisonOperator.LessOrEqual)]
    [InlineData("5 == process.pid", ComparisonOperator.Equal)]
    public void Binder_LiteralOnLeftMirrors(string condition, ComparisonOperator expected)
    {
        BoundComparison comparison = Condition("process where " + condition).ShouldBeOfType<BoundComparison>();

        comparison.Operator.ShouldBe(expected);
        comparison.Field.Name.ShouldBe("process.pid");
        comparison.Value.ShouldBe(new BoundValue(FieldKind.Long, "5"));
    }

    // Elasticsearch compares a keyword field with a number's or a boolean's Java text.
    [Theory]
    [InlineData("event.code == 4688", "4688")]
    [InlineData("event.code == 007", "7")]
    [InlineData("event.code == -5", "-5")]
    [InlineData("event.code == -0", "0")]
    [InlineData("event.code == 1.0", "1.0")]
    [InlineData("event.code == 2.50", "2.5")]
    [InlineData("event.code == 1e3", "1000.0")]
    [InlineData("event.code == 0.001", "0.001")]
    [InlineData("event.code == 0.0001", "1.0E-4")]
    [InlineData("event.code == 12345678.9", "1.23456789E7")]
    [InlineData("event.code == 1e21", "1.0E21")]
    [InlineData("event.code == 99999999999999999999", "1.0E20")]
    [InlineData("event.code == true", "true")]
    [InlineData("event.code == false", "false")]
    public void Binder_KeywordComparedToNumberText(string condition, string expected)
    {
        BoundStringMatch match = StringMatch(condition);

        match.Field.Name.ShouldBe("event.code");
        match.Patterns.ToArray().ShouldBe(new[] { StringPattern.Exact(expected) });
        match.IgnoreCase.ShouldBeFalse();
    }

    [Fact]
    public void Binder_KeywordNotEqualToNumber()
    {
        BoundNot not = Condition("process where event.code != 4688").ShouldBeOfType<BoundNot>();

        not.Operand.ShouldBeOfType<BoundStringMatch>().Patterns.ToArray().ShouldBe(new[] { StringPattern.Exact("4688") });
    }

    // A range query on a keyword field compares the number's text lexicographically.
    [Fact]
    public void Binder_KeywordOrderedAgainstNumber()
    {
        BoundComparison comparison = Condition("process where event.code < 10").ShouldBeOfType<BoundComparison>();

        comparison.Operator.ShouldBe(ComparisonOperator.Less);
        comparison.Value.ShouldBe(new BoundValue(FieldKind.String, "10"));
    }

    [Fact]
    public void Binder_DecimalOnLongField()
    {
        BoundComparison comparison = Condition("process where process.pid < 1.5").ShouldBeOfType<BoundComparison>();

        comparison.Value.ShouldBe(new BoundValue(FieldKind.Double, "1.5"));
    }

    [Fact]
    public void Binder_NumberInList()
    {
        BoundOr or = Condition("process where process.pid in (1, -2)").ShouldBeOfType<BoundOr>();

        or.Left.ShouldBeOfType<BoundComparison>().Value.ShouldBe(new BoundValue(FieldKind.Long, "1"));
        or.Right.ShouldBeOfType<BoundComparison>().Value.ShouldBe(new BoundValue(FieldKind.Long, "-2"));
    }

    [Fact]
    public void Binder_OrderedStringComparison()
    {
        BoundComparison comparison = Condition("process where process.name < \"m\"").ShouldBeOfType<BoundComparison>();

        comparison.Operator.ShouldBe(ComparisonOperator.Less);
        comparison.Value.ShouldBe(new BoundValue(FieldKind.String, "m"));
    }

    [Fact]
    public void Binder_OptionalUnknownFieldIsNull()
    {
        Condition("process where ?foo.bar == null").ShouldBe(new BoundConstant(true, "?foo.bar == null (the optional field foo.bar is not in the schema, so it is null)"));
    }

    [Fact]
    public void Binder_OptionalUnknownFieldNotNull()
    {
        Condition("process where ?foo.bar != null").ShouldBe(new BoundConstant(false, "?foo.bar != null (the optional field foo.bar is not in the schema, so it is null)"));
    }

    [Fact]
    public void Binder_OptionalUnknownFieldPredicate()
    {
        Condition("process where ?foo.bar : \"x\"").ShouldBe(new BoundConstant(null, "?foo.bar : \"x\" (the optional field foo.bar is not in the schema, so it is null)"));
    }

    [Fact]
    public void Binder_OptionalKnownField()
    {
        BoundStringMatch match = StringMatch("?process.name == \"a\"");

        match.Field.IsOptional.ShouldBeTrue();
        match.Field.Name.ShouldBe("process.name");
    }

    [Fact]
    public void Binder_BooleanFieldAlone()
    {
        BoundComparison comparison = Condition("library where dll.code_signature.trusted").ShouldBeOfType<BoundComparison>();

        comparison.Operator.ShouldBe(ComparisonOperator.Equal);
        comparison.Value.ShouldBe(new BoundValue(FieldKind.Boolean, "true"));
        comparison.Field.Kind.ShouldBe(FieldKind.Boolean);
    }

    [Fact]
    public void Binder_BooleanFieldEqualsFalse()
    {
        BoundComparison comparison = Condition("library where dll.code_signature.trusted == false").ShouldBeOfType<BoundComparison>();

        comparison.Value.ShouldBe(new BoundValue(FieldKind.Boolean, "false"));
    }

    [Fact]
    public void Binder_LogicalOperators()
    {
        BoundOr or = Condition("process where process.name : \"a\" and not process.pid == 1 or true").ShouldBeOfType<BoundOr>();

        or.Right.ShouldBe(new BoundConstant(true));
        BoundAnd and = or.Left.ShouldBeOfType<BoundAnd>();
        and.Left.ShouldBeOfType<BoundStringMatch>();
        BoundNot not = and.Right.ShouldBeOfType<BoundNot>();
        not.Clause.ShouldBe("not process.pid == 1");
        not.Operand.ShouldBeOfType<BoundComparison>();
    }

    [Fact]
    public void Binder_EventQueryPlan()
    {
        EventFilterPlan filter = Plan("// @name x\nprocess where true").ShouldBeOfType<EventQueryPlan>().Filter;

        filter.Category.ShouldBe("process");
        filter.Condition.ShouldBe(new BoundConstant(true));
        filter.Clause.ShouldBe("process where true");
    }

    [Fact]
    public void Binder_AnyHasNoCategory()
    {
        Plan("any where false").ShouldBeOfType<EventQueryPlan>().Filter.Category.ShouldBeNull();
    }

    [Fact]
    public void Binder_QueryTextExcludesMetadata()
    {
        RuleCompilation compilation = Compile("// @name x\n\nprocess where true // trailing\n");

        compilation.Model.ShouldNotBeNull();
        compilation.Model.QueryText.ShouldBe("process where true");
    }

    [Fact]
    public void Binder_SequencePlan()
    {
        const string text = "sequence by host.name with maxspan=5m\n"
            + "  [process where true] by process.pid\n"
            + "  [network where true] by source.port";

        SequencePlan sequence = Plan(text).ShouldBeOfType<SequencePlan>();

        sequence.MaxspanMilliseconds.ShouldBe(300_000);
        sequence.MaxspanText.ShouldBe("with maxspan=5m");
        sequence.Terms.Count.ShouldBe(2);
        sequence.Terms[0].Filter.Category.ShouldBe("process");
        sequence.Terms[1].Filter.Category.ShouldBe("network");
        sequence.Terms[0].Keys.Fields.Select(field => field.Name).ShouldBe(new[] { "host.name", "process.pid" });
        sequence.Terms[1].Keys.Fields.Select(field => field.Name).ShouldBe(new[] { "host.name", "source.port" });
        sequence.KeyKinds.ToArray().ShouldBe(new[] { new KeyKindItem(FieldKind.String, false), new KeyKindItem(FieldKind.Long, false) });
        sequence.Suppression.ShouldBeNull();
    }

    [Fact]
    public void Binder_SequenceWithoutMaxspan()
    {
        SequencePlan sequence = Plan("sequence [process where true] [process where true]").ShouldBeOfType<SequencePlan>();

        sequence.MaxspanMilliseconds.ShouldBeNull();
        sequence.MaxspanText.ShouldBe(string.Empty);
        sequence.KeyKinds.Count.ShouldBe(0);
    }

    [Fact]
    public void Binder_DateJoinKeys()
    {
        SequencePlan sequence = Plan("sequence by @timestamp [process where true] by process.start [process where true] by process.parent.start").ShouldBeOfType<SequencePlan>();

        sequence.KeyKinds.ToArray().ShouldBe(new[] { new KeyKindItem(FieldKind.Date, false), new KeyKindItem(FieldKind.Date, false) });
        sequence.Terms[1].Keys.Fields.Select(field => field.MemberPath).ShouldBe(new[] { "Timestamp", "Process.Parent.Start" });
    }

    [Fact]
    public void Binder_OptionalJoinKeyAllowsNull()
    {
        SequencePlan sequence = Plan("sequence by ?process.entity_id, host.name [process where true] [process where true]").ShouldBeOfType<SequencePlan>();

        sequence.KeyKinds.ToArray().ShouldBe(new[] { new KeyKindItem(FieldKind.String, true), new KeyKindItem(FieldKind.String, false) });
    }

    [Fact]
    public void Binder_SuppressionPlan()
    {
        const string text = "sequence by host.name [process where true] [process where true]\n"
            + "not sequence by host.name [process where process.parent.name : \"msiexec.exe\"]";

        RuleCompilation compilation = Compile(text);

        compilation.Diagnostics.ShouldHaveSingleItem().Id.ShouldBe("RG2002");
        compilation.Model.ShouldNotBeNull();
        SuppressionPlan suppression = compilation.Model.Query.ShouldBeOfType<SequencePlan>().Suppression.ShouldNotBeNull();
        suppression.Keys.Fields.ShouldHaveSingleItem().Name.ShouldBe("host.name");
        suppression.Filter.Category.ShouldBe("process");
        suppression.Filter.Condition.ShouldBeOfType<BoundStringMatch>().Field.Name.ShouldBe("process.parent.name");
        suppression.Clause.ShouldBe("not sequence by host.name [process where process.parent.name : \"msiexec.exe\"]");
    }

    [Fact]
    public void Binder_NegativeNumberComparison()
    {
        BoundComparison comparison = Condition("process where process.exit_code == -5").ShouldBeOfType<BoundComparison>();

        comparison.Value.ShouldBe(new BoundValue(FieldKind.Long, "-5"));
    }

    [Fact]
    public void Binder_TwoLiteralsCompareAsValues()
    {
        BoundOperandComparison comparison = Condition("any where 3 < 4.5").ShouldBeOfType<BoundOperandComparison>();

        comparison.Left.ShouldBe(new BoundLiteralOperand(ValueKind.Long, "3"));
        comparison.Operator.ShouldBe(ComparisonOperator.Less);
        comparison.Right.ShouldBe(new BoundLiteralOperand(ValueKind.Double, "4.5"));
    }

    [Fact]
    public void Binder_LiteralEqualsNullIsNullTest()
    {
        BoundOperandNullTest test = Condition("any where \"foo\" != null").ShouldBeOfType<BoundOperandNullTest>();

        test.Operand.ShouldBe(new BoundLiteralOperand(ValueKind.String, "foo"));
        test.IsNull.ShouldBeFalse();
    }

    [Fact]
    public void Binder_LiteralInListIsComparisons()
    {
        BoundOr or = Condition("any where 345 in (123, 345)").ShouldBeOfType<BoundOr>();

        BoundOperandComparison first = or.Left.ShouldBeOfType<BoundOperandComparison>();
        first.Left.ShouldBe(new BoundLiteralOperand(ValueKind.Long, "345"));
        first.Right.ShouldBe(new BoundLiteralOperand(ValueKind.Long, "123"));
        or.Right.ShouldBeOfType<BoundOperandComparison>().Right.ShouldBe(new BoundLiteralOperand(ValueKind.Long, "345"));
    }

    [Fact]
    public void Binder_LiteralsOfTwoTypesRejected()
    {
        ShouldReport("any where \"1\" == 1", "RG1003", 1, 11, "'\"1\"' is a string and '1' is an integer, so they cannot be compared");
    }
}
