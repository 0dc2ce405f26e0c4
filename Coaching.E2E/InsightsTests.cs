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

    /// <summary>Types a date the way a person does, digit by digit, in the order Chromium's en-US date field asks (mm dd yyyy).</summary>
    static async Task TypeDateAsync(ILocator input, DateOnly date)
    {
        await input.FocusAsync();
        await input.PressSequentiallyAsync(date.ToString("MMddyyyy"), new() { Delay = 40 });
    }

    [Fact]
    public async Task A_custom_period_keeps_what_is_typed_and_asks_once_the_range_is_complete_with_messages_beside_the_dates()
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/Insights/Coverage");
        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync("ratings");
        var queries = 0;
        page.Request += (_, r) => { if (r.Url.Contains("/Insights/Coverage")) queries++; };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = today.AddDays(-20);
        var to = today.AddDays(-2);

        await TypeDateAsync(page.GetByLabel("From (custom)"), from);
        await page.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync("custom");

        await Assertions.Expect(page.GetByLabel("From (custom)")).ToHaveValueAsync(from.ToString("yyyy-MM-dd"));
        await Assertions.Expect(page.GetByLabel("To (custom)")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#from-problem")).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#to-problem")).Not.ToBeVisibleAsync();
        Assert.Equal(0, queries);

        await TypeDateAsync(page.GetByLabel("To (custom)"), to);
        Assert.Equal(0, queries); // still typing: nothing is asked while the cursor is in the dates
        await page.GetByRole(AriaRole.Heading, new() { Name = "Coverage", Exact = true }).ClickAsync(); // leaves the dates

        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync($"{from:d MMM yyyy} – {to:d MMM yyyy}");
        await page.WaitForTimeoutAsync(800);
        Assert.Equal(1, queries);
        await Assertions.Expect(page.GetByLabel("From (custom)")).ToHaveValueAsync(from.ToString("yyyy-MM-dd"));

        // A start in year 2020, long before the organisation's first observation: refused beside the field, typed text kept.
        await TypeDateAsync(page.GetByLabel("From (custom)"), new DateOnly(2020, 1, 6));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Coverage", Exact = true }).ClickAsync(); // leaves the dates
        var problem = page.Locator("#from-problem");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await Assertions.Expect(problem).ToContainTextAsync("The organisation's data starts on");
        await Assertions.Expect(page.GetByLabel("From (custom)")).ToHaveValueAsync("2020-01-06");
        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync("Fix the filters marked above");
        Assert.Equal(2, queries);

        // An end before the start, through the Show button.
        await page.GetByLabel("From (custom)").FillAsync(to.ToString("yyyy-MM-dd"));
        await page.GetByLabel("To (custom)").FillAsync(from.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(problem).ToHaveTextAsync("The start date is after the end date.");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task People_behind_a_coverage_cell_and_a_skill_gap_open_their_profiles()
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/Insights/Coverage?period=90");

        await page.Locator("a.heat[aria-label^='Front End']:not(.heat-0)").First.ClickAsync();
        var person = page.Locator("#cell-people a.employee-link").First;
        await Assertions.Expect(person).ToBeVisibleAsync();
        var name = await person.InnerTextAsync();
        await person.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/People/\\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync("/Insights/Gaps");
        await page.Locator("#gaps a[aria-label^='People:']").First.ClickAsync();
        var gapPerson = page.Locator("#gap-people-table a.employee-link").First;
        await Assertions.Expect(gapPerson).ToBeVisibleAsync();
        var gapName = await gapPerson.InnerTextAsync();
        await gapPerson.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/People/\\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = gapName, Level = 1 })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
