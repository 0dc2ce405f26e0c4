using SkiaSharp;

namespace Coaching.Web.Pdf;

/// <summary>A table whose cells wrap; a row moves whole to the next page, which repeats the header.</summary>
public sealed class Table(IReadOnlyList<Table.Column> columns, IReadOnlyList<IReadOnlyList<string>> rows) : IPdfComponent
{
    /// <summary>A column: its header and its share of the width.</summary>
    public sealed record Column(string Header, float Share);

    const float Pad = 4f;

    public void Layout(PdfLayout layout)
    {
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => layout.Width * c.Share / total).ToArray();
        var header = Measure(layout, columns.Select(c => c.Header).ToList(), widths, Typography.TableHeader);
        layout.EnsureSpace(header.Height + (rows.Count == 0 ? 0 : Measure(layout, rows[0], widths, Typography.TableCell).Height));
        DrawRow(layout, header, widths, Typography.TableHeader, rule: true);
        foreach (var row in rows)
        {
            var measured = Measure(layout, row, widths, Typography.TableCell);
            if (layout.Y + measured.Height > layout.Bottom && !layout.AtTopOfPage)
            {
                layout.NewPage();
                DrawRow(layout, header, widths, Typography.TableHeader, rule: true);
            }
            DrawRow(layout, measured, widths, Typography.TableCell, rule: false);
        }
        layout.Advance(8);
    }

    sealed record MeasuredRow(IReadOnlyList<IReadOnlyList<string>> Lines, float Height);

    static MeasuredRow Measure(PdfLayout layout, IReadOnlyList<string> cells, float[] widths, TextStyle style)
    {
        var lines = cells.Select((c, i) => TextBlock.Wrap(layout.Fonts, c, style, widths[i] - 2 * Pad)).ToList();
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
            var cells = new List<(ShapedLine Line, float X, float Width, int Index)>();
            var x = layout.Left;
            for (var c = 0; c < row.Lines.Count; c++)
            {
                for (var l = lineIndex; l < Math.Min(lineIndex + take, row.Lines[c].Count); l++)
                    cells.Add((layout.Fonts.Shape(row.Lines[c][l], style), x + Pad, widths[c] - 2 * Pad, l - lineIndex));
                x += widths[c];
            }
            var x0 = layout.Left;
            var width = layout.Width;
            layout.Draw((canvas, y) =>
            {
                foreach (var cell in cells)
                    cell.Line.DrawIn(canvas, cell.X, cell.Width, y + Pad + style.Size + cell.Index * style.LineHeight);
                using var line = new SKPaint { Color = rule ? Typography.Muted : Typography.Rule, StrokeWidth = rule ? 0.8f : 0.5f };
                var bottom = y + 2 * Pad + take * style.LineHeight;
                canvas.DrawLine(x0, bottom, x0 + width, bottom, line);
            });
            layout.Advance(2 * Pad + take * style.LineHeight);
            lineIndex += take;
            if (lineIndex < maxLines) layout.NewPage();
        }
    }
}
