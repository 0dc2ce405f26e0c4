using System.Runtime.InteropServices;
using System.Text;
using SkiaSharp;

namespace Coaching.Web.Pdf;

/// <summary>
/// The text of one document: shapes lines with HarfBuzz (font fallback, bidi runs), remembers which glyphs each font
/// drew, and gives the PDF a subset of each font with only those glyphs. Skia's PDF backend as shipped embeds a
/// font whole, so without this every PDF with one Arabic word would carry the whole Arabic font.
/// </summary>
public sealed class DocumentFonts : IDisposable
{
    sealed class Usage
    {
        public readonly HashSet<uint> Glyphs = [0];
        public readonly HashSet<int> Codepoints = [];
    }

    readonly Dictionary<FontFace, Usage> used = [];
    readonly Dictionary<FontFace, SKTypeface> subsets = [];
    readonly Dictionary<(string, bool), float> widths = [];
    bool embedding;

    /// <summary>Characters no embedded font has (drawn as <see cref="PdfFonts.Placeholder"/>).</summary>
    public SortedSet<int> Missing { get; } = [];

    /// <summary>A line of text shaped for drawing; its glyphs will be in the document's fonts.</summary>
    public ShapedLine Shape(string text, TextStyle style) => Shape(text, style, register: true);

    /// <summary>The width of text in a style, without drawing it (cached per word: a document repeats its words).</summary>
    public float Measure(string text, TextStyle style)
    {
        if (!widths.TryGetValue((text, style.Bold), out var unit))
            widths[(text, style.Bold)] = unit = Shape(text, style with { Size = 1f }, register: false).Width;
        return unit * style.Size;
    }

    ShapedLine Shape(string raw, TextStyle style, bool register)
    {
        var (text, fontOf) = PdfFonts.Itemize(raw, PdfFonts.Chain(style.Bold), Missing);
        var rightToLeft = Bidi.IsRightToLeft(text);
        var levels = Bidi.Levels(text, rightToLeft);

        // Logical runs: one font and one level each.
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
            if (i == 0 || fontOf[i] != fontOf[i - 1] || levels[i] != levels[i - 1]) starts.Add(i);
        var runs = new ShapedLine.Run[starts.Count];
        for (var r = 0; r < starts.Count; r++)
        {
            var start = starts[r];
            var end = r + 1 < starts.Count ? starts[r + 1] : text.Length;
            runs[r] = ShapeRun(text, start, end - start, fontOf[start], levels[start], style.Size, register);
        }
        var visual = Bidi.VisualOrder(runs.Select(r => r.Level).ToList()).Select(i => runs[i]).ToArray();
        return new ShapedLine(this, style, visual, visual.Sum(r => r.Advance), rightToLeft);
    }

    ShapedLine.Run ShapeRun(string text, int start, int length, FontFace face, byte level, float size, bool register)
    {
        if (register && embedding) throw new InvalidOperationException("All text must be shaped before the document is drawn.");
        var (infos, positions) = face.Shape(text, start, length, rightToLeft: level % 2 == 1);
        var runText = text.Substring(start, length);
        // HarfBuzz's clusters index the UTF-16 line; the PDF's text runs want UTF-8 offsets into the run (for copy-paste).
        var utf8At = new int[length + 1];
        for (int i = 0, offset = 0; i <= length; i++)
        {
            utf8At[i] = offset;
            if (i < length && !char.IsLowSurrogate(runText[i])) offset += char.IsHighSurrogate(runText[i]) ? 4 : Encoding.UTF8.GetByteCount(runText.AsSpan(i, 1));
        }
        var scale = size / face.UnitsPerEm;
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        var clusters = new uint[infos.Length];
        var pen = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            points[i] = new SKPoint(pen + positions[i].XOffset * scale, -positions[i].YOffset * scale);
            pen += positions[i].XAdvance * scale;
            clusters[i] = (uint)utf8At[Math.Clamp((int)infos[i].Cluster - start, 0, length)];
        }
        if (register)
        {
            if (!used.TryGetValue(face, out var usage)) used[face] = usage = new Usage();
            usage.Glyphs.UnionWith(infos.Select(g => g.Codepoint));
            foreach (var rune in runText.EnumerateRunes()) usage.Codepoints.Add(rune.Value);
        }
        return new ShapedLine.Run(face, level, glyphs, points, clusters, Encoding.UTF8.GetBytes(runText), pen);
    }

    /// <summary>The font to draw a face's glyphs with: a subset keeping the glyph ids, so the shaped runs stay valid.</summary>
    internal SKTypeface Typeface(FontFace face)
    {
        embedding = true;
        if (subsets.TryGetValue(face, out var typeface)) return typeface;
        var usage = used.GetValueOrDefault(face) ?? new Usage();
        return subsets[face] = Subsetter.Subset(face, usage.Glyphs, usage.Codepoints);
    }

    public void Dispose()
    {
        foreach (var t in subsets.Values) t.Dispose();
        subsets.Clear();
    }

    /// <summary>HarfBuzz's subsetter (hb-subset), which the HarfBuzzSharp native library contains but does not wrap.</summary>
    static class Subsetter
    {
        const string Library = "libHarfBuzzSharp";
        const uint RetainGlyphIds = 0x2, NoHinting = 0x1;

        public static SKTypeface Subset(FontFace face, IEnumerable<uint> glyphs, IEnumerable<int> codepoints)
        {
            var input = hb_subset_input_create_or_fail();
            if (input == 0) throw new InvalidOperationException("HarfBuzz could not start a font subset.");
            try
            {
                hb_subset_input_set_flags(input, RetainGlyphIds | NoHinting);
                var glyphSet = hb_subset_input_glyph_set(input);
                foreach (var g in glyphs) hb_set_add(glyphSet, g);
                var unicodeSet = hb_subset_input_unicode_set(input);
                foreach (var c in codepoints) hb_set_add(unicodeSet, (uint)c);
                var subset = hb_subset_or_fail(face.Face.Handle, input);
                if (subset == 0) throw new InvalidOperationException($"HarfBuzz could not subset {face.File}.");
                try
                {
                    var blob = hb_face_reference_blob(subset);
                    try
                    {
                        var data = hb_blob_get_data(blob, out var length);
                        using var copy = SKData.CreateCopy(data, length);
                        return SKTypeface.FromData(copy) ?? throw new InvalidOperationException($"The subset of {face.File} could not be read.");
                    }
                    finally { hb_blob_destroy(blob); }
                }
                finally { hb_face_destroy(subset); }
            }
            finally { hb_subset_input_destroy(input); }
        }

        [DllImport(Library)] static extern nint hb_subset_input_create_or_fail();
        [DllImport(Library)] static extern void hb_subset_input_destroy(nint input);
        [DllImport(Library)] static extern void hb_subset_input_set_flags(nint input, uint flags);
        [DllImport(Library)] static extern nint hb_subset_input_glyph_set(nint input);
        [DllImport(Library)] static extern nint hb_subset_input_unicode_set(nint input);
        [DllImport(Library)] static extern void hb_set_add(nint set, uint codepoint);
        [DllImport(Library)] static extern nint hb_subset_or_fail(nint face, nint input);
        [DllImport(Library)] static extern void hb_face_destroy(nint face);
        [DllImport(Library)] static extern nint hb_face_reference_blob(nint face);
        [DllImport(Library)] static extern void hb_blob_destroy(nint blob);
        [DllImport(Library)] static extern nint hb_blob_get_data(nint blob, out uint length);
    }
}

/// <summary>A shaped line: glyph runs in visual order, ready to draw at any x.</summary>
public sealed class ShapedLine
{
    internal sealed record Run(FontFace Face, byte Level, ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, byte[] Utf8, float Advance);

    readonly DocumentFonts fonts;
    readonly Run[] runs;

    internal ShapedLine(DocumentFonts fonts, TextStyle style, Run[] runs, float width, bool rightToLeft)
    {
        this.fonts = fonts;
        this.runs = runs;
        Style = style;
        Width = width;
        RightToLeft = rightToLeft;
    }

    public TextStyle Style { get; }
    public float Width { get; }
    /// <summary>The line is a right-to-left paragraph (Arabic, Hebrew): it is aligned to the right.</summary>
    public bool RightToLeft { get; }

    /// <summary>Draws the line with its left end at <paramref name="x"/>; the text travels with the glyphs, so it copies as words.</summary>
    public void Draw(SKCanvas canvas, float x, float baseline)
    {
        if (runs.Length == 0) return;
        using var builder = new SKTextBlobBuilder();
        var pen = 0f;
        foreach (var run in runs)
        {
            if (run.Glyphs.Length > 0)
            {
                using var font = new SKFont(fonts.Typeface(run.Face), Style.Size) { Subpixel = true, LinearMetrics = true };
                var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length);
                run.Glyphs.CopyTo(buffer.Glyphs);
                for (var i = 0; i < run.Positions.Length; i++) buffer.Positions[i] = new SKPoint(run.Positions[i].X + pen, run.Positions[i].Y);
                run.Clusters.CopyTo(buffer.Clusters);
                run.Utf8.CopyTo(buffer.Text);
            }
            pen += run.Advance;
        }
        using var blob = builder.Build();
        if (blob is null) return;
        using var paint = new SKPaint { Color = Style.Ink, IsAntialias = true };
        canvas.DrawText(blob, x, baseline, paint);
    }

    /// <summary>Draws the line inside a box of <paramref name="width"/>: left-aligned, or right-aligned when it reads from the right.</summary>
    public void DrawIn(SKCanvas canvas, float x, float width, float baseline) =>
        Draw(canvas, RightToLeft ? x + width - Width : x, baseline);
}
