using System.Text;
using SkiaSharp;

namespace Coaching.Web.Pdf;

/// <summary>Plain text that wraps at the column width and flows onto further pages line by line; never clipped, never interpreted.</summary>
public sealed class TextBlock(string text, TextStyle? style = null, float indent = 0, float spaceAfter = 6) : IPdfComponent
{
    public TextStyle Style { get; } = style ?? new TextStyle();

    public void Layout(PdfLayout layout)
    {
        using var font = Style.Font();
        foreach (var line in Wrap(text, font, layout.Width - indent))
        {
            layout.EnsureSpace(Style.LineHeight);
            var x = layout.Left + indent;
            var baseline = Style.Size; // first baseline one size below the cursor
            var style = Style;
            layout.Draw((canvas, y) =>
            {
                using var f = style.Font();
                using var p = style.Paint();
                canvas.DrawText(line, x, y + baseline, SKTextAlign.Left, f, p);
            });
            layout.Advance(Style.LineHeight);
        }
        layout.Advance(spaceAfter);
    }

    /// <summary>Greedy word wrap; a word wider than the column is broken between characters.</summary>
    public static IReadOnlyList<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in Clean(text).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width) { line.Clear().Append(candidate); continue; }
                if (line.Length > 0) { lines.Add(line.ToString()); line.Clear(); }
                var rest = word;
                while (font.MeasureText(rest) > width)
                {
                    var fit = 1;
                    while (fit < rest.Length && font.MeasureText(rest[..(fit + 1)]) <= width) fit++;
                    lines.Add(rest[..fit]);
                    rest = rest[fit..];
                }
                line.Append(rest);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>Tabs become spaces and other control characters go: user text is laid out, never acted on.</summary>
    static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n'))
            sb.Append(c == '\t' ? ' ' : c == '\n' || !char.IsControl(c) ? c : ' ');
        return sb.ToString();
    }
}

/// <summary>A section title that stays with the start of what follows it.</summary>
public sealed class Heading(string text, float size = 13f) : IPdfComponent
{
    public void Layout(PdfLayout layout)
    {
        var style = new TextStyle(size, Bold: true, Color: TextStyle.Accent);
        layout.Advance(layout.AtTopOfPage ? 0 : 6);
        layout.EnsureSpace(style.LineHeight + 3 * 14f); // keep with the next few lines
        new TextBlock(text, style, spaceAfter: 3).Layout(layout);
    }
}
