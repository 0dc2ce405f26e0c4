using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

using System.Text.RegularExpressions;
using Coaching.Web.Infrastructure;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>bench autosave --url http://127.0.0.1:5090 --users 16 --seconds 20</c>: signs in the demo managers against a
/// running app and measures the rating autosave round trip under concurrent load, then <c>/health</c> the same way,
/// and prints requests/second and p50/p99 latency for both, then the bytes of one autosave round trip as a browser
/// sends it (every field of the form, htmx's and Chromium's headers, the answer compressed as served), counted on the
/// wire. Run through <c>scripts/bench-autosave.sh</c>.
/// <para>
/// The measured phase starts once the app runs at its steady pace: a freshly started process spends its first half
/// minute or so under this load recompiling its hot paths (the runtime's tiered compilation), at a third of the rate and
/// twice the p99. The warm-up runs in windows of <see cref="WarmUpWindow"/>, each printed, until the runtime has
/// stopped compiling; those windows are what the first users after a restart see.
/// </para>
/// </summary>
public sealed partial class AutosaveBenchmark : Operation
{
    static readonly string[] Managers = ["manager@demo.local", "manager2@demo.local", "manager3@demo.local", "manager4@demo.local"];

    public static Command Command(IServiceProvider services)
    {
        var url = OperatorCommandLine.Url("http://127.0.0.1:5090");
        var users = OperatorCommandLine.Number("--users", "How many managers save ratings at once", 16, 1, 1000);
        var seconds = OperatorCommandLine.Number("--seconds", "How long each phase lasts", 20, 1, 3600);
        var warmUp = OperatorCommandLine.Number("--warm-up", "At most this many seconds of autosaves before measuring, until the rate stops climbing", 120, 0, 3600);
        return OperatorCommandLine.Verb<AutosaveBenchmark>(services, "autosave", "Load a running app with concurrent rating autosaves, then /health (see scripts/bench-autosave.sh).",
            developmentOnly: true, [url, users, seconds, warmUp],
            (b, p, ct) => b.RunAsync(p.GetRequiredValue(url).ToString().TrimEnd('/'), p.GetValue(users), p.GetValue(seconds), p.GetValue(warmUp), ct));
    }

    static readonly TimeSpan WarmUpWindow = TimeSpan.FromSeconds(5);

    public async Task<int> RunAsync(string url, int users, int seconds, int warmUpLimit, CancellationToken ct)
    {
        var sessions = await Task.WhenAll(Enumerable.Range(0, users).Select(i => ManagerSession.StartAsync(url, Managers[i % Managers.Length], i, ct)));
        await WarmUpAsync(url, sessions, warmUpLimit, ct);
        var autosave = await RunPhaseAsync(sessions, TimeSpan.FromSeconds(seconds), s => s.SaveRatingAsync(ct), ct);
        await RunPhaseAsync(sessions, WarmUpWindow, s => s.HealthAsync(ct), ct);
        var health = await RunPhaseAsync(sessions, TimeSpan.FromSeconds(seconds), s => s.HealthAsync(ct), ct);

        Out.WriteLine($"{users} concurrent users, {seconds} s each, against {url} (SQLite)");
        Out.WriteLine($"{"endpoint",-22} {"requests",9} {"req/s",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7}");
        Print("rating autosave", autosave, seconds);
        Print("/health", health, seconds);
        Out.WriteLine($"autosave rate / health rate: {autosave.Latencies.Count / (double)Math.Max(1, health.Latencies.Count):0.00} (target at least 0.70); autosave p99 target under 40 ms");

        var trip = await RoundTrip.MeasureAsync(url, Managers[0], ct);
        Out.WriteLine($"one autosave round trip (HTTP/1.1): {trip.Total:N0} bytes (target under 3,072) = request {trip.RequestHeaders:N0} headers + {trip.RequestBody:N0} body, answer {trip.ResponseHeaders:N0} headers + {trip.ResponseBody:N0} body ({trip.Encoding})");
        return autosave.Errors + health.Errors == 0 && trip.Saved ? 0 : 1;
    }

    /// <summary>
    /// Autosaves in windows, each printed, until the server's runtime has stopped recompiling: two windows in a row in
    /// which it spent under 1% of the time compiling, read from its Prometheus scrape (<c>Telemetry:Prometheus</c>, as
    /// the script runs it). A server without one is taken as steady after 30 s once two windows in a row no longer
    /// climb: the rate can hold flat for a while before the recompiled code lands.
    /// </summary>
    async Task WarmUpAsync(string url, ManagerSession[] sessions, int limitSeconds, CancellationToken ct)
    {
        using var scrape = new HttpClient { BaseAddress = new Uri(url) };
        var rates = new List<double>();
        var compiling = new List<double>(); // share of each window the runtime spent compiling
        var elapsed = TimeSpan.Zero;
        var jitBefore = await JitSecondsAsync(scrape, ct);
        while (elapsed.TotalSeconds < limitSeconds && !Steady())
        {
            var window = await RunPhaseAsync(sessions, WarmUpWindow, s => s.SaveRatingAsync(ct), ct);
            var jitAfter = await JitSecondsAsync(scrape, ct);
            rates.Add(window.Latencies.Count / WarmUpWindow.TotalSeconds);
            if (jitBefore is { } b && jitAfter is { } a) compiling.Add((a - b) / WarmUpWindow.TotalSeconds);
            jitBefore = jitAfter;
            elapsed += WarmUpWindow;
            var (_, p99) = BenchmarkClient.Spread(window.Latencies, 0.99);
            Out.WriteLine($"warm-up {elapsed.TotalSeconds - WarmUpWindow.TotalSeconds,3:0}–{elapsed.TotalSeconds:0} s: {rates[^1],7:0.0} autosaves/s, p99 {p99,5:0.0} ms" +
                (compiling.Count > 0 ? $", compiling {compiling[^1]:0.0%} of the time" : "") + (window.Errors > 0 ? $", {window.Errors} errors" : ""));
        }
        Out.WriteLine(Steady() ? $"steady after {elapsed.TotalSeconds:0} s: measuring" : $"not steady after {elapsed.TotalSeconds:0} s (--warm-up): measuring anyway");

        bool Steady() => compiling.Count > 0
            ? compiling.Count >= 2 && compiling[^1] < 0.01 && compiling[^2] < 0.01
            : elapsed.TotalSeconds >= 30 && rates.Count >= 3 && rates[^1] <= rates[^2] * 1.05 && rates[^2] <= rates[^3] * 1.05;
    }

    /// <summary>Seconds the server's runtime has spent compiling since it started, or null when it serves no <c>/metrics</c>.</summary>
    static async Task<double?> JitSecondsAsync(HttpClient scrape, CancellationToken ct)
    {
        using var response = await scrape.GetAsync("/metrics", ct);
        if (!response.IsSuccessStatusCode) return null;
        var line = JitSeconds().Match(await response.Content.ReadAsStringAsync(ct));
        return line.Success ? double.Parse(line.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex("(?m)^dotnet_jit_compilation_time_seconds_total(?:\\{[^}]*\\})? ([0-9.eE+-]+)")] private static partial Regex JitSeconds();

    void Print(string name, Phase p, int seconds)
    {
        var (p50, p99) = BenchmarkClient.Spread(p.Latencies, 0.99);
        var p90 = BenchmarkClient.Spread(p.Latencies, 0.9).Percentile;
        Out.WriteLine($"{name,-22} {p.Latencies.Count,9} {p.Latencies.Count / (double)seconds,8:0.0} {p50,8:0.0} {p90,8:0.0} {p99,8:0.0} {p.Latencies.DefaultIfEmpty().Max(),8:0.0} {p.Errors,7}");
    }

    sealed record Phase(List<double> Latencies, int Errors);

    [GeneratedRegex("data-employee-id=\"(\\d+)\"")] private static partial Regex EmployeeIds();
    [GeneratedRegex("name=\"Form.Ratings\\[(\\d+)\\].SkillId\" value=\"(\\d+)\"")] private static partial Regex SkillIds();
    [GeneratedRegex("id=\"obs-revision\"[^>]*?value=\"(\\d+)\"")] private static partial Regex Revision();

    static async Task<Phase> RunPhaseAsync(ManagerSession[] sessions, TimeSpan length, Func<ManagerSession, Task<bool>> request, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var results = await Task.WhenAll(sessions.Select(async s =>
        {
            var latencies = new List<double>();
            var errors = 0;
            while (Stopwatch.GetTimestamp() < until && !ct.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await request(s);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok) errors++;
            }
            return (latencies, errors);
        }));
        return new Phase(results.SelectMany(r => r.latencies).ToList(), results.Sum(r => r.errors));
    }

    /// <summary>One manager on one tablet: a signed-in client with a draft observation of their own.</summary>
    sealed partial class ManagerSession(HttpClient client, Dictionary<string, string> form, int skills, int seed)
    {
        readonly Random random = new(seed);
        string token = "";

        public static async Task<ManagerSession> StartAsync(string url, string email, int index, CancellationToken ct)
        {
            var (signedIn, team) = await BenchmarkClient.SignInAsync(url, email, ct);
            var client = signedIn.Http;
            var employees = EmployeeIds().Matches(team).Select(m => m.Groups[1].Value).Distinct().ToList();
            if (employees.Count == 0) throw new InvalidOperationException($"{email} sees no team at {url}: is the demo organisation seeded?");
            var page = await client.GetStringAsync($"/Observations/Log?employeeId={employees[index % employees.Count]}", ct);
            var form = new Dictionary<string, string>
            {
                ["Form.DraftKey"] = Guid.NewGuid().ToString(), ["Form.EmployeeId"] = employees[index % employees.Count], ["Form.Revision"] = "0",
                ["Form.RubricVersionId"] = Field(page, "Form.RubricVersionId"), ["Form.ObservedAt"] = Field(page, "Form.ObservedAt"),
            };
            var skillIds = SkillIds().Matches(page).Select(m => m.Groups[2].Value).ToList();
            for (var i = 0; i < skillIds.Count; i++) form[$"Form.Ratings[{i}].SkillId"] = skillIds[i];
            return new ManagerSession(client, form, skillIds.Count, index) { token = BenchmarkClient.TokenIn(page) };
        }

        /// <summary>One tap on a level: the whole form is posted, as the page's autosave does.</summary>
        public async Task<bool> SaveRatingAsync(CancellationToken ct)
        {
            form[$"Form.Ratings[{random.Next(skills)}].Level"] = random.Next(1, 5).ToString();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Observations/Log?handler=Save") { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("HX-Request", "true");
            request.Headers.Add(Antiforgery.HeaderName, token);
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var revision = Revision().Match(body);
            if (!response.IsSuccessStatusCode || !revision.Success) return false;
            form["Form.Revision"] = revision.Groups[1].Value;
            return true;
        }

        public async Task<bool> HealthAsync(CancellationToken ct)
        {
            using var response = await client.GetAsync("/health", ct);
            return response.IsSuccessStatusCode;
        }

        static string Field(string html, string name) => WebUtility.HtmlDecode(new Regex($"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Match(html).Groups[1].Value);

    }

    /// <summary>
    /// One autosave as Chromium sends it from the form, on a connection of its own whose bytes are counted both ways:
    /// every field htmx posts from the form (not its antiforgery field: the header carries it), the headers htmx and the browser add, and the answer as
    /// served (compressed when the browser accepts it). HTTP/1.1, where every request repeats its headers (the sign-in
    /// cookie alone is about 1 KB); a browser on HTTP/2 (HTTPS) sends headers it sent before on the connection as an index.
    /// </summary>
    sealed partial record RoundTrip(int RequestHeaders, int RequestBody, int ResponseHeaders, int ResponseBody, string Encoding, bool Saved)
    {
        public int Total => RequestHeaders + RequestBody + ResponseHeaders + ResponseBody;

        public static async Task<RoundTrip> MeasureAsync(string url, string email, CancellationToken ct)
        {
            var cookies = new CookieContainer();
            var (signedIn, team) = await BenchmarkClient.SignInAsync(url, email, ct, cookies);
            signedIn.Http.Dispose();
            WireCount? wire = null;
            using var client = new HttpClient(new SocketsHttpHandler
            {
                CookieContainer = cookies, AutomaticDecompression = DecompressionMethods.All,
                ConnectCallback = async (context, token) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return wire = new WireCount(new NetworkStream(socket, ownsSocket: true));
                },
            }) { BaseAddress = new Uri(url) };
            var employee = EmployeeIds().Match(team).Groups[1].Value;
            var page = $"{url}/Observations/Log?employeeId={employee}";
            var html = await client.GetStringAsync(page, ct);
            var token = BenchmarkClient.TokenIn(html);
            var fields = FormFields(html);

            async Task<(HttpResponseMessage Response, string Body)> SaveAsync(int level)
            {
                var radio = RadioNames().Match(html).Groups[1].Value;
                fields.RemoveAll(f => f.Key == radio);
                fields.Add(new(radio, level.ToString()));
                fields.RemoveAll(f => f.Key == "Form.Edited");
                fields.Add(new("Form.Edited", radio)); // observation.js says which fields changed
                using var request = new HttpRequestMessage(HttpMethod.Post, "/Observations/Log?handler=Save") { Content = new FormUrlEncodedContent(fields) };
                foreach (var (name, value) in BrowserHeaders(url)) request.Headers.TryAddWithoutValidation(name, value);
                request.Headers.Add(Antiforgery.HeaderName, token);
                var response = await client.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (Revision().Match(body) is { Success: true } m)
                {
                    fields.RemoveAll(f => f.Key == "Form.Revision");
                    fields.Add(new("Form.Revision", m.Groups[1].Value));
                }
                if (ObservationId().Match(body) is { Success: true } id)
                {
                    fields.RemoveAll(f => f.Key == "Form.ObservationId");
                    fields.Add(new("Form.ObservationId", id.Groups[1].Value));
                }
                return (response, body);
            }

            (await SaveAsync(2)).Response.Dispose(); // the first save makes the draft; the measured one changes a level in it, as most taps do
            wire!.Reset();
            var (response, _) = await SaveAsync(3);
            using (response)
            {
                var (sentHeaders, sentBody) = WireCount.Split(wire.Sent);
                var (receivedHeaders, receivedBody) = WireCount.Split(wire.Received);
                // The handler takes Content-Encoding off once it has decompressed: read it from the wire.
                var encoding = ContentEncoding().Match(System.Text.Encoding.ASCII.GetString(wire.Received.ToArray(), 0, receivedHeaders));
                return new RoundTrip(sentHeaders, sentBody, receivedHeaders, receivedBody,
                    encoding.Success ? encoding.Groups[1].Value.Trim() : "not compressed", response.IsSuccessStatusCode);
            }
        }

        /// <summary>
        /// What Chromium and htmx add to an autosave (the cookies come from the cookie container). No Referer: the app's
        /// Referrer-Policy is no-referrer; no HX-Current-URL or HX-Trigger: observation.js leaves them out.
        /// </summary>
        static IEnumerable<(string, string)> BrowserHeaders(string url) =>
        [
            ("Accept", "*/*"), ("Accept-Language", "en-GB,en;q=0.9"), ("Origin", url),
            ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"),
            ("sec-ch-ua", "\"Chromium\";v=\"140\", \"Not=A?Brand\";v=\"24\""), ("sec-ch-ua-mobile", "?0"), ("sec-ch-ua-platform", "\"Linux\""),
            ("Sec-Fetch-Site", "same-origin"), ("Sec-Fetch-Mode", "cors"), ("Sec-Fetch-Dest", "empty"),
            ("HX-Request", "true"),
        ];

        /// <summary>
        /// The form's fields as the browser posts them: inputs with their values (radios only when chosen), textareas,
        /// selects; empty ones left out but for hidden inputs, as observation.js does.
        /// </summary>
        static List<KeyValuePair<string, string>> FormFields(string html)
        {
            var form = html[html.IndexOf("<form id=\"observation\"", StringComparison.Ordinal)..];
            form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
            var fields = new List<KeyValuePair<string, string>>();
            // data-hx-params="not a,b": htmx leaves those out.
            var left = Attribute(form[..form.IndexOf('>')], "data-hx-params") is var p && p.StartsWith("not ", StringComparison.Ordinal)
                ? p[4..].Split(',', StringSplitOptions.TrimEntries).ToHashSet() : [];
            foreach (Match m in Inputs().Matches(form))
            {
                var tag = m.Value;
                var name = WebUtility.HtmlDecode(Attribute(tag, "name"));
                var type = Attribute(tag, "type");
                if (name.Length == 0 || (type is "radio" or "checkbox" && !tag.Contains(" checked", StringComparison.Ordinal))) continue;
                var value = WebUtility.HtmlDecode(Attribute(tag, "value"));
                if (value.Length > 0 || type == "hidden") fields.Add(new(name, value));
            }
            foreach (Match m in TextAreas().Matches(form))
                if (m.Groups[2].Value.Length > 0) fields.Add(new(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)));
            foreach (Match m in Selects().Matches(form))
                if (SelectedOption().Match(m.Groups[2].Value) is { Success: true } o && o.Groups[1].Value.Length > 0)
                    fields.Add(new(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(o.Groups[1].Value)));
            fields.RemoveAll(f => left.Contains(f.Key));
            return fields;
        }

        static string Attribute(string tag, string name) => new Regex($"\\s{name}=\"([^\"]*)\"").Match(tag).Groups[1].Value;

        [GeneratedRegex("(?im)^content-encoding:(.*)$")] private static partial Regex ContentEncoding();
        [GeneratedRegex("<input\\b[^>]*>")] private static partial Regex Inputs();
        [GeneratedRegex("<textarea\\b[^>]*?name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)] private static partial Regex TextAreas();
        [GeneratedRegex("<select\\b[^>]*?name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)] private static partial Regex Selects();
        [GeneratedRegex("<option\\b[^>]*?value=\"([^\"]*)\"[^>]*selected")] private static partial Regex SelectedOption();
        [GeneratedRegex("name=\"(Form.Ratings\\[\\d+\\].Level)\"")] private static partial Regex RadioNames();
        [GeneratedRegex("id=\"obs-id\"[^>]*?value=\"(\\d+)\"")] private static partial Regex ObservationId();
    }

    /// <summary>A connection's stream that keeps what went each way, to count a round trip's bytes as sent.</summary>
    sealed class WireCount(Stream inner) : Stream
    {
        public MemoryStream Sent { get; private set; } = new();
        public MemoryStream Received { get; private set; } = new();
        public void Reset() { Sent = new(); Received = new(); }

        /// <summary>Header bytes (up to and with the blank line) and the rest, of one HTTP/1.1 message.</summary>
        public static (int Headers, int Body) Split(MemoryStream bytes)
        {
            var all = bytes.ToArray();
            var end = all.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
            return (end, all.Length - end);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            var n = await inner.ReadAsync(buffer, ct);
            Received.Write(buffer.Span[..n]);
            return n;
        }
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            Sent.Write(buffer.Span);
            await inner.WriteAsync(buffer, ct);
        }
        public override int Read(byte[] buffer, int offset, int count) { var n = inner.Read(buffer, offset, count); Received.Write(buffer, offset, n); return n; }
        public override void Write(byte[] buffer, int offset, int count) { Sent.Write(buffer, offset, count); inner.Write(buffer, offset, count); }
        public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);
        public override void Flush() => inner.Flush();
        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
