using System;
using RuleGen.Ecs;

namespace RuleGen.Tests.Events;

public class CustomFieldValuesTests
{
    // Custom integer fields coerce values as typed ECS integer members do, truncating a fraction.
    [Theory]
    [InlineData(12L, 12L)]
    [InlineData(12, 12L)]
    [InlineData(12.7, 12L)]
    [InlineData(-12.7, -12L)]
    [InlineData("12", 12L)]
    [InlineData("12.7", 12L)]
    public void Longs_Coerced(object value, long expected)
    {
        var e = new EcsEvent().WithCustomField("custom.count", value);

        CustomFieldValues.Longs(e, "custom.count").ShouldBe(new[] { expected });
    }

    [Theory]
    [InlineData("twelve")]
    [InlineData(1e300)]
    [InlineData(double.NaN)]
    public void Longs_InvalidSkipped(object value)
    {
        var e = new EcsEvent().WithCustomField("custom.count", value);

        CustomFieldValues.Longs(e, "custom.count").ShouldBeNull();
    }

    [Fact]
    public void Longs_ArrayKeepsValidElements()
    {
        var e = new EcsEvent().WithCustomField("custom.count", new object?[] { 1L, null, "x", 2.5 });

        CustomFieldValues.Longs(e, "custom.count").ShouldBe(new[] { 1L, 2L });
    }

    // Dates take the forms of Elasticsearch's default date format: ISO 8601 text (UTC without a zone) or epoch
    // milliseconds. 1671235200000 is 2022-12-17T00:00:00Z.
    [Theory]
    [InlineData("2022-12-17", 1671235200000L)]
    [InlineData("2022-12-17T01:00:00+01:00", 1671235200000L)]
    [InlineData("2022-12-17T00:00:00.0019Z", 1671235200001L)]
    [InlineData("1671235200000", 1671235200000L)]
    [InlineData(1671235200000L, 1671235200000L)]
    [InlineData("-1", -1L)]
    public void EpochMilliseconds_FromDateForms(object value, long expected)
    {
        var e = new EcsEvent().WithCustomField("custom.day", value);

        CustomFieldValues.EpochMilliseconds(e, "custom.day").ShouldBe(new[] { expected });
    }

    [Theory]
    [InlineData("17-12-2022")]
    [InlineData("yesterday")]
    [InlineData(1.5)]
    [InlineData(true)]
    [InlineData(long.MaxValue)]
    public void Dates_InvalidSkipped(object value)
    {
        var e = new EcsEvent().WithCustomField("custom.day", value);

        CustomFieldValues.Dates(e, "custom.day").ShouldBeNull();
    }

    [Fact]
    public void Dates_ArrayKeepsValidElements()
    {
        var instant = new DateTimeOffset(2022, 12, 17, 0, 0, 0, TimeSpan.Zero);
        var e = new EcsEvent().WithCustomField("custom.day", new object?[] { instant, null, "x", "2022-12-18" });

        CustomFieldValues.Dates(e, "custom.day").ShouldBe(new[] { instant, instant.AddDays(1) });
    }
}
