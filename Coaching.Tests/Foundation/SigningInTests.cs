using System.Net;
using Coaching.Tests.Infrastructure;

namespace Coaching.Tests.Foundation;

public class SigningInTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    [Fact]
    public async Task A_manager_signs_in_and_lands_on_their_team()
    {
        var browser = new Browser(factory.NewClient());
        var response = await browser.SignInAsync("manager@demo.local", "Coaching!2026");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await browser.GetAsync("/");
        Assert.Equal("/Team", home.Headers.Location?.OriginalString);
        var team = await browser.GetDocumentAsync("/Team");
        Assert.Contains("Front End", team.QuerySelector("h2")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_keeps_the_email()
    {
        var browser = new Browser(factory.NewClient());
        var response = await browser.SignInAsync("hr@demo.local", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("do not match", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("hr@demo.local", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Form_Email")!).Value);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("coaching.auth="));
    }

    [Fact]
    public async Task Missing_fields_get_messages_beside_them()
    {
        var browser = new Browser(factory.NewClient());
        await browser.GetAsync("/Account/Login");
        var response = await browser.PostAsync("/Account/Login", new() { ["Form.Email"] = "not an email", ["Form.Password"] = "" });

        var page = await Browser.ParseAsync(response);
        Assert.Contains("email address like", page.QuerySelector("[data-valmsg-for='Form.Email']")!.TextContent);
        Assert.Contains("Enter your password", page.QuerySelector("[data-valmsg-for='Form.Password']")!.TextContent);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        var browser = new Browser(factory.NewClient());
        await browser.GetAsync("/Account/Login");

        var response = await browser.PostAsync("/Account/Login",
            new() { ["Form.Email"] = "manager@demo.local", ["Form.Password"] = "Coaching!2026" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("coaching.auth="));
    }

    [Fact]
    public async Task The_auth_cookie_is_http_only_and_same_site()
    {
        var browser = new Browser(factory.NewClient());
        var response = await browser.SignInAsync("manager@demo.local", "Coaching!2026");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coaching.auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var browser = await Browser.SignedInAsync(factory, "manager2@demo.local");
        await browser.GetAsync("/Team");
        var response = await browser.PostAsync("/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await browser.GetAsync("/Team");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", after.Headers.Location!.ToString());
    }
}

/// <summary>Two app instances on one database (two web nodes, or a restart) accept each other's sign-in cookies.</summary>
public class SharedKeysTests
{
    sealed class Node(string databasePath) : CoachingFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Coaching", $"Data Source={databasePath}");
        }
    }

    [Fact]
    public async Task A_sign_in_on_one_node_is_valid_on_another()
    {
        var path = Path.Combine(Path.GetTempPath(), $"coaching-nodes-{Guid.NewGuid():N}.db");
        try
        {
            string cookie;
            using (var first = new Node(path))
            {
                var browser = new Browser(first.NewClient());
                var response = await browser.SignInAsync("manager@demo.local", "Coaching!2026");
                cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coaching.auth=")).Split(';')[0];
            }
            using var second = new Node(path);
            Assert.True(await second.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.DataProtectionKeys)),
                "the key ring is not in the database");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Team");
            request.Headers.Add("Cookie", cookie);
            var answer = await second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("Front End", await answer.Content.ReadAsStringAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) try { File.Delete(path + suffix); } catch (IOException) { }
        }
    }
}
