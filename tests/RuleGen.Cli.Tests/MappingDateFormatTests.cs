using System;
using System.IO;
using RuleGen.Cli.Conformance;

namespace RuleGen.Cli.Tests;

/// <summary>The conformance runner's reading of the <c>format</c> of date fields in Elasticsearch mappings.</summary>
public class MappingDateFormatTests
{
    [Theory]
    [InlineData("dd-MM-yyyy", "17-12-2022", "2022-12-17T00:00:00.0000000+00:00")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.SSS", "2022-12-17T10:11:12.345", "2022-12-17T10:11:12.3450000+00:00")]
    [InlineData("uuuu/MM/dd HH:mm", "2022/12/17 23:59", "2022-12-17T23:59:00.0000000+00:00")]
    [InlineData("dd 'of' MM yy", "17 of 12 22", "2022-12-17T00:00:00.0000000+00:00")]
    [InlineData("''yyyy''", "'2022'", "2022-01-01T00:00:00.0000000+00:00")]
    [InlineData("dd-MM-yyyy||epoch_millis", "1671235200000", "2022-12-17T00:00:00.0000000+00:00")]
    [InlineData("epoch_second", "1671235200", "2022-12-17T00:00:00.0000000+00:00")]
    [InlineData("strict_date_optional_time", "2022-12-17T01:00:00+01:00", "2022-12-17T00:00:00.0000000+00:00")]
    [InlineData("strict_date", "2022-12-17", "2022-12-17T00:00:00.0000000+00:00")]
    public void Read_ReturnsInstantInUtc(string format, string value, string expected)
    {
        MappingDateFormat parsed = MappingDateFormat.Parse(format, "day", "test.mapping");

        parsed.Read(value).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("dd-MM-yyyy", "2022-12-17")]
    [InlineData("epoch_millis", "17-12-2022")]
    [InlineData("epoch_millis", "99999999999999999")]
    public void Read_ValueNotInFormatIsNull(string format, string value)
    {
        MappingDateFormat.Parse(format, "day", "test.mapping").Read(value).ShouldBeNull();
    }

    [Theory]
    [InlineData("yyyy-MM-dd||basic_date", "the built-in format 'basic_date' is not read by the runner")]
    [InlineData("EEE, dd MMM yyyy", "the pattern letters 'EEE' are not read by the runner")]
    [InlineData("yyyy[-MM]", "'[' (an optional section or a reserved character) is not read by the runner")]
    [InlineData("yyyy 'at", "a quote is not closed")]
    public void Parse_UnsupportedFormatNamesProblem(string format, string problem)
    {
        var exception = Should.Throw<InvalidDataException>(() => MappingDateFormat.Parse(format, "day", "test.mapping"));

        exception.Message.ShouldStartWith($"test.mapping: the date format '{format}' of 'day' cannot be read: {problem}.");
    }
}
