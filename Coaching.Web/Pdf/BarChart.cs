using SkiaSharp;

namespace Coaching.Web.Pdf;

/// <summary>Horizontal bars of a value against a target (current vs required level), one row per item, with a legend.</summary>
public sealed class BarChart(IReadOnlyList<BarChart.Bar> bars, int max, string valueLegend, string targetLegend) : IPdfComponent
{
    /// <summary>One row: a label, the value (null: none yet) and the target (null: none).</summary>
    public sealed record Bar(string Label, int? Value, int? Target, string? Note = null);

    const float RowHeight = 20f;
    static readonly SKColor BarColor = new(0x2f, 0x85, 0xb8);
    static readonly SKColor BelowColor = new(0xe0, 0x8a, 0x1e);
    static readonly SKColor Track = new(0xee, 0xf1, 0xf4);
    static readonly TextStyle Label = new(9f);
    static readonly TextStyle Small = new(8f, Color: TextStyle.Muted);

    public void Layout(PdfLayout layout)
    {
        if (bars.Count == 0 || max <= 0) return;
        var labelWidth = layout.Width * 0.36f;
        var noteWidth = layout.Width * 0.16f;
        var chartWidth = layout.Width - labelWidth - noteWidth - 8;
        layout.EnsureSpace(RowHeight * Math.Min(3, bars.Count) + 18);
        DrawLegend(layout);
        foreach (var bar in bars)
        {
            layout.EnsureSpace(RowHeight);
            var x = layout.Left;
            layout.Draw((canvas, y) =>
            {
                using var font = Label.Font();
                using var ink = Label.Paint();
                using var small = Small.Font();
                using var muted = Small.Paint();
                // Labels are user text: one line, shortened with an ellipsis rather than run into the bar.
                canvas.DrawText(Fit(bar.Label, font, labelWidth - 6), x, y + 13, SKTextAlign.Left, font, ink);
                var cx = x + labelWidth;
                using var track = new SKPaint { Color = Track, IsAntialias = true };
                canvas.DrawRoundRect(cx, y + 4, chartWidth, 11, 2, 2, track);
                if (bar.Value is { } v && v > 0)
                {
                    var below = bar.Target is { } t && v < t;
                    using var fill = new SKPaint { Color = below ? BelowColor : BarColor, IsAntialias = true };
                    canvas.DrawRoundRect(cx, y + 4, chartWidth * Math.Min(v, max) / max, 11, 2, 2, fill);
                }
                if (bar.Target is { } target)
                {
                    var tx = cx + chartWidth * Math.Min(target, max) / max;
                    using var marker = new SKPaint { Color = TextStyle.Ink, StrokeWidth = 2f, IsAntialias = true };
                    canvas.DrawLine(tx, y + 1, tx, y + 18, marker);
                }
                var note = bar.Note ?? (bar.Value is null ? "not observed yet" : $"{bar.Value} of {max}");
                canvas.DrawText(Fit(note, small, noteWidth), cx + chartWidth + 8, y + 13, SKTextAlign.Left, small, muted);
            });
            layout.Advance(RowHeight);
        }
        layout.Advance(8);
    }

    void DrawLegend(PdfLayout layout)
    {
        var x = layout.Left;
        layout.Draw((canvas, y) =>
        {
            using var small = Small.Font();
            using var muted = Small.Paint();
            using var fill = new SKPaint { Color = BarColor, IsAntialias = true };
            using var marker = new SKPaint { Color = TextStyle.Ink, StrokeWidth = 2f };
            canvas.DrawRect(x, y + 3, 14, 8, fill);
            canvas.DrawText(valueLegend, x + 18, y + 10, SKTextAlign.Left, small, muted);
            var x2 = x + 26 + small.MeasureText(valueLegend);
            canvas.DrawLine(x2 + 4, y + 1, x2 + 4, y + 12, marker);
            canvas.DrawText(targetLegend, x2 + 10, y + 10, SKTextAlign.Left, small, muted);
        });
        layout.Advance(18);
    }

    static string Fit(string text, SKFont font, float width)
    {
        var line = TextBlock.Wrap(text, font, float.MaxValue)[0];
        if (font.MeasureText(line) <= width) return line;
        while (line.Length > 1 && font.MeasureText(line + "…") > width) line = line[..^1];
        return line.TrimEnd() + "…";
    }
}
