using System.Collections.Generic;

namespace RuleGen.Eql.Text;

/// <summary>
/// Maps character offsets of a rule file to lines and columns. Line breaks are <c>\n</c>, <c>\r\n</c>, a lone
/// <c>\r</c>, U+0085, U+2028 and U+2029, as Roslyn's <c>SourceText</c> counts them, so positions agree with
/// what the compiler and the IDE show.
/// </summary>
public sealed class LineMap
{
    private readonly List<int> lineStarts = new() { 0 };

    public LineMap(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lineStarts.Add(i + 1);
            }
            else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public LinePosition GetPosition(int offset)
    {
        int low = 0;
        int high = lineStarts.Count - 1;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (lineStarts[middle] <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return new LinePosition(low, offset - lineStarts[low]);
    }
}
