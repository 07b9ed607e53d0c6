using RuleGen.Eql.Binding;
using RuleGen.Generators.Emit;
using static RuleGen.Generators.Tests.Eql.EqlTestHelpers;

namespace RuleGen.Generators.Tests.Generator;

/// <summary>The event categories the detector pack hands a rule, from its plan.</summary>
public class PackCategoriesTests
{
    [Theory]
    [InlineData("process where process.name : \"a\"", "process")]
    [InlineData("sequence by host.name [process where true] [network where true] until [file where true]", "file,network,process")]
    [InlineData("sample by host.name [process where true] [process where process.name : \"b\"]", "process")]
    [InlineData("any where process.name : \"a\"", "")]
    [InlineData("sequence by host.name [process where true] [any where true]", "")]
    [InlineData("sequence by host.name with maxspan=1m [process where true] ![file where true]", "")]
    public void Categories_FromEveryFilter(string rule, string expected)
    {
        string.Join(",", PackEmitter.Categories(Plan(rule))).ShouldBe(expected);
    }
}
