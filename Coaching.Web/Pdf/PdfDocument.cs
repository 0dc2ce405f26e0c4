using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace Coaching.Web.Pdf;

/// <summary>What goes at the top and bottom of every page: who and which week, and "Page 2 of 3".</summary>
public sealed record PageFrame(string HeaderLeft, string HeaderRight, string FooterLeft)
{
    /// <summary>Shapes the frame of every page (before drawing starts: the fonts are subset once all text is known).</summary>
    public IReadOnlyList<Action<SKCanvas>> Prepare(PdfLayout layout)
    {
        var style = Typography.PageFrame;
        var half = layout.Width / 2 - 6;
        var left = layout.Fonts.Shape(TextBlock.Fit(layout.Fonts, HeaderLeft, style, half), style);
        var right = layout.Fonts.Shape(TextBlock.Fit(layout.Fonts, HeaderRight, style, half), style);
        var footer = layout.Fonts.Shape(TextBlock.Fit(layout.Fonts, FooterLeft, style, half), style);
        return Enumerable.Range(1, layout.PageCount).Select(page =>
        {
            var number = layout.Fonts.Shape($"Page {page} of {layout.PageCount}", style);
            return (Action<SKCanvas>)(canvas =>
            {
                var top = PdfLayout.Margin;
                var end = layout.Left + layout.Width;
                left.Draw(canvas, layout.Left, top + 10);
                right.Draw(canvas, end - right.Width, top + 10);
                using var rule = new SKPaint { Color = Typography.Rule, StrokeWidth = 0.6f };
                canvas.DrawLine(layout.Left, top + 18, end, top + 18, rule);
                var bottom = layout.PageHeight - PdfLayout.Margin;
                canvas.DrawLine(layout.Left, bottom - 16, end, bottom - 16, rule);
                footer.Draw(canvas, layout.Left, bottom - 4);
                number.Draw(canvas, end - number.Width, bottom - 4);
            });
        }).ToList();
    }
}

/// <summary>Lays out a list of components and writes them as a PDF with SkiaSharp, embedding subsets of the fonts.</summary>
public static class PdfDocument
{
    public static byte[] Render(PaperSize paper, PageFrame frame, IEnumerable<IPdfComponent> components, string title, string author,
        DateTime createdUtc, ILogger? logger = null)
    {
        var layout = new PdfLayout(paper);
        using var fonts = layout.Fonts;
        foreach (var component in components) component.Layout(layout);
        var frames = frame.Prepare(layout);
        if (fonts.Missing.Count > 0)
            // Only the characters, not the text: notes are personal.
            logger?.LogWarning("No embedded font has {Characters}: \"{Title}\" prints {Placeholder} in their place",
                string.Join(" ", fonts.Missing.Select(c => $"U+{c:X4}")), title, PdfFonts.Placeholder);

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
                frames[i](canvas);
                foreach (var draw in layout.Pages[i]) draw(canvas);
                document.EndPage();
            }
            document.Close();
        }
        return output.ToArray();
    }
}
