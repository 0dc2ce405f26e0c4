using System.Net;
using System.Text.RegularExpressions;
using Coaching.Tests.Infrastructure;

namespace Coaching.Tests.Foundation;

/// <summary>Production settings (HTTPS redirect, HSTS, Secure cookies) behind a TLS proxy at 10.0.0.5.</summary>
public partial class SecurityHeadersAndProxyTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    const string TrustedProxy = "10.0.0.5", Stranger = "203.0.113.9";

    [Theory]
    [InlineData("/Account/Login", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/lib/htmx/htmx.min.js", HttpStatusCode.OK)]
    [InlineData("/favicon.svg", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.Redirect)]
    [InlineData("/Error?code=404", HttpStatusCode.NotFound)]
    [InlineData("/Team", HttpStatusCode.Redirect)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode expected)
    {
        var answer = await Send(HttpMethod.Get, url, TrustedProxy, https: true);

        Assert.Equal(expected, answer.StatusCode);
        var csp = Assert.Single(answer.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'",
                     "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "img-src 'self' data:" })
            Assert.Contains(directive, csp);
        // Scripts, styles, fonts and fetches fall back to default-src 'self': nothing may name them more loosely.
        Assert.DoesNotMatch("(script|style|font|connect)-src", csp);
        Assert.DoesNotContain("unsafe", csp);
        Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(answer.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task An_error_page_after_an_exception_keeps_the_security_headers()
    {
        // The exception handler clears the response's headers before rendering /Error: they must come back.
        var answer = await Send(HttpMethod.Get, "/Error?code=500", TrustedProxy, https: true);

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Contains("frame-ancestors 'none'", answer.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Https_at_the_trusted_proxy_means_no_redirect_and_secure_cookies()
    {
        var page = await Send(HttpMethod.Get, "/Account/Login", TrustedProxy, https: true);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // not redirected to https again (no loop)
        Assert.Contains("max-age", page.Headers.GetValues("Strict-Transport-Security").Single());
        var antiforgery = Cookie(page, "coaching.af");
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var token = WebUtility.HtmlDecode(TokenField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        var signedIn = await Send(HttpMethod.Post, "/Account/Login", TrustedProxy, https: true, cookie: antiforgery.Split(';')[0],
            form: new() { ["Form.Email"] = "manager@demo.local", ["Form.Password"] = Coaching.Web.Demo.DemoSeeder.Password, ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("secure", Cookie(signedIn, "coaching.auth"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_stranger_claiming_https_is_not_believed()
    {
        var answer = await Send(HttpMethod.Get, "/Account/Login", Stranger, https: true);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, answer.StatusCode);
        Assert.StartsWith("https://coaching.example/Account/Login", answer.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Plain_http_through_the_trusted_proxy_is_sent_to_https()
    {
        var answer = await Send(HttpMethod.Get, "/Account/Login", TrustedProxy, https: false);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, answer.StatusCode);
    }

    async Task<HttpResponseMessage> Send(HttpMethod method, string url, string peer, bool https, string? cookie = null, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Host = "coaching.example"; // HSTS is never sent to localhost
        request.Headers.Add(SecuredApp.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-Proto", https ? "https" : "http");
        request.Headers.Add("X-Forwarded-For", "192.0.2.44");
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        return await app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);
    }

    static string Cookie(HttpResponseMessage answer, string name) =>
        answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "="));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
