using RuleGen.Matching;

namespace RuleGen.Tests.Matching;

// Expected values follow Elasticsearch EQL 8.x: Java integer arithmetic, empty strings from between,
// Python-style substring slices, and null whenever an argument is null.
public class EqlFunctionsTests
{
    [Theory]
    [InlineData(7L, 2L, 3L)]
    [InlineData(-7L, 2L, -3L)]
    [InlineData(7L, -2L, -3L)]
    [InlineData(long.MinValue, -1L, long.MinValue)]
    public void Divide_IntegersTruncateTowardZero(long left, long right, long expected)
    {
        EqlFunctions.Divide(left, right).ShouldBe(expected);
    }

    [Fact]
    public void Divide_DoubleAndZero()
    {
        EqlFunctions.Divide(30.0, 4.0).ShouldBe(7.5);
        EqlFunctions.Divide(1L, 0L).ShouldBeNull();
        EqlFunctions.Divide(1.0, 0.0).ShouldBeNull();
        EqlFunctions.Divide(null, 2L).ShouldBeNull();
    }

    [Theory]
    [InlineData(10L, -6L, 4L)]
    [InlineData(-10L, -6L, -4L)]
    [InlineData(-10L, 6L, -4L)]
    [InlineData(11L, 10L, 1L)]
    [InlineData(long.MinValue, -1L, 0L)]
    public void Modulo_SignOfDividend(long left, long right, long expected)
    {
        EqlFunctions.Modulo(left, right).ShouldBe(expected);
    }

    [Fact]
    public void Arithmetic_NullPropagates()
    {
        EqlFunctions.Add(1L, null).ShouldBeNull();
        EqlFunctions.Subtract(null, 1.5).ShouldBeNull();
        EqlFunctions.Multiply(6L, 5L).ShouldBe(30L);
        EqlFunctions.Modulo(5L, 0L).ShouldBeNull();
    }

    [Fact]
    public void Between_FirstOrLastRight()
    {
        const string path = @"C:\dev\TestLogs\something.json.bak.json";

        EqlFunctions.Between(path, "dev", ".json", false, ignoreCase: false).ShouldBe(@"\TestLogs\something");
        EqlFunctions.Between(path, "dev", ".json", true, ignoreCase: false).ShouldBe(@"\TestLogs\something.json.bak");
        EqlFunctions.Between(path, "DEV", ".JSON", false, ignoreCase: true).ShouldBe(@"\TestLogs\something");
    }

    [Fact]
    public void Between_NotFoundIsEmpty()
    {
        EqlFunctions.Between("abc", "x", "c", null, ignoreCase: false).ShouldBe(string.Empty);
        EqlFunctions.Between("abc", "a", "x", null, ignoreCase: false).ShouldBe(string.Empty);
        EqlFunctions.Between("abc", "DEV", "c", null, ignoreCase: false).ShouldBe(string.Empty);
        EqlFunctions.Between(null, "a", "c", null, ignoreCase: false).ShouldBeNull();
    }

    [Fact]
    public void StartsEndsContains_EmptyAndCase()
    {
        EqlFunctions.StartsWith(string.Empty, string.Empty, ignoreCase: false).ShouldBe(true);
        EqlFunctions.StartsWith("Explorer.exe", "explorer", ignoreCase: false).ShouldBe(false);
        EqlFunctions.StartsWith("Explorer.exe", "explorer", ignoreCase: true).ShouldBe(true);
        EqlFunctions.EndsWith("a.EXE", ".exe", ignoreCase: true).ShouldBe(true);
        EqlFunctions.StringContains("ABCDexplorer.exeEF", "explorer.exe", ignoreCase: false).ShouldBe(true);
        EqlFunctions.StringContains("abc", string.Empty, ignoreCase: false).ShouldBe(true);
        EqlFunctions.StringContains(null, "a", ignoreCase: false).ShouldBeNull();
    }

    [Fact]
    public void IndexOf_StartPositions()
    {
        EqlFunctions.IndexOf("explorer.exe", "plore", null, ignoreCase: false).ShouldBe(2L);
        EqlFunctions.IndexOf("explorer.exe", "PLORE", null, ignoreCase: true).ShouldBe(2L);
        EqlFunctions.IndexOf("explorer.exe", "plorer.", 2L, ignoreCase: false).ShouldBe(2L);
        EqlFunctions.IndexOf("explorer.exe", "plorer.", 4L, ignoreCase: false).ShouldBeNull();
        EqlFunctions.IndexOf("explorer.exe", "plore", 100L, ignoreCase: false).ShouldBeNull();
        EqlFunctions.IndexOf("explorer.exe", "e", -5L, ignoreCase: false).ShouldBe(0L);
        EqlFunctions.IndexOf("explorer.exe", string.Empty, 3L, ignoreCase: false).ShouldBe(3L);
        EqlFunctions.IndexOf("explorer.exe", "never", null, ignoreCase: false).ShouldBeNull();
    }

    [Theory]
    [InlineData(0L, 4L, "expl")]
    [InlineData(1L, 3L, "xp")]
    [InlineData(-4L, null, ".exe")]
    [InlineData(-4L, -1L, ".ex")]
    [InlineData(5L, 2L, "")]
    [InlineData(-100L, 2L, "ex")]
    [InlineData(3L, 100L, "lorer.exe")]
    public void Substring_PythonSlices(long start, long? end, string expected)
    {
        EqlFunctions.Substring("explorer.exe", start, end).ShouldBe(expected);
    }

    [Theory]
    [InlineData("5", null, 5.0)]
    [InlineData(" 17 ", null, 17.0)]
    [InlineData("0x32", null, 50.0)]
    [InlineData("0x32", 16L, 50.0)]
    [InlineData("32", 16L, 50.0)]
    [InlineData("31", 13L, 40.0)]
    [InlineData("-5", null, -5.0)]
    [InlineData("1.5", null, 1.5)]
    [InlineData("1e3", null, 1000.0)]
    public void Number_Parses(string text, long? numberBase, double expected)
    {
        EqlFunctions.Number(text, numberBase).ShouldBe(expected);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("12", 2L)]
    [InlineData("1", 99L)]
    public void Number_InvalidIsNull(string text, long? numberBase = null)
    {
        EqlFunctions.Number(text, numberBase).ShouldBeNull();
    }

    [Fact]
    public void String_FormatsLikeElasticsearch()
    {
        EqlFunctions.String(true).ShouldBe("true");
        EqlFunctions.String(42.5).ShouldBe("42.5");
        EqlFunctions.String(1.0).ShouldBe("1.0");
        EqlFunctions.String(42L).ShouldBe("42");
        EqlFunctions.String((long?)null).ShouldBeNull();
    }

    [Fact]
    public void Concat_NullMakesNull()
    {
        EqlFunctions.Concat("5", "::", "wininit.exe").ShouldBe("5::wininit.exe");
        EqlFunctions.Concat("a", null).ShouldBeNull();
        EqlFunctions.Length("abc").ShouldBe(3L);
        EqlFunctions.Length(null).ShouldBeNull();
    }

    [Fact]
    public void CidrSet_HostBitsMasked()
    {
        var set = new CidrSet("10.6.48.157/8");

        set.Contains("10.1.2.3").ShouldBe(true);
        set.Contains("11.0.0.1").ShouldBe(false);
        set.Contains("not an ip").ShouldBe(false);
        set.Contains(null).ShouldBeNull();
    }

    [Fact]
    public void CidrSet_SeveralBlocksAndIpv6()
    {
        var set = new CidrSet("192.168.0.0/16", "fe80::/10", "8.8.8.8");

        set.Contains("192.168.10.1").ShouldBe(true);
        set.Contains("fe80::1").ShouldBe(true);
        set.Contains("8.8.8.8").ShouldBe(true);
        set.Contains("8.8.4.4").ShouldBe(false);
        new CidrSet("0.0.0.0/0").Contains("203.0.113.9").ShouldBe(true);
    }

    // Expected values are what Java's Double.toString prints for each input.
    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.001, "0.001")]
    [InlineData(1234567.5, "1234567.5")]
    [InlineData(1e7, "1.0E7")]
    [InlineData(1e10, "1.0E10")]
    [InlineData(-12345678.9, "-1.23456789E7")]
    [InlineData(1e-4, "1.0E-4")]
    [InlineData(0.00012345, "1.2345E-4")]
    [InlineData(1.5e300, "1.5E300")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NaN, "NaN")]
    public void String_DoubleAsJava(double value, string expected)
    {
        EqlFunctions.String(value).ShouldBe(expected);
    }
}
