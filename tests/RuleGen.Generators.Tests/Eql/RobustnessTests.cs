using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using RuleGen.Eql;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Text;
using LinePosition = RuleGen.Eql.Text.LinePosition;

namespace RuleGen.Generators.Tests.Eql;

/// <summary>Every prefix of a rule, as the generator receives it while the rule is being typed, compiles without an exception.</summary>
public sealed class RobustnessTests
{
    private static readonly Dictionary<string, string> Rules = new()
    {
        ["strings"] = "// @name Strings\n//   and escapes\nprocess where process.name : (\"a\\tb\\u{200F}\", \"\"\"C:\\raw\"\"\"\", \"\\\"q\\\"\") and\n"
            + "  process.command_line like~ \"*\\\\x*\" and `process`.`my``name` != null /* a /* nested */ comment */",
        ["sequence"] = "// @severity low\r\n// @mitre T1059.001 Execution / Command and Scripting Interpreter / PowerShell\r\n"
            + "sequence by host.name, ?user.id with maxspan=1500ms\r\n"
            + "  [process where process.pid >= 4 and not process.name in~ (\"a\", \"b\")] by process.entity_id with runs=2\r\n"
            + "  ![network where destination.port == 443]\r\n"
            + "until [process where event.type == \"end\"]\r\n"
            + "not sequence by host.name [process where process.parent.name : \"msiexec.exe\"] | head 5 | tail 1",
        ["errors"] = "// @severity urgent\n// @name a\n// @name b\nprocess where process.nme = 'x' && length(process.name) > 1.5e3 or\n"
            + "  process.pid : \"1\" and \"\\q\\u{D800}\" == process.name regex \"a.*\" [0] `open",
    };

    private static readonly HashSet<string> KnownIds = new(DiagnosticDescriptors.All.Select(descriptor => descriptor.Id));

    [Theory]
    [InlineData(MetadataTests.FlagshipRule)]
    [InlineData("strings")]
    [InlineData("sequence")]
    [InlineData("errors")]
    public void Compiler_EveryPrefix(string rule)
    {
        string text = Rules.TryGetValue(rule, out string? inline) ? inline : MetadataTests.ReadRule(rule);
        var failures = new List<string>();

        for (int length = 0; length <= text.Length; length++)
        {
            string prefix = text.Substring(0, length);
            RuleCompilation compilation;
            try
            {
                compilation = RuleCompiler.Compile(prefix, "prefix");
            }
            catch (Exception exception)
            {
                failures.Add($"length {length}: {exception.GetType().Name}: {exception.Message}");
                continue;
            }

            foreach (EqlDiagnostic diagnostic in compilation.Diagnostics)
            {
                if (!KnownIds.Contains(diagnostic.Id))
                {
                    failures.Add($"length {length}: unknown id {diagnostic.Id}");
                }

                if (diagnostic.Span.Start < 0 || diagnostic.Span.End > length)
                {
                    failures.Add($"length {length}: span {diagnostic.Span} of {diagnostic.Id} is outside the text");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void Descriptors_IdsUnique()
    {
        DiagnosticDescriptors.All.Select(descriptor => descriptor.Id).ShouldBeUnique();
    }

    [Fact]
    public void LineMap_MatchesRoslynForCrLf()
    {
        const string text = "a\rb\r\nc\nd";
        var lineMap = new LineMap(text);
        SourceText source = SourceText.From(text);

        for (int offset = 0; offset <= text.Length; offset++)
        {
            LinePosition expected = ToEql(source.Lines.GetLinePosition(offset));
            lineMap.GetPosition(offset).ShouldBe(expected, $"offset {offset}");
        }
    }

    [Fact]
    public void LineMap_MatchesRoslynForUnicodeBreaks()
    {
        const string text = "a\u2028b\u0085c\u2029d";
        var lineMap = new LineMap(text);
        SourceText source = SourceText.From(text);

        for (int offset = 0; offset <= text.Length; offset++)
        {
            LinePosition expected = ToEql(source.Lines.GetLinePosition(offset));
            lineMap.GetPosition(offset).ShouldBe(expected, $"offset {offset}");
        }
    }

    private static LinePosition ToEql(Microsoft.CodeAnalysis.Text.LinePosition position) => new(position.Line, position.Character);
}
