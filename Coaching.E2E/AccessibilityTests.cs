using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Coaching.E2E;

/// <summary>axe-core (vendored in TestAssets) on every page of the tour: no serious or critical violation anywhere.</summary>
public class AccessibilityTests(LiveApp app, ITestOutputHelper output) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation()
    {
        var found = new List<string>();
        foreach (var group in PageTour.Stops.GroupBy(s => (s.Account, s.Width, s.Height)))
        {
            // The CSP would refuse the injected axe script; this context alone bypasses it.
            var page = await app.NewTabletPageAsync(group.Key.Width, group.Key.Height, bypassCsp: true);
            if (group.Key.Account is { } account) await LiveApp.SignInAsync(page, account);
            foreach (var stop in group)
            {
                await stop.Open(page);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                if (await page.EvaluateAsync<string>("document.contentType") != "text/html")
                {
                    output.WriteLine($"[{stop.Name}] {page.Url} is not an HTML page; skipped");
                    continue;
                }
                foreach (var v in await LiveApp.SeriousAccessibilityViolationsAsync(page))
                    found.Add($"[{stop.Name}] {page.Url.Replace(app.BaseUrl, "")} {v}");
            }
            await page.Context.CloseAsync();
        }
        foreach (var line in found) output.WriteLine(line);
        Assert.True(found.Count == 0, $"{found.Count} serious/critical axe violations:\n" + string.Join("\n", found));
    }
}
