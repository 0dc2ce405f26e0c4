using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>
/// What MapStaticAssets means in the browser: the pages are styled and scripted from fingerprinted, compressed files
/// (a file sent under the wrong Content-Encoding would leave the page unstyled), and the next page takes those files
/// from the browser's cache instead of the network.
/// </summary>
public partial class PageAssetsTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task My_team_is_styled_from_fingerprinted_compressed_files_and_the_next_page_takes_them_from_the_cache()
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        var fromNetwork = new ConcurrentQueue<(string Url, string Encoding)>();
        var fromMemoryCache = new ConcurrentDictionary<string, bool>(); // request ids
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            var response = e!.Value.GetProperty("response");
            var url = response.GetProperty("url").GetString()!;
            var cached = fromMemoryCache.ContainsKey(e.Value.GetProperty("requestId").GetString()!)
                         || response.TryGetProperty("fromDiskCache", out var disk) && disk.GetBoolean()
                         || response.TryGetProperty("fromPrefetchCache", out var prefetch) && prefetch.GetBoolean();
            if (!cached && Regex.IsMatch(new Uri(url).AbsolutePath, @"\.(css|js)$"))
            {
                var headers = response.GetProperty("headers");
                var encoding = headers.EnumerateObject().FirstOrDefault(h => h.Name.Equals("content-encoding", StringComparison.OrdinalIgnoreCase)).Value;
                fromNetwork.Enqueue((url, encoding.ValueKind == System.Text.Json.JsonValueKind.String ? encoding.GetString()! : "identity"));
            }
        };
        cdp.Event("Network.requestServedFromCache").OnEvent += (_, e) => fromMemoryCache[e!.Value.GetProperty("requestId").GetString()!] = true;

        await LiveApp.SignInAsync(page, "manager@demo.local");

        // Bootstrap's dark navbar and site.css's 44 px touch targets: both stylesheets arrived and were read.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My team" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header.navbar")).ToHaveCSSAsync("background-color", "rgb(33, 37, 41)");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToHaveCSSAsync("min-height", "44px");
        var firstVisit = fromNetwork.ToList();
        Assert.Contains(firstVisit, r => r.Url.Contains("/lib/bootstrap/css/bootstrap.min."));
        Assert.Contains(firstVisit, r => r.Url.Contains("/lib/htmx/htmx.min."));
        Assert.All(firstVisit, r =>
        {
            Assert.Matches(@"\.[a-z0-9]{10}\.(css|js)$", new Uri(r.Url).AbsolutePath); // fingerprinted
            Assert.Contains(r.Encoding, new[] { "br", "gzip" });
        });

        // The next page: the same files, answered by the cache (immutable for a year), and htmx still works on it.
        fromNetwork.Clear();
        await page.GetByRole(AriaRole.Link, new() { Name = "My team" }).First.ClickAsync();
        await page.GetByLabel("Filter by name").FillAsync("ana");
        await Assertions.Expect(page.Locator(".employee-name")).ToHaveTextAsync(["Ana Ruiz"]);
        await Assertions.Expect(page.Locator("header.navbar")).ToHaveCSSAsync("background-color", "rgb(33, 37, 41)");
        Assert.Empty(fromNetwork);
        await page.Context.CloseAsync();
    }
}
