using System.Text;

namespace Coaching.Web.Pdf;

/// <summary>
/// A small part of the Unicode bidirectional algorithm (UAX #9), enough for a line of mixed Latin, Arabic and Hebrew
/// with numbers: no explicit embeddings. Letters are strong left-to-right or right-to-left; European digits after
/// right-to-left text stay left-to-right inside it; spaces and punctuation take the direction of the text around them.
/// </summary>
public static class Bidi
{
    enum Kind { L, R, EN, N }

    /// <summary>True when the first strong letter is right-to-left (Arabic, Hebrew): the paragraph reads from the right.</summary>
    public static bool IsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            switch (KindOf(rune))
            {
                case Kind.R: return true;
                case Kind.L: return false;
            }
        return false;
    }

    /// <summary>The embedding level of each UTF-16 unit: even reads left to right, odd right to left.</summary>
    public static byte[] Levels(string text, bool rightToLeftParagraph)
    {
        var kinds = new Kind[text.Length];
        var i = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            // W1: a combining mark goes with the letter it sits on.
            var kind = i > 0 && IsMark(rune) ? kinds[i - 1] : KindOf(rune);
            for (var u = 0; u < rune.Utf16SequenceLength; u++) kinds[i++] = kind;
        }
        var paragraph = rightToLeftParagraph ? Kind.R : Kind.L;

        // W7: digits after left-to-right text (or at the start of a left-to-right paragraph) are simply left to right.
        var lastStrong = paragraph;
        for (i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] is Kind.L or Kind.R) lastStrong = kinds[i];
            else if (kinds[i] == Kind.EN && lastStrong == Kind.L) kinds[i] = Kind.L;
        }

        // N1/N2: spaces and punctuation between two sides of one direction take it (digits count as right to left
        // here); otherwise the paragraph's.
        for (i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] != Kind.N) continue;
            var end = i;
            while (end < kinds.Length && kinds[end] == Kind.N) end++;
            var before = i == 0 ? paragraph : Strong(kinds[i - 1]);
            var after = end == kinds.Length ? paragraph : Strong(kinds[end]);
            var resolved = before == after ? before : paragraph;
            for (var j = i; j < end; j++) kinds[j] = resolved;
            i = end - 1;
        }

        // I1/I2: levels from the paragraph's level.
        var levels = new byte[kinds.Length];
        for (i = 0; i < kinds.Length; i++)
            levels[i] = (rightToLeftParagraph, kinds[i]) switch
            {
                (false, Kind.L) => 0,
                (false, Kind.R) => 1,
                (false, _) => 2, // digits inside right-to-left text
                (true, Kind.R) => 1,
                (true, _) => 2,
            };
        return levels;
    }

    /// <summary>
    /// L2: the visual order of runs given their levels: from the highest level down to the lowest odd one, every
    /// stretch of runs at that level or above is reversed.
    /// </summary>
    public static int[] VisualOrder(IReadOnlyList<byte> runLevels)
    {
        var order = Enumerable.Range(0, runLevels.Count).ToArray();
        if (runLevels.Count == 0) return order;
        int highest = runLevels.Max(), lowestOdd = runLevels.Where(l => l % 2 == 1).DefaultIfEmpty((byte)255).Min();
        for (var level = highest; level >= lowestOdd && level >= 1; level--)
        {
            for (var i = 0; i < order.Length; i++)
            {
                if (runLevels[order[i]] < level) continue;
                var end = i;
                while (end < order.Length && runLevels[order[end]] >= level) end++;
                Array.Reverse(order, i, end - i);
                i = end;
            }
        }
        return order;
    }

    static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    static Kind Strong(Kind k) => k == Kind.EN ? Kind.R : k;

    static Kind KindOf(Rune rune)
    {
        var cp = rune.Value;
        if (cp is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF or >= 0x10800 and <= 0x10FFF or >= 0x1E800 and <= 0x1EFFF)
            return Rune.IsLetter(rune) ? Kind.R : Rune.IsDigit(rune) ? Kind.EN : Kind.N; // Arabic-Indic digits read as numbers
        if (Rune.IsDigit(rune)) return Kind.EN;
        return Rune.IsLetter(rune) ? Kind.L : Kind.N;
    }
}
