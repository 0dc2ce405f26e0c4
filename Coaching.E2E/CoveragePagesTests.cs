using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>Coverage of an organisation with more teams than a page holds (two to a page here): HR pages through them.</summary>
public class CoveragePagesTests(TwoTeamsPerPageApp app) : IClassFixture<TwoTeamsPerPageApp>
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
}
