using System;
using System.Collections.Generic;
using System.Text;

namespace RuleGen.Events;

/// <summary>
/// Splits Windows command lines into arguments the way the Win32 function <c>CommandLineToArgvW</c> does
/// on Windows 7 and later. Event logs record the command line as one string, and ECS
/// <c>process.args</c> contains the arguments that the program saw.
/// </summary>
public static class WindowsCommandLine
{
    private const char Quote = '"';
    private const char Backslash = '\\';

    /// <summary>Splits a command line into its arguments.</summary>
    /// <remarks>
    /// <para>
    /// The first argument (the program) follows its own rule. If the line starts with a double quote, the
    /// argument runs to the next double quote, and backslashes in it are literal. Otherwise it runs to the
    /// first character at or below U+0020, so a line that starts with a space has an empty first argument.
    /// Text right after the closing quote of the program starts the second argument.
    /// </para>
    /// <para>
    /// After the program, runs of spaces and tabs separate the arguments. A double quote toggles quoted mode
    /// and is dropped, and spaces and tabs inside quotes are literal. 2n backslashes followed by a double quote
    /// give n backslashes and a quote toggle. 2n+1 backslashes followed by a double quote give n backslashes
    /// and a literal double quote. Backslashes that no double quote follows are literal.
    /// </para>
    /// <para>
    /// Two double quotes inside a quoted argument give one literal double quote and end quoted mode, as
    /// <c>CommandLineToArgvW</c> does. Some versions of the Microsoft C runtime stay in quoted mode
    /// instead, so the <c>argv</c> of a program built with them can differ from this result for such lines.
    /// </para>
    /// <para>
    /// Whitespace at the end of the line adds no empty argument. An empty or whitespace-only line gives an
    /// empty array, while <c>CommandLineToArgvW</c> returns the path of the calling program for an empty line.
    /// </para>
    /// </remarks>
    /// <param name="commandLine">The command line as the event log recorded it.</param>
    /// <returns>The arguments, the program first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commandLine"/> is null.</exception>
    public static string[] Split(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        if (string.IsNullOrWhiteSpace(commandLine))
        {
            return Array.Empty<string>();
        }

        var arguments = new List<string>();
        int position = ReadProgram(commandLine, arguments);
        ReadArguments(commandLine, position, arguments);
        return arguments.ToArray();
    }

    /// <summary>Reads the program (argv[0]) and returns the position where the next argument may start.</summary>
    private static int ReadProgram(string line, List<string> arguments)
    {
        int position = 0;
        if (line[0] == Quote)
        {
            int closing = line.IndexOf(Quote, 1);
            if (closing < 0)
            {
                arguments.Add(line.Substring(1));
                return line.Length;
            }

            arguments.Add(line.Substring(1, closing - 1));
            return closing + 1;
        }

        while (position < line.Length && line[position] > ' ')
        {
            position++;
        }

        arguments.Add(line.Substring(0, position));
        return position;
    }

    private static void ReadArguments(string line, int position, List<string> arguments)
    {
        var current = new StringBuilder();
        bool inQuotes = false;
        bool inArgument = false;

        while (position < line.Length)
        {
            char character = line[position];
            if ((character == ' ' || character == '\t') && !inQuotes)
            {
                if (inArgument)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    inArgument = false;
                }

                position++;
                continue;
            }

            inArgument = true;
            if (character == Backslash)
            {
                position = ReadBackslashes(line, position, current);
            }
            else if (character == Quote)
            {
                if (inQuotes && position + 1 < line.Length && line[position + 1] == Quote)
                {
                    // CommandLineToArgvW reads "" inside quotes as one literal quote and leaves quoted mode.
                    current.Append(Quote);
                    inQuotes = false;
                    position += 2;
                }
                else
                {
                    inQuotes = !inQuotes;
                    position++;
                }
            }
            else
            {
                current.Append(character);
                position++;
            }
        }

        if (inArgument)
        {
            arguments.Add(current.ToString());
        }
    }

    /// <summary>
    /// Reads a run of backslashes that starts at <paramref name="start"/> and returns the position after it.
    /// When the run ends in an escaped double quote, the returned position is after that quote. When it ends
    /// in a double quote that toggles quoted mode, the returned position is at that quote.
    /// </summary>
    private static int ReadBackslashes(string line, int start, StringBuilder current)
    {
        int end = start;
        while (end < line.Length && line[end] == Backslash)
        {
            end++;
        }

        int count = end - start;
        if (end >= line.Length || line[end] != Quote)
        {
            current.Append(Backslash, count);
            return end;
        }

        current.Append(Backslash, count / 2);
        if (count % 2 == 1)
        {
            current.Append(Quote);
            return end + 1;
        }

        return end;
    }
}
