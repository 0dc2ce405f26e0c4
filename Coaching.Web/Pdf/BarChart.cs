using SkiaSharp;

namespace Coaching.Web.Pdf;

/// <summary>
/// Horizontal bars of a level against the level asked for, one row per item, over a named level scale, with a legend
/// naming every colour and mark used.
/// </summary>
public sealed class BarChart(IReadOnlyList<BarChart.Bar> bars, IReadOnlyList<string> scale, BarChart.Legend legend) : IPdfComponent
{
    /// <summary>One row: a label, the value (null: none yet), the target (null: none) and a note after the bar.</summary>
    public sealed record Bar(string Label, int? Value, int? Target, string Note);

    /// <summary>What the colours and the mark mean, in the reader's words.</summary>
    public sealed record Legend(string AtTarget, string BelowTarget, string Target);

    public static readonly SKColor AtTargetColor = new(0x2f, 0x85, 0xb8);
    public static readonly SKColor BelowTargetColor = new(0xe0, 0x8a, 0x1e);
    static readonly SKColor Track = new(0xee, 0xf1, 0xf4);
    const float RowHeight = 20f;

    int Max => scale.Count;

    public void Layout(PdfLayout layout)
    {
        if (bars.Count == 0 || Max <= 0) return;
        var labelWidth = layout.Width * 0.26f;
        var noteWidth = layout.Width * 0.30f;
        var chartX = layout.Left + labelWidth;
        var chartWidth = layout.Width - labelWidth - noteWidth - 8;
        layout.EnsureSpace(RowHeight * Math.Min(3, bars.Count) + 18 + 16);
        DrawLegend(layout);
        DrawScale(layout, chartX, chartWidth);
        foreach (var bar in bars)
        {
            layout.EnsureSpace(RowHeight);
            var label = layout.Fonts.Shape(TextBlock.Fit(layout.Fonts, bar.Label, Typography.ChartLabel, labelWidth - 6), Typography.ChartLabel);
            var note = layout.Fonts.Shape(TextBlock.Fit(layout.Fonts, bar.Note, Typography.ChartNote, noteWidth), Typography.ChartNote);
            var x = layout.Left;
            layout.Draw((canvas, y) =>
            {
                label.DrawIn(canvas, x, labelWidth - 6, y + 13);
                using var track = new SKPaint { Color = Track, IsAntialias = true };
                canvas.DrawRoundRect(chartX, y + 4, chartWidth, 11, 2, 2, track);
                using var grid = new SKPaint { Color = SKColors.White, StrokeWidth = 1f };
                for (var level = 1; level < Max; level++) canvas.DrawLine(chartX + chartWidth * level / Max, y + 4, chartX + chartWidth * level / Max, y + 15, grid);
                if (bar.Value is { } v && v > 0)
                {
                    var below = bar.Target is { } t && v < t;
                    using var fill = new SKPaint { Color = below ? BelowTargetColor : AtTargetColor, IsAntialias = true };
                    canvas.DrawRoundRect(chartX, y + 4, chartWidth * Math.Min(v, Max) / Max, 11, 2, 2, fill);
                }
                if (bar.Target is { } target)
                {
                    var tx = chartX + chartWidth * Math.Min(target, Max) / Max;
                    using var marker = new SKPaint { Color = Typography.Ink, StrokeWidth = 2f, IsAntialias = true };
                    canvas.DrawLine(tx, y + 1, tx, y + 18, marker);
                }
                note.Draw(canvas, chartX + chartWidth + 8, y + 13);
            });
            layout.Advance(RowHeight);
        }
        layout.Advance(8);
    }

    /// <summary>The level names over the bars, each at the end of its step: a bar that reaches "Proficient" stops under it.</summary>
    void DrawScale(PdfLayout layout, float chartX, float chartWidth)
    {
        var step = chartWidth / Max;
        var names = scale.Select(name => layout.Fonts.Shape(TextBlock.Fit(layout.Fonts, name, Typography.ChartScale, step - 2), Typography.ChartScale)).ToList();
        layout.Draw((canvas, y) =>
        {
            using var tick = new SKPaint { Color = Typography.Muted, StrokeWidth = 0.6f };
            for (var i = 0; i < names.Count; i++)
            {
                var end = chartX + step * (i + 1);
                names[i].Draw(canvas, end - names[i].Width, y + 9);
                canvas.DrawLine(end, y + 11, end, y + 15, tick);
            }
        });
        layout.Advance(16);
    }

    void DrawLegend(PdfLayout layout)
    {
        var style = Typography.ChartNote;
        var items = new (SKColor? Fill, ShapedLine Text)[]
        {
            (AtTargetColor, layout.Fonts.Shape(legend.AtTarget, style)),
            (BelowTargetColor, layout.Fonts.Shape(legend.BelowTarget, style)),
            (null, layout.Fonts.Shape(legend.Target, style)),
        };
        var x0 = layout.Left;
        layout.Draw((canvas, y) =>
        {
            var x = x0;
            foreach (var (fill, text) in items)
            {
                if (fill is { } color)
                {
                    using var paint = new SKPaint { Color = color, IsAntialias = true };
                    canvas.DrawRect(x, y + 3, 14, 8, paint);
                }
                else
                {
                    using var marker = new SKPaint { Color = Typography.Ink, StrokeWidth = 2f };
                    canvas.DrawLine(x + 7, y + 1, x + 7, y + 12, marker);
                }
                text.Draw(canvas, x + 18, y + 10);
                x += 18 + text.Width + 14;
            }
        });
        layout.Advance(18);
    }
}
