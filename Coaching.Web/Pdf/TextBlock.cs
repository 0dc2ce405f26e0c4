using System.Globalization;
using System.Text;

namespace Coaching.Web.Pdf;

/// <summary>Plain text that wraps at the column width and flows onto further pages line by line; never clipped, never interpreted.</summary>
public sealed class TextBlock(string text, TextStyle style, float indent = 0, float spaceAfter = 6) : IPdfComponent
{
    public void Layout(PdfLayout layout)
    {
        var width = layout.Width - indent;
        foreach (var line in Wrap(layout.Fonts, text, style, width))
        {
            layout.EnsureSpace(style.LineHeight);
            var shaped = layout.Fonts.Shape(line, style);
            var x = layout.Left + indent;
            layout.Draw((canvas, y) => shaped.DrawIn(canvas, x, width, y + style.Size)); // first baseline one size below the cursor
            layout.Advance(style.LineHeight);
        }
        layout.Advance(spaceAfter);
    }

    /// <summary>Greedy word wrap on shaped widths; a word wider than the column is broken between characters (whole graphemes).</summary>
    public static IReadOnlyList<string> Wrap(DocumentFonts fonts, string text, TextStyle style, float width)
    {
        var lines = new List<string>();
        var space = fonts.Measure(" ", style);
        foreach (var paragraph in Clean(text).Split('\n'))
        {
            var line = new StringBuilder();
            var lineWidth = 0f;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = fonts.Measure(word, style);
                var candidate = line.Length == 0 ? wordWidth : lineWidth + space + wordWidth;
                if (candidate <= width)
                {
                    if (line.Length > 0) line.Append(' ');
                    line.Append(word);
                    lineWidth = candidate;
                    continue;
                }
                if (line.Length > 0) { lines.Add(line.ToString()); line.Clear(); lineWidth = 0; }
                var rest = word;
                while (wordWidth > width)
                {
                    var (head, tail) = Break(fonts, rest, style, width);
                    lines.Add(head);
                    rest = tail;
                    wordWidth = fonts.Measure(rest, style);
                }
                line.Append(rest);
                lineWidth = wordWidth;
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>As much of a too-long word as fits (at least one grapheme), and the rest.</summary>
    static (string Head, string Tail) Break(DocumentFonts fonts, string word, TextStyle style, float width)
    {
        var used = 0f;
        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var w = fonts.Measure(element, style);
            if (cut > 0 && used + w > width) break;
            used += w;
            cut = elements.ElementIndex + element.Length;
        }
        return (word[..cut], word[cut..]);
    }

    /// <summary>Tabs become spaces and other control characters go: user text is laid out, never acted on.</summary>
    static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n'))
            sb.Append(c == '\t' ? ' ' : c == '\n' || !char.IsControl(c) ? c : ' ');
        return sb.ToString();
    }

    /// <summary>One line of text shortened with an ellipsis to fit <paramref name="width"/> (chart labels).</summary>
    public static string Fit(DocumentFonts fonts, string text, TextStyle style, float width)
    {
        var line = Clean(text).Replace('\n', ' ');
        if (fonts.Measure(line, style) <= width) return line;
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(line);
        while (e.MoveNext() && elements.Count < 300) elements.Add(e.GetTextElement()); // a label never needs more
        while (elements.Count > 1 && fonts.Measure(string.Concat(elements) + "…", style) > width) elements.RemoveAt(elements.Count - 1);
        return string.Concat(elements).TrimEnd() + "…";
    }
}

/// <summary>A section title that stays with the start of what follows it.</summary>
public sealed class Heading(string text) : IPdfComponent
{
    public void Layout(PdfLayout layout)
    {
        var style = Typography.Heading;
        layout.Advance(layout.AtTopOfPage ? 0 : 6);
        layout.EnsureSpace(style.LineHeight + 3 * 14f); // keep with the next few lines
        new TextBlock(text, style, spaceAfter: 3).Layout(layout);
    }
}
