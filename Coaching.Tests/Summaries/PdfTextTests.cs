using Coaching.Web.Pdf;

namespace Coaching.Tests.Summaries;

/// <summary>The small bidi algorithm and the font fallback behind the PDF text, without drawing a page.</summary>
public class PdfTextTests
{
    [Fact]
    public void Right_to_left_words_in_a_left_to_right_line_get_an_odd_level_and_the_spaces_between_them_too()
    {
        const string text = "Said שלום עולם to me";
        var levels = Bidi.Levels(text, Bidi.IsRightToLeft(text));
        Assert.Equal("00000111111111000000", string.Concat(levels));
    }

    [Fact]
    public void Digits_inside_right_to_left_text_stay_left_to_right_inside_it()
    {
        const string text = "a שלום 2026 עולם b";
        Assert.Equal("001111122221111100", string.Concat(Bidi.Levels(text, false)));
    }

    [Fact]
    public void Runs_are_reversed_from_the_highest_level_down()
    {
        // Latin, Hebrew, number, Hebrew, Latin: the Hebrew stretch (with its number) is reversed as a whole, the number inside it is not.
        Assert.Equal([0, 4, 3, 2, 1, 5], Bidi.VisualOrder([0, 1, 1, 2, 1, 0]));
    }

    [Fact]
    public void A_paragraph_that_starts_in_Arabic_reads_from_the_right()
    {
        Assert.True(Bidi.IsRightToLeft("  «مرحبا» Ana"));
        Assert.False(Bidi.IsRightToLeft("2026 Ana مرحبا"));
    }

    [Fact]
    public void Each_script_finds_a_font_and_an_unknown_character_becomes_the_placeholder()
    {
        var missing = new List<int>();
        var (text, fonts) = PdfFonts.Itemize("Zoë Ολγα Ольга مرحبا שלום नमस्ते 你好 こんにちは 안녕 😀", PdfFonts.Chain(isBold: false), missing);

        Assert.Equal([0x1F600], missing);
        Assert.EndsWith("\uFFFD", text);
        string FontOf(string word) => fonts[text.IndexOf(word, StringComparison.Ordinal)].File;
        Assert.Equal("DejaVuSans.ttf", FontOf("Zoë"));
        Assert.Equal("DejaVuSans.ttf", FontOf("Ολγα"));
        Assert.Equal("DejaVuSans.ttf", FontOf("Ольга"));
        Assert.Equal("NotoSansArabic-Regular.ttf", FontOf("مرحبا"));
        Assert.Equal("NotoSansHebrew-Regular.ttf", FontOf("שלום"));
        Assert.Equal("NotoSansDevanagari-Regular.ttf", FontOf("नमस्ते"));
        Assert.Equal("DroidSansFallback-CJK.ttf", FontOf("你好"));
        Assert.Equal("DroidSansFallback-CJK.ttf", FontOf("こんにちは"));
        Assert.Equal("NotoSansKR-Hangul.otf", FontOf("안녕"));
        // The space after an Arabic word stays in the Arabic run, so shaping is not cut mid-line.
        Assert.Equal("NotoSansArabic-Regular.ttf", fonts[text.IndexOf("مرحبا", StringComparison.Ordinal) + 5].File);
    }
}
