using Coaching.Domain.Observations;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>
/// Submit on a tablet that lost its connection: said beside the button with how much is rated, cancellable,
/// sent when the connection returns. The save state stays in view wherever the manager is on the form.
/// </summary>
public class SubmittingOfflineTests(LiveApp app) : IClassFixture<LiveApp>
{
    async Task<(IPage Page, int EmployeeId)> OpenFormAsync(string firstName)
    {
        var page = await app.NewTabletPageAsync(768, 1024);
        await LiveApp.SignInAsync(page, "manager@demo.local");
        var id = await WithDb(db => db.Employees.Where(e => e.FirstName == firstName).Select(e => e.Id).SingleAsync());
        await page.GotoAsync($"/Observations/Log?employeeId={id}");
        return (page, id);
    }

    static async Task RateAsync(IPage page, int skills)
    {
        var rows = page.Locator(".skill-row");
        for (var i = 0; i < skills; i++) await rows.Nth(i).Locator("label.level-button").Nth(2).TapAsync();
        await Assertions.Expect(page.Locator("#save-status")).ToHaveTextAsync("Saved");
    }

    [Fact]
    public async Task The_form_says_how_many_skills_are_rated_and_the_save_state_stays_in_view()
    {
        var (page, _) = await OpenFormAsync("Ana");
        var total = await page.Locator(".skill-row").CountAsync();
        await Assertions.Expect(page.Locator("#rated-count")).ToHaveTextAsync($"0 of {total} rated");

        await RateAsync(page, 3);

        await Assertions.Expect(page.Locator("#rated-count")).ToHaveTextAsync($"3 of {total} rated");
        await page.Locator(".skill-row").First.ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Assertions.Expect(page.Locator("#save-status")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("#rated-count")).ToBeInViewportAsync();
        await page.GetByLabel("When").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("#save-status")).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Submit_while_offline_waits_beside_the_button_and_submits_when_back_online()
    {
        var (page, employeeId) = await OpenFormAsync("Tom");
        var total = await page.Locator(".skill-row").CountAsync();
        await RateAsync(page, 3);
        await page.Context.SetOfflineAsync(true);

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).TapAsync();

        var note = page.Locator("#submit-note");
        await Assertions.Expect(note).ToBeVisibleAsync();
        await Assertions.Expect(note).ToContainTextAsync($"will submit when back online (3 of {total} rated)");
        await Assertions.Expect(note).ToBeInViewportAsync();
        await Assertions.Expect(note.GetByRole(AriaRole.Button, new() { Name = "Cancel submit" })).ToBeVisibleAsync();
        Assert.False(await WithDb(db => db.Observations.AnyAsync(o => o.EmployeeId == employeeId && o.Status == ObservationStatus.Submitted && o.CreatedAtUtc > DateTime.UtcNow.AddMinutes(-5))));

        await page.Context.SetOfflineAsync(false);

        await page.WaitForURLAsync(url => url.Contains($"/People/{employeeId}"), new() { Timeout = 15_000 });
        var submitted = await WithDb(db => db.Observations.Where(o => o.EmployeeId == employeeId && o.Status == ObservationStatus.Submitted && o.CreatedAtUtc > DateTime.UtcNow.AddMinutes(-5)).Select(o => o.Ratings.Count).SingleAsync());
        Assert.Equal(3, submitted);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_cancelled_offline_submit_only_saves_the_draft_when_back_online()
    {
        var (page, employeeId) = await OpenFormAsync("Priya");
        await RateAsync(page, 2);
        await page.Context.SetOfflineAsync(true);
        await page.Locator(".skill-row").Nth(2).Locator("label.level-button").Nth(1).TapAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).TapAsync();
        await Assertions.Expect(page.Locator("#submit-note")).ToContainTextAsync("will submit when back online");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel submit" }).TapAsync();

        await Assertions.Expect(page.Locator("#submit-note")).ToContainTextAsync("Submit cancelled");
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#save-status")).ToHaveTextAsync("Saved", new() { Timeout = 15_000 });
        Assert.Contains("/Observations/Log", page.Url);
        var draft = await WithDb(db => db.Observations.Where(o => o.EmployeeId == employeeId && o.CreatedAtUtc > DateTime.UtcNow.AddMinutes(-5))
            .Select(o => new { o.Status, Rated = o.Ratings.Count }).SingleAsync());
        Assert.Equal(ObservationStatus.Draft, draft.Status);
        Assert.Equal(3, draft.Rated);
        await page.Context.CloseAsync();
    }

    async Task<T> WithDb<T>(Func<CoachingDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }
}
