using System.Net;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;

namespace Coaching.Tests.Infrastructure;

/// <summary>
/// Drives the app the way a browser's form posts do: reads the antiforgery token from the page it is on and
/// sends it back with the form, and hands back the parsed HTML to assert on.
/// </summary>
public sealed partial class Browser(HttpClient client)
{
    public HttpClient Client => client;
    public string? Token { get; private set; }

    public static async Task<Browser> SignedInAsync(CoachingFactory factory, string email, string password = Coaching.Web.Demo.DemoSeeder.Password)
    {
        var browser = new Browser(factory.NewClient());
        var response = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await browser.GetAsync("/Account/Login"); // antiforgery tokens are bound to the signed-in user: take a fresh one
        return browser;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        await GetAsync("/Account/Login");
        return await PostAsync("/Account/Login", new() { ["Form.Email"] = email, ["Form.Password"] = password });
    }

    public async Task<HttpResponseMessage> GetAsync(string url, bool htmx = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (htmx) request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        await RememberTokenAsync(response);
        return response;
    }

    public async Task<IDocument> GetDocumentAsync(string url, bool htmx = false)
    {
        var response = await GetAsync(url, htmx);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>Posts a form with the antiforgery token, as the layout's hx-headers (htmx) or hidden field (plain form) would.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> form, bool htmx = false, bool withToken = true)
    {
        if (Token is null && withToken) await GetAsync("/Account/Login");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        if (withToken)
        {
            if (htmx) request.Headers.Add(Coaching.Web.Infrastructure.Antiforgery.HeaderName, Token);
            else request.Content = new FormUrlEncodedContent(form.Append(new("__RequestVerificationToken", Token!)));
        }
        if (htmx) request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        await RememberTokenAsync(response);
        return response;
    }

    /// <summary>A plain form post whose fields may repeat (ticked checkboxes of one name), with the antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFieldsAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        if (Token is null) await GetAsync("/Account/Login");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", Token!))),
        };
        var response = await client.SendAsync(request);
        await RememberTokenAsync(response);
        return response;
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html));
    }

    async Task RememberTokenAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html") return;
        var html = await response.Content.ReadAsStringAsync();
        var match = TokenField().Match(html);
        if (match.Success) Token = WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
