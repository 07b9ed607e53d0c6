using System;
using RuleGen.Events;

namespace RuleGen.Tests.Events;

public sealed class WindowsCommandLineTests
{
    [Fact]
    public void Split_QuotedExecutableTrailingSpace()
    {
        WindowsCommandLine.Split("\"C:\\Windows\\system32\\cmd.exe\" ")
            .ShouldBe(new[] { @"C:\Windows\system32\cmd.exe" });
    }

    [Fact]
    public void Split_DoubleSpacesSeparateOnce()
    {
        WindowsCommandLine.Split("netsh  interface portproxy add")
            .ShouldBe(new[] { "netsh", "interface", "portproxy", "add" });
    }

    [Fact]
    public void Split_LeadingSpaceGivesEmptyProgram()
    {
        WindowsCommandLine.Split(@" /s C:\x.dll")
            .ShouldBe(new[] { "", "/s", @"C:\x.dll" });
    }

    [Fact]
    public void Split_QuotesInsideArgumentDropped()
    {
        WindowsCommandLine.Split("7z.exe x a.zip -o\"C:\\TMP\" -y")
            .ShouldBe(new[] { "7z.exe", "x", "a.zip", @"-oC:\TMP", "-y" });
    }

    [Fact]
    public void Split_PlinkRemoteForward()
    {
        WindowsCommandLine.Split("plink.exe  10.0.2.18 -P 80 -C -R 127.0.0.3:4444:127.0.0.2:3389 -l test -pw test")
            .ShouldBe(new[] { "plink.exe", "10.0.2.18", "-P", "80", "-C", "-R", "127.0.0.3:4444:127.0.0.2:3389", "-l", "test", "-pw", "test" });
    }

    [Theory]
    [InlineData(@"a.exe ""hello\""there""", @"hello""there")]
    [InlineData(@"a.exe ""hello\\""", @"hello\")]
    [InlineData(@"a.exe a\\\""b", @"a\""b")]
    [InlineData(@"a.exe a\\\\""b c""", @"a\\b c")]
    [InlineData(@"a.exe \\server\share\", @"\\server\share\")]
    [InlineData(@"a.exe ""C:\Program Files\x""", @"C:\Program Files\x")]
    public void Split_BackslashRules(string commandLine, string expectedArgument)
    {
        WindowsCommandLine.Split(commandLine).ShouldBe(new[] { "a.exe", expectedArgument });
    }

    [Fact]
    public void Split_EscapedQuotesInQuotedArgument()
    {
        WindowsCommandLine.Split(@"sc create svc binpath= ""\""C:\Program Files\svc.exe\""""")
            .ShouldBe(new[] { "sc", "create", "svc", "binpath=", @"""C:\Program Files\svc.exe""" });
    }

    [Fact]
    public void Split_ProgramBackslashesLiteral()
    {
        WindowsCommandLine.Split(@"""C:\dir\""x y")
            .ShouldBe(new[] { @"C:\dir\", "x", "y" });
    }

    [Fact]
    public void Split_DoubledQuoteLeavesQuotedMode()
    {
        // "" inside quotes is one literal quote and ends quoted mode, so the space after y separates.
        WindowsCommandLine.Split(@"a.exe ""x""""y z""")
            .ShouldBe(new[] { "a.exe", @"x""y", "z" });
    }

    [Fact]
    public void Split_DoubledQuotesInScript()
    {
        WindowsCommandLine.Split(@"mshta vbscript:Execute(""CreateObject(""""WScript.Shell"""").Run """"calc"""", 0"")")
            .ShouldBe(new[] { "mshta", @"vbscript:Execute(CreateObject(""WScript.Shell).Run", "calc,", "0)" });
    }

    [Fact]
    public void Split_EmptyQuotedArgument()
    {
        WindowsCommandLine.Split(@"a.exe """" b")
            .ShouldBe(new[] { "a.exe", "", "b" });
    }

    [Fact]
    public void Split_UnclosedProgramQuote()
    {
        WindowsCommandLine.Split(@"""C:\a b.exe")
            .ShouldBe(new[] { @"C:\a b.exe" });
    }

    [Fact]
    public void Split_TextAfterProgramQuote()
    {
        WindowsCommandLine.Split(@"""a.exe""-x y")
            .ShouldBe(new[] { "a.exe", "-x", "y" });
    }

    [Fact]
    public void Split_ProgramEndsAtTab()
    {
        WindowsCommandLine.Split("cmd.exe\t/c\tdir")
            .ShouldBe(new[] { "cmd.exe", "/c", "dir" });
    }

    [Fact]
    public void Split_QuotedSpacesAndTabsLiteral()
    {
        WindowsCommandLine.Split("a.exe \"x \t y\"\t")
            .ShouldBe(new[] { "a.exe", "x \t y" });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t \t")]
    public void Split_EmptyOrWhitespaceGivesNoArguments(string commandLine)
    {
        WindowsCommandLine.Split(commandLine).ShouldBeEmpty();
    }

    [Fact]
    public void Split_NullThrows()
    {
        Should.Throw<ArgumentNullException>(() => WindowsCommandLine.Split(null!));
    }
}
