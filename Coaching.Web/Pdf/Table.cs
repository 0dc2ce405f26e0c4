using SkiaSharp;

namespace Coaching.Web.Pdf;

/// <summary>A table whose cells wrap; a row moves whole to the next page, which repeats the header.</summary>
public sealed class Table(IReadOnlyList<Table.Column> columns, IReadOnlyList<IReadOnlyList<string>> rows) : IPdfComponent
{
    /// <summary>A column: its header and its share of the width.</summary>
    public sealed record Column(string Header, float Share);

    const float Pad = 4f;
    static readonly TextStyle Cell = new(9.5f, LineSpacing: 1.25f);
    static readonly TextStyle HeaderCell = new(9.5f, Bold: true, Color: TextStyle.Muted, LineSpacing: 1.25f);

    public void Layout(PdfLayout layout)
    {
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => layout.Width * c.Share / total).ToArray();
        var header = Measure(columns.Select(c => c.Header).ToList(), widths, HeaderCell);
        layout.EnsureSpace(header.Height + Measure(rows.FirstOrDefault() ?? [], widths, Cell).Height);
        DrawRow(layout, header, widths, HeaderCell, rule: true);
        foreach (var row in rows)
        {
            var measured = Measure(row, widths, Cell);
            if (layout.Y + measured.Height > layout.Bottom && !layout.AtTopOfPage)
            {
                layout.NewPage();
                DrawRow(layout, header, widths, HeaderCell, rule: true);
            }
            DrawRow(layout, measured, widths, Cell, rule: false);
        }
        layout.Advance(8);
    }

    sealed record MeasuredRow(IReadOnlyList<IReadOnlyList<string>> Lines, float Height);

    static MeasuredRow Measure(IReadOnlyList<string> cells, float[] widths, TextStyle style)
    {
        using var font = style.Font();
        var lines = cells.Select((c, i) => TextBlock.Wrap(c, font, widths[i] - 2 * Pad)).ToList();
        return new(lines, lines.Count == 0 ? 0 : lines.Max(l => l.Count) * style.LineHeight + 2 * Pad);
    }

    static void DrawRow(PdfLayout layout, MeasuredRow row, float[] widths, TextStyle style, bool rule)
    {
        // A row taller than a page (a very long cell) is drawn in page-sized slices rather than clipped.
        var lineIndex = 0;
        var maxLines = row.Lines.Count == 0 ? 0 : row.Lines.Max(l => l.Count);
        while (lineIndex < maxLines)
        {
            var fitting = Math.Max(1, (int)((layout.Bottom - layout.Y - 2 * Pad) / style.LineHeight));
            var take = Math.Min(fitting, maxLines - lineIndex);
            var from = lineIndex;
            var x0 = layout.Left;
            var width = layout.Width;
            layout.Draw((canvas, y) =>
            {
                using var font = style.Font();
                using var paint = style.Paint();
                var x = x0;
                for (var c = 0; c < row.Lines.Count; c++)
                {
                    for (var l = from; l < Math.Min(from + take, row.Lines[c].Count); l++)
                        canvas.DrawText(row.Lines[c][l], x + Pad, y + Pad + style.Size + (l - from) * style.LineHeight, SKTextAlign.Left, font, paint);
                    x += widths[c];
                }
                using var line = new SKPaint { Color = rule ? TextStyle.Muted : new SKColor(0xde, 0xe2, 0xe6), StrokeWidth = rule ? 0.8f : 0.5f };
                var bottom = y + 2 * Pad + take * style.LineHeight;
                canvas.DrawLine(x0, bottom, x0 + width, bottom, line);
            });
            layout.Advance(2 * Pad + take * style.LineHeight);
            lineIndex += take;
            if (lineIndex < maxLines) layout.NewPage();
        }
    }
}
