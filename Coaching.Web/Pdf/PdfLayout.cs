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
    /// <summary>Shapes and measures the document's text, and embeds only the glyphs it draws.</summary>
    public DocumentFonts Fonts { get; } = new();

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
