using Microsoft.Playwright;

namespace Coaching.E2E;

public class MyTeamTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_manager_signs_in_on_a_tablet_and_sees_their_team()
    {
        var page = await app.NewTabletPageAsync(1024, 768);

        await LiveApp.SignInAsync(page, "manager@demo.local");

        Assert.EndsWith("/Team", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My team" })).ToBeVisibleAsync();
        var names = await page.Locator(".employee-name").AllInnerTextsAsync();
        Assert.Contains("Zoë Łukasiewicz", names);
        Assert.Contains("Ana Ruiz", names);
        Assert.DoesNotContain("José Núñez", names);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Filtering_by_name_narrows_the_tiles_without_a_page_load()
    {
        var page = await app.NewTabletPageAsync(768, 1024);
        await LiveApp.SignInAsync(page, "manager@demo.local");
        await page.EvaluateAsync("window.samePage = true");

        await page.GetByLabel("Filter by name").FillAsync("ana");

        await Assertions.Expect(page.Locator(".employee-name")).ToHaveTextAsync(["Ana Ruiz"]);
        Assert.True(await page.EvaluateAsync<bool>("window.samePage === true"), "the page was reloaded");
        Assert.Contains("q=ana", page.Url);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zoe")]
    [InlineData("ZOË")]
    [InlineData("lukasiewicz")]
    public async Task The_name_filter_ignores_accents_and_case(string typed)
    {
        var page = await app.NewTabletPageAsync(768, 1024);
        await LiveApp.SignInAsync(page, "manager@demo.local");

        await page.GetByLabel("Filter by name").FillAsync(typed);

        await Assertions.Expect(page.Locator(".employee-name")).ToHaveTextAsync(["Zoë Łukasiewicz"]);
        await page.Context.CloseAsync();
    }
}
