using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Coaching.Web.Features.Insights;

/// <summary>
/// Whether development happens: conversation rates against HR's target by site, team and manager (with the people
/// without one), plans by track and status, the skills people chose, and confidence against what was observed.
/// </summary>
public class DevelopmentModel(InsightsScopes scopes, DevelopmentInsights insights) : InsightsPageModel(scopes)
{
    public override string PagePath => "/Insights/Development";
    // Conversation windows are fixed (30/90/365 days to today) and nothing here is per rubric.
    public override bool UsesPeriod => false;
    public override bool UsesRubric => false;
    public DevelopmentReport? Report { get; private set; }
    public PeopleWithout? Without { get; private set; }
    public (string? By, string? Key) WithoutGroup { get; private set; }

    string? withoutLink;
    /// <summary>A row's drill-down link; the filter part is built once, as the organisation has hundreds of teams and managers.</summary>
    public string WithoutLink(string by, string key) =>
        $"{withoutLink ??= Link("Without")}&by={Uri.EscapeDataString(by)}&key={Uri.EscapeDataString(key)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ResolveAsync(ct) is { } scope) Report = await insights.ReportAsync(scope, ct);
        return this.PageOrPartial("_DevelopmentBody", this);
    }

    /// <summary>The people of one row without a conversation within the target (htmx into the side panel; a whole page when opened directly).</summary>
    public async Task<IActionResult> OnGetWithoutAsync(string? by, string? key, CancellationToken ct)
    {
        if (await ResolveAsync(ct) is not { } scope) return this.PageOrPartial("_DevelopmentBody", this);
        Without = await insights.WithoutAsync(scope, by, key, ct);
        if (Without is null) return NotFound();
        WithoutGroup = (by, key);
        if (this.WantsPartial()) return Partial("_DevelopmentPeople", this);
        Report = await insights.ReportAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? table, string? by, string? key, CancellationToken ct)
    {
        if (await ResolveAsync(ct) is not { } scope) return FilterProblem();
        if (table == "without")
        {
            if (await insights.WithoutAsync(scope, by, key, ct) is not { } without) return NotFound();
            return Csv("without-conversation", ["Group", "Employee", "Team", "Site", "Last conversation", "Days since"],
                without.People.Select(p => new object?[] { without.Group, p.Name, p.Team, p.Site, p.LastConversation?.ToString("yyyy-MM-dd"), p.DaysSince }));
        }
        var report = await insights.ReportAsync(scope, ct);
        string[] rateHeader = ["Active employees", "Within 30 days", "Share 30 days", "Within 90 days", "Share 90 days", "Within 365 days", "Share 365 days",
            $"Within target ({report.TargetDays} days)", "Share meeting target", "Without (target)"];
        static object?[] Rates(ConversationRow r) =>
            [r.People, r.Last30.WithConversation, r.Last30.Share, r.Last90.WithConversation, r.Last90.Share, r.Last365.WithConversation, r.Last365.Share,
             r.Target.WithConversation, r.Target.Share, r.Target.Without];
        return table switch
        {
            "sites" => Csv("conversations-by-site", ["Site", .. rateHeader], report.Sites.Select(r => new object?[] { r.Name }.Concat(Rates(r)))),
            "teams" => Csv("conversations-by-team", ["Team", "Site", .. rateHeader], report.Teams.Select(r => new object?[] { r.Name, r.Detail }.Concat(Rates(r)))),
            "managers" => Csv("conversations-by-manager", ["Manager", "Teams", .. rateHeader], report.Managers.Select(r => new object?[] { r.Name, r.Detail }.Concat(Rates(r)))),
            "plans" => Csv("plans-by-track-and-status", ["Track", .. Statuses.Select(StatusName), "All"],
                Tracks.Select(t => new object?[] { TrackName(t) }.Concat(Statuses.Select(st => (object?)report.PlansOf(t, st))).Append(Statuses.Sum(st => report.PlansOf(t, st))))),
            "chosen" => Csv("chosen-skills", ["Rank", "Skill", "People who chose it"], report.Chosen.Select((c, i) => new object?[] { i + 1, c.Skill, c.People })),
            "confidence" => Csv("confidence-against-observed", ["Skill", "People with a confidence rating", "Mean confidence", "Observed", "Mean last observed level",
                    "Confident, observed low", "Observed high, not confident", "Flagged"],
                report.Confidence.Select(c => new object?[] { c.Skill, c.People, c.MeanConfidence, c.Observed, c.MeanObserved, c.ConfidentObservedLow, c.ObservedHighNotConfident, c.Flagged })),
            _ => NotFound(),
        };
    }

    public static readonly DevelopmentTrack[] Tracks = [DevelopmentTrack.Upskilling, DevelopmentTrack.Reskilling, DevelopmentTrack.CrossTraining, DevelopmentTrack.Newskilling];
    public static readonly PlanStatus[] Statuses = [PlanStatus.Active, PlanStatus.Achieved, PlanStatus.Stopped];

    public static string TrackName(DevelopmentTrack track) => track switch
    {
        DevelopmentTrack.Upskilling => "Upskilling",
        DevelopmentTrack.Reskilling => "Reskilling",
        DevelopmentTrack.CrossTraining => "Cross-training",
        DevelopmentTrack.Newskilling => "Newskilling",
        _ => track.ToString(),
    };

    public static string StatusName(PlanStatus status) => status switch
    {
        PlanStatus.Active => "Active",
        PlanStatus.Achieved => "Achieved",
        PlanStatus.Stopped => "Stopped",
        _ => status.ToString(),
    };

    /// <summary>A share as the page shows it; "–" for a group of nobody.</summary>
    public static string Share(ConversationRate rate) => rate.People == 0 ? "–" : $"{Math.Round(rate.Share * 100):0}%";
    public static string Mean(double? mean) => mean is { } m ? m.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
