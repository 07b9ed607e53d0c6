using System;
using System.Collections.Generic;
using System.Linq;
using DynamicExpresso;
using RuleGen.Ecs;
using RulesEngine.Models;

namespace RuleGen.Benchmarks;

/// <summary>The flagship filter written for two general-purpose engines a .NET developer might pick instead.</summary>
internal static class EngineMatchers
{
    // The same logic as the rule, in C#-like expression syntax over the typed event.
    private const string Expression =
        "ExpressionHelpers.IsProcessStart(e) && (" +
        "ExpressionHelpers.NameIn(e, ToolNames) || ExpressionHelpers.ArgIn(e, ToolArguments) || " +
        "(ExpressionHelpers.NameIs(e, \"netsh.exe\") && ExpressionHelpers.ArgIs(e, \"portproxy\") && ExpressionHelpers.ArgIs(e, \"add\")) || " +
        "(ExpressionHelpers.NameIn(e, SshNames) && ExpressionHelpers.ArgIn(e, SshFlags)) || " +
        "ExpressionHelpers.CommandLineContainsAny(e, CommandLineNeedles))";

    private static readonly HashSet<string> ToolNames = new(new[] { "htran", "zxproxy", "lcx.exe", "socat", "chisel", "ligolo", "frpc", "frps", "earthworm", "ew.exe", "gost", "iox", "revsocks", "venom", "pivotnacci", "rpivot", "nc.exe", "ncat" }, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> ToolArguments = new(new[] { "htran", "zxproxy", "lcx", "earthworm", "chisel", "ligolo", "frpc", "frps", "gost", "iox", "revsocks", "pivotnacci", "rpivot" }, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> SshNames = new(new[] { "ssh.exe", "ssh", "plink.exe" }, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> SshFlags = new(new[] { "-L", "-R", "-D", "-w", "GatewayPorts", "AllowTcpForwarding", "localforward", "remoteforward" }, StringComparer.OrdinalIgnoreCase);
    private static readonly string[] CommandLineNeedles = { "v4tov4", "listenport=", "connectport=", "connectaddress=", "listenaddress=" };

    public static Func<EcsEvent, bool> CreateDynamicExpresso()
    {
        var interpreter = new Interpreter()
            .Reference(typeof(ExpressionHelpers))
            .SetVariable("ToolNames", ToolNames)
            .SetVariable("ToolArguments", ToolArguments)
            .SetVariable("SshNames", SshNames)
            .SetVariable("SshFlags", SshFlags)
            .SetVariable("CommandLineNeedles", CommandLineNeedles);
        return interpreter.ParseAsDelegate<Func<EcsEvent, bool>>(Expression, "e");
    }

    public static Func<EcsEvent, bool> CreateRulesEngine()
    {
        // RulesEngine's expression language has no variables, so the lists are written out as helper calls.
        string expression = Expression
            .Replace("ToolNames", "ExpressionHelpers2.ToolNames")
            .Replace("ToolArguments", "ExpressionHelpers2.ToolArguments")
            .Replace("SshNames", "ExpressionHelpers2.SshNames")
            .Replace("SshFlags", "ExpressionHelpers2.SshFlags")
            .Replace("CommandLineNeedles", "ExpressionHelpers2.CommandLineNeedles");
        var workflow = new Workflow
        {
            WorkflowName = "flagship",
            Rules = new[] { new Rule { RuleName = "filter", Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression } },
        };
        var settings = new ReSettings { CustomTypes = new[] { typeof(ExpressionHelpers), typeof(ExpressionHelpers2) } };
        var engine = new RulesEngine.RulesEngine(new[] { workflow }, settings);
        return e =>
        {
            List<RuleResultTree> results = engine.ExecuteAllRulesAsync("flagship", new RuleParameter("e", e)).GetAwaiter().GetResult();
            return results[0].IsSuccess;
        };
    }
}

/// <summary>The lists of the flagship filter as static members, for RulesEngine's expression language.</summary>
public static class ExpressionHelpers2
{
    public static HashSet<string> ToolNames { get; } = new(new[] { "htran", "zxproxy", "lcx.exe", "socat", "chisel", "ligolo", "frpc", "frps", "earthworm", "ew.exe", "gost", "iox", "revsocks", "venom", "pivotnacci", "rpivot", "nc.exe", "ncat" }, StringComparer.OrdinalIgnoreCase);

    public static HashSet<string> ToolArguments { get; } = new(new[] { "htran", "zxproxy", "lcx", "earthworm", "chisel", "ligolo", "frpc", "frps", "gost", "iox", "revsocks", "pivotnacci", "rpivot" }, StringComparer.OrdinalIgnoreCase);

    public static HashSet<string> SshNames { get; } = new(new[] { "ssh.exe", "ssh", "plink.exe" }, StringComparer.OrdinalIgnoreCase);

    public static HashSet<string> SshFlags { get; } = new(new[] { "-L", "-R", "-D", "-w", "GatewayPorts", "AllowTcpForwarding", "localforward", "remoteforward" }, StringComparer.OrdinalIgnoreCase);

    public static string[] CommandLineNeedles { get; } = { "v4tov4", "listenport=", "connectport=", "connectaddress=", "listenaddress=" };
}
