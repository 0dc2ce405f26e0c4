using Coaching.Domain.Organisation;
using Coaching.Web.Features.Summaries;
using Coaching.Web.Infrastructure;
using PaperSize = Coaching.Web.Pdf.PaperSize;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using UglyToad.PdfPig;

namespace Coaching.Tests.Summaries;

/// <summary>
/// The weekly batch at the hardware's pace: a chunk of people composed together and rendered in parallel tells each
/// person exactly what they would be told alone, and one SMTP connection carries a whole batch of several chunks.
/// </summary>
public class BatchedSummariesTests(SummariesApp app) : IClassFixture<SummariesApp>
{
    static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    static byte[] Attachment(MimeMessage message)
    {
        using var bytes = new MemoryStream();
        Assert.IsType<MimePart>(Assert.Single(message.Attachments)).Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public async Task Composed_in_one_chunk_and_rendered_in_parallel_everyone_gets_the_summary_composed_for_them_alone()
    {
        var week = SummariesApp.WeeksAgo(1);
        // Two people with words of their own in the week, so a mix-up between people in the chunk shows in the text.
        var zoe = await app.EmployeeIdAsync("zoe.lukasiewicz@demo.local");
        var ana = await app.EmployeeIdAsync("ana.ruiz@demo.local");
        await app.ObserveAsync(zoe, week, nextSteps: "Count the float twice before opening");
        await app.ObserveAsync(ana, week, nextSteps: "Greet every customer within ten seconds");
        var people = await app.WithDbAsync(db => db.Employees.Where(e => e.IsActive && e.Email != null).OrderBy(e => e.Id)
            .Select(e => new SummaryRecipientRow(0, e.Id, week, e.IsActive, e.Email, 0)).ToListAsync());
        using var scope = app.Services.CreateScope();
        var sources = scope.ServiceProvider.GetRequiredService<SummarySources>();
        var organisation = scope.ServiceProvider.GetRequiredService<IOptions<OrganisationOptions>>().Value.Name;

        var chunk = await scope.ServiceProvider.GetRequiredService<SummaryMessages>().PrepareAsync(people, preview: false, default);

        var texts = new Dictionary<int, string>();
        foreach (var outgoing in chunk.Where(o => o.Message is not null))
        {
            var alone = await sources.ComposeAsync(outgoing.To.EmployeeId, week, default);
            var text = Text(Attachment(outgoing.Message!));
            Assert.Equal(Text(SummaryPdf.Render(alone!, organisation, PaperSize.A4, DateTime.UtcNow)), text);
            texts[outgoing.To.EmployeeId] = text;
        }
        Assert.True(texts.Count >= 20, $"Only {texts.Count} of {people.Count} people had a summary to compare");
        Assert.Contains("Count the float twice before opening", texts[zoe]);
        Assert.DoesNotContain("Greet every customer within ten seconds", texts[zoe]);
        Assert.Contains("Greet every customer within ten seconds", texts[ana]);
        Assert.DoesNotContain("Count the float twice before opening", texts[ana]);
        // The demo's plans and sign-offs are in the chunk too, so those parts were compared as well.
        Assert.Contains(texts.Values, t => t.Contains("Your development plan"));
        Assert.Contains(texts.Values, t => t.Contains("Proof of skill"));
    }

    [Fact]
    public async Task One_smtp_connection_carries_a_batch_of_several_chunks_each_summary_once()
    {
        var week = SummariesApp.WeeksAgo(2);
        // The demo's 34 people and 90 more: the batch is claimed, composed and rendered in several chunks.
        await app.WithDbAsync(async db =>
        {
            var team = await db.Teams.Select(t => t.Id).FirstAsync();
            var role = await db.JobRoles.Select(r => r.Id).FirstAsync();
            for (var i = 0; i < 90; i++)
                db.Employees.Add(new Employee { FirstName = "Batch", LastName = $"Person {i}", Email = $"batch.person{i}@demo.local", TeamId = team, JobRoleId = role,
                    HireDate = new DateOnly(2024, 1, 1) });
            await db.SaveChangesAsync();
        });
        var sessionsBefore = app.Smtp.Sessions();

        var counts = await app.RunAsync(new(week));

        Assert.True(counts.Sent >= 120, $"{counts.Sent} sent");
        Assert.Equal(0, counts.Failed);
        Assert.Equal(1, app.Smtp.Sessions() - sessionsBefore);
        var received = app.Smtp.Messages().Where(m => (m.Subject ?? "").Contains(week.ToString())).ToList();
        Assert.Equal(counts.Sent, received.Count);
        Assert.Equal(received.Count, received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
    }
}
