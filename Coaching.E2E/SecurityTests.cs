using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Coaching.E2E;

/// <summary>What the security work means in the browser: the CSP breaks nothing, sign-in limits are explained.</summary>
public class SecurityTests(LiveApp app, ITestOutputHelper output) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task No_page_breaks_the_content_security_policy()
    {
        var refused = new List<string>();
        foreach (var group in PageTour.Stops.GroupBy(s => (s.Account, s.Width, s.Height)))
        {
            var page = await app.NewTabletPageAsync(group.Key.Width, group.Key.Height);
            var current = "sign-in";
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy") || message.Text.StartsWith("Refused to"))
                    refused.Add($"[{current}] {page.Url.Replace(app.BaseUrl, "")}: {message.Text.Split(". ")[0]}");
            };
            // The DOM event also names the element's source position, for violations the console words differently.
            await page.AddInitScriptAsync("""
                document.addEventListener('securitypolicyviolation', e =>
                  console.error(`Refused to ${e.effectiveDirective} (CSP event): ${e.blockedURI || 'inline'} at ${e.sourceFile || location.pathname}:${e.lineNumber}`));
                """);
            if (group.Key.Account is { } account) await LiveApp.SignInAsync(page, account);
            foreach (var stop in group)
            {
                current = stop.Name;
                await stop.Open(page);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var policy = await page.EvaluateAsync<string>("""
                    async () => (await fetch(location.href, { method: 'HEAD' })).headers.get('content-security-policy') ?? ''
                    """);
                // A PDF keeps only frame-ancestors (see SecurityHeaders); every page gets the whole policy.
                Assert.Contains(await page.EvaluateAsync<string>("document.contentType") == "text/html" ? "default-src 'self'" : "frame-ancestors 'none'", policy);
            }
            await page.Context.CloseAsync();
        }
        foreach (var line in refused) output.WriteLine(line);
        Assert.True(refused.Count == 0, $"{refused.Count} CSP violations:\n" + string.Join("\n", refused.Distinct()));
    }

    [Fact]
    public async Task The_tab_shows_the_app_icon_instead_of_a_404()
    {
        var page = await app.NewTabletPageAsync();
        var missing = new List<string>();
        page.Response += (_, r) => { if (r.Status == 404) missing.Add(r.Url); };

        await page.GotoAsync("/Account/Login");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var icon = await page.EvaluateAsync<int>("async () => (await fetch(document.querySelector('link[rel=icon]').href)).status");
        Assert.Equal(200, icon);
        Assert.Empty(missing);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Too_many_wrong_passwords_show_a_friendly_message_on_the_sign_in_page()
    {
        var page = await app.NewTabletPageAsync();
        await page.GotoAsync("/Account/Login");
        for (var i = 0; i < 5; i++)
        {
            await page.GetByLabel("Email").FillAsync("manager4@demo.local");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync($"wrong-guess-{i}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That email and password do not match an account we can sign you in to.");
        }

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Coaching!2026");
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(429, answer.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Too many sign-in attempts. Wait a minute, then try again.");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync("manager4@demo.local");
        Assert.Contains("/Account/Login", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task After_log_out_a_copy_of_the_session_cookie_opens_nothing()
    {
        var page = await app.NewTabletPageAsync();
        await LiveApp.SignInAsync(page, "manager3@demo.local");
        var saved = (await page.Context.CookiesAsync()).Single(c => c.Name == "coaching.auth");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        var thief = await app.NewTabletPageAsync();
        await thief.Context.AddCookiesAsync([new() { Name = saved.Name, Value = saved.Value, Domain = saved.Domain, Path = saved.Path }]);
        await thief.GotoAsync("/Team");
        await Assertions.Expect(thief.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        output.WriteLine(thief.Url);
        await page.Context.CloseAsync();
        await thief.Context.CloseAsync();
    }
}
