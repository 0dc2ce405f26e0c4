using System.Text;
using System.Runtime.InteropServices;
using HarfBuzzSharp;

namespace Coaching.Web.Pdf;

/// <summary>One embedded font file, opened once for shaping (HarfBuzz) and for subsetting.</summary>
public sealed class FontFace
{
    readonly Blob blob; // HarfBuzz reads the tables from it for as long as the face lives
    readonly HarfBuzzSharp.Font font;

    internal FontFace(string file, Stream data)
    {
        File = file;
        // The font's bytes live in native memory for the life of the process (fonts load once), where HarfBuzz
        // reads its tables from; Blob.FromStream's copy was released under the face.
        using var bytes = new MemoryStream();
        data.CopyTo(bytes);
        var memory = Marshal.AllocHGlobal((int)bytes.Length);
        Marshal.Copy(bytes.GetBuffer(), 0, memory, (int)bytes.Length);
        blob = new Blob(memory, (int)bytes.Length, MemoryMode.ReadOnly);
        Face = new Face(blob, 0);
        UnitsPerEm = Face.UnitsPerEm;
        font = new HarfBuzzSharp.Font(Face);
        font.SetScale(UnitsPerEm, UnitsPerEm); // advances in font units; scaled to the point size when drawn
    }

    public string File { get; }
    internal Face Face { get; }
    public int UnitsPerEm { get; }

    public bool Covers(int codepoint) => font.TryGetGlyph((uint)codepoint, out var glyph) && glyph != 0;

    // "ﬁ" would copy as one character and split "Proficient" for search and screen readers; the ligatures that
    // scripts need (Arabic, Devanagari) are required ones (rlig, akhn, …) and stay on.
    static readonly Feature[] NoLigatures = [Feature.Parse("liga=0"), Feature.Parse("clig=0")];

    /// <summary>Shapes one run (one font, one direction); HarfBuzz returns the glyphs in visual order.</summary>
    internal (GlyphInfo[] Glyphs, GlyphPosition[] Positions) Shape(string text, int start, int length, bool rightToLeft)
    {
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(text, start, length);
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.GuessSegmentProperties();
        font.Shape(buffer, NoLigatures);
        return (buffer.GlyphInfos, buffer.GlyphPositions);
    }

    public override string ToString() => File;
}

/// <summary>
/// The documents' fonts, embedded in the assembly so every machine prints the same: DejaVu Sans for Latin, Greek and
/// Cyrillic, then Noto Sans Arabic, Hebrew and Devanagari, Droid Sans Fallback (Chinese, Japanese) and Noto Sans CJK KR
/// (Hangul) as fallbacks, tried in that order for each character.
/// </summary>
public static class PdfFonts
{
    /// <summary>Drawn for a character no font has, so nothing a manager wrote disappears silently.</summary>
    public const char Placeholder = '\uFFFD';

    static readonly Lazy<FontFace[]> regular = new(() => Load("DejaVuSans.ttf", "NotoSansArabic-Regular.ttf", "NotoSansHebrew-Regular.ttf",
        "NotoSansDevanagari-Regular.ttf", "DroidSansFallback-CJK.ttf", "NotoSansKR-Hangul.otf"));
    static readonly Lazy<FontFace[]> bold = new(() =>
    {
        var r = regular.Value;
        // No bold Devanagari, CJK or Hangul is embedded (size): those print in the regular weight.
        return [.. Load("DejaVuSans-Bold.ttf", "NotoSansArabic-Bold.ttf", "NotoSansHebrew-Bold.ttf"), r[3], r[4], r[5]];
    });

    /// <summary>The fonts to try, in order, for a weight; the first one is the document's own font.</summary>
    public static IReadOnlyList<FontFace> Chain(bool isBold) => isBold ? bold.Value : regular.Value;

    static FontFace[] Load(params string[] files) => files.Select(file =>
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream("Coaching.Fonts." + file)
            ?? throw new InvalidOperationException($"The font {file} is not embedded in {typeof(PdfFonts).Assembly.GetName().Name}.");
        return new FontFace(file, stream);
    }).ToArray();

    /// <summary>
    /// Splits text into runs of one font each: a letter takes the first font that has it; marks, spaces, digits and
    /// punctuation stay with the font before them when it has them, so a shaped word is never cut in two. A character
    /// no font has becomes <see cref="Placeholder"/> (and is reported in <paramref name="missing"/>).
    /// </summary>
    internal static (string Text, FontFace[] FontOf) Itemize(string text, IReadOnlyList<FontFace> chain, ICollection<int> missing)
    {
        var sb = new StringBuilder(text.Length);
        var fonts = new List<FontFace>(text.Length);
        FontFace? previous = null;
        Span<char> units = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            var cp = rune.Value;
            // Joiners and variation selectors are invisible: HarfBuzz handles them in whatever font surrounds them.
            var invisible = cp is 0x200C or 0x200D || cp is >= 0xFE00 and <= 0xFE0F;
            var chosen = previous is not null && (invisible || (!Rune.IsLetter(rune) && previous.Covers(cp))) ? previous
                : invisible ? null
                : chain.FirstOrDefault(f => f.Covers(cp));
            if (invisible && chosen is null) continue;
            var shown = rune;
            if (chosen is null)
            {
                missing.Add(cp);
                chosen = chain[0];
                shown = new Rune(Placeholder);
            }
            var count = shown.EncodeToUtf16(units);
            sb.Append(units[..count]);
            for (var i = 0; i < count; i++) fonts.Add(chosen);
            previous = chosen;
        }
        return (sb.ToString(), fonts.ToArray());
    }
}
