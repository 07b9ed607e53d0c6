using System.Linq;
using RuleGen.Cli.Check;

namespace RuleGen.Cli.Tests;

public class DialectFeaturesTests
{
    [Fact]
    public void Find_EachKind()
    {
        string query = "sequence [process where true] as e0 [api where _arraysearch(process.thread.Ext.call_stack, $entry, $entry.trusted == false)]\nprocess where descendant of [process where true]";

        DialectFeatures.Find(query).ShouldBe(new[]
        {
            "array functions with $ variables (_arraysearch and others)",
            "sequence term aliases ([...] as name)",
            "process lineage (descendant of, child of, event of)",
        });
    }

    // A '$' or 'as' inside a string value is data, not dialect.
    [Fact]
    public void Find_IgnoresStrings()
    {
        DialectFeatures.Find("process where process.args : (\"*{print $2}*\", \"] as x\", \"child of\")").ShouldBeEmpty();
    }
}
