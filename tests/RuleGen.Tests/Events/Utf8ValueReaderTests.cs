using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using RuleGen.Ecs;
using RuleGen.Events;

namespace RuleGen.Tests.Events;

public sealed class Utf8ValueReaderTests
{
    private delegate bool Utf8Read<T>(ref Utf8JsonReader reader, out T value);

    private delegate bool ElementRead<T>(JsonElement element, out T value);

    [Theory]
    [InlineData("1.5", true, "1.5D")]
    [InlineData("\"2.25\"", true, "2.25D")]
    [InlineData("7", true, "7D")]
    [InlineData("1e400", true, "InfinityD")]
    [InlineData("[null, \"3\"]", true, "3D")]
    [InlineData("\"x\"", false, "null")]
    [InlineData("true", false, "null")]
    [InlineData("null", true, "null")]
    public void Double_ConvertsAsEcsValueReader(string json, bool expectedOk, string expected)
    {
        (bool ok, string text) = ReadUtf8<double?>(json, Utf8ValueReader.TryReadDouble);

        ok.ShouldBe(expectedOk);
        text.ShouldBe(expected);
        ReadElement<double?>(json, EcsValueReader.TryReadDouble).ShouldBe((ok, text));
    }

    [Theory]
    [InlineData("true", true, "true")]
    [InlineData("\"false\"", true, "false")]
    [InlineData("\"tru\\u0065\"", true, "true")]
    [InlineData("\"True\"", false, "null")]
    [InlineData("1", false, "null")]
    [InlineData("[null, false, true]", true, "false")]
    public void Boolean_ConvertsAsEcsValueReader(string json, bool expectedOk, string expected)
    {
        (bool ok, string text) = ReadUtf8<bool?>(json, Utf8ValueReader.TryReadBoolean);

        ok.ShouldBe(expectedOk);
        text.ShouldBe(expected);
        ReadElement<bool?>(json, EcsValueReader.TryReadBoolean).ShouldBe((ok, text));
    }

    [Theory]
    [InlineData("[1, \"2\", 3.9, null]", true, "[1L, 2L, 3L]")]
    [InlineData("5", true, "[5L]")]
    [InlineData("[1, \"x\"]", false, "null")]
    [InlineData("[null]", true, "null")]
    public void LongArray_ConvertsAsEcsValueReader(string json, bool expectedOk, string expected)
    {
        (bool ok, string text) = ReadUtf8<long[]?>(json, Utf8ValueReader.TryReadLongArray);

        ok.ShouldBe(expectedOk);
        text.ShouldBe(expected);
        ReadElement<long[]?>(json, EcsValueReader.TryReadLongArray).ShouldBe((ok, text));
    }

    [Fact]
    public void ElementBuffer_KeepsLongArraysInOrder()
    {
        string json = "[" + string.Join(", ", Enumerable.Range(0, 20).Select(i => "\"a" + i + "\"")) + "]";

        (bool ok, string text) = ReadUtf8<string[]?>(json, Utf8ValueReader.TryReadStringArray);

        ok.ShouldBeTrue();
        text.ShouldBe(EventFieldText.Format(Enumerable.Range(0, 20).Select(i => "a" + i).ToArray()));
    }

    // Each conversion must give the result EcsValueReader gives for the same JSON value, and leave the reader on the
    // value's last token, so that the next Read reaches the end of the document.
    [Fact]
    public void AllConversions_AgreeWithEcsValueReader()
    {
        JsonValueGen.Value.Sample(
            json =>
            {
                Agree<string?>(json, Utf8ValueReader.TryReadString, EcsValueReader.TryReadString);
                Agree<long?>(json, Utf8ValueReader.TryReadLong, EcsValueReader.TryReadLong);
                Agree<double?>(json, Utf8ValueReader.TryReadDouble, EcsValueReader.TryReadDouble);
                Agree<bool?>(json, Utf8ValueReader.TryReadBoolean, EcsValueReader.TryReadBoolean);
                Agree<DateTimeOffset?>(json, Utf8ValueReader.TryReadDate, EcsValueReader.TryReadDate);
                Agree<string[]?>(json, Utf8ValueReader.TryReadStringArray, EcsValueReader.TryReadStringArray);
                Agree<long[]?>(json, Utf8ValueReader.TryReadLongArray, EcsValueReader.TryReadLongArray);
                Agree<double[]?>(json, Utf8ValueReader.TryReadDoubleArray, EcsValueReader.TryReadDoubleArray);
                Agree<bool[]?>(json, Utf8ValueReader.TryReadBooleanArray, EcsValueReader.TryReadBooleanArray);
                Agree<DateTimeOffset[]?>(json, Utf8ValueReader.TryReadDateArray, EcsValueReader.TryReadDateArray);
            },
            iter: 3000);
    }

    private static void Agree<T>(string json, Utf8Read<T> utf8, ElementRead<T> element) =>
        ReadUtf8(json, utf8).ShouldBe(ReadElement(json, element), json);

    private static (bool Ok, string Text) ReadUtf8<T>(string json, Utf8Read<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        bool ok = read(ref reader, out T value);
        reader.Read().ShouldBeFalse($"The reader did not end on the last token of {json}.");
        return (ok, ok ? EventFieldText.Format(value) : "null");
    }

    private static (bool Ok, string Text) ReadElement<T>(string json, ElementRead<T> read)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        bool ok = read(document.RootElement, out T value);
        return (ok, ok ? EventFieldText.Format(value) : "null");
    }
}
