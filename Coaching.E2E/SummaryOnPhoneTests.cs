using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Summaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Coaching.E2E;

/// <summary>An employee on a 390x844 phone: the weekly email, the summary page its link opens, past weeks, nobody else's.</summary>
public class SummaryOnPhoneTests(LiveApp app) : IClassFixture<LiveApp>
{
    static IsoWeek WeeksAgo(int n)
    {
        var week = IsoWeek.Of(DateOnly.FromDateTime(DateTime.UtcNow));
        for (var i = 0; i < n; i++) week = week.Previous;
        return week;
    }

    /// <summary>A phone: 390x844 CSS pixels, touch, and mobile layout (without a viewport meta tag a page lays out at 980 px).</summary>
    async Task<IPage> PhoneAsync()
    {
        var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 3, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    async Task<MimeMessage> SendAsync(string email, IsoWeek week)
    {
        await SummariesTests.ObserveAsync(app.Services, email, week);
        using var scope = app.Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<CoachingDbContext>().Employees.Where(e => e.Email == email).Select(e => e.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<SummaryDeliveries>().RunAsync(new DeliveryScope(week, id));
        return Directory.GetFiles(app.Outbox, "*.eml", SearchOption.AllDirectories).Select(f => MimeMessage.Load(f))
            .Single(m => m.Subject == $"Your development summary, week {week}" && m.To.Mailboxes.Single().Address == email);
    }

    static Task<int> HorizontalOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    [Fact]
    public async Task The_email_reads_on_a_390_px_phone_without_sideways_scrolling_and_names_the_observer_and_what_went_well()
    {
        var week = WeeksAgo(2);
        var message = await SendAsync("grace.mensah@demo.local", week);
        var page = await PhoneAsync();
        await page.SetContentAsync(message.HtmlBody!);

        Assert.Equal(0, await HorizontalOverflowAsync(page));
        Assert.Equal(390, await page.EvaluateAsync<int>("() => window.innerWidth"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What went well" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Stayed calm with a long queue.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(" observed you on ").First).ToBeVisibleAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Open your summary" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        var box = (await link.BoundingBoxAsync())!;
        Assert.True(box.Height >= 44 && box.X >= 0 && box.X + box.Width <= 390, $"link at {box.X},{box.Width}x{box.Height}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_employee_opens_the_link_on_a_phone_sees_the_week_the_pdf_and_past_weeks_and_not_someone_elses_summary()
    {
        var earlier = WeeksAgo(4);
        var week = WeeksAgo(3);
        await SendAsync("ana.ruiz@demo.local", earlier);
        var message = await SendAsync("ana.ruiz@demo.local", week);
        var link = new Uri(message.HtmlBody!.Split("href=\"")[1].Split('"')[0]);

        var page = await PhoneAsync();
        await LiveApp.SignInAsync(page, "ana.ruiz@demo.local");
        await page.GotoAsync(link.PathAndQuery);

        await Assertions.Expect(page.GetByTestId("summary-week")).ToContainTextAsync($"Week {week}");
        await Assertions.Expect(page.GetByText("Stayed calm with a long queue.")).ToBeVisibleAsync();
        Assert.Equal(0, await HorizontalOverflowAsync(page));
        var pdf = page.GetByRole(AriaRole.Link, new() { Name = "Open the PDF" });
        await Assertions.Expect(pdf).ToBeVisibleAsync();
        Assert.True((await pdf.BoundingBoxAsync())!.Height >= 44);
        await using (var response = await page.APIRequest.GetAsync(await pdf.GetAttributeAsync("href") ?? ""))
            Assert.Equal("application/pdf", response.Headers["content-type"]);

        var past = page.GetByRole(AriaRole.Navigation, new() { Name = "Your past summaries" });
        await Assertions.Expect(past).ToBeVisibleAsync();
        await past.GetByRole(AriaRole.Link, new() { Name = $"Week {earlier}" }).TapAsync();
        await Assertions.Expect(page.GetByTestId("summary-week")).ToContainTextAsync($"Week {earlier}");

        // Someone else's summary, by changing the URL: refused, and nothing of theirs shows.
        int jose;
        using (var scope = app.Services.CreateScope())
            jose = await scope.ServiceProvider.GetRequiredService<CoachingDbContext>().Employees.Where(e => e.Email == "jose.nunez@demo.local").Select(e => e.Id).SingleAsync();
        var refused = await page.GotoAsync($"/MySummary?week={week}&employeeId={jose}");
        Assert.Equal(404, refused!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Núñez")).ToHaveCountAsync(0);
        var pdfOfOther = await page.APIRequest.GetAsync($"/MySummary?handler=Pdf&week={week}&employeeId={jose}");
        Assert.Equal(404, pdfOfOther.Status);
        await page.Context.CloseAsync();
    }
}
