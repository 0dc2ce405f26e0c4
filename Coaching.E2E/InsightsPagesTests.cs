using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>
/// Coverage and rater calibration of an organisation with more teams and observers than a page holds (two to a page
/// here): HR pages through them.
/// </summary>
public class InsightsPagesTests(TwoPerPageApp app) : IClassFixture<TwoPerPageApp>
{
    [Fact]
    public async Task HR_pages_through_the_per_team_table_each_page_its_own_teams_and_back()
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/Insights/Coverage?period=365");
        var pages = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of the per-team table" });
        var teams = page.Locator("#team-coverage tbody tr td:first-child");
        await Assertions.Expect(pages).ToContainTextAsync("Teams 1–2 of 5");
        await Assertions.Expect(teams).ToHaveCountAsync(2);
        var first = await teams.AllTextContentsAsync();
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Previous" })).ToHaveCountAsync(0);

        await pages.GetByRole(AriaRole.Link, new() { Name = "Next" }).TapAsync();

        await Assertions.Expect(pages).ToContainTextAsync("Teams 3–4 of 5");
        await page.WaitForURLAsync(url => url.Contains("teamsPage=2"));
        var second = await teams.AllTextContentsAsync();
        Assert.Equal(2, second.Count);
        Assert.Empty(first.Intersect(second));
        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync("ratings"); // the rest of the page is still there

        await pages.GetByRole(AriaRole.Link, new() { Name = "Next" }).TapAsync();
        await Assertions.Expect(pages).ToContainTextAsync("Teams 5–5 of 5");
        await Assertions.Expect(teams).ToHaveCountAsync(1);
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Next" })).ToHaveCountAsync(0);

        await pages.GetByRole(AriaRole.Link, new() { Name = "Previous" }).TapAsync();
        await Assertions.Expect(pages).ToContainTextAsync("Teams 3–4 of 5");
        Assert.Equal(second, await teams.AllTextContentsAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_page_number_past_the_last_shows_the_last_page_and_the_pages_pass_axe()
    {
        var page = await app.NewTabletPageAsync(768, 1024, bypassCsp: true);
        await LiveApp.SignInAsync(page, "hr@demo.local");

        await page.GotoAsync("/Insights/Coverage?period=365&teamsPage=99");

        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of the per-team table" })).ToContainTextAsync("Teams 5–5 of 5");
        Assert.Empty(await LiveApp.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HR_pages_through_the_observers_of_rater_calibration_and_the_pages_pass_axe()
    {
        var page = await app.NewTabletPageAsync(1024, 768, bypassCsp: true);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/Insights/Calibration?period=365");
        var pages = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of the observers table" });
        var observers = page.Locator("#observers tbody tr");
        await Assertions.Expect(pages).ToContainTextAsync("Observers 1–2 of ");
        var total = int.Parse((await page.Locator("#results > p.text-muted").TextContentAsync())!.Split(" · ")[1].Split(' ')[0]);
        Assert.True(total > 2, $"the demo has more observers than a page holds ({total})");
        await Assertions.Expect(observers).ToHaveCountAsync(2);
        var first = await observers.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.observer)");

        await pages.GetByRole(AriaRole.Link, new() { Name = "Next" }).TapAsync();

        await Assertions.Expect(pages).ToContainTextAsync($"Observers 3–{Math.Min(4, total)} of {total}");
        await page.WaitForURLAsync(url => url.Contains("observersPage=2"));
        var second = await observers.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.observer)");
        Assert.Equal(Math.Min(2, total - 2), second.Length);
        Assert.Empty(first.Intersect(second));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download observers as CSV" })).ToBeVisibleAsync();
        Assert.Empty(await LiveApp.SeriousAccessibilityViolationsAsync(page));

        await pages.GetByRole(AriaRole.Link, new() { Name = "Previous" }).TapAsync();
        await Assertions.Expect(pages).ToContainTextAsync("Observers 1–2 of ");
        await page.Context.CloseAsync();
    }
}
