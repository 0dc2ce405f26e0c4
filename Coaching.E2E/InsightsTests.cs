using Microsoft.Playwright;

namespace Coaching.E2E;

public class InsightsTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task HR_opens_coverage_changes_the_period_drills_into_a_cell_and_downloads_the_CSV()
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");

        await page.GetByRole(AriaRole.Link, new() { Name = "Coverage" }).First.TapAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coverage", Exact = true })).ToBeVisibleAsync();
        await page.EvaluateAsync("window.samePage = true");

        await page.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync("30");
        await page.WaitForURLAsync(url => url.Contains("period=30"));
        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync("ratings");
        Assert.True(await page.EvaluateAsync<bool>("window.samePage === true"), "changing the period reloaded the page");

        var cell = page.Locator("a.heat[aria-label^='Front End']:not(.heat-0)").First;
        var label = await cell.GetAttributeAsync("aria-label");
        await cell.TapAsync();
        await Assertions.Expect(page.Locator("#drill h2")).ToContainTextAsync("Front End · " + label!.Split(", ", 2)[1].Split(':')[0]);
        await Assertions.Expect(page.Locator("#cell-people tbody tr").First).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download per-team table as CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path);
        Assert.StartsWith("Team,Site,Active employees,Observed in period", lines[0].TrimStart('\uFEFF'));
        Assert.Contains(lines, l => l.StartsWith("Front End,Riverside Grocery,"));
        await page.Context.CloseAsync();
    }
}
