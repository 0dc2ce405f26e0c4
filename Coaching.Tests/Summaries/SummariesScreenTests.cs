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
    public async Task An_employee_opens_their_own_summary_from_the_email_link()
    {
        var ana = await Browser.SignedInAsync(app, "ana.ruiz@demo.local");
        var response = await ana.GetAsync($"/MySummary?week={SummariesApp.WeeksAgo(1)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Ruiz", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)));
        var hr = await Browser.SignedInAsync(app, "hr@demo.local"); // no employee record behind this account
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/MySummary")).StatusCode);
    }
}
