using SkiaSharp;

namespace Coaching.Web.Pdf;

/// <summary>What goes at the top and bottom of every page: who and which week, and "Page 2 of 3".</summary>
public sealed record PageFrame(string HeaderLeft, string HeaderRight, string FooterLeft)
{
    static readonly TextStyle Small = new(8f, Color: TextStyle.Muted);

    public void Draw(SKCanvas canvas, PdfLayout layout, int page, int pages)
    {
        using var font = Small.Font();
        using var paint = Small.Paint();
        var top = PdfLayout.Margin;
        canvas.DrawText(HeaderLeft, layout.Left, top + 10, SKTextAlign.Left, font, paint);
        canvas.DrawText(HeaderRight, layout.Left + layout.Width, top + 10, SKTextAlign.Right, font, paint);
        using var rule = new SKPaint { Color = new SKColor(0xde, 0xe2, 0xe6), StrokeWidth = 0.6f };
        canvas.DrawLine(layout.Left, top + 18, layout.Left + layout.Width, top + 18, rule);
        var bottom = layout.PageHeight - PdfLayout.Margin;
        canvas.DrawLine(layout.Left, bottom - 16, layout.Left + layout.Width, bottom - 16, rule);
        canvas.DrawText(FooterLeft, layout.Left, bottom - 4, SKTextAlign.Left, font, paint);
        canvas.DrawText($"Page {page} of {pages}", layout.Left + layout.Width, bottom - 4, SKTextAlign.Right, font, paint);
    }
}

/// <summary>Lays out a list of components and writes them as a PDF with SkiaSharp (fonts are subset by Skia's PDF backend).</summary>
public static class PdfDocument
{
    public static byte[] Render(PaperSize paper, PageFrame frame, IEnumerable<IPdfComponent> components, string title, string author, DateTime createdUtc)
    {
        var layout = new PdfLayout(paper);
        foreach (var component in components) component.Layout(layout);

        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title, Author = author, Creator = "Coaching", Producer = "Coaching", Creation = createdUtc, Modified = createdUtc,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            for (var i = 0; i < layout.PageCount; i++)
            {
                var canvas = document.BeginPage(layout.PageWidth, layout.PageHeight);
                frame.Draw(canvas, layout, i + 1, layout.PageCount);
                foreach (var draw in layout.Pages[i]) draw(canvas);
                document.EndPage();
            }
            document.Close();
        }
        return output.ToArray();
    }
}
