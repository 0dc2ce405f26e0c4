using System.Diagnostics;
using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Features.Summaries;
using Coaching.Web.Pdf;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;
using static Coaching.Domain.Summaries.SummarySource;

namespace Coaching.Tests.Summaries;

/// <summary>The PDF read back with PdfPig: what an employee would read, on as many pages as it takes.</summary>
public class SummaryPdfTests
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    static readonly Guid Till = Guid.NewGuid(), Greeting = Guid.NewGuid(), Refunds = Guid.NewGuid(), Returns = Guid.NewGuid();
    static readonly Dictionary<int, string> Levels = new() { [1] = "Beginning", [2] = "Developing", [3] = "Proficient", [4] = "Expert" };

    static WeeklySummary Summary(string name, string wentWell, string? context = "Morning peak") => SummaryComposition.Compose(new SummarySource(
        name, "Cashier", [new(Till, "Till accuracy", 3), new(Greeting, "Greeting customers", 3)],
        [new("Maya Okafor", new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc), context, wentWell, "Use the checklist on every transaction.",
            [new RatingRecord(Till, "Till accuracy", 2)])],
        [new("Shadow a senior colleague", new DateOnly(2026, 11, 10), false, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc))], Levels),
        new IsoWeek(2026, 47), London);

    /// <summary>The text as pdftotext (poppler-utils) reads it, which is what most people's "copy text" gives.</summary>
    internal static string PdfToText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"summary-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("pdftotext did not start: run scripts/install-test-deps.sh (poppler-utils)");
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally { File.Delete(file); }
    }

    /// <summary>The words of extracted text; the bidi marks pdftotext puts around right-to-left runs separate words.</summary>
    static string[] Words(string text) => text.Split([' ', '\n', '\f', '"', '\u202A', '\u202B', '\u202C'], StringSplitOptions.RemoveEmptyEntries);

    static string Text(byte[] pdf, out int pages)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        pages = doc.NumberOfPages;
        return string.Join("\n", doc.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Theory]
    [InlineData("Zoë Łukasiewicz")]
    [InlineData("José Núñez")]
    public void Names_with_accents_render_as_text(string name)
    {
        var pdf = SummaryPdf.Render(Summary(name, "Calm with a long queue."), "Northwind Retail & Care", PaperSize.A4, DateTime.UtcNow);
        var text = Text(pdf, out var pages);
        Assert.Contains(name, text);
        Assert.Contains("2026-W47", text);
        Assert.Contains("Till accuracy", text);
        Assert.Contains("Calm with a long queue.", text);
        Assert.Contains("(overdue)", text);
        Assert.Contains("Greeting customers", text); // never observed: listed
        Assert.Contains("Page 1 of 1", text);
        Assert.Equal(1, pages);
        Assert.True(pdf.Length < 100_000, $"The PDF is {pdf.Length:N0} bytes");
    }

    [Fact]
    public void A_4000_character_note_wraps_and_flows_onto_further_pages_without_losing_a_word()
    {
        var words = Enumerable.Range(0, 800).Select(i => $"w{i:D3}").ToList(); // 800 × 5 = 4,000 characters
        var note = string.Join(" ", words);
        Assert.Equal(3999, note.Length);
        // Four of them (went well, and in the context and next steps too) push well past one page.
        var summary = Summary("Ana Ruiz", note) with { NextSteps = [new(note, DateTime.Now, "Maya Okafor"), new(note, DateTime.Now, "Maya Okafor")] };
        var pdf = SummaryPdf.Render(summary, "Org", PaperSize.Letter, DateTime.UtcNow);
        var text = Text(pdf, out var pages);
        Assert.True(pages >= 3, $"expected the notes to flow over several pages, got {pages}");
        Assert.Contains($"Page {pages} of {pages}", text);
        var found = text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Assert.All(words, w => Assert.Contains(w, found));
        Assert.True(pdf.Length < 100_000, $"The PDF is {pdf.Length:N0} bytes");
    }

    [Fact]
    public void User_text_is_laid_out_as_text_never_interpreted()
    {
        const string hostile = "<script>alert(1)</script> %PDF-1.7 /JavaScript (x) \u0007 endobj";
        var text = Text(SummaryPdf.Render(Summary("Ana Ruiz", hostile), "Org", PaperSize.A4, DateTime.UtcNow), out _);
        Assert.Contains("<script>alert(1)</script>", text);
        Assert.Contains("/JavaScript", text);
    }

    [Fact]
    public void An_unbroken_word_wider_than_the_page_is_broken_not_clipped()
    {
        var longWord = new string('x', 600);
        var text = Text(SummaryPdf.Render(Summary("Ana Ruiz", longWord), "Org", PaperSize.A4, DateTime.UtcNow), out _);
        Assert.Equal(600, text.Split([' ', '\n']).Where(w => w.Length > 0 && w.All(c => c == 'x')).Sum(w => w.Length));
    }

    /// <summary>Each script, and whether PdfPig reads it too: PdfPig takes glyphs in drawing order and ignores the
    /// PDF's ActualText, so right-to-left runs come out mirrored and Devanagari clusters (reordered vowel signs) lose
    /// letters there; pdftotext reads them all.</summary>
    public static TheoryData<string, string, bool> Scripts => new()
    {
        { "Greek", "Καλημέρα Αθηνά", true },
        { "Cyrillic", "Здравствуйте Ольга", true },
        { "Arabic", "مرحبا بك", false },
        { "Hebrew", "שלום עולם", false },
        { "Devanagari", "नमस्ते दुनिया", false },
        { "Chinese", "你好 世界", true },
        { "Japanese", "こんにちは 東京", true },
        { "Korean", "안녕하세요 서울", true },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_script_in_a_note_and_a_name_prints_and_copies_as_its_words(string script, string words, bool pdfPigReadsIt)
    {
        var name = words.Split(' ')[^1];
        var pdf = SummaryPdf.Render(Summary(name, $"Said \"{words}\" to a {script}-speaking customer."), "Org", PaperSize.A4, DateTime.UtcNow);

        var copied = Words(PdfToText(pdf));
        Assert.All(words.Split(' '), w => Assert.Contains(w, copied));
        Assert.Contains($"{script}-speaking", copied);
        Assert.DoesNotContain("\uFFFD", string.Concat(copied));
        if (pdfPigReadsIt)
        {
            var read = Words(Text(pdf, out _));
            Assert.All(words.Split(' '), w => Assert.Contains(w, read));
        }
    }

    [Theory]
    [InlineData("Said \"مرحبا بك\" to an Arabic-speaking customer.")]
    [InlineData("Wrote \"שלום עולם\" on the board for a Hebrew-speaking customer.")]
    public void Right_to_left_words_in_a_Latin_line_copy_in_reading_order(string note)
    {
        var text = PdfToText(SummaryPdf.Render(Summary("Ana Ruiz", note), "Org", PaperSize.A4, DateTime.UtcNow));
        // The right-to-left run is drawn in visual order (its first word rightmost); pdftotext puts it back into
        // reading order, so the whole line copies as written.
        var line = text.Split('\n').Single(l => l.Contains(note[..4]));
        // (pdftotext moves the closing quote to the other side of the run: the quotes are left out of the comparison.)
        Assert.Equal(Words(note), Words(line));
    }

    [Fact]
    public void Numbers_inside_right_to_left_text_keep_their_digits_in_order()
    {
        var text = PdfToText(SummaryPdf.Render(Summary("Ana Ruiz", "Wrote \"שלום עולם 2026\" on the board."), "Org", PaperSize.A4, DateTime.UtcNow));
        // pdftotext places a number at the edge of a right-to-left run in its own way ("Wrote "2026 "שלום עולםon");
        // what matters is that the words and the number are there, whole.
        var words = Words(text.Replace("\"", " "));
        Assert.Contains("שלום", words);
        Assert.Contains("2026", words);
        Assert.Contains(words, w => w.StartsWith("עולם"));
    }

    [Fact]
    public void A_right_to_left_note_reads_from_the_right()
    {
        const string note = "عمل رائع مع كل زبون اليوم"; // "great work with every customer today"
        var pdf = SummaryPdf.Render(Summary("Ana Ruiz", note), "Org", PaperSize.A4, DateTime.UtcNow);

        Assert.Contains(note, PdfToText(pdf));
        // Aligned to the right margin, as an Arabic reader expects.
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var page = doc.GetPage(1);
        var arabic = page.Letters.Where(l => l.Value.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFEFF')).ToList(); // letters and their presentation forms
        Assert.NotEmpty(arabic);
        Assert.InRange(arabic.Max(l => l.BoundingBox.Right), page.Width - PdfLayout.Margin - 2, page.Width - PdfLayout.Margin + 0.5);
    }

    [Fact]
    public void Words_copy_whole_with_even_spacing()
    {
        var summary = Summary("Maya Okafor", "Proficient at greeting; Beginning with refunds.");
        var pdf = SummaryPdf.Render(summary, "Org", PaperSize.A4, DateTime.UtcNow);
        foreach (var text in new[] { Text(pdf, out _), PdfToText(pdf) })
        {
            var words = Words(text);
            Assert.Contains("Proficient", words);
            Assert.Contains("Beginning", words);
            Assert.Contains("Maya Okafor", string.Join(" ", words));
        }
    }

    [Fact]
    public void A_character_no_font_has_prints_a_visible_placeholder_and_is_logged()
    {
        var log = new ListLogger();
        var pdf = SummaryPdf.Render(Summary("Ana Ruiz", "Great smile 😀 with every customer."), "Org", PaperSize.A4, DateTime.UtcNow, log);
        var words = Words(PdfToText(pdf));
        Assert.Contains("smile", words);
        Assert.Contains("\uFFFD", words);
        Assert.Contains("customer.", words);
        var warning = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("U+1F600", warning.Message);
    }

    [Fact]
    public void Pdfs_embed_font_subsets_so_they_stay_small()
    {
        var latin = SummaryPdf.Render(Summary("Ana Ruiz", "Calm with a long queue."), "Org", PaperSize.A4, DateTime.UtcNow);
        var all = SummaryPdf.Render(Summary("Ана Руиз", string.Join(" ", Scripts.Select(s => (string)s[1]))), "Org", PaperSize.A4, DateTime.UtcNow);
        Console.WriteLine($"PDF sizes: Latin only {latin.Length:N0} bytes, all scripts {all.Length:N0} bytes");
        Assert.True(latin.Length < 40_000, $"The Latin-only PDF is {latin.Length:N0} bytes");
        Assert.True(all.Length < 120_000, $"The all-scripts PDF is {all.Length:N0} bytes");
    }

    [Fact]
    public void Headline_chart_and_table_tell_the_same_week()
    {
        var week = new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc);
        var before = new DateTime(2026, 11, 4, 9, 0, 0, DateTimeKind.Utc);
        static RatingRecord R(Guid key, string name, int level) => new(key, name, level);
        var summary = SummaryComposition.Compose(new SummarySource("Ana Ruiz", "Cashier",
            [new(Greeting, "Greeting", 3), new(Refunds, "Refunds", 3), new(Till, "Till accuracy", 3), new(Returns, "Returns", 2)],
            [
                new("Maya Okafor", before, null, null, null, [R(Greeting, "Greeting", 1), R(Refunds, "Refunds", 1), R(Till, "Till accuracy", 3), R(Returns, "Returns", 1)]),
                // Returns went up two weeks ago and was not seen this week: that is not this week's news.
                new("Maya Okafor", before.AddDays(1), null, null, null, [R(Returns, "Returns", 2)]),
                new("Maya Okafor", week, null, "Warm greeting.", null, [R(Greeting, "Greeting", 2), R(Refunds, "Refunds", 3), R(Till, "Till accuracy", 2)]),
            ], [], Levels), new IsoWeek(2026, 47), London);

        var pdfBytes = SummaryPdf.Render(summary, "Org", PaperSize.A4, DateTime.UtcNow);
        var text = Text(pdfBytes, out _);

        const string headline = "This week: 2 skills up (Greeting +1, Refunds +2), 1 down (Till accuracy \u22121).";
        Assert.Equal(headline, summary.Headline);
        Assert.Contains(headline, text);
        Assert.Contains("Proficient, +2 this week", text); // chart: Refunds
        Assert.Contains("Developing, +1 this week", text); // chart: Greeting
        Assert.Contains("Developing, \u22121 this week", text); // chart: Till accuracy
        Assert.Contains("Developing, seen before this week", text); // chart: Returns, no change shown
        Assert.Contains("Refunds Beginning Proficient +2", text); // table row
        Assert.Contains("Till accuracy Proficient Developing \u22121", text);
        Assert.DoesNotContain("Returns Beginning", text);
        Assert.Contains("Beginning Developing Proficient Expert", text); // the level scale
        foreach (var legend in new[] { "At or above the level your role asks for", "Below it", "Level your role asks for" }) Assert.Contains(legend, text);
        Assert.DoesNotContain("moved up a level", text);
    }

    sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
