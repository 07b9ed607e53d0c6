using System;
using System.Collections.Generic;
using RuleGen.Ecs;
using RuleGen.Eql;
using RuleGen.Eql.Binding;
using RuleGen.Matching;

namespace RuleGen.Benchmarks;

/// <summary>
/// A tree-walking interpreter over dictionary events: the design a runtime rule engine would use. It evaluates
/// RuleGen's bound query (so it has the same semantics) against events flattened to dotted-path dictionaries.
/// It covers the nodes the flagship filter uses.
/// </summary>
internal sealed class InterpretedMatcher
{
    private readonly EventFilterPlan filter;
    private readonly StringPattern[] categoryPattern;

    public InterpretedMatcher(string ruleText)
    {
        RuleCompilation compilation = RuleCompiler.Compile(ruleText, "flagship_filter");
        filter = compilation.Model is { Query: EventQueryPlan query }
            ? query.Filter
            : throw new InvalidOperationException("The benchmark rule did not compile: " + string.Join("; ", compilation.Diagnostics));
        categoryPattern = filter.Category is { } category ? new[] { StringPattern.Exact(category) } : Array.Empty<StringPattern>();
    }

    public static Dictionary<string, object?> Flatten(EcsEvent e) => new(StringComparer.Ordinal)
    {
        ["event.category"] = e.Event?.Category,
        ["event.type"] = e.Event?.Type,
        ["host.name"] = e.Host?.Name,
        ["process.name"] = e.Process?.Name,
        ["process.args"] = e.Process?.Args,
        ["process.command_line"] = e.Process?.CommandLine,
        ["process.executable"] = e.Process?.Executable,
        ["process.parent.name"] = e.Process?.Parent?.Name,
    };

    public bool Matches(Dictionary<string, object?> e)
    {
        if (categoryPattern.Length > 0 && !Evaluate(e.GetValueOrDefault("event.category"), categoryPattern, ignoreCase: false).IsTrue)
        {
            return false;
        }

        return Evaluate(filter.Condition, e).IsTrue;
    }

    private static EqlBool Evaluate(BoundExpression expression, Dictionary<string, object?> e) => expression switch
    {
        BoundAnd and => Evaluate(and.Left, e) && Evaluate(and.Right, e),
        BoundOr or => Evaluate(or.Left, e) || Evaluate(or.Right, e),
        BoundNot not => !Evaluate(not.Operand, e),
        BoundConstant constant => EqlBool.From(constant.Value),
        BoundStringMatch match => Evaluate(e.GetValueOrDefault(match.Field.Name), match.Patterns, match.IgnoreCase),
        _ => throw new NotSupportedException("The benchmark interpreter does not evaluate " + expression.GetType().Name),
    };

    private static EqlBool Evaluate(object? value, IReadOnlyList<StringPattern> patterns, bool ignoreCase)
    {
        switch (value)
        {
            case string single:
                return EqlBool.From(AnyPattern(single, patterns, ignoreCase));
            case string[] { Length: > 0 } many:
                foreach (string item in many)
                {
                    if (AnyPattern(item, patterns, ignoreCase))
                    {
                        return EqlBool.True;
                    }
                }

                return EqlBool.False;
            default:
                return EqlBool.Null;
        }
    }

    private static bool AnyPattern(string value, IReadOnlyList<StringPattern> patterns, bool ignoreCase)
    {
        StringComparison comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (StringPattern pattern in patterns)
        {
            bool matched = pattern.Kind switch
            {
                PatternKind.Exact => string.Equals(value, pattern.Text, comparison),
                PatternKind.Prefix => value.StartsWith(pattern.Text, comparison),
                PatternKind.Suffix => value.EndsWith(pattern.Text, comparison),
                PatternKind.Contains => value.Contains(pattern.Text, comparison),
                PatternKind.AnyValue => true,
                _ => Wildcard.IsMatch(value, pattern.Text, ignoreCase),
            };
            if (matched)
            {
                return true;
            }
        }

        return false;
    }
}
