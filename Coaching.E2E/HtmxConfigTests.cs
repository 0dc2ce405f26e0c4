using System.Text.Json;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>
/// The one htmx configuration (the layout's htmx-config meta tag) as the browser applies it: safe defaults on, and
/// which answers are swapped into the page. The server's answers are replaced here by ones of each status, on a real
/// htmx request of a real page (My team's filter), so the test is about the configuration, not one handler.
/// </summary>
public class HtmxConfigTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task The_page_runs_htmx_with_the_safe_settings_and_swaps_only_409_and_422_errors()
    {
        var page = await app.NewTabletPageAsync();
        await LiveApp.SignInAsync(page, "manager@demo.local");

        var config = await page.EvaluateAsync<JsonElement>("""
            () => ({ selfRequestsOnly: htmx.config.selfRequestsOnly, allowScriptTags: htmx.config.allowScriptTags,
                     allowEval: htmx.config.allowEval,
                     swaps: Object.fromEntries(htmx.config.responseHandling.map(r => [r.code, r.swap])) })
            """);

        Assert.True(config.GetProperty("selfRequestsOnly").GetBoolean());
        Assert.False(config.GetProperty("allowScriptTags").GetBoolean());
        Assert.False(config.GetProperty("allowEval").GetBoolean());
        Assert.True(config.GetProperty("swaps").GetProperty("422").GetBoolean());
        Assert.True(config.GetProperty("swaps").GetProperty("409").GetBoolean());
        Assert.False(config.GetProperty("swaps").GetProperty("[45]..").GetBoolean());
    }

    [Theory]
    [InlineData(422, true)]
    [InlineData(409, true)]
    [InlineData(500, false)]
    [InlineData(404, false)]
    public async Task An_htmx_answer_is_shown_only_when_its_status_carries_content_for_the_person(int status, bool shown)
    {
        var page = await app.NewTabletPageAsync();
        await LiveApp.SignInAsync(page, "manager@demo.local");
        await page.RouteAsync("**/Team?q=*", async route =>
        {
            if (route.Request.Headers.ContainsKey("hx-request"))
                await route.FulfillAsync(new() { Status = status, ContentType = "text/html", Body = $"<p class=\"answer\">Answer with status {status}</p>" });
            else await route.ContinueAsync();
        });

        var answered = page.WaitForResponseAsync(r => r.Url.Contains("/Team?q=") && r.Status == status);
        await page.GetByLabel("Filter by name").FillAsync("ana");
        await answered;

        var answer = page.GetByText($"Answer with status {status}");
        if (shown)
        {
            await Assertions.Expect(answer).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#tiles .answer")).ToHaveCountAsync(1);
        }
        else
        {
            await page.WaitForTimeoutAsync(300); // htmx has settled; nothing may have been put on screen
            await Assertions.Expect(answer).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".employee-name").First).ToBeVisibleAsync(); // the team is still there
        }
        await page.Context.CloseAsync();
    }
}
