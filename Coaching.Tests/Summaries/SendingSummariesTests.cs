using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Features.Summaries;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using UglyToad.PdfPig;

namespace Coaching.Tests.Summaries;

/// <summary>Weekly summaries sent through a real SMTP server: what arrives, and that nobody gets a week twice whatever goes wrong.</summary>
public class SendingSummariesTests(SummariesApp app) : IClassFixture<SummariesApp>
{
    IReadOnlyList<MimeMessage> Received(IsoWeek week) => app.Smtp.Messages().Where(m => (m.Subject ?? "").Contains(week.ToString())).ToList();

    static void AssertNoDuplicates(IReadOnlyList<MimeMessage> messages)
    {
        var duplicates = messages.GroupBy(m => m.To.Mailboxes.Single().Address).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Sent twice: " + string.Join(", ", duplicates));
    }

    Task<List<SummaryDelivery>> Deliveries(IsoWeek week) =>
        app.WithDbAsync(db => db.SummaryDeliveries.AsNoTracking().Where(d => d.Week == week.ToString()).ToListAsync());

    [Fact]
    public async Task A_sent_summary_arrives_with_the_pdf_holding_name_week_and_skills_observed()
    {
        var week = SummariesApp.WeeksAgo(12);
        var zoe = await app.EmployeeIdAsync("zoe.lukasiewicz@demo.local");
        var skills = await app.ObserveAsync(zoe, week, nextSteps: "Try <script>alert('x')</script> & \"quote\" the price");

        var counts = await app.RunAsync(new(week, zoe));

        Assert.Equal(1, counts.Sent);
        var message = Assert.Single(Received(week));
        Assert.Equal("zoe.lukasiewicz@demo.local", message.To.Mailboxes.Single().Address);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal($"development-summary-{week}.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var pdfBytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdfBytes);
        Assert.True(pdfBytes.Length < 100_000, $"PDF is {pdfBytes.Length:N0} bytes");
        using var pdf = PdfDocument.Open(pdfBytes.ToArray());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Zoë Łukasiewicz", text);
        Assert.Contains(week.ToString(), text);
        Assert.All(skills, s => Assert.Contains(s, text));

        // The HTML body escapes user text; the plain-text alternative carries it as typed; the portal link is there.
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quote&quot;", message.HtmlBody);
        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.Contains("<script>alert('x')</script>", message.TextBody);
        Assert.Contains($"/MySummary?week={week}", message.TextBody);

        var row = Assert.Single(await Deliveries(week), d => d.EmployeeId == zoe);
        Assert.Equal((DeliveryStatus.Sent, 1), (row.Status, row.Attempts));
        Assert.NotNull(row.SentAtUtc);
    }

    [Fact]
    public async Task Running_the_batch_twice_sends_nothing_new()
    {
        var week = SummariesApp.WeeksAgo(13);
        var first = await app.RunAsync(new(week));
        var afterFirst = Received(week).Count;
        var second = await app.RunAsync(new(week, Manual: true));

        Assert.True(first.Sent > 0, "The demo organisation should have summaries to send");
        Assert.Equal(first.Sent, afterFirst);
        Assert.Equal(afterFirst, Received(week).Count);
        Assert.Equal(first, second);
        Assert.Equal(0, first.Pending);
        AssertNoDuplicates(Received(week));
    }

    [Fact]
    public async Task Refused_recipients_fail_with_the_error_and_are_sent_by_the_retry()
    {
        var week = SummariesApp.WeeksAgo(14);
        app.Smtp.Refuse("ana.ruiz@demo.local", "jose.nunez@demo.local");
        DeliveryCounts counts;
        try { counts = await app.RunAsync(new(week)); }
        finally { app.Smtp.Refuse(); }

        Assert.Equal(2, counts.Failed);
        var failed = (await Deliveries(week)).Where(d => d.Status == DeliveryStatus.Failed).ToList();
        Assert.All(failed, d => Assert.Contains("Recipient address rejected", d.LastError));
        Assert.All(failed, d => Assert.Null(d.NextAttemptAtUtc)); // 550 is permanent: no automatic retry, a person retries
        Assert.Equal(counts.Sent, Received(week).Count); // the batch went on after the refusals

        var retried = await app.RunAsync(new(week, Manual: true)); // "Retry failed"
        Assert.Equal(0, retried.Failed);
        Assert.Equal(counts.Sent + 2, retried.Sent);
        Assert.Contains(Received(week), m => m.To.Mailboxes.Single().Address == "jose.nunez@demo.local");
        AssertNoDuplicates(Received(week));
        Assert.All((await Deliveries(week)).Where(d => d.Status == DeliveryStatus.Sent && d.Attempts == 2), d => Assert.Null(d.LastError));
    }

    [Fact]
    public async Task With_the_server_down_deliveries_fail_and_the_scheduled_retry_sends_them_once_it_is_due()
    {
        var week = SummariesApp.WeeksAgo(15);
        var ana = await app.EmployeeIdAsync("ana.ruiz@demo.local");
        await app.ObserveAsync(ana, week);
        app.Smtp.Stop();
        DeliveryCounts down;
        try { down = await app.RunAsync(new(week, ana)); }
        finally { app.Smtp.Start(); }
        Assert.Equal(1, down.Failed);
        var row = Assert.Single(await Deliveries(week));
        Assert.False(string.IsNullOrWhiteSpace(row.LastError));

        // Not due yet: the scheduled retry (no week, not manual) leaves it alone.
        await app.RunAsync(new(null));
        Assert.Empty(Received(week));
        // Once due, it goes.
        await app.WithDbAsync(db => db.SummaryDeliveries.Where(d => d.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        await app.RunAsync(new(null));
        Assert.Single(Received(week));
        Assert.Equal((DeliveryStatus.Sent, 2), (await Deliveries(week)).Select(d => (d.Status, d.Attempts)).Single());
    }

    [Fact]
    public async Task A_batch_stopped_half_way_is_finished_by_the_next_run_without_duplicates()
    {
        var week = SummariesApp.WeeksAgo(16);
        using var cts = new CancellationTokenSource();
        // A batch sends the demo's people in well under a second: the server takes its time, so "half way" is there to stop at.
        app.Smtp.DelayEachMessage(TimeSpan.FromMilliseconds(150));
        var watcher = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested && Received(week).Count < 3) await Task.Delay(10);
            cts.Cancel();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.RunAsync(new(week), cts.Token));
        await watcher;
        app.Smtp.DelayEachMessage(null);
        var half = Received(week).Count;
        var rows = await Deliveries(week);
        Assert.Contains(rows, d => d.Status == DeliveryStatus.Pending);
        Assert.All(rows, d => Assert.Null(d.ClaimedBy)); // handed back for the next run

        // A run that died without handing back (a killed process) leaves stale claims: the next run takes them over.
        await app.WithDbAsync(db => db.SummaryDeliveries.Where(d => d.Week == week.ToString() && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, "dead-node/1").SetProperty(d => d.ClaimedAtUtc, DateTime.UtcNow.AddHours(-1))));
        var done = await app.RunAsync(new(week));

        Assert.Equal(0, done.Pending);
        Assert.True(Received(week).Count > half);
        Assert.Equal(done.Sent, Received(week).Count);
        AssertNoDuplicates(Received(week));
    }

    [Fact]
    public async Task A_fresh_claim_of_another_runner_is_left_alone()
    {
        var week = SummariesApp.WeeksAgo(17);
        var ana = await app.EmployeeIdAsync("ana.ruiz@demo.local");
        await app.ObserveAsync(ana, week);
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services))
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SummaryDeliveries>(scope.ServiceProvider).PrepareAsync(week, ana, default);
        await app.WithDbAsync(db => db.SummaryDeliveries.Where(d => d.Week == week.ToString())
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, "other-node/1").SetProperty(d => d.ClaimedAtUtc, DateTime.UtcNow)));

        var counts = await app.RunAsync(new(week, ana, Manual: true));

        Assert.Equal(1, counts.Pending);
        Assert.Empty(Received(week));
    }

    [Fact]
    public async Task Two_runners_at_once_never_send_the_same_week_twice()
    {
        var week = SummariesApp.WeeksAgo(18);
        await Task.WhenAll(app.RunAsync(new(week)), app.RunAsync(new(week)), app.RunAsync(new(week)));
        // A runner that finds every row claimed by the others leaves them to it; afterwards nothing is left over.
        var after = await app.RunAsync(new(week));
        Assert.Equal(0, after.Pending);
        Assert.True(Received(week).Count > 0);
        Assert.Equal(after.Sent, Received(week).Count);
        AssertNoDuplicates(Received(week));
    }

    [Fact]
    public async Task Malformed_addresses_fail_clearly_inactive_and_addressless_are_skipped_and_the_batch_goes_on()
    {
        var week = SummariesApp.WeeksAgo(19);
        var tom = await app.EmployeeIdAsync("tom.becker@demo.local");
        var priya = await app.EmployeeIdAsync("priya.nair@demo.local");
        var liam = await app.EmployeeIdAsync("liam.oconnor@demo.local");
        try
        {
            await app.WithDbAsync(async db =>
            {
                await db.Employees.Where(e => e.Id == tom).ExecuteUpdateAsync(s => s.SetProperty(e => e.Email, "tom.becker@@demo"));
                await db.Employees.Where(e => e.Id == priya).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, false));
                await db.Employees.Where(e => e.Id == liam).ExecuteUpdateAsync(s => s.SetProperty(e => e.Email, (string?)null));
            });
            var counts = await app.RunAsync(new(week));
            var rows = (await Deliveries(week)).ToDictionary(d => d.EmployeeId);

            Assert.Equal(DeliveryStatus.Failed, rows[tom].Status);
            Assert.Contains("malformed", rows[tom].LastError);
            Assert.Equal((DeliveryStatus.Skipped, SummaryRecipient.InactiveReason), (rows[priya].Status, rows[priya].LastError));
            Assert.Equal((DeliveryStatus.Skipped, SummaryRecipient.NoEmailReason), (rows[liam].Status, rows[liam].LastError));
            Assert.True(counts.Sent > 0);
            Assert.Equal(counts.Sent, Received(week).Count);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                await db.Employees.Where(e => e.Id == tom).ExecuteUpdateAsync(s => s.SetProperty(e => e.Email, "tom.becker@demo.local"));
                await db.Employees.Where(e => e.Id == priya).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, true));
                await db.Employees.Where(e => e.Id == liam).ExecuteUpdateAsync(s => s.SetProperty(e => e.Email, "liam.oconnor@demo.local"));
            });
        }
    }

    [Fact]
    public async Task The_email_is_an_accessible_phone_sized_html_message_naming_the_observer_and_what_went_well_with_user_text_encoded()
    {
        var week = SummariesApp.WeeksAgo(22);
        var ana = await app.EmployeeIdAsync("ana.ruiz@demo.local");
        var original = await app.WithDbAsync(db => db.Employees.Where(e => e.Id == ana).Select(e => e.FirstName).SingleAsync());
        await app.ObserveAsync(ana, week);
        var (start, end) = week.UtcRange(TimeZoneInfo.Utc);
        var observer = await app.WithDbAsync(db => db.Observations.Where(o => o.EmployeeId == ana && o.WentWell == "Stayed calm with a long queue." && o.ObservedAtUtc >= start && o.ObservedAtUtc < end)
            .Select(o => db.Users.Where(u => u.Id == o.ObserverUserId).Select(u => u.DisplayName).First()).FirstAsync());
        try
        {
            await app.WithDbAsync(db => db.Employees.Where(e => e.Id == ana).ExecuteUpdateAsync(s => s.SetProperty(e => e.FirstName, "<script>alert(1)</script>")));
            await app.RunAsync(new(week, ana));
        }
        finally
        {
            await app.WithDbAsync(db => db.Employees.Where(e => e.Id == ana).ExecuteUpdateAsync(s => s.SetProperty(e => e.FirstName, original)));
        }

        var message = Assert.Single(Received(week));
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(message.HtmlBody!);
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"Your development summary, week {week}", html.Title);
        Assert.Equal("width=device-width, initial-scale=1", html.QuerySelector("meta[name=viewport]")?.GetAttribute("content"));
        Assert.Null(html.QuerySelector("script"));
        Assert.Contains("Hello <script>alert(1)</script> Ruiz,", html.Body!.TextContent); // shown as text, never run
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", message.HtmlBody);
        var headings = html.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Contains("Who observed you", headings);
        Assert.Contains("What went well", headings);
        Assert.Contains($"{observer} observed you on", html.Body.TextContent);
        Assert.Contains("Stayed calm with a long queue.", html.Body.TextContent);
        Assert.Equal($"http://localhost:5080/MySummary?week={week}", html.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains("Stayed calm with a long queue.", message.TextBody);
    }
}
