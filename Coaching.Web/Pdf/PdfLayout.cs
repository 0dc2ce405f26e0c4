using SkiaSharp;

namespace Coaching.Web.Pdf;

public enum PaperSize { A4, Letter }

/// <summary>Something on the page that knows how to lay itself out, flowing onto new pages as it needs.</summary>
public interface IPdfComponent
{
    void Layout(PdfLayout layout);
}

/// <summary>
/// The pages of a document being laid out. Components place drawing operations at the cursor; the operations are
/// replayed once layout is done, when the page count (for "page 2 of 3") is known.
/// </summary>
public sealed class PdfLayout
{
    public const float Margin = 48f;
    public const float HeaderHeight = 34f;
    public const float FooterHeight = 28f;

    readonly List<List<Action<SKCanvas>>> pages = [];

    public PdfLayout(PaperSize paper)
    {
        (PageWidth, PageHeight) = paper == PaperSize.Letter ? (612f, 792f) : (595.28f, 841.89f); // points
        NewPage();
    }

    public float PageWidth { get; }
    public float PageHeight { get; }
    public float Left => Margin;
    public float Width => PageWidth - 2 * Margin;
    public float Top => Margin + HeaderHeight;
    public float Bottom => PageHeight - Margin - FooterHeight;
    /// <summary>Where the next thing goes on the current page.</summary>
    public float Y { get; private set; }
    public int PageCount => pages.Count;
    public IReadOnlyList<IReadOnlyList<Action<SKCanvas>>> Pages => pages;
    public bool AtTopOfPage => Y <= Top + 0.5f;

    public void NewPage()
    {
        pages.Add([]);
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits; a block taller than a page starts at the top of one.</summary>
    public void EnsureSpace(float height)
    {
        if (Y + height > Bottom && !AtTopOfPage) NewPage();
    }

    public void Advance(float dy) => Y = Math.Min(Y + dy, Bottom);

    /// <summary>Draws on the current page at the current cursor (passed in, since the cursor moves on).</summary>
    public void Draw(Action<SKCanvas, float> draw)
    {
        var y = Y;
        pages[^1].Add(canvas => draw(canvas, y));
    }
}

/// <summary>The document's fonts: DejaVu Sans embedded in the assembly, so every machine renders the same glyphs.</summary>
public static class PdfFonts
{
    public static SKTypeface Regular { get; } = Load("DejaVuSans.ttf");
    public static SKTypeface Bold { get; } = Load("DejaVuSans-Bold.ttf");

    static SKTypeface Load(string file)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream("Coaching.Fonts." + file)
            ?? throw new InvalidOperationException($"The font {file} is not embedded in {typeof(PdfFonts).Assembly.GetName().Name}.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {file} could not be read.");
    }
}

/// <summary>How a run of text looks.</summary>
public sealed record TextStyle(float Size = 10f, bool Bold = false, SKColor? Color = null, float LineSpacing = 1.3f)
{
    public static readonly SKColor Ink = new(0x21, 0x25, 0x29);
    public static readonly SKColor Muted = new(0x6c, 0x75, 0x7d);
    public static readonly SKColor Accent = new(0x0b, 0x5e, 0x8a);

    public SKFont Font() => new(Bold ? PdfFonts.Bold : PdfFonts.Regular, Size);
    public SKPaint Paint() => new() { Color = Color ?? Ink, IsAntialias = true };
    public float LineHeight => Size * LineSpacing;
}
