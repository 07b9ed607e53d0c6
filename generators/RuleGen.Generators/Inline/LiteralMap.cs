using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RuleGen.Generators.Inline;

/// <summary>
/// Maps each character of a C# string literal's value to its offset in the literal's source text, so that a
/// diagnostic in an inline EQL query lands on the characters the user wrote. It reads regular strings with their
/// escapes, verbatim strings and raw strings, single-line or multi-line with their indentation removed.
/// </summary>
internal static class LiteralMap
{
    /// <summary>
    /// Returns the source offset of each value character, plus one more entry for the end of the value; or null
    /// when the literal is of another kind (interpolated, UTF-8) or the value read back differs from
    /// <paramref name="value"/>, in which case the caller points at the whole literal.
    /// </summary>
    public static int[]? Build(string tokenText, string value)
    {
        var offsets = new List<int>(value.Length + 1);
        var text = new StringBuilder(value.Length);
        bool read = tokenText.StartsWith("\"\"\"", System.StringComparison.Ordinal)
            ? ReadRaw(tokenText, offsets, text)
            : tokenText.StartsWith("@\"", System.StringComparison.Ordinal)
                ? ReadVerbatim(tokenText, offsets, text)
                : tokenText.StartsWith("\"", System.StringComparison.Ordinal) && ReadRegular(tokenText, offsets, text);
        return read && text.ToString() == value && offsets.Count == value.Length + 1 ? offsets.ToArray() : null;
    }

    private static bool ReadRegular(string token, List<int> offsets, StringBuilder text)
    {
        int i = 1;
        while (i < token.Length - 1)
        {
            if (token[i] != '\\')
            {
                Add(offsets, text, i, token[i]);
                i++;
                continue;
            }

            int start = i;
            char kind = i + 1 < token.Length ? token[i + 1] : '\0';
            i += 2;
            switch (kind)
            {
                case '\'': Add(offsets, text, start, '\''); break;
                case '"': Add(offsets, text, start, '"'); break;
                case '\\': Add(offsets, text, start, '\\'); break;
                case '0': Add(offsets, text, start, '\0'); break;
                case 'a': Add(offsets, text, start, '\a'); break;
                case 'b': Add(offsets, text, start, '\b'); break;
                case 'e': Add(offsets, text, start, '\u001b'); break;
                case 'f': Add(offsets, text, start, '\f'); break;
                case 'n': Add(offsets, text, start, '\n'); break;
                case 'r': Add(offsets, text, start, '\r'); break;
                case 't': Add(offsets, text, start, '\t'); break;
                case 'v': Add(offsets, text, start, '\v'); break;
                case 'x':
                    int digits = 0;
                    while (digits < 4 && i + digits < token.Length - 1 && Uri.IsHexDigit(token[i + digits]))
                    {
                        digits++;
                    }

                    if (digits == 0)
                    {
                        return false;
                    }

                    Add(offsets, text, start, (char)int.Parse(token.Substring(i, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += digits;
                    break;
                case 'u':
                case 'U':
                    int length = kind == 'u' ? 4 : 8;
                    if (i + length > token.Length - 1 || !int.TryParse(token.Substring(i, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code) || code > 0x10FFFF)
                    {
                        return false;
                    }

                    // A code point above U+FFFF is two UTF-16 characters, both written by this one escape.
                    foreach (char c in char.ConvertFromUtf32(code))
                    {
                        Add(offsets, text, start, c);
                    }

                    i += length;
                    break;
                default:
                    return false;
            }
        }

        offsets.Add(token.Length - 1);
        return true;
    }

    private static bool ReadVerbatim(string token, List<int> offsets, StringBuilder text)
    {
        int i = 2;
        while (i < token.Length - 1)
        {
            Add(offsets, text, i, token[i]);
            i += token[i] == '"' ? 2 : 1;
        }

        offsets.Add(token.Length - 1);
        return true;
    }

    private static bool ReadRaw(string token, List<int> offsets, StringBuilder text)
    {
        int quotes = 0;
        while (quotes < token.Length && token[quotes] == '"')
        {
            quotes++;
        }

        int contentEnd = token.Length - quotes;
        if (contentEnd < quotes)
        {
            return false;
        }

        int firstBreak = token.IndexOf('\n', quotes);
        if (firstBreak < 0 || firstBreak >= contentEnd)
        {
            // Single-line: the value is everything between the quote runs.
            for (int i = quotes; i < contentEnd; i++)
            {
                Add(offsets, text, i, token[i]);
            }

            offsets.Add(contentEnd);
            return true;
        }

        // Multi-line: the value starts on the line after the opening quotes and ends before the line break that
        // precedes the closing quotes. Each line loses the whitespace that indents the closing quotes.
        int closingLineStart = token.LastIndexOf('\n', contentEnd - 1) + 1;
        string indentation = token.Substring(closingLineStart, contentEnd - closingLineStart);
        int lastBreak = closingLineStart - 1;
        if (lastBreak > 0 && token[lastBreak - 1] == '\r')
        {
            lastBreak--;
        }

        int position = firstBreak + 1;
        while (position <= lastBreak)
        {
            int lineEnd = token.IndexOf('\n', position);
            if (lineEnd < 0 || lineEnd > lastBreak)
            {
                lineEnd = lastBreak;
            }

            int contentStart = position;
            int textEnd = lineEnd > position && token[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (IsWhitespace(token, position, textEnd))
            {
                // A line of only whitespace is empty in the value, whatever its indentation.
                contentStart = textEnd;
            }
            else if (string.CompareOrdinal(token, position, indentation, 0, indentation.Length) == 0)
            {
                contentStart += indentation.Length;
            }

            for (int i = contentStart; i < lineEnd; i++)
            {
                Add(offsets, text, i, token[i]);
            }

            if (lineEnd >= lastBreak)
            {
                break;
            }

            // The line break, '\n' or '\r\n', belongs to the value.
            Add(offsets, text, lineEnd, '\n');
            position = lineEnd + 1;
        }

        // A '\r' before '\n' was read as part of the line, so a CRLF source keeps its line breaks.
        offsets.Add(lastBreak);
        return true;
    }

    private static bool IsWhitespace(string token, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (token[i] != ' ' && token[i] != '\t')
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(List<int> offsets, StringBuilder text, int offset, char c)
    {
        offsets.Add(offset);
        text.Append(c);
    }
}
