using Microsoft.Playwright;

namespace Coaching.E2E;

public class SummariesTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task HR_sends_a_weeks_summaries_and_watches_the_progress_bar_finish()
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Summaries" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Weekly summaries" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send now to everyone" }).ClickAsync();

        var progress = page.GetByTestId("progress");
        await Assertions.Expect(progress).ToContainTextAsync(" 0 pending of ", new() { Timeout = 30_000 });
        var text = await progress.InnerTextAsync();
        var sent = int.Parse(text.Trim().Split(' ')[0]);
        Assert.True(sent > 0, text);
        Assert.Equal(sent, Directory.GetFiles(app.Outbox, "*.eml", SearchOption.AllDirectories).Length);
        Assert.Null(await progress.GetAttributeAsync("hx-trigger")); // polling stopped once done
        await page.Context.CloseAsync();
    }
}
