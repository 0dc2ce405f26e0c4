using SkiaSharp;

namespace Coaching.Web.Pdf;

/// <summary>How a run of text looks: size, weight, colour and line height.</summary>
public sealed record TextStyle(float Size = 10f, bool Bold = false, SKColor? Color = null, float LineSpacing = 1.3f)
{
    public SKColor Ink => Color ?? Typography.Ink;
    public float LineHeight => Size * LineSpacing;
}

/// <summary>Every font size and colour of the documents, in one place (as QuestPDF's Typography).</summary>
public static class Typography
{
    public static readonly SKColor Ink = new(0x21, 0x25, 0x29);
    public static readonly SKColor Muted = new(0x6c, 0x75, 0x7d);
    public static readonly SKColor Accent = new(0x0b, 0x5e, 0x8a);
    public static readonly SKColor Rule = new(0xde, 0xe2, 0xe6);

    public static readonly TextStyle Title = new(20f, Bold: true);
    public static readonly TextStyle Subtitle = new(10.5f, Color: Muted);
    public static readonly TextStyle Headline = new(12f, Bold: true, Color: Accent);
    public static readonly TextStyle Lead = new(11f);
    public static readonly TextStyle Heading = new(13f, Bold: true, Color: Accent);
    public static readonly TextStyle Body = new(10.5f);
    public static readonly TextStyle BodySmall = new(10f);
    public static readonly TextStyle NoteMeta = new(8.5f, Color: Muted);
    public static readonly TextStyle PageFrame = new(8f, Color: Muted);
    public static readonly TextStyle TableCell = new(9.5f, LineSpacing: 1.25f);
    public static readonly TextStyle TableHeader = new(9.5f, Bold: true, Color: Muted, LineSpacing: 1.25f);
    public static readonly TextStyle ChartLabel = new(9f);
    public static readonly TextStyle ChartNote = new(8f, Color: Muted);
    public static readonly TextStyle ChartScale = new(7f, Color: Muted);
}
