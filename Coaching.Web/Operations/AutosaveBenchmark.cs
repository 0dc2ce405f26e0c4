using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Coaching.Web.Infrastructure;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>bench autosave --url http://127.0.0.1:5090 --users 16 --seconds 20</c>: signs in the demo managers against a
/// running app and measures the rating autosave round trip under concurrent load, then <c>/health</c> the same way,
/// and prints requests/second and p50/p99 latency for both. Run through <c>scripts/bench-autosave.sh</c>.
/// </summary>
public sealed partial class AutosaveBenchmark : Operation
{
    static readonly string[] Managers = ["manager@demo.local", "manager2@demo.local", "manager3@demo.local", "manager4@demo.local"];

    public static Command Command(IServiceProvider services)
    {
        var url = OperatorCommandLine.Url("http://127.0.0.1:5090");
        var users = OperatorCommandLine.Number("--users", "How many managers save ratings at once", 16, 1, 1000);
        var seconds = OperatorCommandLine.Number("--seconds", "How long each phase lasts", 20, 1, 3600);
        return OperatorCommandLine.Verb<AutosaveBenchmark>(services, "autosave", "Load a running app with concurrent rating autosaves, then /health (see scripts/bench-autosave.sh).",
            developmentOnly: true, [url, users, seconds], (b, p, ct) => b.RunAsync(p.GetRequiredValue(url).ToString().TrimEnd('/'), p.GetValue(users), p.GetValue(seconds), ct));
    }

    public async Task<int> RunAsync(string url, int users, int seconds, CancellationToken ct)
    {
        var sessions = await Task.WhenAll(Enumerable.Range(0, users).Select(i => ManagerSession.StartAsync(url, Managers[i % Managers.Length], i, ct)));
        await RunPhaseAsync(sessions, TimeSpan.FromSeconds(3), s => s.SaveRatingAsync(ct), ct); // warm-up
        var autosave = await RunPhaseAsync(sessions, TimeSpan.FromSeconds(seconds), s => s.SaveRatingAsync(ct), ct);
        var health = await RunPhaseAsync(sessions, TimeSpan.FromSeconds(seconds), s => s.HealthAsync(ct), ct);

        Out.WriteLine($"{users} concurrent users, {seconds} s each, against {url} (SQLite)");
        Out.WriteLine($"{"endpoint",-22} {"requests",9} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
        Print("rating autosave", autosave, seconds);
        Print("/health", health, seconds);
        return autosave.Errors + health.Errors == 0 ? 0 : 1;
    }

    void Print(string name, Phase p, int seconds)
    {
        var (p50, p99) = BenchmarkClient.Spread(p.Latencies, 0.99);
        Out.WriteLine($"{name,-22} {p.Latencies.Count,9} {p.Latencies.Count / (double)seconds,8:0.0} {p50,8:0.0} {p99,8:0.0} {p.Errors,7}");
    }

    sealed record Phase(List<double> Latencies, int Errors);

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

        [GeneratedRegex("data-employee-id=\"(\\d+)\"")] private static partial Regex EmployeeIds();
        [GeneratedRegex("name=\"Form.Ratings\\[(\\d+)\\].SkillId\" value=\"(\\d+)\"")] private static partial Regex SkillIds();
        [GeneratedRegex("id=\"obs-revision\"[^>]*?value=\"(\\d+)\"")] private static partial Regex Revision();
    }
}
