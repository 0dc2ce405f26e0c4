using System.Net;
using System.Text.RegularExpressions;
using Coaching.Web.Demo;

namespace Coaching.Web.Operations;

/// <summary>
/// A demo account signed in to a running app over HTTP, as a browser would be (cookies, antiforgery token), for the
/// benchmark commands that measure pages end to end.
/// </summary>
public sealed partial class BenchmarkClient(HttpClient http, string token)
{
    public HttpClient Http => http;
    /// <summary>The antiforgery token of the page last read, for posts.</summary>
    public string Token { get; private set; } = token;

    /// <summary>Signs in; <paramref name="cookies"/>, when given, receives the session so another client can share it.</summary>
    public static async Task<(BenchmarkClient Client, string LandingPage)> SignInAsync(string url, string email, CancellationToken ct, CookieContainer? cookies = null)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(url) };
        var login = await http.GetStringAsync("/Account/Login", ct);
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = email, ["Form.Password"] = DemoSeeder.Password, ["__RequestVerificationToken"] = TokenIn(login),
        }), ct);
        var landing = await response.Content.ReadAsStringAsync(ct);
        if (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/Account/Login") == true)
            throw new InvalidOperationException($"{email} could not sign in at {url}: is the demo organisation seeded?");
        return (new BenchmarkClient(http, TokenIn(landing)), landing);
    }

    public async Task<string> GetPageAsync(string path, CancellationToken ct, bool htmx = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (htmx) request.Headers.Add("HX-Request", "true");
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync(ct);
        if (TokenField().Match(html) is { Success: true } m) Token = WebUtility.HtmlDecode(m.Groups[1].Value);
        return html;
    }

    /// <summary>A page's answer time over HTTP: one warm-up, then <paramref name="runs"/> timed requests; the last answer is kept to read links from.</summary>
    public async Task<PageTiming> TimeAsync(string path, int runs, bool htmx, CancellationToken ct)
    {
        var html = await GetPageAsync(path, ct, htmx); // warm-up, not counted
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            html = await GetPageAsync(path, ct, htmx);
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var (median, p90) = Spread(times, 0.9);
        return new PageTiming(median, p90, html);
    }

    public static string TokenIn(string html) => WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);

    /// <summary>Median and the given percentile of a set of timings, in the units given.</summary>
    public static (double Median, double Percentile) Spread(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return (0, 0);
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
        return (At(0.5), At(percentile));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")] private static partial Regex TokenField();
}

/// <summary>Median and 90th percentile of a page's answer time, and its HTML.</summary>
public sealed record PageTiming(double Median, double P90, string Html)
{
    public string Line(string what, int? targetMs, int width = 72) =>
        $"  {what.PadRight(width)} median {Median,6:0} ms   p90 {P90,6:0} ms   {System.Text.Encoding.UTF8.GetByteCount(Html) / 1024.0,6:0} KB{(targetMs is { } target ? $"   target < {target} ms: {(Median < target ? "met" : "NOT met")}" : "")}";
}
