using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Text.Json;
using RuleGen.Ecs;

namespace RuleGen.Events;

/// <summary>
/// Reads events from JSON Lines: one JSON object per line, each an ECS document or a Windows event in one of the
/// layouts of <see cref="EventFormat"/>, detected line by line. Blank lines are skipped. A malformed line yields a
/// result with an error and never stops reading.
/// </summary>
/// <remarks>An instance is not thread-safe.</remarks>
public sealed class JsonLinesEventReader : IDisposable
{
    private const char ByteOrderMark = '\uFEFF';

    private readonly TextReader _reader;
    private readonly bool _leaveOpen;
    private long _lineNumber;

    /// <summary>Creates a reader over <paramref name="reader"/>.</summary>
    /// <param name="reader">The JSON Lines text.</param>
    /// <param name="leaveOpen">True to leave <paramref name="reader"/> open when this reader is disposed.</param>
    public JsonLinesEventReader(TextReader reader, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Number of lines read so far, blank lines included.</summary>
    public long LinesRead => _lineNumber;

    /// <summary>Number of events produced so far.</summary>
    public long EventsRead { get; private set; }

    /// <summary>Number of lines that were not a JSON object (invalid JSON, or another JSON value).</summary>
    public long MalformedLines { get; private set; }

    /// <summary>Number of field warnings so far, over all lines.</summary>
    public long FieldWarnings { get; private set; }

    /// <summary>
    /// Number of input fields that name no ECS field the typed event models. They are kept in
    /// <see cref="EcsEvent.CustomFields"/> without a warning, because most documents carry fields beyond ECS.
    /// </summary>
    public long UnknownFieldCount { get; private set; }

    /// <summary>Opens a JSON Lines file (UTF-8, or the encoding its byte order mark names) for reading.</summary>
    /// <exception cref="IOException">The file does not exist or cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The caller may not read the file.</exception>
    public static JsonLinesEventReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new JsonLinesEventReader(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true));
    }

    /// <summary>Reads the next non-blank line.</summary>
    /// <param name="result">The line's event, or its error when it is malformed.</param>
    /// <returns>False at the end of the input.</returns>
    public bool TryReadNext([NotNullWhen(true)] out EventReadResult? result)
    {
        string? line;
        while ((line = _reader.ReadLine()) is not null)
        {
            _lineNumber++;
            if (_lineNumber == 1 && line.Length > 0 && line[0] == ByteOrderMark)
            {
                line = line.Substring(1);
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            result = MapLine(line, _lineNumber);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>
    /// Reads the remaining lines, one result per non-blank line. The sequence reads from the underlying reader as
    /// it is enumerated, so a second enumeration continues where the first one stopped.
    /// </summary>
    public IEnumerable<EventReadResult> ReadAll()
    {
        while (TryReadNext(out EventReadResult? result))
        {
            yield return result;
        }
    }

    /// <summary>Closes the underlying reader unless it was passed with leaveOpen set.</summary>
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _reader.Dispose();
        }
    }

    // System.Text.Json ends its message with its own 0-based position, which reads oddly after our line number.
    // This keeps the description and gives the byte position within the line, counted from 1.
    internal static string DescribeJsonError(JsonException exception)
    {
        string message = exception.Message;
        int position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0)
        {
            message = message.Substring(0, position);
        }

        return exception.BytePositionInLine is { } bytes ? $"{message} (at byte {bytes + 1})" : message;
    }

    private EventReadResult MapLine(string line, long lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            return CreateMalformedResult(lineNumber, $"Line {lineNumber} is not valid JSON and was skipped: {DescribeJsonError(exception)}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                string kind = root.ValueKind.ToString().ToLowerInvariant();
                return CreateMalformedResult(lineNumber, $"Line {lineNumber} is a JSON {kind}, not a JSON object, and was skipped. Each line must contain one event as a JSON object.");
            }

            var context = new EventMappingContext(lineNumber);
            EcsEvent ecsEvent;
            EventFormat format;
            try
            {
                (ecsEvent, format) = EventRecordMapper.Map(root, context);
            }
            catch (InvalidOperationException exception)
            {
                // JsonElement.GetString throws this for a string with an unpaired surrogate escape, such as "\ud800".
                return CreateMalformedResult(lineNumber, $"Line {lineNumber} contains a string that is not valid text and was skipped: {exception.Message}");
            }

            EventsRead++;
            FieldWarnings += context.Warnings.Count;
            UnknownFieldCount += context.UnknownFieldCount;
            return new EventReadResult(lineNumber, ecsEvent, format, null, context.Warnings);
        }
    }

    private EventReadResult CreateMalformedResult(long lineNumber, string error)
    {
        MalformedLines++;
        return new EventReadResult(lineNumber, null, null, error, Array.Empty<FieldWarning>());
    }
}
