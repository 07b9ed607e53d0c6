using System;
using System.Diagnostics;
using System.IO;

namespace RuleGen.Cli.Tests;

// Runs the built rulegen program, as CI would call it.
public class CommandLineTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RuleGen.Cli.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error);
    }

    [Fact]
    public void MissingArgument_ExitsTwo()
    {
        var (exitCode, _, error) = Run("check");

        exitCode.ShouldBe(2);
        error.ShouldContain("error: ");
        error.ShouldContain("Run 'rulegen check --help' for the options.");
    }

    [Fact]
    public void UnknownCommand_ExitsTwo()
    {
        var (exitCode, _, error) = Run("frobnicate");

        exitCode.ShouldBe(2);
        error.ShouldBe("error: 'frobnicate' is not a rulegen command; the commands are check, run, conformance." + Environment.NewLine + "Run 'rulegen --help' for the options." + Environment.NewLine);
    }

    [Fact]
    public void MistypedCommand_SuggestsVerb()
    {
        var (exitCode, _, error) = Run("chek", "rules");

        exitCode.ShouldBe(2);
        error.ShouldBe("error: 'chek' is not a rulegen command; the commands are check, run, conformance." + Environment.NewLine
            + "Did you mean 'rulegen check'?" + Environment.NewLine
            + "Run 'rulegen --help' for the options." + Environment.NewLine);
    }

    [Fact]
    public void RootHelp_NamesRulegen()
    {
        var (exitCode, output, _) = Run("--help");

        exitCode.ShouldBe(0);
        output.ShouldContain("  rulegen [command] [options]");
        output.ShouldNotContain("RuleGen.Cli");
    }

    [Fact]
    public void Help_ExitsZero()
    {
        var (exitCode, output, _) = Run("check", "--help");

        exitCode.ShouldBe(0);
        output.ShouldContain("--schema");
    }
}
