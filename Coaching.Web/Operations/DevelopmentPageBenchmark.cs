using System.CommandLine;
using System.Net;
using System.Text.RegularExpressions;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>bench development --url URL [--runs 9]</c>: signs in as hr@demo.local against a running app and times Insights →
/// Development over HTTP on loopback (rendering included): the whole page for the whole organisation, the drill-down of
/// the biggest group (everyone without a conversation, as htmx asks for it), a manager's row, and the per-team CSV.
/// Run through <c>scripts/bench-development.sh</c>.
/// </summary>
public sealed partial class DevelopmentPageBenchmark : Operation
{
    public const int TargetMs = 500;

    public static Command Command(IServiceProvider services)
    {
        var url = OperatorCommandLine.Url("http://127.0.0.1:5092");
        var runs = OperatorCommandLine.Number("--runs", "How many timed runs of each page (after one warm-up)", 9, 1, 1000);
        return OperatorCommandLine.Verb<DevelopmentPageBenchmark>(services, "development", "Time Insights → Development over HTTP against a running app (see scripts/bench-development.sh).",
            developmentOnly: true, [url, runs], (b, p, ct) => b.RunAsync(p.GetRequiredValue(url).ToString().TrimEnd('/'), p.GetValue(runs), ct));
    }

    public async Task<int> RunAsync(string url, int runs, CancellationToken ct)
    {
        var (hr, _) = await BenchmarkClient.SignInAsync(url, "hr@demo.local", ct);

        Task<PageTiming> Time(string path, bool htmx) => hr.TimeAsync(path, runs, htmx, ct);

        Out.WriteLine($"Insights → Development over HTTP against {url}, signed in as hr@demo.local; median and p90 of {runs} runs after one warm-up");
        var page = await Time("/Insights/Development", htmx: false);
        var people = Headline().Match(page.Html) is { Success: true } m ? m.Groups[1].Value : "?";
        Print($"Whole organisation ({people} active people, full page)", page, TargetMs);
        Print("Everyone without a conversation within the target (htmx drill-down)", await Time("/Insights/Development?handler=Without&by=all", htmx: true), TargetMs);
        if (Managers().Match(page.Html) is { Success: true } manager)
            Print("One manager's people without a conversation (htmx drill-down)", await Time(WebUtility.HtmlDecode(manager.Groups[1].Value), htmx: true), null);
        Print("Conversations by team (CSV)", await Time("/Insights/Development?handler=Csv&table=teams", htmx: false), null);
        return page.Median < TargetMs ? 0 : 1;
    }

    void Print(string what, PageTiming t, int? targetMs) => Out.WriteLine(t.Line(what, targetMs, 72));

    [GeneratedRegex(@"of (\d+) active people")] private static partial Regex Headline();
    [GeneratedRegex("hx-get=\"([^\"]*by=manager[^\"]*)\"")] private static partial Regex Managers();
}
