using System;

namespace RuleGen.Eql.Text;

/// <summary>A range of characters in a rule file: a 0-based start offset and a length.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    /// <summary>Returns the smallest span that covers both spans.</summary>
    public TextSpan Cover(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));
}

/// <summary>A 0-based line and column (in UTF-16 characters), the form Roslyn's <c>LinePosition</c> uses.</summary>
public readonly record struct LinePosition(int Line, int Character);
