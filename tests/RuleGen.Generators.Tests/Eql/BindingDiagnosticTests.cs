using System.Collections.Generic;
using System.Linq;
using RuleGen.Eql;
using RuleGen.Eql.Binding;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Schema;
using static RuleGen.Generators.Tests.Eql.EqlTestHelpers;

namespace RuleGen.Generators.Tests.Eql;

/// <summary>The binder's diagnostics RG1001 to RG1006 and RG2001 to RG2003: id, 1-based line and column, and the message.</summary>
public sealed class BindingDiagnosticTests
{
    private const string TwoTerms = "[process where true] [process where true]";

    [Fact]
    public void Binder_UnknownFieldSuggestion()
    {
        EqlDiagnostic diagnostic = ShouldReport("process where process.nme == \"x\"", "RG1001", 1, 15, "Unknown field 'process.nme'");

        diagnostic.Message.ShouldContain("did you mean 'process.name'?");
        diagnostic.Span.Length.ShouldBe("process.nme".Length);
    }

    [Fact]
    public void Binder_UnknownFieldOnLaterLine()
    {
        ShouldReport("process where process.name : \"a\" and\n  (process.nme : \"x\")", "RG1001", 2, 4, "did you mean 'process.name'?");
    }

    [Fact]
    public void Binder_UnknownFieldNoSuggestion()
    {
        ShouldReport("process where zzzz.qqqq == \"x\"", "RG1001", 1, 15, "check the spelling, declare the field in a *.schema.json file, or write ?zzzz.qqqq for a field that may be absent (an optional field missing from the schema is always null)");
    }

    [Fact]
    public void Binder_UnknownKeyOfObject()
    {
        ShouldReport("process where labels.team == \"x\"", "RG1001", 1, 15,
            "Unknown field 'labels.team': it is not in the Elastic Common Schema; its parent 'labels' is an object field, so declare 'labels.team' with its type in a *.schema.json file, or write ?labels.team for a key that may be absent");
    }

    [Fact]
    public void Binder_UnknownKeyOfFlattened()
    {
        var options = new RuleCompilerOptions(
            RuleGen.Eql.Schema.FieldSchema.Ecs.WithCustomFields(new[] { new KeyValuePair<string, string>("okta.target", "flattened") }),
            RequireTypedMembers: false);

        RuleCompilation compilation = RuleCompiler.Compile("any where okta.target.id == \"x\"", "rule", options);

        EqlDiagnostic diagnostic = compilation.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RG1001");
        diagnostic.Message.ShouldBe("Unknown field 'okta.target.id': it is not in the Elastic Common Schema or the custom schemas; its parent 'okta.target' is a flattened field, whose keys Elasticsearch EQL cannot read");
    }

    [Fact]
    public void Binder_UnknownFieldCaseOnly()
    {
        ShouldReport("process where Process.Name == \"x\"", "RG1001", 1, 15, "did you mean 'process.name'");
    }

    [Fact]
    public void Binder_UnknownFieldAllReported()
    {
        RuleCompilation compilation = Compile("process where process.nme == \"x\" and process.pidd == 1");

        compilation.Diagnostics.Select(diagnostic => diagnostic.Id).ShouldBe(new[] { "RG1001", "RG1001" });
        compilation.Diagnostics[1].Message.ShouldContain("'process.pidd'");
    }

    [Fact]
    public void Lint_StarInEqualsIsLiteral()
    {
        EqlDiagnostic diagnostic = ShouldReport("process where process.name == \"vault*.exe\"", "RG5001", 1, 28, "'==' compares the value exactly, so '*' in \"vault*.exe\" is a literal character");

        diagnostic.Severity.ShouldBe(EqlSeverity.Warning);
        diagnostic.Span.Length.ShouldBe(2);
    }

    [Fact]
    public void Lint_QuestionMarkInNotEquals()
    {
        ShouldReport("process where process.name != \"a?c\"", "RG5001", 1, 28, "so '?' in \"a?c\" is a literal character");
    }

    [Theory]
    [InlineData("proces", "process")]
    [InlineData("Process", "process")]
    [InlineData("netwrok", "network")]
    [InlineData("files", "file")]
    public void Lint_MisspelledCategory(string category, string suggestion)
    {
        EqlDiagnostic diagnostic = ShouldReport(category + " where true", "RG5002", 1, 1, $"The event category '{category}' is not an ECS event.category value");

        diagnostic.Message.ShouldEndWith($"did you mean '{suggestion}'?");
        diagnostic.Severity.ShouldBe(EqlSeverity.Warning);
    }

    // Real rules also use categories outside ECS; only near misses of ECS values are reported.
    [Theory]
    [InlineData("dns")]
    [InlineData("info")]
    [InlineData("credential_access")]
    [InlineData("\"my-category\"")]
    public void Lint_OtherCategoriesQuiet(string category)
    {
        Compile(category + " where true").Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Binder_ObjectField()
    {
        ShouldReport("process where labels == \"x\"", "RG1002", 1, 15, "Field 'labels' cannot be read from the typed event because fields of type object have no member in the typed event");
    }

    [Fact]
    public void Binder_NestedListField()
    {
        ShouldReport("library where dll.pe.sections.name == \".text\"", "RG1002", 1, 15, "it is inside dll.pe.sections, a list of objects");
    }

    [Fact]
    public void Binder_IpComparedToNumber()
    {
        ShouldReport("network where source.ip == 4688", "RG1003", 1, 28, "has type ip, so it compares with a string, not the number 4688: write the value as a string, \"4688\"");
    }

    // Elasticsearch checks that the values of 'in' have the field's type, unlike those of '=='.
    [Fact]
    public void Binder_KeywordInNumbers()
    {
        ShouldReport("process where event.code in (\"4688\", 4689)", "RG1003", 1, 38, "Field 'event.code' has type keyword, so it compares with strings, not the number 4689");
    }

    [Fact]
    public void Binder_LongComparedToString()
    {
        ShouldReport("process where process.pid == \"12\"", "RG1003", 1, 30, "has type long, so it compares with a number, not the string \"12\": write the value without quotes, 12");
    }

    [Fact]
    public void Binder_ColonOnLongField()
    {
        ShouldReport("process where process.pid : \"1\"", "RG1003", 1, 27, "':' matches strings, but field 'process.pid' has type long: use == or 'in' to compare it");
    }

    [Fact]
    public void Binder_StringFieldAsCondition()
    {
        ShouldReport("process where process.name", "RG1003", 1, 15, "Field 'process.name' has type keyword and is not a condition");
    }

    [Fact]
    public void Binder_NumberAsCondition()
    {
        ShouldReport("process where 1", "RG1003", 1, 15, "'1' is a value, not a condition");
    }

    [Fact]
    public void Binder_InListMixedTypes()
    {
        ShouldReport("process where process.name in (\"a\", 1)", "RG1003", 1, 37, "compares with strings, not the number 1");
    }

    [Fact]
    public void Binder_BooleanOrdered()
    {
        ShouldReport("process where dll.code_signature.trusted < true", "RG1003", 1, 42, "is boolean, which has no order: compare it with == or !=");
    }

    [Fact]
    public void Lint_NullOrdered()
    {
        EqlDiagnostic diagnostic = ShouldReport("process where process.name > null", "RG5006", 1, 15,
            "'process.name > null' compares with null by order, which is null on every event, so this test never matches: write == null (the value is missing) or != null (the value is present)");

        diagnostic.Severity.ShouldBe(EqlSeverity.Warning);
        diagnostic.Span.Length.ShouldBe("process.name > null".Length);
        ConditionWithWarning("process where process.name > null and process.pid == 1", "RG5006").ShouldBeOfType<BoundAnd>().Left.ShouldBe(new BoundConstant(null, "process.name > null (an ordered comparison with null is always null)"));
    }

    [Fact]
    public void Lint_NullOrderedUnknownFieldStillError()
    {
        RuleCompilation compilation = Compile("process where process.nme > null");

        compilation.Diagnostics.Select(diagnostic => diagnostic.Id).ShouldBe(new[] { "RG1001" });
    }

    [Fact]
    public void Binder_PredicateValueIsField()
    {
        ShouldReport("process where process.name : process.parent.name", "RG1003", 1, 30, "The values of ':' must be literals, but found 'process.parent.name'");
    }

    [Fact]
    public void Binder_JoinKeyCountDiffers()
    {
        ShouldReport("sequence [process where true] by process.name [process where true]", "RG1004", 1, 47, "Inconsistent number of join keys: the first term has 1, this term has 0");
    }

    [Fact]
    public void Binder_JoinKeyTypeDiffers()
    {
        ShouldReport(
            "sequence [process where true] by process.name [process where true] by process.pid",
            "RG1004",
            1,
            68,
            "Join key 1 of this term is 'process.pid' (long), which cannot equal join key 1 of the first term (string)");
    }

    [Fact]
    public void Binder_NotSequenceKeyCountDiffers()
    {
        ShouldReport("sequence by host.name " + TwoTerms + " not sequence [process where true]", "RG1004", 1, 65, "the first term has 1, the 'not sequence' clause has 0");
    }

    [Fact]
    public void Binder_FieldComparedToField()
    {
        EqlDiagnostic diagnostic = ShouldReport("process where process.name == process.parent.name", "RG1005", 1, 15, "cannot compare a field to another field ('process.name' and 'process.parent.name')");

        diagnostic.Span.Length.ShouldBe("process.name == process.parent.name".Length);
    }

    [Fact]
    public void Binder_FunctionJoinKey()
    {
        const string text = "sequence by length(process.name) " + TwoTerms;

        RuleCompilation compilation = Compile(text);

        EqlDiagnostic diagnostic = compilation.Diagnostics.First(candidate => candidate.Id == "RG1006");
        Position(text, diagnostic).ShouldBe((1, 13));
        diagnostic.Message.ShouldContain("A join key must be a field, but 'length(process.name)' is an expression");
        compilation.Model.ShouldBeNull();
    }

    [Fact]
    public void Binder_ArithmeticTermJoinKey()
    {
        ShouldReport("sequence [process where true] by process.pid + 1 [process where true] by process.pid", "RG1006", 1, 34, "but 'process.pid + 1' is an expression");
    }

    [Fact]
    public void Binder_FloatingPointJoinKey()
    {
        ShouldReport(
            "sequence by host.cpu.usage " + TwoTerms,
            "RG1006",
            1,
            13,
            "The join key 'host.cpu.usage' has type scaled_float; RuleGen joins on keyword, ip, integer, boolean and date fields");
    }

    [Fact]
    public void Binder_DateKeyPairsOnlyWithDate()
    {
        ShouldReport(
            "sequence [process where true] by process.start [process where true] by process.pid",
            "RG1004",
            1,
            69,
            "Join key 1 of this term is 'process.pid' (long), which cannot equal join key 1 of the first term (date)");
    }

    [Fact]
    public void Binder_NotSequenceTermJoinKey()
    {
        ShouldReport("sequence " + TwoTerms + " not sequence [process where true] by host.name", "RG1006", 1, 86, "Write the join keys of a 'not sequence' clause after 'not sequence by'");
    }

    [Fact]
    public void Binder_SingleTermSequence()
    {
        const string text = "sequence by host.name [process where true]";

        RuleCompilation compilation = Compile(text);

        EqlDiagnostic diagnostic = compilation.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RG2001");
        diagnostic.Severity.ShouldBe(EqlSeverity.Warning);
        Position(text, diagnostic).ShouldBe((1, 1));
        diagnostic.Message.ShouldContain("A sequence with a single term is a RuleGen extension that Elasticsearch rejects");
        compilation.Model.ShouldNotBeNull();
        compilation.Model.Query.ShouldBeOfType<SequencePlan>().Terms.Count.ShouldBe(1);
    }

    [Fact]
    public void Binder_NotSequenceWarning()
    {
        const string text = "sequence by host.name\n  " + TwoTerms + "\nnot sequence by host.name [process where true]";

        RuleCompilation compilation = Compile(text);

        EqlDiagnostic diagnostic = compilation.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RG2002");
        diagnostic.Severity.ShouldBe(EqlSeverity.Warning);
        Position(text, diagnostic).ShouldBe((3, 1));
        diagnostic.Span.Length.ShouldBe("not sequence".Length);
        diagnostic.Message.ShouldContain("A trailing 'not sequence' clause is a RuleGen extension");
        compilation.Model.ShouldNotBeNull();
        compilation.Model.Query.ShouldBeOfType<SequencePlan>().Suppression.ShouldNotBeNull();
    }

    [Fact]
    public void Regex_BindsTranslatedPatterns()
    {
        BoundRegexMatch match = Condition("process where process.name regex~ (\"a.*\", \"b\")").ShouldBeOfType<BoundRegexMatch>();

        match.IgnoreCase.ShouldBeTrue();
        match.Field!.Name.ShouldBe("process.name");
        match.Sources.ShouldBe(new[] { "a.*", "b" });
        match.Patterns.ShouldBe(new[] { @"a[\s\S]*", "b" });
    }

    [Fact]
    public void Regex_ShorthandClassTranslated()
    {
        BoundRegexMatch match = Condition("process where process.command_line regex~ \".*net1\\\\s+localgroup.*\"").ShouldBeOfType<BoundRegexMatch>();

        match.Patterns.ShouldBe(new[] { @"[\s\S]*net1[ \t\n\u000B\f\r]+localgroup[\s\S]*" });
    }

    [Fact]
    public void Regex_UnclosedGroup()
    {
        ShouldReport("process where process.name regex \"(ab\"", "RG1010", 1, 34, "Invalid regular expression \"(ab\" at the end of the pattern: a group '(' is not closed");
    }

    [Fact]
    public void Regex_OnNumberField()
    {
        ShouldReport("process where process.pid regex \"1.*\"", "RG1003", 1, 27, "'regex' matches strings, but field 'process.pid' has type long");
    }

    [Fact]
    public void Binder_UntilMissingEventRejected()
    {
        ShouldReport("sequence " + TwoTerms + "\nuntil ![process where event.type == \"end\"]", "RG0010", 2, 7, "'until' takes a plain term '[...]'");
    }

    [Fact]
    public void Binder_UntilWithRunsRejected()
    {
        ShouldReport("sequence " + TwoTerms + "\nuntil [process where true] with runs=2", "RG0010", 2, 28, "'until' cannot take 'with runs'");
    }

    [Fact]
    public void Binder_UntilKeyCountChecked()
    {
        ShouldReport("sequence by host.name " + TwoTerms + "\nuntil [process where true] by user.name", "RG1004", 2, 28, "the 'until' term has 2");
    }

    [Fact]
    public void Missing_NeedsMaxspan()
    {
        ShouldReport("sequence [process where true] ![process where true]", "RG0010", 1, 31, "needs the sequence to have a maxspan");
    }

    [Fact]
    public void Missing_NeedsPositiveTerm()
    {
        ShouldReport("sequence with maxspan=1m ![process where true] ![file where true]", "RG0010", 1, 1, "at least one term that is not a missing-event term");
    }

    // MissingEventTracker keeps one leading window per match, so the binder must reject a second leading term.
    [Fact]
    public void Missing_TwoLeadingNotCompiled()
    {
        ShouldReport("sequence with maxspan=1m ![file where true] ![network where true] [process where true]", "RG2003", 1, 45, "more than one leading missing-event term");
    }

    [Fact]
    public void Missing_TwoTrailingNotCompiled()
    {
        ShouldReport("sequence with maxspan=1m [process where true] ![file where true] ![network where true]", "RG2003", 1, 66, "more than one trailing missing-event term");
    }

    [Fact]
    public void Missing_PlanMarksTerm()
    {
        SequencePlan plan = Plan("sequence with maxspan=1m [process where true] ![file where true]").ShouldBeOfType<SequencePlan>();

        plan.Terms.Select(term => term.IsMissing).ShouldBe(new[] { false, true });
    }

    [Fact]
    public void Binder_RunsExpandsTerm()
    {
        SequencePlan plan = Plan("sequence [process where true] with runs=3 [file where true]").ShouldBeOfType<SequencePlan>();

        plan.Terms.Count.ShouldBe(4);
        plan.Terms[0].ShouldBe(plan.Terms[2]);
        plan.Terms[3].Filter.Category.ShouldBe("file");
    }

    [Fact]
    public void Lint_CaseInsensitiveFlag()
    {
        ShouldReport("process where process.args : (\"-L\", \"x\", \"/c\")", "RG5003", 1, 31, "':' ignores case, so \"-L\", \"/c\" also accepts \"-l\", \"/C\", which is usually a different option");
    }

    [Fact]
    public void Lint_ExactFlagQuiet()
    {
        Plan("process where process.args == \"-L\" and process.args in (\"-R\", \"-D\")").ShouldBeOfType<EventQueryPlan>();
    }

    [Fact]
    public void Lint_DuplicateIgnoringCase()
    {
        ShouldReport("process where process.name : (\"cmd.exe\", \"CMD.EXE\")", "RG5004", 1, 42, "\"CMD.EXE\" is already in this list (ignoring case, as ':' does): remove the repeat");
    }

    [Fact]
    public void Lint_DifferentCaseQuietForExactIn()
    {
        Plan("process where process.name in (\"cmd.exe\", \"CMD.EXE\")").ShouldBeOfType<EventQueryPlan>();
    }

    [Fact]
    public void Lint_ContradictoryEquality()
    {
        ShouldReport("process where process.name == \"cmd.exe\" and process.pid > 1 and process.name in (\"a.exe\", \"b.exe\")", "RG5005", 1, 65, "'process.name' holds one value on each event, and this test requires one of \"a.exe\", \"b.exe\" while an earlier one in the same 'and' requires \"cmd.exe\"");
    }

    [Fact]
    public void Lint_ContradictionQuietForArraysAndOverlaps()
    {
        Plan("process where process.args == \"-a\" and process.args == \"-b\"").ShouldBeOfType<EventQueryPlan>();
        Plan("process where process.name == \"cmd.exe\" and process.name : \"CMD.EXE\"").ShouldBeOfType<EventQueryPlan>();
        Plan("process where process.name : \"cmd*\" and process.name == \"powershell.exe\"").ShouldBeOfType<EventQueryPlan>();
    }

    // Elasticsearch reports a null key for an optional key no mapping has, so the key keeps its position.
    [Fact]
    public void Binder_UnmappedOptionalKeyKeepsPosition()
    {
        SequencePlan plan = Plan("sequence by ?no.such.field [process where true] by process.pid [network where true] by process.pid").ShouldBeOfType<SequencePlan>();

        plan.Terms[0].Keys.Fields.Select(field => (field.Name, field.IsUnmapped)).ShouldBe(new[] { ("no.such.field", true), ("process.pid", false) });
        plan.KeyKinds.ShouldBe(new[] { new KeyKindItem(FieldKind.String, AllowsNull: true, IsUnmapped: true), new KeyKindItem(FieldKind.Long, AllowsNull: false) });
    }

    [Fact]
    public void Binder_UnmappedOptionalKeyTakesOtherTermsType()
    {
        SequencePlan plan = Plan("sequence [process where true] by ?no.such.field [network where true] by process.pid").ShouldBeOfType<SequencePlan>();

        plan.KeyKinds.ShouldBe(new[] { new KeyKindItem(FieldKind.Long, AllowsNull: true) });
    }

    [Fact]
    public void Binder_RunsOnMiddleMissingTermExpands()
    {
        SequencePlan plan = Plan("sequence with maxspan=1m [process where true] ![file where true] with runs=2 [network where true]").ShouldBeOfType<SequencePlan>();

        plan.Terms.Select(term => term.IsMissing).ShouldBe(new[] { false, true, true, false });
    }

    [Fact]
    public void Binder_RunsOnTrailingMissingTermRejected()
    {
        ShouldReport("sequence with maxspan=1m [process where true] [network where true] ![file where true] with runs=2", "RG2003", 1, 87, "'with runs' above 1 on a leading or trailing missing-event term");
    }

    // Elasticsearch counts clauses after expanding runs, so one term with runs=2 is a real sequence.
    [Fact]
    public void Binder_RunsCountsAsClauses()
    {
        RuleCompilation compilation = RuleCompiler.Compile("sequence [process where true] with runs=2", "rule");

        compilation.Diagnostics.ShouldBeEmpty();
        compilation.Model!.Query.ShouldBeOfType<SequencePlan>().Terms.Count.ShouldBe(2);
    }

    [Fact]
    public void Function_UnknownNameSuggestion()
    {
        EqlDiagnostic diagnostic = ShouldReport("process where lenght(process.name) > 3", "RG1007", 1, 15, "Unknown function 'lenght'; did you mean 'length'?");

        diagnostic.Span.Length.ShouldBe("lenght".Length);
    }

    [Fact]
    public void Function_NoCaseInsensitiveForm()
    {
        ShouldReport("process where length~(process.name) > 3", "RG1007", 1, 15, "Unknown function 'length~': 'length' has no case-insensitive form");
    }

    [Theory]
    [InlineData("startsWith(process.name)", "The function 'startsWith' takes 2 arguments, but 1 was given")]
    [InlineData("substring(process.name, 1, 2, 3) : \"a\"", "The function 'substring' takes 2 to 3 arguments, but 4 were given")]
    [InlineData("concat() : \"a\"", "The function 'concat' takes at least 1 argument, but 0 were given")]
    public void Function_WrongArgumentCount(string condition, string message)
    {
        ShouldReport("process where " + condition, "RG1008", 1, 15, message);
    }

    [Fact]
    public void Function_ArgumentTypeChecked()
    {
        ShouldReport("process where length(process.pid) > 3", "RG1003", 1, 22, "Argument 1 of 'length' must be a string, but 'process.pid' is an integer");
    }

    [Fact]
    public void Function_ResultTypeChecked()
    {
        ShouldReport("process where length(process.name) == \"3\"", "RG1003", 1, 15, "'length(process.name)' is an integer and '\"3\"' is a string, so they cannot be compared");
    }

    [Fact]
    public void Function_FieldComparedThroughFunction()
    {
        ShouldReport("process where length(process.name) == process.pid", "RG1005", 1, 15, "cannot compare a field to another field");
    }

    [Fact]
    public void Function_NonBooleanIsNotCondition()
    {
        ShouldReport("process where length(process.name)", "RG1003", 1, 15, "is a value, not a condition");
    }

    [Theory]
    [InlineData("\"10.0.0.0/33\"")]
    [InlineData("\"10.0.0/8\"")]
    [InlineData("\"fe80::/129\"")]
    [InlineData("\"not an address\"")]
    public void Function_InvalidCidrBlock(string block)
    {
        ShouldReport("network where cidrMatch(source.ip, " + block + ")", "RG1009", 1, 36, "is not a valid IPv4 or IPv6 address or CIDR block");
    }

    [Fact]
    public void Function_CidrBlockMustBeLiteral()
    {
        ShouldReport("network where cidrMatch(source.ip, destination.ip)", "RG1003", 1, 36, "cidrMatch takes its CIDR blocks as string literals");
    }

    [Fact]
    public void Function_ArrayFieldCompiles()
    {
        BoundOperandComparison comparison = Condition("process where length(process.args) > 3").ShouldBeOfType<BoundOperandComparison>();

        comparison.Left.ShouldBeOfType<BoundCallOperand>().Arguments[0].ShouldBeOfType<BoundFieldOperand>().Field.IsArray.ShouldBeTrue();
    }

    [Fact]
    public void Pipe_HeadAndTailBind()
    {
        RuleCompilation compilation = Compile("process where true | head 5 | tail 2");

        compilation.Diagnostics.ShouldBeEmpty();
        compilation.Model!.Pipes.ShouldBe(new[] { new PipePlan(PipeKind.Head, 5), new PipePlan(PipeKind.Tail, 2) });
    }

    [Theory]
    [InlineData("process where true | count", "Invalid pipe 'count'")]
    [InlineData("process where true | head 0", "Invalid pipe 'head with this argument'")]
    [InlineData("process where true | tail", "Invalid pipe 'tail with this argument'")]
    public void Pipe_Invalid(string text, string message)
    {
        ShouldReport(text, "RG0012", 1, 20, message);
    }

    [Fact]
    public void Binder_SampleCompiles()
    {
        SamplePlan plan = Plan("sample by host.name [process where true] by user.name [network where true] by source.user.name").ShouldBeOfType<SamplePlan>();

        plan.Terms.Count.ShouldBe(2);
        plan.Terms[1].Keys.Fields.Select(field => field.Name).ShouldBe(new[] { "host.name", "source.user.name" });
        plan.KeyKinds.Select(kind => kind.Kind).ShouldBe(new[] { FieldKind.String, FieldKind.String });
    }

    [Fact]
    public void Binder_SampleSingleTermRejected()
    {
        ShouldReport("sample by host.name [process where true]", "RG0010", 1, 21, "A sample needs at least two terms");
    }

    [Fact]
    public void Binder_SampleKeysPairByPosition()
    {
        ShouldReport("sample [process where true] by host.name [network where true] by host.name, user.name", "RG1004", 1, 63, "this term has 2");
    }

    [Fact]
    public void Binder_ArrayJoinKeyCompiles()
    {
        SequencePlan plan = Plan("sequence [process where true] by process.args [process where true] by process.args").ShouldBeOfType<SequencePlan>();

        plan.Terms[0].Keys.Fields.ShouldHaveSingleItem().IsArray.ShouldBeTrue();
    }

    // A key that fails to bind is reported once; the key counts of the terms are then not compared.
    [Fact]
    public void Binder_BadKeyNoCountCascade()
    {
        RuleCompilation compilation = Compile("sequence [process where true] by process.nme [process where true] by process.name");

        compilation.Diagnostics.Select(diagnostic => diagnostic.Id).ShouldBe(new[] { "RG1001" });
    }

    [Fact]
    public void Binder_SequenceKeyReportedOnce()
    {
        RuleCompilation compilation = Compile("sequence by host.nme " + TwoTerms);

        compilation.Diagnostics.Count(diagnostic => diagnostic.Id == "RG1001").ShouldBe(1, Describe(compilation));
    }

    [Fact]
    public void Binder_SequenceJoinKeyReportedOnce()
    {
        RuleCompilation compilation = Compile("sequence by length(process.name) " + TwoTerms);

        compilation.Diagnostics.Count(diagnostic => diagnostic.Id == "RG1006").ShouldBe(1, Describe(compilation));
    }

    [Fact]
    public void Binder_PredicateComparedToTrue()
    {
        RuleCompilation compilation = Compile("process where (process.name : \"a\") == true");

        compilation.Diagnostics.ShouldNotContain(diagnostic => diagnostic.Message.Contains("two constants"), Describe(compilation));
    }

    [Fact]
    public void Regex_TooLargeWithoutBacktracking()
    {
        EqlDiagnostic diagnostic = ShouldReport("process where process.name regex \"[a-z]{20000}\"", "RG1010", 1, 34, "Invalid regular expression \"[a-z]{20000}\" as a whole: it is too large to run without backtracking (");

        diagnostic.Message.ShouldEndWith("); split it into smaller patterns or simplify its repetitions");
    }

    [Fact]
    public void Binder_NullOrderedWithCondition()
    {
        ShouldReport("process where null < (process.pid > -1)", "RG1003", 1, 20, "null can only be compared with == (the condition is null)");
    }
}
