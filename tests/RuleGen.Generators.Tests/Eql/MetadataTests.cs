using System;
using System.IO;
using System.Linq;
using RuleGen.Eql;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Metadata;
using static RuleGen.Generators.Tests.Eql.EqlTestHelpers;

namespace RuleGen.Generators.Tests.Eql;

/// <summary>Rule metadata read from the comment lines before the query, and the diagnostics RG3001 to RG3004.</summary>
public sealed class MetadataTests
{
    public const string FlagshipRule = "internal_proxy_t1090_001";

    /// <summary>Reads a rule file that the build copies to the Rules folder beside the test assembly.</summary>
    public static string ReadRule(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", name + ".eql"));

    private static RuleMetadataSpec Metadata(string text)
    {
        RuleCompilation compilation = Compile(text);
        compilation.HasErrors.ShouldBeFalse(Describe(compilation));
        compilation.Model.ShouldNotBeNull();
        return compilation.Model.Metadata;
    }

    [Fact]
    public void Metadata_FlagshipRule()
    {
        RuleCompilation compilation = RuleCompiler.Compile(ReadRule(FlagshipRule), FlagshipRule);

        compilation.Diagnostics.Select(diagnostic => diagnostic.Id).ShouldBe(new[] { "RG2001", "RG5003", "RG2002" }, Describe(compilation));
        compilation.Model.ShouldNotBeNull();
        RuleMetadataSpec metadata = compilation.Model.Metadata;
        metadata.Id.ShouldBe("6e45c59d-83f6-414a-ab63-fdce8a9b6454");
        metadata.Name.ShouldBe("Internal proxy tool execution or port forwarding");
        metadata.Severity.ShouldBe("high");
        metadata.Mitre.ShouldHaveSingleItem().ShouldBe(new MitreTechniqueSpec("T1090.001", "Command and Control", "Proxy", "Internal Proxy"));
        metadata.FalsePositives.ToArray().ShouldBe(new[]
        {
            "Administrators opening SSH tunnels to bastion hosts or databases.",
            "Network engineers using netsh portproxy for load balancing or tests.",
            "DevOps use of socat or chisel to proxy services in containers.",
        });
        metadata.References.ToArray().ShouldBe(new[]
        {
            "https://attack.mitre.org/techniques/T1090/001/",
            "https://learn.microsoft.com/windows-server/networking/technologies/netsh/netsh-interface-portproxy",
        });
        metadata.Authors.Count.ShouldBe(0);
    }

    [Fact]
    public void Metadata_FlagshipDescriptionJoined()
    {
        RuleMetadataSpec metadata = RuleCompiler.Compile(ReadRule(FlagshipRule), FlagshipRule).Model.ShouldNotBeNull().Metadata;

        metadata.Description.ShouldBe(
            "Detects the start of tools and commands that relay traffic inside a network: netsh interface portproxy, "
            + "SSH and PuTTY plink port forwarding, and tunnelling tools such as chisel, ligolo, frp, socat, netcat, gost, "
            + "iox, revsocks and rpivot. Attackers use internal proxies to reach segmented hosts and to hide where their "
            + "traffic comes from. Netsh started by an installer is excluded.");
    }

    [Fact]
    public void Metadata_FlagshipCrlf()
    {
        string text = ReadRule(FlagshipRule).Replace("\r\n", "\n").Replace("\n", "\r\n");

        RuleCompilation compilation = RuleCompiler.Compile(text, FlagshipRule);

        compilation.HasErrors.ShouldBeFalse(Describe(compilation));
        RuleMetadataSpec metadata = compilation.Model.ShouldNotBeNull().Metadata;
        metadata.Description.ShouldEndWith("Netsh started by an installer is excluded.");
        metadata.Description.ShouldNotContain("\r");
        metadata.References.Count.ShouldBe(2);
    }

    [Fact]
    public void Metadata_QueryOnlyDefaults()
    {
        RuleMetadataSpec metadata = Metadata("process where true");

        metadata.Id.ShouldBe(DefaultName);
        metadata.Name.ShouldBe(DefaultName);
        metadata.Severity.ShouldBe("medium");
        metadata.Description.ShouldBe(string.Empty);
        metadata.Mitre.Count.ShouldBe(0);
        metadata.FalsePositives.Count.ShouldBe(0);
        metadata.References.Count.ShouldBe(0);
        metadata.Authors.Count.ShouldBe(0);
    }

    [Fact]
    public void Metadata_NameWithoutId()
    {
        RuleMetadataSpec metadata = Metadata("// @name Named rule\nprocess where true");

        metadata.Name.ShouldBe("Named rule");
        metadata.Id.ShouldBe(DefaultName);
    }

    [Fact]
    public void Metadata_ContinuationLine()
    {
        Metadata("// @name first part\n//   second part\nprocess where true").Name.ShouldBe("first part second part");
    }

    [Fact]
    public void Metadata_ContinuationOfListItem()
    {
        RuleMetadataSpec metadata = Metadata("// @false_positive one\n//   more\n// @false_positive two\nprocess where true");

        metadata.FalsePositives.ToArray().ShouldBe(new[] { "one more", "two" });
    }

    [Fact]
    public void Metadata_ContinuationAfterEmptyTag()
    {
        Metadata("// @description\n//   on the next line\nprocess where true").Description.ShouldBe("on the next line");
    }

    [Theory]
    [InlineData("// @name a\n// one space only\nprocess where true")]
    [InlineData("// @name a\n//\n//   after a blank comment\nprocess where true")]
    [InlineData("// @name a\n\n//   after a blank line\nprocess where true")]
    [InlineData("// @name a\n/*   block */\nprocess where true")]
    public void Metadata_NotContinuation(string text)
    {
        Metadata(text).Name.ShouldBe("a");
    }

    [Fact]
    public void Metadata_TagWithoutSpace()
    {
        Metadata("//@severity low\nprocess where true").Severity.ShouldBe("low");
    }

    [Fact]
    public void Metadata_BlockCommentIgnored()
    {
        Metadata("/* @name hidden */\nprocess where true").Name.ShouldBe(DefaultName);
    }

    [Fact]
    public void Metadata_SeveralTechniques()
    {
        RuleMetadataSpec metadata = Metadata("// @mitre T1059\n// @mitre T1090.001 Command and Control / Proxy\nprocess where true");

        metadata.Mitre.ToArray().ShouldBe(new[]
        {
            new MitreTechniqueSpec("T1059", string.Empty, string.Empty, string.Empty),
            new MitreTechniqueSpec("T1090.001", "Command and Control", "Proxy", string.Empty),
        });
    }

    // MITRE names may contain a bare slash; only a slash with spaces around it separates names.
    [Fact]
    public void Metadata_SlashInsideTechniqueName()
    {
        RuleMetadataSpec metadata = Metadata("// @mitre T1033 Discovery / System Owner/User Discovery\nprocess where true");

        metadata.Mitre.ToArray().ShouldBe(new[] { new MitreTechniqueSpec("T1033", "Discovery", "System Owner/User Discovery", string.Empty) });
    }

    [Fact]
    public void Metadata_SubtechniqueNameWithoutSubtechniqueId()
    {
        ShouldReport("// @mitre T1033 Discovery / System Owner / User Discovery\nprocess where true", "RG3002", 1, 11, "'T1033' is a technique without a sub-technique");
    }

    [Fact]
    public void Metadata_Authors()
    {
        Metadata("// @author Ada\n// @author Grace\nprocess where true").Authors.ToArray().ShouldBe(new[] { "Ada", "Grace" });
    }

    [Fact]
    public void Metadata_UnknownTag()
    {
        const string text = "// @name x\n// @owner someone\nprocess where true";

        EqlDiagnostic diagnostic = ShouldReport(text, "RG3001", 2, 4, "Unknown metadata tag '@owner'");

        diagnostic.Severity.ShouldBe(EqlSeverity.Warning);
        diagnostic.Message.ShouldContain("the known tags are @id, @name, @description, @severity, @mitre, @false_positive, @reference, @author");
        Compile(text).Model.ShouldNotBeNull();
    }

    [Fact]
    public void Metadata_MisspelledTagSuggestion()
    {
        EqlDiagnostic diagnostic = ShouldReport("// @sevrity high\nprocess where true", "RG3001", 1, 4, "Unknown metadata tag '@sevrity': did you mean '@severity'?");

        diagnostic.Message.ShouldEndWith("The known tags are @id, @name, @description, @severity, @mitre, @false_positive, @reference, @author");
        diagnostic.Span.Length.ShouldBe("@sevrity".Length);
    }

    [Fact]
    public void Metadata_InvalidSeverity()
    {
        const string text = "// @severity urgent\nprocess where true";

        EqlDiagnostic diagnostic = ShouldReport(text, "RG3002", 1, 14, "Invalid value for '@severity': 'urgent' is not a severity; use low, medium, high or critical");

        diagnostic.Severity.ShouldBe(EqlSeverity.Error);
        Compile(text).Model.ShouldBeNull();
    }

    // .NET's \d also matches digits of other scripts, which MITRE ids never use.
    [Fact]
    public void Metadata_NonAsciiDigitsRejected()
    {
        ShouldReport("// @name x\n// @mitre T\u0661\u0662\u0663\u0664\nprocess where true", "RG3002", 2, 11, "is not a MITRE ATT&CK technique id");
    }

    [Fact]
    public void Metadata_InvalidTechniqueId()
    {
        ShouldReport("// @name x\n// @mitre X1090\nprocess where true", "RG3002", 2, 11, "'X1090' is not a MITRE ATT&CK technique id; write it as T1234 or T1234.001");
    }

    [Fact]
    public void Metadata_TooManyTechniqueNames()
    {
        ShouldReport("// @mitre T1090 A / B / C / D\nprocess where true", "RG3002", 1, 11, "'A / B / C / D' should be 'Tactic / Technique' or 'Tactic / Technique / Sub-technique'");
    }

    [Fact]
    public void Metadata_EmptyTechniqueName()
    {
        ShouldReport("// @mitre T1090 A / / C\nprocess where true", "RG3002", 1, 11, "'A / / C' should be");
    }

    [Fact]
    public void Metadata_EmptyValue()
    {
        ShouldReport("// @description\nprocess where true", "RG3002", 1, 4, "Invalid value for '@description': the tag has no value");
    }

    [Fact]
    public void Metadata_DuplicateTag()
    {
        const string text = "// @name a\n// @severity low\n// @name b\nprocess where true";

        EqlDiagnostic diagnostic = ShouldReport(text, "RG3003", 3, 4, "The tag '@name' takes one value and is already set on line 1");

        diagnostic.Severity.ShouldBe(EqlSeverity.Error);
    }

    [Fact]
    public void Metadata_DuplicateListTagAllowed()
    {
        Metadata("// @reference a\n// @reference b\nprocess where true").References.Count.ShouldBe(2);
    }

    [Fact]
    public void Metadata_TagAfterQuery()
    {
        const string text = "process where true\n// @name late";

        EqlDiagnostic diagnostic = ShouldReport(text, "RG3004", 2, 1, "The comment '@name' comes after the query starts and is not read as metadata");

        diagnostic.Severity.ShouldBe(EqlSeverity.Warning);
        Metadata(text).Name.ShouldBe(DefaultName);
    }

    [Fact]
    public void Metadata_TagAfterQueryOnSameLine()
    {
        ShouldReport("process where true // @severity high", "RG3004", 1, 20, "'@severity'");
    }

    [Fact]
    public void Metadata_TagInsideSequence()
    {
        ShouldReport("sequence\n  [process where true]\n  // @mitre T1090\n  [process where true]", "RG3004", 3, 3, "'@mitre'");
    }

    [Fact]
    public void Metadata_TagAfterBrokenQuery()
    {
        RuleCompilation compilation = Compile("// @name a\nprocess where process.name ==\n// @name b");

        compilation.Diagnostics.ShouldNotContain(diagnostic => diagnostic.Id == "RG3003", Describe(compilation));
    }
}
