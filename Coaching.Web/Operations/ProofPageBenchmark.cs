using System.CommandLine;
using System.Net;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>bench proof --url URL [--runs 9]</c>: signs in as hr@demo.local against a running app and times HR's proof-of-skill
/// pages over HTTP on loopback (rendering included): training per tenure band, the training events, the event with the
/// most attendees (before/after and its comparison group), and sign-offs across the organisation. A page that answers
/// with an error (a 404 while it is not built yet) is reported and the run goes on; the exit code is then 1.
/// Run through <c>scripts/bench-proof.sh</c>.
/// </summary>
public sealed class ProofPageBenchmark(CoachingDbContext db) : Operation
{
    public const int TargetMs = 500;

    /// <summary>The pages timed, in one place to adjust as they are built; {event} is the busiest training event's id.</summary>
    public static readonly (string What, string Path)[] Pages =
    [
        ("Training per tenure band (full page)", "/Training/Bands"),
        ("Training events (full page)", "/Training/Events"),
        ("The training event with the most attendees: before and after (full page)", "/Training/Events/{event}"),
        ("Sign-offs across the organisation (full page)", "/Insights/SignOffs"),
    ];

    public static Command Command(IServiceProvider services)
    {
        var url = OperatorCommandLine.Url("http://127.0.0.1:5093");
        var runs = OperatorCommandLine.Number("--runs", "How many timed runs of each page (after one warm-up)", 9, 1, 1000);
        return OperatorCommandLine.Verb<ProofPageBenchmark>(services, "proof", "Time HR's proof-of-skill pages over HTTP against a running app (see scripts/bench-proof.sh).",
            developmentOnly: true, [url, runs], (b, p, ct) => b.RunAsync(p.GetRequiredValue(url).ToString().TrimEnd('/'), p.GetValue(runs), ct));
    }

    public async Task<int> RunAsync(string url, int runs, CancellationToken ct)
    {
        // The event with the most attendees is the heaviest before/after read (its comparison group is its roles' people).
        var events = await db.TrainingEvents.AsNoTracking().Select(e => new { e.Id, e.AttendeeIds }).ToListAsync(ct);
        var busiest = events.OrderByDescending(e => e.AttendeeIds.Count).ThenBy(e => e.Id).FirstOrDefault();
        var (hr, _) = await BenchmarkClient.SignInAsync(url, "hr@demo.local", ct);

        Out.WriteLine($"Proof-of-skill pages over HTTP against {url}, signed in as hr@demo.local; median and p90 of {runs} runs after one warm-up");
        var failed = 0;
        foreach (var (what, template) in Pages)
        {
            if (template.Contains("{event}") && busiest is null)
            {
                Error.WriteLine($"  {what}: no training event in this database (run demo generate first).");
                failed++;
                continue;
            }
            var path = template.Replace("{event}", busiest?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var label = template.Contains("{event}") ? $"{what.Replace(": before", $" ({busiest!.AttendeeIds.Count} attendees): before")}" : what;
            try
            {
                Out.WriteLine((await hr.TimeAsync(path, runs, htmx: false, ct)).Line(label, TargetMs, 80));
            }
            catch (HttpRequestException e)
            {
                Error.WriteLine($"  {label.PadRight(80)} {path} answered {(e.StatusCode is { } status ? $"{(int)status} {status}" : e.Message)}" +
                    (e.StatusCode == HttpStatusCode.NotFound ? " (not built yet, or its address changed: see ProofPageBenchmark.Pages)" : ""));
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
