using Coaching.Domain.Time;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>HR on the Summaries screen: what is sent, what is refused, what failed and why, on screen.</summary>
public class SummariesTests(LiveApp app) : IClassFixture<LiveApp>
{
    static IsoWeek WeeksAgo(int n)
    {
        var week = IsoWeek.Of(DateOnly.FromDateTime(DateTime.UtcNow));
        for (var i = 0; i < n; i++) week = week.Previous;
        return week;
    }

    int OutboxCount(string subjectPart) =>
        Directory.GetFiles(app.Outbox, "*.eml", SearchOption.AllDirectories).Count(f => File.ReadAllText(f).Contains(subjectPart));

    async Task WithDbAsync(Func<CoachingDbContext, Task> work)
    {
        using var scope = app.Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }

    /// <summary>A submitted observation in the middle of the week, so the person has a summary to receive.</summary>
    internal static async Task ObserveAsync(IServiceProvider services, string email, IsoWeek week)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var employee = await db.Employees.Include(e => e.JobRole).SingleAsync(e => e.Email == email);
        var rubric = await db.Rubrics.SingleAsync(r => r.Id == employee.JobRole!.DefaultRubricId);
        var skills = await db.Skills.Where(s => s.RubricVersionId == rubric.CurrentVersionId).OrderBy(s => s.Order).Take(2).ToListAsync();
        var manager = await db.TeamManagers.Where(m => m.TeamId == employee.TeamId).Select(m => m.UserId).FirstAsync();
        var at = DateTime.SpecifyKind(week.Monday.AddDays(2).ToDateTime(new TimeOnly(11, 0)), DateTimeKind.Utc);
        var o = new Coaching.Domain.Observations.Observation
        {
            EmployeeId = employee.Id, ObserverUserId = manager, RubricVersionId = rubric.CurrentVersionId!.Value, ObservedAtUtc = at,
            Context = "Morning peak", WentWell = "Stayed calm with a long queue.", NextSteps = "Use the checklist on every transaction.",
            Status = Coaching.Domain.Observations.ObservationStatus.Submitted, CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at, Revision = 1,
            Ratings = skills.Select(s => new Coaching.Domain.Observations.Rating { SkillId = s.Id, SkillKey = s.Key, Level = 3 }).ToList(),
        };
        o.SyncRatings();
        db.Observations.Add(o);
        await db.SaveChangesAsync();
    }

    async Task<IPage> SummariesAsync(IsoWeek? week = null)
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync(week is null ? "/Summaries" : $"/Summaries?week={week}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Weekly summaries" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task HR_sends_a_weeks_summaries_and_watches_the_progress_bar_finish_and_the_log_fill_in()
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Summaries" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Weekly summaries" })).ToBeVisibleAsync();
        var week = await page.Locator("#week").InputValueAsync();
        var badges = page.Locator("[data-testid=delivery-log] tbody .badge");
        await Assertions.Expect(badges.Filter(new() { HasTextString = "Sent" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send now to everyone" }).ClickAsync();

        var progress = page.GetByTestId("progress");
        await Assertions.Expect(progress).ToContainTextAsync(" 0 pending of ", new() { Timeout = 30_000 });
        await Assertions.Expect(progress).Not.ToHaveAttributeAsync("hx-trigger", "every 1s"); // the batch has ended
        var text = await progress.InnerTextAsync();
        var sent = int.Parse(text.Trim().Split(' ')[0]);
        Assert.True(sent > 0, text);
        Assert.Equal(sent, OutboxCount($"Subject: Your development summary, week {week}"));
        Assert.Null(await progress.GetAttributeAsync("hx-trigger")); // polling stopped once done
        // The log refreshed as the batch went, without reloading the page.
        await Assertions.Expect(badges.Filter(new() { HasTextString = "Sent" })).ToHaveCountAsync(sent);
        await Assertions.Expect(badges.Filter(new() { HasTextString = "Not prepared" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_week_in_the_future_is_refused_next_to_the_week_field_and_cannot_be_sent()
    {
        var page = await SummariesAsync();
        await page.GetByLabel("Week", new() { Exact = true }).FillAsync("2999-W52");

        var problem = page.Locator("#week-problem");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await Assertions.Expect(problem).ToContainTextAsync("Week 2999-W52 has not started yet");
        await Assertions.Expect(page.GetByLabel("Week", new() { Exact = true })).ToHaveValueAsync("2999-W52");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send now to everyone" })).ToHaveCountAsync(0);

        await page.GotoAsync("/Summaries?week=2001-W01"); // before the organisation existed
        await Assertions.Expect(page.Locator("#week-problem")).ToContainTextAsync("before the organisation's earliest data");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sending_the_current_week_asks_for_confirmation_says_it_will_be_sent_again_and_records_no_delivery()
    {
        var current = WeeksAgo(0);
        var page = await SummariesAsync(current);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send a preview to everyone…" }).ClickAsync();
        var confirm = page.GetByTestId("confirm-preview");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await Assertions.Expect(confirm).ToContainTextAsync("it will be sent again, complete, after the week ends");
        await confirm.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        Assert.Equal(0, OutboxCount($"week {current}"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Send a preview to everyone…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the preview" }).ClickAsync();
        var progress = page.GetByTestId("progress");
        await Assertions.Expect(progress).ToContainTextAsync(" 0 pending of ", new() { Timeout = 30_000 });
        await Assertions.Expect(progress).ToContainTextAsync("(preview)");
        Assert.True(OutboxCount($"Subject: Preview: your development summary so far, week {current}") > 0);
        // Nothing is recorded as sent: the real send after the week ends goes out as usual.
        await Assertions.Expect(page.Locator("[data-testid=delivery-log] tbody .badge").Filter(new() { HasTextString = "Sent" })).ToHaveCountAsync(0);
        using var scope = app.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CoachingDbContext>().SummaryDeliveries.CountAsync(d => d.Week == current.ToString()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Send_now_for_a_skipped_person_says_why_nothing_was_sent()
    {
        var week = WeeksAgo(5);
        await WithDbAsync(db => db.Employees.Where(e => e.Email == "priya.nair@demo.local").ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, false)));
        try
        {
            var page = await SummariesAsync(week);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send now to Priya Nair" }).ClickAsync();
            var notice = page.GetByTestId("notice");
            await Assertions.Expect(notice).ToBeVisibleAsync();
            await Assertions.Expect(notice).ToHaveTextAsync("Nothing was sent to Priya Nair: Inactive employee.");
            await page.Context.CloseAsync();
        }
        finally
        {
            await WithDbAsync(db => db.Employees.Where(e => e.Email == "priya.nair@demo.local").ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, true)));
        }
    }

    [Fact]
    public async Task A_failed_delivery_shows_its_error_the_batch_ends_and_retry_failed_sends_only_it()
    {
        var week = WeeksAgo(6);
        await ObserveAsync(app.Services, "tom.becker@demo.local", week);
        await WithDbAsync(db => db.Employees.Where(e => e.Email == "tom.becker@demo.local").ExecuteUpdateAsync(s => s.SetProperty(e => e.Email, "tom.becker@@demo")));
        var page = await SummariesAsync(week);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send now to everyone" }).ClickAsync();

        var progress = page.GetByTestId("progress");
        await Assertions.Expect(progress).ToContainTextAsync(" 1 failed · ", new() { Timeout = 30_000 });
        await Assertions.Expect(progress).ToContainTextAsync(" 0 pending of ", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("failures")).ToBeVisibleAsync();
        var tom = page.Locator("[data-testid=delivery-log] tbody tr").Filter(new() { HasTextString = "Tom Becker" });
        await Assertions.Expect(tom.Locator(".badge")).ToHaveTextAsync("Failed");
        await Assertions.Expect(tom).ToContainTextAsync("is malformed");
        await Assertions.Expect(tom).ToContainTextAsync("Not retried automatically");
        var sentBefore = OutboxCount($"Subject: Your development summary, week {week}");

        // The address is corrected; "Retry failed" sends Tom's summary and nobody else's again.
        await WithDbAsync(db => db.Employees.Where(e => e.Email == "tom.becker@@demo").ExecuteUpdateAsync(s => s.SetProperty(e => e.Email, "tom.becker@demo.local")));
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry failed (1)" }).ClickAsync();
        await Assertions.Expect(tom.Locator(".badge")).ToHaveTextAsync("Sent", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("progress")).ToContainTextAsync(" 0 failed · ");
        Assert.Equal(sentBefore + 1, OutboxCount($"Subject: Your development summary, week {week}"));
        await page.Context.CloseAsync();
    }
}
