using System.Net;
using Coaching.Domain.Summaries;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Coaching.Tests.Summaries;

/// <summary>The Summaries screen for HR and Admin, through the real HTTP endpoints and antiforgery flow.</summary>
public class SummariesScreenTests(SummariesApp app) : IClassFixture<SummariesApp>
{
    [Fact]
    public async Task Only_hr_and_admin_see_the_screen_and_its_menu_entry()
    {
        var hr = await Browser.SignedInAsync(app, "hr@demo.local");
        var page = await hr.GetDocumentAsync("/Summaries");
        Assert.NotNull(page.QuerySelector("nav a[href='/Summaries']"));
        Assert.NotNull(page.QuerySelector("label[for=week]"));
        foreach (var input in page.QuerySelectorAll("form[hx-get] input, form[hx-get] select"))
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));

        var manager = await Browser.SignedInAsync(app, "manager@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/Summaries")).StatusCode);
        var employee = await Browser.SignedInAsync(app, "ana.ruiz@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/Summaries/Preview?week=2026-W01&employeeId=1")).StatusCode);
    }

    [Fact]
    public async Task Send_now_runs_the_week_in_the_background_with_a_progress_bar_that_stops_polling_when_done()
    {
        var week = SummariesApp.WeeksAgo(20);
        var admin = await Browser.SignedInAsync(app, "admin@demo.local");
        await admin.GetDocumentAsync($"/Summaries?week={week}");

        var response = await admin.PostAsync($"/Summaries?handler=SendWeek&week={week}", [], htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("toast", response.Headers.GetValues("HX-Trigger").Single());

        AngleSharp.Dom.IDocument progress;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(250);
            progress = await admin.GetDocumentAsync($"/Summaries?handler=Progress&week={week}", htmx: true);
        } while (progress.QuerySelector("[data-testid=progress]")!.GetAttribute("hx-trigger") == "every 1s" && DateTime.UtcNow < deadline);

        var bar = progress.QuerySelector("[data-testid=progress]")!;
        Assert.Null(bar.GetAttribute("hx-trigger"));
        Assert.Matches(@"\d+ sent · 0 failed · \d+ skipped · 0 pending of \d+", bar.TextContent);
        var sent = await app.WithDbAsync(db => db.SummaryDeliveries.CountAsync(d => d.Week == week.ToString() && d.Status == DeliveryStatus.Sent));
        Assert.True(sent > 0);
        Assert.Equal(sent, app.Smtp.Messages().Count(m => (m.Subject ?? "").Contains(week.ToString())));

        // The log shows each delivery and filters by status.
        var log = await admin.GetDocumentAsync($"/Summaries?week={week}&status=Sent", htmx: true);
        Assert.Equal(sent, log.QuerySelectorAll("[data-testid=delivery-log] tbody tr").Length);
    }

    [Fact]
    public async Task Preview_shows_any_employees_pdf_in_the_browser()
    {
        var jose = await app.EmployeeIdAsync("jose.nunez@demo.local");
        var week = SummariesApp.WeeksAgo(21);
        var hr = await Browser.SignedInAsync(app, "hr@demo.local");
        var response = await hr.GetAsync($"/Summaries/Preview?week={week}&employeeId={jose}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("inline", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").Single());
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("José Núñez", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)));
    }

    [Theory]
    [InlineData("/Summaries?week=not-a-week")]
    [InlineData("/Summaries?week=2026-W99&status=Bogus&team=abc")]
    [InlineData("/Summaries/Preview?week=2026-W99&employeeId=1")]
    [InlineData("/Summaries/Preview?week=2026-W10&employeeId=999999")]
    [InlineData("/Summaries?handler=Progress&week=%3Cscript%3E")]
    public async Task Bad_input_never_answers_500(string url)
    {
        var hr = await Browser.SignedInAsync(app, "hr@demo.local");
        var response = await hr.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Posts_without_the_antiforgery_token_are_refused_and_bad_posts_are_not_500()
    {
        var hr = await Browser.SignedInAsync(app, "hr@demo.local");
        await hr.GetDocumentAsync("/Summaries");
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.PostAsync("/Summaries?handler=SendWeek&week=2026-W01", [], withToken: false)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.PostAsync("/Summaries?handler=SendOne&week=2026-W01&employeeId=999999", [], htmx: true)).StatusCode);
        Assert.True((int)(await hr.PostAsync("/Summaries?handler=SendWeek&week=garbage", [], htmx: true)).StatusCode < 500);
    }

    [Fact]
    public async Task An_employee_opens_their_own_summary_from_the_email_link_with_the_pdf_and_their_past_weeks_and_nobody_elses()
    {
        var week = SummariesApp.WeeksAgo(1);
        var ana = await app.EmployeeIdAsync("ana.ruiz@demo.local");
        var jose = await app.EmployeeIdAsync("jose.nunez@demo.local");
        await app.ObserveAsync(ana, week);
        await app.RunAsync(new(SummariesApp.WeeksAgo(3), ana)); // an earlier week, sent
        var employee = await Browser.SignedInAsync(app, "ana.ruiz@demo.local");

        var page = await employee.GetDocumentAsync($"/MySummary?week={week}");
        Assert.Contains($"Week {week}", page.QuerySelector("[data-testid=summary-week]")!.TextContent);
        Assert.Contains("Stayed calm with a long queue.", page.Body!.TextContent);
        var pdfLink = page.QuerySelectorAll("a").Single(a => a.TextContent == "Open the PDF").GetAttribute("href")!;
        Assert.Contains($"/MySummary?week={SummariesApp.WeeksAgo(3)}", page.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));

        var response = await employee.GetAsync(pdfLink);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Ruiz", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)));

        // Someone else's summary is refused, whatever the URL says.
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync($"/MySummary?week={week}&employeeId={jose}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync($"/MySummary?handler=Pdf&week={week}&employeeId={jose}")).StatusCode);
        Assert.DoesNotContain("Núñez", await (await employee.GetAsync($"/MySummary?week={week}&employeeId={jose}")).Content.ReadAsStringAsync());
        var hr = await Browser.SignedInAsync(app, "hr@demo.local"); // no employee record behind this account: HR keeps its preview
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/MySummary")).StatusCode);
    }

    [Theory]
    [InlineData("2999-W52", "has not started yet")]
    [InlineData("2001-W01", "before the organisation's earliest data")]
    public async Task A_week_that_cannot_be_sent_is_refused_next_to_the_week_field_and_nothing_is_prepared(string week, string message)
    {
        var hr = await Browser.SignedInAsync(app, "hr@demo.local");
        var page = await hr.GetDocumentAsync($"/Summaries?week={week}");
        Assert.Contains(message, page.QuerySelector("#week-problem")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#week")!.GetAttribute("aria-invalid"));
        Assert.Equal(week, page.QuerySelector("#week")!.GetAttribute("value")); // what was typed is kept
        Assert.DoesNotContain(page.QuerySelectorAll("button"), b => b.TextContent.StartsWith("Send now"));

        var response = await hr.PostAsync($"/Summaries?handler=SendWeek&week={week}", [], htmx: true);
        Assert.Contains(message, (await Browser.ParseAsync(response)).QuerySelector("[data-testid=notice]")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.SummaryDeliveries.CountAsync(d => d.Week == week)));
        Assert.Equal(0, app.Smtp.Messages().Count(m => (m.Subject ?? "").Contains(week)));
    }

    [Fact]
    public async Task Sending_the_current_week_asks_first_and_the_preview_records_nothing_that_would_block_the_real_send()
    {
        var current = SummariesApp.WeeksAgo(0);
        var hr = await Browser.SignedInAsync(app, "hr@demo.local");
        await hr.GetDocumentAsync($"/Summaries?week={current}");

        var ask = await Browser.ParseAsync(await hr.PostAsync($"/Summaries?handler=SendWeek&week={current}", [], htmx: true));
        Assert.Contains("sent again", ask.QuerySelector("[data-testid=confirm-preview]")!.TextContent);
        Assert.Equal(0, app.Smtp.Messages().Count(m => (m.Subject ?? "").Contains(current.ToString())));

        await hr.PostAsync($"/Summaries?handler=SendWeek&week={current}&confirm=true", [], htmx: true);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (app.Smtp.Messages().Count(m => (m.Subject ?? "").Contains(current.ToString())) == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        var previews = app.Smtp.Messages().Where(m => (m.Subject ?? "").Contains(current.ToString())).ToList();
        Assert.NotEmpty(previews);
        Assert.All(previews, m => Assert.StartsWith("Preview:", m.Subject));
        Assert.Equal(0, await app.WithDbAsync(db => db.SummaryDeliveries.CountAsync(d => d.Week == current.ToString())));

        // An observation later in the week, then the real send after the week ends (the job's own run): it goes out, with it.
        var ana = await app.EmployeeIdAsync("ana.ruiz@demo.local");
        await app.ObserveAsync(ana, current, nextSteps: "Thursday's next step");
        var real = await app.RunAsync(new(current, ana));
        Assert.Equal(1, real.Sent);
        var message = app.Smtp.Messages().Single(m => m.Subject == $"Your development summary, week {current}" && m.To.Mailboxes.Single().Address == "ana.ruiz@demo.local");
        Assert.Contains("Thursday's next step", message.TextBody);
    }

    [Fact]
    public async Task Send_now_for_a_skipped_person_says_why_nothing_was_sent()
    {
        var week = SummariesApp.WeeksAgo(23);
        var priya = await app.EmployeeIdAsync("priya.nair@demo.local");
        var hr = await Browser.SignedInAsync(app, "hr@demo.local");
        await hr.GetDocumentAsync($"/Summaries?week={week}");
        try
        {
            await app.WithDbAsync(db => db.Employees.Where(e => e.Id == priya).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, false)));
            var response = await hr.PostAsync($"/Summaries?handler=SendOne&week={week}&employeeId={priya}", [], htmx: true);
            Assert.Contains("Nothing was sent to Priya Nair: Inactive employee.", (await Browser.ParseAsync(response)).QuerySelector("[data-testid=notice]")!.TextContent);
            var preview = await hr.PostAsync($"/Summaries?handler=SendOne&week={SummariesApp.WeeksAgo(0)}&employeeId={priya}", [], htmx: true);
            Assert.Contains("Nothing was sent to Priya Nair: Inactive employee.", (await Browser.ParseAsync(preview)).QuerySelector("[data-testid=notice]")!.TextContent);
        }
        finally
        {
            await app.WithDbAsync(db => db.Employees.Where(e => e.Id == priya).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, true)));
        }
    }
}
