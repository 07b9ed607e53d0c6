using System.Globalization;
using System.Text;

namespace RuleGen.Generators.Emit;

/// <summary>Writes values as C# source text, independent of the build machine's culture.</summary>
internal static class CSharpLiterals
{
    /// <summary>
    /// Quotes a string as a regular C# literal. Control characters and the characters C# treats as line
    /// breaks (U+0085, U+2028, U+2029) are written as \u escapes, so the literal stays on one line.
    /// </summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c == '\u0085' || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>
    /// Makes text safe inside a <c>//</c> comment: line breaks and other control characters become spaces and
    /// runs of white space collapse, so rule text cannot end the comment early.
    /// </summary>
    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters, ending a cut text with "...".</summary>
    public static string Shorten(string text, int maxLength) => text.Length <= maxLength ? text : text.Substring(0, maxLength - 3) + "...";

    public static string Comment(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            bool isSpace = char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u2028' || c == '\u2029';
            if (isSpace)
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Escapes text for an XML documentation comment.</summary>
    public static string Xml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
