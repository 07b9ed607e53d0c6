using System.Text.RegularExpressions;
using RuleGen.Eql.Binding;

namespace RuleGen.Generators.Tests.Eql;

/// <summary>Translation of Lucene regular expressions to anchored .NET patterns.</summary>
public sealed class LuceneRegexTests
{
    private static bool Matches(string lucene, string value, bool ignoreCase = false)
    {
        string? translated = LuceneRegex.Translate(lucene, out string? error, out _);
        error.ShouldBeNull();
        RegexOptions options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new Regex(@"\A(?:" + translated + @")\z", options).IsMatch(value);
    }

    [Theory]
    [InlineData("cmd", "cmd.exe", false)]
    [InlineData("cmd.*", "cmd.exe", true)]
    [InlineData("[a-z]+\\.exe", "cmd.exe", true)]
    [InlineData("[a-z]+\\.exe", "CMD.exe", false)]
    [InlineData(".*net1[ ]+localgroup.*", "NET1  localgroup admins", false)]
    [InlineData("a|b", "b", true)]
    [InlineData("(ab){2}", "abab", true)]
    [InlineData("(ab){2,}", "ababab", true)]
    [InlineData("a{1,2}", "aaa", false)]
    [InlineData("\"a.b\"c", "a.bc", true)]
    [InlineData("\"a.b\"c", "axbc", false)]
    [InlineData("[^0-9]+", "abc", true)]
    [InlineData("[^0-9]+", "a1", false)]
    [InlineData("a.c", "a\nc", true)]
    [InlineData("x\\*y", "x*y", true)]
    [InlineData("[\\]a]+", "]a]", true)]
    [InlineData("ü+", "üü", true)]
    [InlineData("\\d+", "123", true)]
    [InlineData("\\d+", "12a", false)]
    [InlineData("\\D", "a", true)]
    [InlineData(".*net1\\s+localgroup.*", "net1 \t localgroup x", true)]
    [InlineData("\\S+", "a b", false)]
    [InlineData("\\w+\\.exe", "cmd_1.exe", true)]
    [InlineData("\\W", "-", true)]
    [InlineData("[a\\d]+", "a1a2", true)]
    [InlineData("[\\s_]+", " _\t", true)]
    [InlineData("a.*?b", "axxb", true)]
    [InlineData("a*?", "", true)]
    [InlineData("(ab)+*", "abab", true)]
    [InlineData("a{2}?", "", true)]
    [InlineData("a{2}?", "aa", true)]
    [InlineData("a{2}?", "a", false)]
    public void Translate_MatchesWholeValue(string lucene, string value, bool expected)
    {
        Matches(lucene, value).ShouldBe(expected);
    }

    [Fact]
    public void Translate_IgnoreCase()
    {
        Matches(".*net1[ ]+localgroup.*", "NET1  localgroup admins", ignoreCase: true).ShouldBeTrue();
    }

    [Theory]
    [InlineData("[\\D]", 1, "'\\D' inside a character class is not translated")]
    [InlineData("(ab", 3, "a group '(' is not closed")]
    [InlineData("ab)", 2, "')' has no matching '('")]
    [InlineData("*a", 0, "'*' has nothing to repeat")]
    [InlineData("a{2,1}", 1, "is not a repetition")]
    [InlineData("a{x}", 1, "is not a repetition")]
    [InlineData("[z-a]", 0, "the range 'z-a' is reversed")]
    [InlineData("[ab", 0, "the character class '[' is not closed")]
    [InlineData("\"ab", 0, "the quoted string")]
    [InlineData("a&b", 1, "the Lucene operator '&' is not translated")]
    [InlineData("ab\\", 2, "lone '\\'")]
    public void Translate_Errors(string lucene, int position, string fragment)
    {
        string? translated = LuceneRegex.Translate(lucene, out string? error, out int errorPosition);

        translated.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(fragment);
        errorPosition.ShouldBe(position);
    }
}
