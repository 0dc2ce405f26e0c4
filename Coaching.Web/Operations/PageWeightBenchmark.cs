using System.CommandLine;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>bench page-weight --url URL</c>: what a manager's browser downloads on a first visit to My team and on the next
/// page: the HTML and every stylesheet, script and icon it links, as sent over the wire (asking for Brotli or gzip as a
/// browser does), against the target of 100 KB for the first page. Assets answered with a year-long immutable cache are
/// not fetched again on the next page.
/// </summary>
public sealed partial class PageWeightBenchmark : Operation
{
    public const int TargetKb = 100;

    public static Command Command(IServiceProvider services)
    {
        var url = OperatorCommandLine.Url("http://127.0.0.1:5094");
        return OperatorCommandLine.Verb<PageWeightBenchmark>(services, "page-weight", "Bytes a manager's first page transfers, compressed (see scripts/bench-page-weight.sh).",
            developmentOnly: true, [url], (b, p, ct) => b.RunAsync(p.GetRequiredValue(url).ToString().TrimEnd('/'), ct));
    }

    public async Task<int> RunAsync(string url, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        await BenchmarkClient.SignInAsync(url, "manager@demo.local", ct, cookies);
        using var wire = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(url) };
        wire.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        wire.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        Out.WriteLine($"What manager@demo.local's browser downloads for My team at {url} (Accept-Encoding: br, gzip)");
        var page = await FetchAsync(wire, "/Team", ct);
        var rows = new List<Fetched> { page };
        foreach (Match link in AssetLink().Matches(page.Text))
            rows.Add(await FetchAsync(wire, WebUtility.HtmlDecode(link.Groups["href"].Value), ct));
        foreach (var row in rows)
            Out.WriteLine($"  {row.Path,-60} {row.Wire,8:N0} B on the wire ({row.Size:N0} B, {row.Encoding}){(row.Immutable ? ", cached a year" : "")}");
        var first = rows.Sum(r => r.Wire);
        var next = rows.Where(r => !r.Immutable).Sum(r => r.Wire);
        Out.WriteLine($"  first page: {first / 1024.0:N1} KB transferred (target < {TargetKb} KB: {(first < TargetKb * 1024 ? "met" : "NOT met")}); " +
            $"the next page: {next / 1024.0:N1} KB (its HTML only; {rows.Sum(r => r.Size) / 1024.0:N1} KB uncompressed in all)");
        return 0;
    }

    sealed record Fetched(string Path, long Wire, long Size, string Encoding, bool Immutable, string Text);

    static async Task<Fetched> FetchAsync(HttpClient wire, string path, CancellationToken ct)
    {
        using var response = await wire.GetAsync(path, ct);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault() ?? "identity";
        await using var body = encoding switch
        {
            "br" => (Stream)new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
            _ => new MemoryStream(bytes),
        };
        using var plain = new MemoryStream();
        await body.CopyToAsync(plain, ct);
        var immutable = response.Headers.CacheControl?.Extensions.Any(e => e.Name == "immutable") == true;
        return new(path, bytes.LongLength, plain.Length, encoding, immutable, Encoding.UTF8.GetString(plain.ToArray()));
    }

    [GeneratedRegex("<(?:link[^>]+rel=\"(?:stylesheet|icon)\"[^>]+href|script[^>]+src)=\"(?<href>/[^\"]+)\"")] private static partial Regex AssetLink();
}
