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
}
