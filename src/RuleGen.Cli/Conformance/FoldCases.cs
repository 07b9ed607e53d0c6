using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Tomlyn.Model;

namespace RuleGen.Cli.Conformance;

/// <summary>
/// One expression of the Python engine's folding files with the value it must evaluate to: a <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="string"/>, or null when the file gives no <c>expected</c>
/// (TOML has no null literal, so an absent value means a null result).
/// </summary>
internal sealed record FoldCase(string File, string Name, string Expression, object? Expected, bool CaseSensitiveOnly, bool CaseInsensitiveOnly)
{
    public string Label => $"{File}:{Name} `{Expression}`";
}

/// <summary>
/// Reads the folding cases of a suite file: the tables <c>[[group.fold.tests]]</c> and <c>[[group.tests]]</c>,
/// and the <c>[[group.loop]]</c> tables, which repeat their <c>fold.tests</c> once per type listed in
/// <c>param.type</c> with <c>$name</c> replaced by a literal of that type.
/// </summary>
internal static class FoldCases
{
    // A representative literal per type name of a loop parameter.
    private static readonly Dictionary<string, string> LiteralsByType = new()
    {
        ["bool"] = "true",
        ["int"] = "1",
        ["string"] = "\"foo\"",
        ["float"] = "1.5",
        ["null"] = "null",
    };

    /// <exception cref="InvalidDataException">A case has no expression, an expected value of another type, or a loop names an unknown type.</exception>
    public static List<FoldCase> Read(string file, TomlTable model)
    {
        var cases = new List<FoldCase>();
        foreach ((string group, object value) in model)
        {
            if (value is not TomlTable table)
            {
                continue;
            }

            bool sensitive = Flag(table, "case_sensitive");
            bool insensitive = Flag(table, "case_insensitive");
            var context = new GroupContext(file, sensitive && !insensitive, insensitive && !sensitive);
            int position = 0;
            foreach (TomlTable test in Tests(table))
            {
                cases.Add(context.Case(group + "#" + (++position).ToString(CultureInfo.InvariantCulture), test, substitute: null));
            }

            if (table.TryGetValue("loop", out object? loops) && loops is TomlTableArray loopArray)
            {
                int loopNumber = 0;
                foreach (TomlTable loop in loopArray)
                {
                    loopNumber++;
                    cases.AddRange(ExpandLoop(context, group + ".loop" + loopNumber.ToString(CultureInfo.InvariantCulture), loop));
                }
            }
        }

        return cases;
    }

    private static IEnumerable<FoldCase> ExpandLoop(GroupContext context, string name, TomlTable loop)
    {
        if (!loop.TryGetValue("param", out object? param) || param is not TomlTable parameter
            || !parameter.TryGetValue("name", out object? parameterName) || parameterName is not string variable
            || !parameter.TryGetValue("type", out object? types) || types is not TomlArray typeArray)
        {
            throw new InvalidDataException($"{context.File}: the loop {name} has no 'param' table with a 'name' and a 'type' list.");
        }

        foreach (object? type in typeArray)
        {
            string typeName = type as string ?? string.Empty;
            if (!LiteralsByType.TryGetValue(typeName, out string? literal))
            {
                throw new InvalidDataException($"{context.File}: the loop {name} lists the type '{type}', which has no literal; the known types are {string.Join(", ", LiteralsByType.Keys)}.");
            }

            int position = 0;
            foreach (TomlTable test in Tests(loop))
            {
                string caseName = $"{name}[{typeName}]#{(++position).ToString(CultureInfo.InvariantCulture)}";
                yield return context.Case(caseName, test, expression => expression.Replace("$" + variable, literal));
            }
        }
    }

    // The tests of a group or a loop: those under 'fold', then those directly under it.
    private static IEnumerable<TomlTable> Tests(TomlTable table)
    {
        IEnumerable<TomlTable> folded = table.TryGetValue("fold", out object? fold) && fold is TomlTable foldTable && foldTable.TryGetValue("tests", out object? tests) && tests is TomlTableArray foldTests
            ? foldTests
            : Enumerable.Empty<TomlTable>();
        IEnumerable<TomlTable> direct = table.TryGetValue("tests", out object? directTests) && directTests is TomlTableArray directArray
            ? directArray
            : Enumerable.Empty<TomlTable>();
        return folded.Concat(direct);
    }

    private static bool Flag(TomlTable table, string key) => table.TryGetValue(key, out object? value) && value is true;

    private sealed record GroupContext(string File, bool CaseSensitiveOnly, bool CaseInsensitiveOnly)
    {
        public FoldCase Case(string name, TomlTable test, System.Func<string, string>? substitute)
        {
            if (!test.TryGetValue("expression", out object? expression) || expression is not string text)
            {
                throw new InvalidDataException($"{File}: the folding case {name} has no 'expression' string.");
            }

            object? expected = test.TryGetValue("expected", out object? value) ? value : null;
            if (expected is not (null or long or double or bool or string))
            {
                throw new InvalidDataException($"{File}: the folding case {name} expects '{expected}', which is not an integer, float, boolean or string; omit 'expected' for a null result.");
            }

            return new FoldCase(File, name, (substitute ?? (s => s))(text).Trim(), expected, CaseSensitiveOnly, CaseInsensitiveOnly);
        }
    }
}
