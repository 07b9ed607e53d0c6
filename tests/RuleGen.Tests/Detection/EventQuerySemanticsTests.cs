using System.Linq;
using RuleGen.Ecs;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

// Each rule under test is a file in Rules/, compiled into this assembly by the generator.
public class EventQuerySemanticsTests
{
    [Fact]
    public void EqualEquals_IsCaseSensitive()
    {
        var detector = new CaseSensitiveEqualDetector();

        Fires(detector, Process("vaultcmd.exe")).ShouldBeTrue();
        Fires(detector, Process("VaultCmd.exe")).ShouldBeFalse();
    }

    [Fact]
    public void Colon_IsCaseInsensitive()
    {
        var detector = new CaseInsensitiveColonDetector();

        Fires(detector, Process("VaultCmd.exe")).ShouldBeTrue();
        Fires(detector, Process("VAULTCMD.EXE")).ShouldBeTrue();
        Fires(detector, Process("vaultcmd.exe.bak")).ShouldBeFalse();
    }

    // A keyword field compared with a number compares with the number's text, as in Elasticsearch: 4688 is
    // "4688" and 1.0 is "1.0", the text Java writes for the double.
    [Fact]
    public void KeywordComparedToNumber_UsesItsText()
    {
        var detector = new KeywordNumberDetector();
        EcsEvent WithCode(string code, string name = "a.exe")
        {
            EcsEvent e = Process(name);
            e.Event!.Code = code;
            return e;
        }

        Fires(detector, WithCode("4688")).ShouldBeTrue();
        Fires(detector, WithCode("04688")).ShouldBeFalse();
        Fires(detector, WithCode("4689")).ShouldBeFalse();
        Fires(detector, WithCode("4688", name: "1.0")).ShouldBeFalse();
        Fires(detector, WithCode("4688", name: "1")).ShouldBeTrue();
    }

    [Fact]
    public void EqualEquals_StarIsLiteral()
    {
        var detector = new EqualWithStarDetector();

        Fires(detector, Process("vault*.exe")).ShouldBeTrue();
        Fires(detector, Process("vaultcmd.exe")).ShouldBeFalse();
    }

    [Fact]
    public void Colon_StarIsWildcard()
    {
        var detector = new ColonWithStarDetector();

        Fires(detector, Process("VaultCmd.exe")).ShouldBeTrue();
        Fires(detector, Process("vault*.exe")).ShouldBeTrue();
        Fires(detector, Process("vault.exe")).ShouldBeTrue();
        Fires(detector, Process("myvault.exe")).ShouldBeFalse();
    }

    [Fact]
    public void Colon_QuestionMarkMatchesOneCharacter()
    {
        var detector = new QuestionWildcardDetector();

        Fires(detector, FileNamed("report1.txt")).ShouldBeTrue();
        Fires(detector, FileNamed("report?.txt")).ShouldBeTrue();
        Fires(detector, FileNamed("report.txt")).ShouldBeFalse();
        Fires(detector, FileNamed("report12.txt")).ShouldBeFalse();
    }

    [Fact]
    public void Colon_FoldsNonAsciiCase()
    {
        var detector = new UnicodeColonDetector();

        Fires(detector, FileNamed("über.txt")).ShouldBeTrue();
    }

    [Fact]
    public void InInsensitive_StarIsLiteral()
    {
        var detector = new InsensitiveInLiteralStarDetector();

        Fires(detector, Process("1*")).ShouldBeTrue();
        Fires(detector, Process("123")).ShouldBeFalse();
        Fires(detector, Process("cmd.exe")).ShouldBeTrue();
    }

    [Fact]
    public void ArrayField_AnyElementMatches()
    {
        var detector = new ArgsPrefixDetector();

        Fires(detector, Process("powershell.exe", new[] { "powershell.exe", "-nop", "-enc", "AAAA" })).ShouldBeTrue();
        Fires(detector, Process("powershell.exe", new[] { "powershell.exe" })).ShouldBeFalse();
        Fires(detector, Process("powershell.exe", new[] { "powershell.exe", "-ENCODEDCOMMAND" })).ShouldBeTrue();
    }

    [Fact]
    public void ArrayField_InMatchesAnyElement()
    {
        var detector = new ArgsInDetector();

        Fires(detector, Process("powershell.exe", new[] { "powershell.exe", "-nop" })).ShouldBeTrue();
        Fires(detector, Process("powershell.exe", new[] { "powershell.exe", "-NOP" })).ShouldBeFalse();
    }

    // On an array, 'x != v' is 'not (x == v)': true only when no element equals v.
    [Fact]
    public void ArrayField_NotEqualMeansNoElementEquals()
    {
        var detector = new ArgsNotEqualDetector();

        Fires(detector, Process("powershell.exe", new[] { "powershell.exe" })).ShouldBeTrue();
        Fires(detector, Process("powershell.exe", new[] { "powershell.exe", "-nop" })).ShouldBeFalse();
        Fires(detector, Process("powershell.exe", args: null)).ShouldBeFalse();
    }

    [Fact]
    public void MissingField_NotEqualDoesNotMatch()
    {
        var detector = new NameNotEqualDetector();

        Fires(detector, Process("calc.exe")).ShouldBeTrue();
        Fires(detector, Process(name: null)).ShouldBeFalse();
        Fires(detector, Process("cmd.exe")).ShouldBeFalse();
    }

    [Fact]
    public void MissingField_NotInDoesNotMatch()
    {
        var detector = new NameNotInDetector();

        Fires(detector, Process("calc.exe")).ShouldBeTrue();
        Fires(detector, Process(name: null)).ShouldBeFalse();
        Fires(detector, Process("sh")).ShouldBeFalse();
    }

    // 'not null' is null, so negating a comparison with a missing field still does not match.
    [Fact]
    public void MissingField_NotOfComparisonIsNull()
    {
        var detector = new NotNameEqualDetector();

        Fires(detector, Process("calc.exe")).ShouldBeTrue();
        Fires(detector, Process(name: null)).ShouldBeFalse();
    }

    [Fact]
    public void MissingField_EqualsNullTestsPresence()
    {
        var isNull = new NameIsNullDetector();
        var isNotNull = new NameIsNotNullDetector();
        var noProcessObject = new EcsEvent { Event = new EventFields { Category = new[] { "process" } } };

        Fires(isNull, Process(name: null)).ShouldBeTrue();
        Fires(isNull, noProcessObject).ShouldBeTrue();
        Fires(isNull, Process("calc.exe")).ShouldBeFalse();
        Fires(isNotNull, Process("calc.exe")).ShouldBeTrue();
        Fires(isNotNull, Process(name: null)).ShouldBeFalse();
    }

    [Fact]
    public void NullTestOfCondition_TrueWhenFieldMissing()
    {
        var detector = new NullTestOfConditionDetector();
        EcsEvent withPid = Process("calc.exe");
        withPid.Process!.Pid = 42;

        Fires(detector, Process("calc.exe")).ShouldBeTrue();
        Fires(detector, withPid).ShouldBeFalse();
    }

    [Fact]
    public void MissingNumber_ComparisonDoesNotMatch()
    {
        var detector = new PidGreaterDetector();
        EcsEvent withPid = Process("a");
        withPid.Process!.Pid = 101;
        EcsEvent lowPid = Process("a");
        lowPid.Process!.Pid = 100;

        Fires(detector, withPid).ShouldBeTrue();
        Fires(detector, lowPid).ShouldBeFalse();
        Fires(detector, Process("a")).ShouldBeFalse();
    }

    // 'true or null' is true, so one known branch is enough.
    [Fact]
    public void Or_TrueBranchWinsOverMissingField()
    {
        var detector = new OrWithMissingDetector();

        Fires(detector, Process("a")).ShouldBeTrue();
        Fires(detector, Process("b")).ShouldBeFalse();
    }

    // 'not (a or b)' is true only when both are false. A missing field makes its test null, and so the whole condition.
    [Fact]
    public void NotOr_NullOperandRejects()
    {
        var detector = new NotOrWithMissingDetector();

        Fires(detector, Process("c", commandLine: "c.exe -y")).ShouldBeTrue();
        Fires(detector, Process("c", commandLine: null)).ShouldBeFalse();
        Fires(detector, Process("a", commandLine: "a.exe -y")).ShouldBeFalse();
        Fires(detector, Process("c", commandLine: "c.exe -x")).ShouldBeFalse();
        Fires(detector, Process("b", commandLine: "b.exe")).ShouldBeFalse();
        Fires(detector, Process(name: null, commandLine: "c.exe")).ShouldBeFalse();
    }

    [Fact]
    public void Category_RequiredUnlessAny()
    {
        var process = new CaseSensitiveEqualDetector();
        var any = new AnyWhereTrueDetector();
        EcsEvent fileEvent = FileNamed("vaultcmd.exe");
        fileEvent.Process = new ProcessFields { Name = "vaultcmd.exe" };

        Fires(process, fileEvent).ShouldBeFalse();
        Fires(any, fileEvent).ShouldBeTrue();
        Fires(any, new EcsEvent()).ShouldBeTrue();
    }

    [Fact]
    public void Alert_CarriesRuleAndEvent()
    {
        var detector = new CaseSensitiveEqualDetector();
        EcsEvent e = Process("vaultcmd.exe");

        Alert alert = Run(detector, e).Single();

        alert.Rule.Id.ShouldBe("case_sensitive_equal");
        alert.Rule.Name.ShouldBe("case_sensitive_equal");
        alert.Rule.Severity.ShouldBe("medium");
        alert.Rule.SourcePath.ShouldBe("Rules/case_sensitive_equal.eql");
        alert.Events.ShouldBe(new[] { e });
    }

    private static EcsEvent FileNamed(string name) => File(name);
}
