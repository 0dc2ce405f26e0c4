using System.Net;
using System.Net.Http.Headers;
using Coaching.Tests.Infrastructure;

namespace Coaching.Tests.Foundation;

/// <summary>Responses are compressed as a browser asks, and fingerprinted static files are cached for a year.</summary>
public class PageWeightTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    async Task<HttpResponseMessage> GetAsync(string path, string encoding)
    {
        var client = factory.NewClient(); // the test client does not decompress: what it reads is what went over the wire
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Bootstraps_stylesheet_goes_brotli_compressed_and_cached_a_year_when_its_address_carries_the_fingerprint()
    {
        var response = await GetAsync("/lib/bootstrap/css/bootstrap.min.css?v=abc", "br");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.InRange(bytes.Length, 1, 40_000); // 232 KB uncompressed
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
        Assert.Contains(response.Headers.CacheControl.Extensions, e => e.Name == "immutable");
    }

    [Fact]
    public async Task Without_a_fingerprint_a_file_is_cached_an_hour_and_a_page_goes_gzip_to_a_browser_that_asks_for_it()
    {
        var file = await GetAsync("/favicon.svg", "gzip");
        var page = await GetAsync("/Account/Login", "gzip");

        Assert.Equal(TimeSpan.FromHours(1), file.Headers.CacheControl!.MaxAge);
        Assert.DoesNotContain(file.Headers.CacheControl.Extensions, e => e.Name == "immutable");
        Assert.Equal(["gzip"], page.Content.Headers.ContentEncoding);
        await using var unzip = new System.IO.Compression.GZipStream(await page.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        Assert.Contains("Sign in", await new StreamReader(unzip).ReadToEndAsync());
    }
}
