using System.Diagnostics;
using System.Net;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Features.Account;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Foundation;

/// <summary>
/// The app as it runs behind a proxy: the in-process test host has no client address, so a test names the address
/// a request comes from (X-Test-Peer), as the TCP connection would. The security stamp is checked on every request.
/// </summary>
public class SecuredApp : CoachingFactory
{
    public const string PeerHeader = "X-Test-Peer";
    protected virtual string Environment => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environment);
        builder.UseSetting("Identity:SecurityStampValidationInterval", "00:00:00");
        builder.UseSetting("ForwardedHeaders:KnownProxies", "10.0.0.5");
        builder.UseSetting("https_port", "443");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerAddress>());
    }

    sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[PeerHeader] is [{ } peer]) context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public class ProductionApp : SecuredApp
{
    protected override string Environment => "Production";
}

public class AccountSecurityTests(SecuredApp app) : IClassFixture<SecuredApp>
{
    [Fact]
    public async Task A_cookie_copied_before_logout_no_longer_opens_anything_after_it()
    {
        var browser = new Browser(app.NewClient());
        var signedIn = await browser.SignInAsync("manager2@demo.local", Coaching.Web.Demo.DemoSeeder.Password);
        var saved = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coaching.auth=")).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await Replay("/Team", saved)).StatusCode);

        await browser.GetAsync("/Account/Login"); // a token for the signed-in user, as the layout's Log out form has
        await browser.PostAsync("/Account/Logout", []);
        var replay = await Replay("/Team", saved);

        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Contains("/Account/Login", replay.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Another_device_signed_in_as_the_same_person_is_signed_out_too()
    {
        var tablet = await Browser.SignedInAsync(app, "manager3@demo.local");
        var phone = await Browser.SignedInAsync(app, "manager3@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync("/Team")).StatusCode);

        await phone.PostAsync("/Account/Logout", []);

        var answer = await tablet.GetAsync("/Team");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("/Account/Login", answer.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_password_change_ends_the_sessions_signed_in_with_the_old_one()
    {
        var tablet = await Browser.SignedInAsync(app, "zoe.lukasiewicz@demo.local");
        var before = await tablet.GetAsync("/Me");
        Assert.True(before.IsSuccessStatusCode || !before.Headers.Location!.ToString().Contains("/Account/Login"), "not signed in to begin with");

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Coaching.Web.Data.AppUser>>();
            var zoe = (await users.FindByEmailAsync("zoe.lukasiewicz@demo.local"))!;
            Assert.True((await users.ChangePasswordAsync(zoe, Coaching.Web.Demo.DemoSeeder.Password, "A-new-password-2026")).Succeeded);
        }

        var answer = await tablet.GetAsync("/Me");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("/Account/Login", answer.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password_in_about_the_same_time()
    {
        var warmUp = new Browser(app.NewClient());
        await warmUp.SignInAsync("nobody-at-all@demo.local", "x-wrong-password");
        await warmUp.SignInAsync("hr@demo.local", "x-wrong-password");

        var known = new List<double>();
        var unknown = new List<double>();
        string? knownText = null, unknownText = null;
        foreach (var (account, i) in new[] { "manager4@demo.local", "admin@demo.local", "hr@demo.local", "ana.ruiz@demo.local", "zoe.lukasiewicz@demo.local", "jose.nunez@demo.local" }.Select((a, i) => (a, i)))
        {
            var (status, text, ms) = await TimedWrongSignIn(account);
            Assert.Equal(HttpStatusCode.OK, status);
            known.Add(ms); knownText = text;
            (status, text, ms) = await TimedWrongSignIn($"no-such-person-{i}@demo.local");
            Assert.Equal(HttpStatusCode.OK, status);
            unknown.Add(ms); unknownText = text;
        }

        Assert.Equal(LoginModel.NoMatch, knownText);
        Assert.Equal(knownText, unknownText);
        var (k, u) = (Median(known), Median(unknown));
        // Before: ~3 ms against ~64 ms. The bounds are wide because the machine running the tests may be busy.
        Assert.True(u > k * 0.5 && u < k * 2, $"median answer: known account {k:F1} ms, unknown email {u:F1} ms");
    }

    [Fact]
    public async Task Wrong_passwords_slow_an_account_down_for_a_minute_but_never_lock_it()
    {
        var stranger = new Browser(app.NewClient());
        for (var i = 0; i < 5; i++)
        {
            var wrong = await stranger.SignInAsync("manager@demo.local", $"guess-{i}-wrong");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var sixth = await new Browser(app.NewClient()).SignInAsync("manager@demo.local", Coaching.Web.Demo.DemoSeeder.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal(LoginModel.TooManyAttempts, (await Browser.ParseAsync(sixth)).QuerySelector("[role=alert]")!.TextContent.Trim());
        var lockout = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Users, u => u.Email == "manager@demo.local"));
        Assert.Null(lockout.LockoutEnd);
        Assert.Equal(0, lockout.AccessFailedCount);
    }

    [Fact]
    public async Task One_address_guessing_across_accounts_is_slowed_but_others_are_not()
    {
        const string guesser = "198.51.100.7";
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignInFrom(guesser, $"person-{i}@demo.local", "wrong-password")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInFrom(guesser, "someone-else@demo.local", "wrong-password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInFrom("198.51.100.8", "manager4@demo.local", Coaching.Web.Demo.DemoSeeder.Password)).StatusCode);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("true,false")]
    [InlineData("on")]
    public async Task A_nonsense_remember_me_is_read_as_unticked_not_a_server_error(string rememberMe)
    {
        var browser = new Browser(app.NewClient());
        await browser.GetAsync("/Account/Login");
        var answer = await browser.PostAsync("/Account/Login", new()
        {
            ["Form.Email"] = "manager4@demo.local", ["Form.Password"] = Coaching.Web.Demo.DemoSeeder.Password, ["Form.RememberMe"] = rememberMe,
        });

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var cookie = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coaching.auth="));
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // a session cookie: not remembered
    }

    async Task<(HttpStatusCode, string, double)> TimedWrongSignIn(string email)
    {
        var browser = new Browser(app.NewClient());
        await browser.GetAsync("/Account/Login");
        var clock = Stopwatch.StartNew();
        var answer = await browser.PostAsync("/Account/Login", new() { ["Form.Email"] = email, ["Form.Password"] = "not-the-password-1" });
        var ms = clock.Elapsed.TotalMilliseconds;
        var text = (await Browser.ParseAsync(answer)).QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
        return (answer.StatusCode, text, ms);
    }

    async Task<HttpResponseMessage> SignInFrom(string peer, string email, string password)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add(SecuredApp.PeerHeader, peer);
        return await new Browser(client).SignInAsync(email, password);
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    async Task<HttpResponseMessage> Replay(string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);
    }
}

public class PdfHeadersTests(SecuredApp app) : IClassFixture<SecuredApp>
{
    [Fact]
    public async Task A_summary_pdf_keeps_nosniff_and_no_framing_but_not_the_rules_that_block_chromes_pdf_viewer()
    {
        var employee = await Browser.SignedInAsync(app, "ana.ruiz@demo.local");

        var page = await employee.GetDocumentAsync("/MySummary");
        var pdfLink = page.QuerySelector("a[href*='handler=Pdf']")!.GetAttribute("href")!;
        var pdf = await employee.GetAsync(System.Net.WebUtility.HtmlDecode(pdfLink));

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Coaching.Web.Infrastructure.SecurityHeaders.PdfPolicy, pdf.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", pdf.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
