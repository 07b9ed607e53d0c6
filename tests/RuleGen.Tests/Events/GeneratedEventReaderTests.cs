using System;
using System.Linq;
using System.Text;
using CsCheck;
using RuleGen.Ecs;
using RuleGen.Events;
using RuleGen.Tests.Detection;

namespace RuleGen.Tests.Events;

// Behaviour of the EcsEventReader generated for this project's rules, which read (among others) @timestamp,
// event.category, event.type, host.name, host.ip, process.name, process.args, process.pid, process.parent.name and
// the custom fields process.Ext.token.integrity_level_name and process.Ext.relative_file_creation_time.
public sealed class GeneratedEventReaderTests
{
    [Theory]
    [InlineData("""{"@timestamp": "2024-01-02T03:04:05Z", "event": {"category": ["process"], "type": ["start"]}, "process": {"name": "ssh.exe", "pid": 42, "args": ["ssh", "-D", "1080"], "parent": {"name": "cmd.exe"}}}""")]
    [InlineData("""{"@timestamp": "2024-01-02T03:04:05Z", "event.category": ["process"], "event.type": ["start"], "process.name": "ssh.exe", "process.pid": 42, "process.args": ["ssh", "-D", "1080"], "process.parent.name": "cmd.exe"}""")]
    [InlineData("""{"@timestamp": "2024-01-02T03:04:05Z", "event": {"category": "process", "type": ["start"]}, "process": {"name": "ssh.exe", "pid": "42", "args": ["ssh", "-D", "1080"], "parent.name": "cmd.exe"}}""")]
    [InlineData("""{"@timestamp": "2024-01-02T03:04:05Z", "event.category": ["process"], "event": {"type": ["start"]}, "process.parent": {"name": "cmd.exe"}, "process": {"name": "ssh.exe", "pid": 42}, "process.args": ["ssh", "-D", "1080"]}""")]
    public void Read_NestedDottedAndMixedKeys(string json)
    {
        EventReadResult result = Read(json, line: 7);

        result.Error.ShouldBeNull();
        result.Line.ShouldBe(7);
        result.Format.ShouldBe(EventFormat.Ecs);
        result.Warnings.ShouldBeEmpty();
        EcsEvent e = result.Event!;
        e.InputLine.ShouldBe(7);
        e.Timestamp.ShouldBe(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
        e.Event!.Category.ShouldBe(new[] { "process" });
        e.Event.Type.ShouldBe(new[] { "start" });
        e.Process!.Name.ShouldBe("ssh.exe");
        e.Process.Pid.ShouldBe(42);
        e.Process.Args.ShouldBe(new[] { "ssh", "-D", "1080" });
        e.Process.Parent!.Name.ShouldBe("cmd.exe");
    }

    [Fact]
    public void Read_EscapedNamesMatchFields()
    {
        // process.name spelled with \u escapes only is 72 bytes long, more than the longest field, but 12 once unescaped.
        string escapedName = string.Concat("process.name".Select(c => $"\\u{(int)c:x4}"));
        EventReadResult result = Read($$"""{"process": {"n\u0061me": "a.exe"}, "process.parent\u002ename": "b.exe", "host\/name": "h1", "{{escapedName}}": "c.exe"}""");

        result.Warnings.ShouldBeEmpty();
        result.Event!.Process!.Name.ShouldBe("c.exe");
        result.Event.Process.Parent!.Name.ShouldBe("b.exe");
        result.Event.Host.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"process.args": "x"}""", "process.args = [\"x\"]")]
    [InlineData("""{"process.args": ["a", null, "b"]}""", "process.args = [\"a\", \"b\"]")]
    [InlineData("""{"process.args": [null]}""", "process.args = null")]
    [InlineData("""{"process.args": []}""", "process.args = null")]
    [InlineData("""{"process.args": [["a", "b"], "c"]}""", "process.args = [\"a\", \"c\"]")]
    [InlineData("""{"process.args": [1, true, 2.50]}""", "process.args = [\"1\", \"true\", \"2.50\"]")]
    [InlineData("""{"process.name": ["a", "b"]}""", "process.name = \"a\"")]
    [InlineData("""{"process.name": [null, [], "b", {}]}""", "process.name = \"b\"")]
    [InlineData("""{"process.name": []}""", "process.name = null")]
    [InlineData("""{"process.name": null}""", "process.name = null")]
    [InlineData("""{"process.name": 42}""", "process.name = \"42\"")]
    [InlineData("""{"process.name": -1.50e3}""", "process.name = \"-1.50e3\"")]
    [InlineData("""{"process.name": false}""", "process.name = \"false\"")]
    [InlineData("""{"process.pid": [null, "12.9"]}""", "process.pid = 12L")]
    [InlineData("""{"process.pid": 12.7}""", "process.pid = 12L")]
    [InlineData("""{"process.pid": -12.7}""", "process.pid = -12L")]
    [InlineData("""{"process.pid": " 12 "}""", "process.pid = 12L")]
    [InlineData("""{"host.ip": "10.0.0.1"}""", "host.ip = [\"10.0.0.1\"]")]
    [InlineData("""{"@timestamp": 1700000000123}""", "@timestamp = 2023-11-14T22:13:20.1230000+00:00")]
    [InlineData("""{"@timestamp": "2024-01-02T03:04:05.1234567+02:00"}""", "@timestamp = 2024-01-02T01:04:05.1234567+00:00")]
    [InlineData("""{"@timestamp": "2024-01-02T03:04:05.123456789Z"}""", "@timestamp = 2024-01-02T03:04:05.1234568+00:00")]
    [InlineData("""{"@timestamp": "2024-01-02 03:04:05.390"}""", "@timestamp = 2024-01-02T03:04:05.3900000+00:00")]
    [InlineData("""{"@timestamp": "2024-01-02"}""", "@timestamp = 2024-01-02T00:00:00.0000000+00:00")]
    [InlineData("""{"@timestamp": ["2024-01-02T03:04:05Z", "2025-01-01T00:00:00Z"]}""", "@timestamp = 2024-01-02T03:04:05.0000000+00:00")]
    [InlineData("""{"process": {"Ext": {"token": {"integrity_level_name": "high"}}}}""", "process.Ext.token.integrity_level_name = \"high\"")]
    [InlineData("""{"process.Ext.relative_file_creation_time": 40}""", "process.Ext.relative_file_creation_time = 40L")]
    [InlineData("""{"process.Ext.relative_file_creation_time": [1.5, null, "x", {}]}""", "process.Ext.relative_file_creation_time = [1.5D, \"x\"]")]
    [InlineData("""{"process.Ext.relative_file_creation_time": {"a": 1}}""", "process.Ext.relative_file_creation_time = null")]
    public void Read_ConvertsAsGeneralReader(string json, string expected)
    {
        string field = expected.Substring(0, expected.IndexOf(" = ", StringComparison.Ordinal));
        EventReadResult generated = Read(json);
        EventReadResult general = EventLines.ReadSingle(json);

        generated.Warnings.ShouldBeEmpty();
        general.Warnings.ShouldBeEmpty();
        EventFieldText.Describe(generated.Event!, new[] { field }).ShouldBe(new[] { expected });
        EventFieldText.Describe(general.Event!, new[] { field }).ShouldBe(new[] { expected });
    }

    [Theory]
    [InlineData("""{"process": {"name": "a"}, "process.name": "b"}""", "\"b\"")]
    [InlineData("""{"process.name": "b", "process": {"name": "a"}}""", "\"a\"")]
    [InlineData("""{"process.name": "a", "process.name": null}""", "null")]
    [InlineData("""{"process": {"name": "a"}, "process": {"pid": 1}}""", "\"a\"")]
    [InlineData("""{"process.name": "a", "process.name": {"x": 1}}""", "\"a\"")]
    public void Read_LaterDuplicateKeyWins(string json, string expectedName)
    {
        EventFieldText.Describe(Read(json).Event!, new[] { "process.name" }).ShouldBe(new[] { "process.name = " + expectedName });
        EventFieldText.Describe(EventLines.ReadSingle(json).Event!, new[] { "process.name" }).ShouldBe(new[] { "process.name = " + expectedName });
    }

    [Theory]
    [InlineData("""{"process.pid": "abc", "process.name": "a.exe"}""", "Line 1: invalid value \"abc\" in field 'process.pid', expected integer. The value was ignored.")]
    [InlineData("""{"process": {"pid": true}}""", "Line 1: invalid value true in field 'process.pid', expected integer. The value was ignored.")]
    [InlineData("""{"process.pid": 1e30}""", "Line 1: invalid value 1e30 in field 'process.pid', expected integer. The value was ignored.")]
    [InlineData("""{"process.name": {"x": [1, 2]}}""", "Line 1: invalid value {\"x\": [1, 2]} in field 'process.name', expected string. The value was ignored.")]
    [InlineData("""{"process": {"args": [1, {"a": 1}, "c"]}}""", "Line 1: invalid value [1, {\"a\": 1}, \"c\"] in field 'process.args', expected string. The value was ignored.")]
    [InlineData("""{"process.name": [null, {}, "a"]}""", "Line 1: invalid value [null, {}, \"a\"] in field 'process.name', expected string. The value was ignored.")]
    [InlineData("""{"@timestamp": "yesterday"}""", "Line 1: invalid value \"yesterday\" in field '@timestamp', expected date (ISO 8601 text or epoch milliseconds). The value was ignored.")]
    [InlineData("""{"@timestamp": 1.5}""", "Line 1: invalid value 1.5 in field '@timestamp', expected date (ISO 8601 text or epoch milliseconds). The value was ignored.")]
    public void Read_WrongTypeWarnsAsGeneralReader(string json, string expected)
    {
        EventReadResult generated = Read(json);
        EventReadResult general = EventLines.ReadSingle(json);

        generated.Event.ShouldNotBeNull();
        generated.Warnings.Select(warning => warning.Message).ShouldBe(new[] { expected });
        general.Warnings.Select(warning => warning.Message).ShouldBe(new[] { expected });
    }

    [Fact]
    public void Read_LongWrongValueShortened()
    {
        string json = $$"""{"process.pid": "{{new string('9', 30)}}x{{new string('8', 40)}}"}""";

        FieldWarning warning = Read(json).Warnings.ShouldHaveSingleItem();

        warning.Value.ShouldBe("\"" + new string('9', 30) + "x" + new string('8', 25) + "...");
        warning.ShouldBe(EventLines.ReadSingle(json).Warnings.ShouldHaveSingleItem());
    }

    // Fields no rule reads are never converted, so their wrong values get no warning, and they are not on the event.
    [Fact]
    public void Read_UnreadFieldsSkipped()
    {
        const string json = """{"agent": {"name": "x", "version": [1, {}]}, "process": {"exit_code": "abc", "name": "a", "code_signature": {"exists": "maybe"}}, "ecs.version": "8.11"}""";

        EventReadResult result = Read(json);

        result.Warnings.ShouldBeEmpty();
        result.Event!.Agent.ShouldBeNull();
        result.Event.Ecs.ShouldBeNull();
        result.Event.Process!.ExitCode.ShouldBeNull();
        result.Event.Process.CodeSignature.ShouldBeNull();
        result.Event.Process.Name.ShouldBe("a");
        EventLines.ReadSingle(json).Warnings.Select(warning => warning.Field).ShouldBe(new[] { "process.exit_code", "process.code_signature.exists" });
    }

    [Theory]
    [InlineData("{\"process.name\": ")]
    [InlineData("{\"process.name\": \"a\",}")]
    [InlineData("{\"agent\": {\"name\": [1, }, \"process.name\": \"a\"}")]
    [InlineData("{\"process.name\": \"a\"} x")]
    [InlineData("{\"process.name\": \"a\"}{}")]
    [InlineData("{'process.name': 'a'}")]
    [InlineData("{\"a\": 1 /* comment */}")]
    [InlineData("[1, ")]
    public void Read_MalformedLineErrorAsGeneralReader(string line)
    {
        EventReadResult generated = Read(line, line: 3);
        using var reader = new JsonLinesEventReader(new System.IO.StringReader("\n\n" + line));
        EventReadResult general = reader.ReadAll().Single();

        generated.IsMalformed.ShouldBeTrue();
        generated.Event.ShouldBeNull();
        generated.Format.ShouldBeNull();
        generated.Warnings.ShouldBeEmpty();
        generated.Line.ShouldBe(3);
        generated.Error!.ShouldStartWith("Line 3 is not valid JSON and was skipped: ");
        generated.Error.ShouldMatch(@"\(at byte \d+\)$");
        generated.Error.ShouldBe(general.Error);
    }

    [Fact]
    public void Read_ErrorNamesByteOffset()
    {
        // The '?' is the 28th byte of the line.
        EventReadResult result = Read("{\"process.name\": \"a\", \"x\": ?}", line: 12);

        result.Error.ShouldBe("Line 12 is not valid JSON and was skipped: '?' is an invalid start of a value. (at byte 28)");
    }

    [Theory]
    [InlineData("[1, 2]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("42", "number")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    public void Read_NonObjectMalformed(string line, string kind)
    {
        EventReadResult result = Read(line, line: 2);

        result.Error.ShouldBe($"Line 2 is a JSON {kind}, not a JSON object, and was skipped. Each line must contain one event as a JSON object.");
        result.Event.ShouldBeNull();
    }

    [Fact]
    public void Read_EmptyInputMalformed()
    {
        Read(string.Empty).Error!.ShouldStartWith("Line 1 is not valid JSON and was skipped: The input does not contain any JSON tokens.");
        Read("   ").IsMalformed.ShouldBeTrue();
    }

    [Fact]
    public void Read_ByteOrderMarkSkipped()
    {
        byte[] bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"process.name\": \"a\", \"process.pid\": \"x\"}")).ToArray();

        EventReadResult result = EcsEventReader.Read(bytes, 1);

        result.Event!.Process!.Name.ShouldBe("a");
        result.Warnings.ShouldHaveSingleItem().Value.ShouldBe("\"x\"");
    }

    // The general reader reads every string, the generated one only the rules' strings, so an unpaired surrogate in
    // a field no rule reads is an error only for the general reader.
    [Fact]
    public void Read_InvalidTextInReadFieldMalformed()
    {
        EventReadResult inRead = Read("{\"process\": {\"name\": \"a\\ud800\"}}");
        EventReadResult inSkipped = Read("{\"agent.name\": \"a\\ud800\", \"process.name\": \"b\"}");

        inRead.Error!.ShouldStartWith("Line 1 contains a string that is not valid text and was skipped: ");
        inRead.Error.ShouldBe(EventLines.ReadSingle("{\"process\": {\"name\": \"a\\ud800\"}}").Error);
        inSkipped.Event!.Process!.Name.ShouldBe("b");
    }

    [Fact]
    public void Read_InvalidUtf8InReadFieldMalformed()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("{\"process.name\": \"a?\"}");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;

        EventReadResult result = EcsEventReader.Read(bytes, 5);

        result.Error.ShouldBe("Line 5 contains a string that is not valid text and was skipped: Cannot transcode invalid UTF-8 JSON text to UTF-16 string.");
    }

    // Utf8JsonReader allows 64 levels of nesting, as JsonDocument does, whether or not the reader descends.
    [Theory]
    [InlineData(63, true)]
    [InlineData(64, false)]
    public void Read_DeepNestingLimit(int depth, bool valid)
    {
        string deep = string.Concat(Enumerable.Repeat("{\"a\": ", depth)) + "1" + new string('}', depth);
        string json = "{\"agent\": " + deep + ", \"process\": {\"parent\": {\"name\": \"p\"}}}";

        EventReadResult generated = Read(json);
        EventReadResult general = EventLines.ReadSingle(json);

        generated.IsMalformed.ShouldBe(!valid);
        generated.Error.ShouldBe(general.Error);
        if (valid)
        {
            generated.Event!.Process!.Parent!.Name.ShouldBe("p");
        }
        else
        {
            generated.Error!.ShouldContain("maximum configured depth of 64");
        }
    }

    [Fact]
    public void Read_DeepPathsUnderReadFieldsSkipped()
    {
        const string json = """{"process": {"parent": {"name": "p", "parent": {"name": "q", "parent": {"name": "r"}}}}, "process.parent.name.x": 1}""";

        EventReadResult result = Read(json);

        result.Warnings.ShouldBeEmpty();
        result.Event!.Process!.Parent!.Name.ShouldBe("p");
    }

    [Fact]
    public void Read_AnyBytesNeverThrow()
    {
        Gen.Byte.Array[0, 80].Sample(bytes => EcsEventReader.Read(bytes, 1).ShouldNotBeNull(), iter: 5000);

        Gen.OneOf(Gen.Const("{"), Gen.Const("}"), Gen.Const("["), Gen.Const("]"), Gen.Const(","), Gen.Const(":"), Gen.Const("\"process\""), Gen.Const("\"name\""),
                Gen.Const("\"process.args\""), Gen.Const("\"@timestamp\""), Gen.Const("\"a\\ud800\""), Gen.Const("1e400"), Gen.Const("null"), Gen.Const("\"\\u0070\""))
            .Array[0, 40]
            .Select(tokens => Encoding.UTF8.GetBytes(string.Concat(tokens)))
            .Sample(bytes => EcsEventReader.Read(bytes, 1).ShouldNotBeNull(), iter: 5000);
    }

    [Fact]
    public void FieldNames_ListRuleFieldsSorted()
    {
        EcsEventReader.FieldNames.ShouldBe(EcsEventReader.FieldNames.OrderBy(name => name, StringComparer.Ordinal).ToArray());
        EcsEventReader.FieldNames.ShouldContain("@timestamp");
        EcsEventReader.FieldNames.ShouldContain("event.category");
        EcsEventReader.FieldNames.ShouldContain("process.parent.name");
        EcsEventReader.FieldNames.ShouldContain("process.Ext.relative_file_creation_time");
        EcsEventReader.FieldNames.ShouldNotContain("agent.name");
    }

    private static EventReadResult Read(string json, long line = 1) => EcsEventReader.Read(Encoding.UTF8.GetBytes(json), line);
}
