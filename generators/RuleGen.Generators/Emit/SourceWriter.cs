using System;
using System.Text;

namespace RuleGen.Generators.Emit;

/// <summary>
/// Builds generated C# text with four-space indentation and '\n' line ends on every platform, so output is
/// byte-identical wherever it is built. <see cref="Block"/> opens a brace block that its disposal closes.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder builder = new();
    private int indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', indent * 4);
            builder.Append(text);
        }

        builder.Append('\n');
    }

    /// <summary>Writes several lines, each indented at the current level.</summary>
    public void Lines(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            Line(line);
        }
    }

    public BlockScope Block(string header)
    {
        Line(header);
        Line("{");
        indent++;
        return new BlockScope(this);
    }

    public void Indent() => indent++;

    public void Unindent() => indent = Math.Max(0, indent - 1);

    public override string ToString() => builder.ToString();

    internal readonly struct BlockScope : IDisposable
    {
        private readonly SourceWriter writer;

        public BlockScope(SourceWriter writer)
        {
            this.writer = writer;
        }

        public void Dispose()
        {
            writer.indent--;
            writer.Line("}");
        }
    }
}
