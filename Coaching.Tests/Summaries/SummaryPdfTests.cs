using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Features.Summaries;
using Coaching.Web.Pdf;
using UglyToad.PdfPig;
using static Coaching.Domain.Summaries.SummarySource;

namespace Coaching.Tests.Summaries;

/// <summary>The PDF read back with PdfPig: what an employee would read, on as many pages as it takes.</summary>
public class SummaryPdfTests
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    static readonly Guid Till = Guid.NewGuid(), Greeting = Guid.NewGuid();

    static WeeklySummary Summary(string name, string wentWell, string? context = "Morning peak") => SummaryComposition.Compose(new SummarySource(
        name, "Cashier", [new(Till, "Till accuracy", 3), new(Greeting, "Greeting customers", 3)],
        [new("Maya Okafor", new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc), context, wentWell, "Use the checklist on every transaction.",
            [new RatingRecord(Till, "Till accuracy", 2)])],
        [new("Shadow a senior colleague", new DateOnly(2026, 11, 10), false, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc))]),
        new IsoWeek(2026, 47), London);

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
}
