using RuleGen.Matching;

namespace RuleGen.Tests.Matching;

// Functions over array fields see the first doc value, and Elasticsearch sorts doc values.
public class EqlDocValuesTests
{
    [Fact]
    public void First_SmallestByOrdinal()
    {
        EqlDocValues.First(new[] { "b", "-a", "C" }).ShouldBe("-a");
        EqlDocValues.First(new[] { "b", "B" }).ShouldBe("B");
        EqlDocValues.First((string[]?)null).ShouldBeNull();
        EqlDocValues.First(System.Array.Empty<string>()).ShouldBeNull();
    }

    [Fact]
    public void First_NumbersAndBooleans()
    {
        EqlDocValues.First(new long[] { 5, -2, 9 }).ShouldBe(-2L);
        EqlDocValues.First(new[] { 1.5, 0.5 }).ShouldBe(0.5);
        EqlDocValues.First(new[] { true, false }).ShouldBe(false);
        EqlDocValues.First(new[] { true }).ShouldBe(true);
    }

    [Fact]
    public void FirstIp_ByAddressBytes()
    {
        // As strings "10.0.0.10" < "10.0.0.9", but as addresses 10.0.0.9 comes first; IPv4 sorts before fe80::.
        EqlDocValues.FirstIp(new[] { "fe80::1", "10.0.0.10", "10.0.0.9" }).ShouldBe("10.0.0.9");
        EqlDocValues.FirstIp(new[] { "not an ip", "192.168.0.1" }).ShouldBe("192.168.0.1");
    }
}
