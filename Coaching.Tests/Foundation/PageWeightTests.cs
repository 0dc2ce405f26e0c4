using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Coaching.Tests.Infrastructure;

namespace Coaching.Tests.Foundation;

/// <summary>
/// Static files come from the build's manifest (MapStaticAssets): the layout links each under an address carrying its
/// fingerprint, answered precompressed and cached for a year; pages are compressed as a browser asks.
/// </summary>
public partial class PageWeightTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    async Task<HttpResponseMessage> GetAsync(string path, string encoding, string? ifNoneMatch = null)
    {
        var client = factory.NewClient(); // the test client does not decompress: what it reads is what went over the wire
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        return await client.SendAsync(request);
    }

    async Task<string> SignInPageAsync() => await factory.NewClient().GetStringAsync("/Account/Login");

    [Fact]
    public async Task The_layout_links_every_stylesheet_script_and_icon_by_its_fingerprinted_address()
    {
        var links = AssetLink().Matches(await SignInPageAsync()).Select(m => m.Groups["href"].Value).ToList();

        Assert.Equal(6, links.Count); // icon, Bootstrap and site stylesheets, htmx, Bootstrap's and the site's scripts
        Assert.All(links, href => Assert.Matches(@"^/[\w/.-]+\.[a-z0-9]{10}\.(css|js|svg)$", href));
    }

    [Fact]
    public async Task Bootstraps_stylesheet_goes_brotli_compressed_at_build_and_cached_a_year_under_its_fingerprint()
    {
        var href = AssetLink().Matches(await SignInPageAsync()).Select(m => m.Groups["href"].Value).Single(h => h.Contains("bootstrap.min.") && h.EndsWith(".css"));

        var response = await GetAsync(href, "br");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        // 232 KB uncompressed; 33 KB when compressed per response at CompressionLevel.Optimal, about 23 KB at build.
        Assert.InRange(bytes.Length, 1, 25_000);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
        Assert.Contains(response.Headers.CacheControl.Extensions, e => e.Name == "immutable");
        await using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        Assert.StartsWith("@charset \"UTF-8\";/*!\n * Bootstrap", await new StreamReader(brotli).ReadToEndAsync());
    }

    [Fact]
    public async Task Without_a_fingerprint_a_file_is_cached_an_hour_then_revalidated_by_its_etag_and_a_page_goes_gzip_to_a_browser_that_asks_for_it()
    {
        var file = await GetAsync("/favicon.svg", "gzip");
        var again = await GetAsync("/favicon.svg", "gzip", ifNoneMatch: file.Headers.ETag!.Tag);
        var page = await GetAsync("/Account/Login", "gzip");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), file.Headers.CacheControl!.MaxAge);
        Assert.True(file.Headers.CacheControl.MustRevalidate);
        Assert.DoesNotContain(file.Headers.CacheControl.Extensions, e => e.Name == "immutable");
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(["gzip"], page.Content.Headers.ContentEncoding);
        await using var unzip = new System.IO.Compression.GZipStream(await page.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        Assert.Contains("Sign in", await new StreamReader(unzip).ReadToEndAsync());
    }

    [GeneratedRegex("<(?:link[^>]+href|script[^>]+src)=\"(?<href>/[^\"]+)\"")] private static partial Regex AssetLink();
}
