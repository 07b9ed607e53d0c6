using System.Linq;
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

    [Theory]
    [InlineData("process where host.os.type == \"windows\" and process.name : \"a\"", "host.os.type=windows;process.name=a")]
    [InlineData("process where process.name in (\"b\", \"a\") and host.os.type == \"linux\"", "process.name=a|b;host.os.type=linux")]
    [InlineData("process where host.os.type : \"windows\"", "host.os.type=windows")]
    [InlineData("process where host.os.type like \"win*\"", "")]
    [InlineData("process where host.os.type == \"windows\" or process.name == \"a\"", "")]
    [InlineData("process where process.args == \"a\"", "")]
    [InlineData("sequence [process where host.os.type == \"windows\"] [process where true]", "")]
    [InlineData("sequence [process where host.os.type == \"windows\"] [network where host.os.type in (\"linux\", \"windows\")]", "host.os.type=linux|windows")]
    [InlineData("sequence [process where host.os.type == \"windows\"] [process where host.os.type == \"windows\"] until [file where true]", "")]
    [InlineData("sequence with maxspan=1m [process where host.os.type == \"windows\"] ![process where host.os.type == \"windows\"]", "")]
    [InlineData("sample by host.name [process where process.name : \"a\"] [process where process.name == \"B\"]", "process.name=B|a")]
    public void Guards_EqualityOnScalarFields(string rule, string expected)
    {
        string.Join(";", PackEmitter.Guards(Plan(rule)).Select(guard => guard.Field + "=" + string.Join("|", guard.Values))).ShouldBe(expected);
    }
}
