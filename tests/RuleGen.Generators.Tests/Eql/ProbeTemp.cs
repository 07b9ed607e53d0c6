using System.IO;
using System.Text;
using RuleGen.Eql;
using RuleGen.Eql.Text;

namespace RuleGen.Generators.Tests.Eql;

public class ProbeTemp
{
    [Fact]
    public void Probe()
    {
        string[] inputs = File.ReadAllText("/tmp/probe_in.txt").Split("\n====\n");
        var output = new StringBuilder();
        foreach (string input in inputs)
        {
            output.AppendLine("### " + input.Replace("\n", "\\n").Replace("\r", "\\r"));
            try
            {
                RuleCompilation compilation = RuleCompiler.Compile(input, "test_rule");
                var map = new LineMap(input);
                foreach (var d in compilation.Diagnostics)
                {
                    var p = map.GetPosition(d.Span.Start);
                    output.AppendLine($"  {d.Id} {d.Severity} {p.Line + 1}:{p.Character + 1} len{d.Span.Length} {d.Message}");
                }

                output.AppendLine("  model: " + (compilation.Model?.Query.ToString() ?? "null"));
            }
            catch (System.Exception exception)
            {
                output.AppendLine("  THREW " + exception);
            }
        }

        File.WriteAllText("/tmp/probe_out.txt", output.ToString());
    }
}
