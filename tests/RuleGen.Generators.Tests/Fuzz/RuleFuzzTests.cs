using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using RuleGen.Eql;
using RuleGen.Eql.Diagnostics;
using RuleGen.Generators.Tests.Generator;

namespace RuleGen.Generators.Tests.Fuzz;

/// <summary>
/// Random rules, from token soup to well-formed queries over fields of every type: the front end must never
/// throw, and whatever it accepts must compile to C# without a single compiler error.
/// </summary>
public class RuleFuzzTests
{
    private static readonly string[] Tokens =
    {
        "process", "file", "any", "where", "sequence", "by", "with", "maxspan", "=", "==", "!=", ":", "<", ">=",
        "and", "or", "not", "in", "in~", "like", "like~", "regex", "until", "[", "]", "![", "(", ")", ",", ".", "|",
        "head", "5", "5m", "1.5", "-1", "true", "false", "null", "?", "\"a*\"", "\"\\\\x\"", "\"unterminated",
        "'single'", "\"\"\"raw\"\"\"", "process.name", "process.args", "process.pid", "host.name", "process.nme",
        "startsWith~", "/*", "*/", "//", "\n", "@", "`back`", "~", "!", "&", "\"\\u{41}\"",
    };

    private static readonly HashSet<string> KnownIds = new(DiagnosticDescriptors.All.Select(descriptor => descriptor.Id));

    [Fact]
    public void TokenSoup_NeverThrows()
    {
        Gen.OneOf(Tokens).Array[0, 30]
            .Select(tokens => string.Join(" ", tokens))
            .Sample(
                text =>
                {
                    RuleCompilation compilation = RuleCompiler.Compile(text, "fuzz");
                    compilation.Diagnostics.ShouldAllBe(diagnostic => KnownIds.Contains(diagnostic.Id));
                    compilation.Diagnostics.ShouldAllBe(diagnostic => diagnostic.Span.Start >= 0 && diagnostic.Span.End <= text.Length);
                    (compilation.Model is null).ShouldBe(compilation.HasErrors);
                },
                iter: 3000);
    }

    [Fact]
    public void AcceptedRules_CompileWithoutErrors()
    {
        Gen.Select(Rule, Rule, Rule, Rule)
            .Select((a, b, c, d) => new[] { a, b, c, d })
            .Array[6]
            .Select(batches => batches.SelectMany(batch => batch).ToArray())
            .Sample(
                rules =>
                {
                    AdditionalText[] files = rules.Select((rule, i) => GeneratorHarness.Rule($"rules/fuzz{i}.eql", rule)).ToArray();
                    var (run, compilerDiagnostics) = GeneratorHarness.Run(files);
                    run.Results.Single().Exception.ShouldBeNull();
                    run.Diagnostics.ShouldAllBe(diagnostic => KnownIds.Contains(diagnostic.Id));
                    compilerDiagnostics.ShouldBeEmpty(string.Join("\n", rules));

                    // Most generated rules are valid, so most files must reach the emitter; one more file is the registry.
                    int detectors = run.Results.Single().GeneratedSources.Length - 1;
                    detectors.ShouldBeGreaterThanOrEqualTo(rules.Length / 2, string.Join("\n", run.Diagnostics.Select(diagnostic => diagnostic.GetMessage())));
                },
                iter: 8,
                threads: 1);
    }

    private static readonly Gen<string> StringLiteral = Gen.OneOf(
        "\"cmd.exe\"", "\"CMD*\"", "\"*\"", "\"a?c\"", "\"\\\\\\\\server\\\\share\"", "\"quote\\\"inside\"",
        "\"*/ not a comment end\"", "\"\\u{200F}\"", "\"\"\"C:\\Windows\\*\"\"\"", "\"\"", "\"ß\"", "\"line\\nbreak\"");

    private static readonly Gen<string> NumberLiteral = Gen.OneOf("0", "42", "-7", "1.5", "1e3", "9223372036854775807");

    private static readonly Gen<string> StringField = Gen.OneOf("process.name", "process.args", "host.name", "event.code", "process.command_line", "?custom.field", "user.name");

    private static readonly Gen<string> NumberField = Gen.OneOf("process.pid", "process.args_count", "host.cpu.usage", "process.exit_code");

    private static readonly Gen<string> Leaf = Gen.Frequency(
        (4, Gen.Select(StringField, Gen.OneOf("==", "!=", ":", "like", "like~"), StringLiteral, (field, op, value) => $"{field} {op} {value}")),
        (2, Gen.Select(StringField, Gen.OneOf("in", "in~", "not in", ":"), StringLiteral.Array[1, 4], (field, op, values) => $"{field} {op} ({string.Join(", ", values)})")),
        (2, Gen.Select(NumberField, Gen.OneOf("==", "!=", "<", "<=", ">", ">="), NumberLiteral, (field, op, value) => $"{field} {op} {value}")),
        (1, Gen.Select(NumberField, NumberLiteral.Array[1, 3], (field, values) => $"{field} in ({string.Join(", ", values)})")),
        (1, Gen.Select(Gen.OneOf("process.interactive", "process.pid", "process.name"), Gen.OneOf("== null", "!= null"), (field, test) => $"{field} {test}")),
        (1, Gen.OneOf("process.interactive", "process.interactive == false", "true", "false", "null", "?missing.flag == null")),
        (2, Gen.OneOf(
            "length(process.name) > 3",
            "startsWith~(process.name, \"a\")",
            "endsWith(process.executable, \".exe\") == false",
            "cidrMatch(source.ip, \"10.0.0.0/8\", \"fe80::/10\")",
            "substring(process.name, 1, -1) : \"md*\"",
            "concat(process.name, process.pid, true, 1.5) == \"x\"",
            "process.pid + 1 >= 2",
            "-process.pid < 0",
            "number(\"12\") == process.pid",
            "number(process.name, 16) > 1.5",
            "between~(process.command_line, \"a\", \"b\", true) != \"\"",
            "indexOf(process.name, \"x\", 2) != null",
            "string(process.pid) in (\"1\", \"2\")",
            "modulo(process.pid, 2) in (0, 1)",
            "divide(process.args_count, 2.0) <= multiply(2, 3)",
            "stringContains(?custom.field, \"a\")",
            "length(concat(null, process.name)) == null",
            "process.name regex \"[a-z]+\\\\.exe\"",
            "process.args regex~ (\"-e.*\", \"\\\"x.y\\\"|z{1,3}\")",
            "substring(process.name, 0, 3) regex \"c.d\"")));

    private static Gen<string> Condition(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (2, Gen.Select(Condition(depth - 1), Gen.OneOf("and", "or"), Condition(depth - 1), (left, op, right) => $"({left} {op} {right})")),
            (1, Condition(depth - 1).Select(operand => $"not {operand}")));

    private static readonly Gen<string> EventQuery = Gen.Select(
        Gen.OneOf("process", "file", "any", "network", "\"my-category\""),
        Condition(3),
        (category, condition) => $"{category} where {condition}");

    private static readonly Gen<string> Rule = Gen.Frequency(
        (2, EventQuery),
        (1, Gen.Select(
            Gen.OneOf("", "by host.name", "by host.name, process.pid", "by ?user.name"),
            Gen.OneOf("", "with maxspan=30s", "with maxspan=1500ms"),
            Gen.Select(EventQuery, Gen.Int[0, 4]).Array[1, 3],
            Gen.Bool,
            (keys, maxspan, terms, suppress) =>
                $"sequence {keys} {maxspan}\n  " + string.Join("\n  ", terms.Select(term => term.Item2 == 0 ? $"![{term.Item1}]" : $"[{term.Item1}]"))
                + (suppress ? $"\nnot sequence {keys} [process where process.name : \"msiexec.exe\"]" : string.Empty))));
}
