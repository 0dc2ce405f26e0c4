using System.Collections.Concurrent;
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

    /// <summary>A text shaped at 1 pt: runs in visual order. Immutable, so shared by every document.</summary>
    internal sealed record Shaping(ShapedLine.Run[] Runs, float Width, bool RightToLeft, int[] Missing);

    // Headings, labels, level names and the words of notes repeat from one summary to the next: shaping each once
    // per process keeps a batch fast. Bounded: emptied when it grows past what a batch needs.
    static readonly ConcurrentDictionary<(string Text, bool Bold), Shaping> shaped = new();
    const int MaxShaped = 50_000;

    readonly Dictionary<FontFace, Usage> used = [];
    readonly Dictionary<FontFace, SKTypeface> subsets = [];
    bool embedding;

    /// <summary>Characters no embedded font has (drawn as <see cref="PdfFonts.Placeholder"/>).</summary>
    public SortedSet<int> Missing { get; } = [];

    /// <summary>A line of text shaped for drawing; its glyphs will be in the document's fonts.</summary>
    public ShapedLine Shape(string text, TextStyle style)
    {
        if (embedding) throw new InvalidOperationException("All text must be shaped before the document is drawn.");
        var shaping = ShapeAtOnePoint(text, style.Bold);
        foreach (var run in shaping.Runs)
        {
            if (!used.TryGetValue(run.Face, out var usage)) used[run.Face] = usage = new Usage();
            foreach (var g in run.Glyphs) usage.Glyphs.Add(g);
            foreach (var rune in Encoding.UTF8.GetString(run.Utf8).EnumerateRunes()) usage.Codepoints.Add(rune.Value);
        }
        Missing.UnionWith(shaping.Missing);
        return new ShapedLine(this, style, shaping);
    }

    /// <summary>The width of text in a style, without drawing it.</summary>
    public float Measure(string text, TextStyle style)
    {
        var shaping = ShapeAtOnePoint(text, style.Bold);
        Missing.UnionWith(shaping.Missing);
        return shaping.Width * style.Size;
    }

    static Shaping ShapeAtOnePoint(string text, bool bold)
    {
        if (shaped.TryGetValue((text, bold), out var known)) return known;
        if (shaped.Count > MaxShaped) shaped.Clear();
        return shaped[(text, bold)] = ShapeLine(text, bold);
    }

    static Shaping ShapeLine(string raw, bool bold)
    {
        var missing = new List<int>();
        var (text, fontOf) = PdfFonts.Itemize(raw, PdfFonts.Chain(bold), missing);
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
            runs[r] = ShapeRun(text, start, end - start, fontOf[start], levels[start]);
        }
        var visual = Bidi.VisualOrder(runs.Select(r => r.Level).ToList()).Select(i => runs[i]).ToArray();
        return new Shaping(visual, visual.Sum(r => r.Advance), rightToLeft, [.. missing]);
    }

    static ShapedLine.Run ShapeRun(string text, int start, int length, FontFace face, byte level)
    {
        var (infos, positions) = face.Shape(text, start, length, rightToLeft: level % 2 == 1);
        var runText = text.Substring(start, length);
        // HarfBuzz's clusters index the UTF-16 line; the PDF's text runs want UTF-8 offsets into the run (for copy-paste).
        var utf8At = new int[length + 1];
        for (int i = 0, offset = 0; i <= length; i++)
        {
            utf8At[i] = offset;
            if (i < length && !char.IsLowSurrogate(runText[i])) offset += char.IsHighSurrogate(runText[i]) ? 4 : Encoding.UTF8.GetByteCount(runText.AsSpan(i, 1));
        }
        var scale = 1f / face.UnitsPerEm;
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
        const uint RetainGlyphIds = 0x2, NoHinting = 0x1, NoLayoutClosure = 0x200;
        const int DropTableTags = 3; // HB_SUBSET_SETS_DROP_TABLE_TAG
        static readonly uint[] LayoutTables = [.. new[] { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern" }
            .Select(t => (uint)(t[0] << 24 | t[1] << 16 | t[2] << 8 | t[3]))];

        public static SKTypeface Subset(FontFace face, IEnumerable<uint> glyphs, IEnumerable<int> codepoints)
        {
            var input = hb_subset_input_create_or_fail();
            if (input == 0) throw new InvalidOperationException("HarfBuzz could not start a font subset.");
            try
            {
                // The PDF only draws glyphs: no layout tables, and no layout closure to compute (the slow part).
                hb_subset_input_set_flags(input, RetainGlyphIds | NoHinting | NoLayoutClosure);
                var dropped = hb_subset_input_set(input, DropTableTags);
                foreach (var tag in LayoutTables) hb_set_add(dropped, tag);
                var glyphSet = hb_subset_input_glyph_set(input);
                foreach (var g in glyphs) hb_set_add(glyphSet, g);
                var unicodeSet = hb_subset_input_unicode_set(input);
                foreach (var c in codepoints) hb_set_add(unicodeSet, (uint)c);
                var subset = hb_subset_or_fail(Prepared(face), input);
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

        // hb_subset_preprocess does the work every subset of a face would repeat (reading and checking its tables)
        // once; the prepared face lives as long as the process, like the fonts.
        static readonly ConcurrentDictionary<FontFace, Lazy<nint>> prepared = new();
        static nint Prepared(FontFace face) => prepared.GetOrAdd(face, f => new Lazy<nint>(() => hb_subset_preprocess(f.Face.Handle))).Value;

        [DllImport(Library)] static extern nint hb_subset_preprocess(nint face);
        [DllImport(Library)] static extern nint hb_subset_input_create_or_fail();
        [DllImport(Library)] static extern void hb_subset_input_destroy(nint input);
        [DllImport(Library)] static extern void hb_subset_input_set_flags(nint input, uint flags);
        [DllImport(Library)] static extern nint hb_subset_input_glyph_set(nint input);
        [DllImport(Library)] static extern nint hb_subset_input_unicode_set(nint input);
        [DllImport(Library)] static extern nint hb_subset_input_set(nint input, int setType);
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
    /// <summary>One font, one direction; positions and advance at 1 pt.</summary>
    internal sealed record Run(FontFace Face, byte Level, ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, byte[] Utf8, float Advance);

    readonly DocumentFonts fonts;
    readonly DocumentFonts.Shaping shaping;

    internal ShapedLine(DocumentFonts fonts, TextStyle style, DocumentFonts.Shaping shaping)
    {
        this.fonts = fonts;
        this.shaping = shaping;
        Style = style;
    }

    public TextStyle Style { get; }
    public float Width => shaping.Width * Style.Size;
    /// <summary>The line is a right-to-left paragraph (Arabic, Hebrew): it is aligned to the right.</summary>
    public bool RightToLeft => shaping.RightToLeft;

    /// <summary>Draws the line with its left end at <paramref name="x"/>; the text travels with the glyphs, so it copies as words.</summary>
    public void Draw(SKCanvas canvas, float x, float baseline)
    {
        if (shaping.Runs.Length == 0) return;
        var size = Style.Size;
        using var builder = new SKTextBlobBuilder();
        var pen = 0f;
        foreach (var run in shaping.Runs)
        {
            if (run.Glyphs.Length > 0)
            {
                using var font = new SKFont(fonts.Typeface(run.Face), size) { Subpixel = true, LinearMetrics = true };
                var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length);
                run.Glyphs.CopyTo(buffer.Glyphs);
                var positions = buffer.Positions;
                for (var i = 0; i < run.Positions.Length; i++) positions[i] = new SKPoint(pen + run.Positions[i].X * size, run.Positions[i].Y * size);
                run.Clusters.CopyTo(buffer.Clusters);
                run.Utf8.CopyTo(buffer.Text);
            }
            pen += run.Advance * size;
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
