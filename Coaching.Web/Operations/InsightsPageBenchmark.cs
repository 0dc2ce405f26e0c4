using System.CommandLine;
using System.Net;
using System.Text.RegularExpressions;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>bench insights --url URL [--runs 9]</c>: signs in as hr@demo.local against a running app and times whole pages
/// over HTTP on loopback (so the figure is the server's time to answer, rendering included): the coverage dashboard for
/// 365 days and the whole organisation, a heat-map drill-down (the busiest cell, as htmx asks for it), gaps and calibration.
/// Run through <c>scripts/bench-insights.sh</c>.
/// </summary>
public sealed partial class InsightsPageBenchmark : Operation
{
    public static Command Command(IServiceProvider services)
    {
        var url = OperatorCommandLine.Url("http://127.0.0.1:5091");
        var runs = OperatorCommandLine.Number("--runs", "How many timed runs of each page (after one warm-up)", 9, 1, 1000);
        var target = OperatorCommandLine.Number("--coverage-target", "The coverage page's target in ms (150 at 5,000 employees, 1000 at 50,000)", 150, 1, 100_000);
        return OperatorCommandLine.Verb<InsightsPageBenchmark>(services, "insights", "Time the insights pages over HTTP against a running app (see scripts/bench-insights.sh).",
            developmentOnly: true, [url, runs, target], (b, p, ct) => b.RunAsync(p.GetRequiredValue(url).ToString().TrimEnd('/'), p.GetValue(runs), p.GetValue(target), ct));
    }

    public async Task<int> RunAsync(string url, int runs, int coverageTarget, CancellationToken ct)
    {
        var (hr, _) = await BenchmarkClient.SignInAsync(url, "hr@demo.local", ct);

        Task<PageTiming> Time(string path, bool htmx) => hr.TimeAsync(path, runs, htmx, ct);

        Out.WriteLine($"Pages over HTTP against {url}, signed in as hr@demo.local; median and p90 of {runs} runs after one warm-up");
        var coverage = await Time("/Insights/Coverage?period=365", htmx: false);
        Print("Coverage, 365 days, whole organisation (full page)", coverage, coverageTarget);
        var cell = Cells().Matches(coverage.Html).Select(m => (Path: WebUtility.HtmlDecode(m.Groups[1].Value), Count: int.Parse(m.Groups[2].Value)))
            .OrderByDescending(c => c.Count).FirstOrDefault();
        if (cell.Path is null) { Error.WriteLine("No heat-map cell found on the coverage page."); return 1; }
        Print($"Drill-down into the busiest cell ({cell.Count} ratings, htmx partial)", await Time(cell.Path, htmx: true), 50);
        Print("Skill gaps (full page)", await Time("/Insights/Gaps", htmx: false), null);
        Print("Rater calibration, 365 days (full page)", await Time("/Insights/Calibration?period=365", htmx: false), null);
        return 0;
    }

    void Print(string what, PageTiming t, int? targetMs) => Out.WriteLine(t.Line(what, targetMs, 68));

    // A heat-map cell: its drill-down link and the number of ratings it shows.
    [GeneratedRegex("hx-get=\"([^\"]*handler=Cell[^\"]*)\"[^>]*?data-count=\"(\\d+)\"")] private static partial Regex Cells();
}
