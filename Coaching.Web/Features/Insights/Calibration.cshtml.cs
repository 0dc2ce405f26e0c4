using Coaching.Domain;
using Coaching.Domain.Insights;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Insights;

/// <summary>Rater calibration: each observer's mean level per skill against everyone's, flagged when far apart with enough ratings.</summary>
public class CalibrationModel(InsightsScopes scopes, InsightsQueries queries, IOptions<InsightsOptions> options) : InsightsPageModel(scopes)
{
    public override string PagePath => "/Insights/Calibration";
    public CalibrationReport? Report { get; private set; }
    /// <summary>Which page of observers the table shows (flagged first, then by ratings).</summary>
    [BindProperty(SupportsGet = true)] public int ObserversPage { get; set; } = 1;

    public PageOf<ObserverRow> ObserverRows => PageOf<ObserverRow>.Of(Report?.Observers ?? [], ObserversPage, options.Value.ObserversPerPage);
    public InsightsPager ObserversPager => InsightsPager.For(ObserverRows, "Pages of the observers table", "Observers",
        n => Link(null, new { observersPage = InsightsPager.InLink(n) }));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ResolveAsync(ct) is { } scope) Report = await queries.CalibrationAsync(scope, ct);
        return this.PageOrPartial("_CalibrationBody", this);
    }

    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken ct)
    {
        if (await ResolveAsync(ct) is not { } scope) return FilterProblem();
        var report = await queries.CalibrationAsync(scope, ct);
        return table switch
        {
            "observers" => Csv("rater-calibration", ["Observer", "Ratings", "Mean level", "Flagged", .. Enumerable.Range(1, report.MaxLevel).Select(l => $"Level {l}")],
                report.Observers.Select(o => new object?[] { o.Name, o.Calibration.Ratings, Math.Round(o.Calibration.Mean, 2), o.Calibration.Flagged ? "yes" : "no" }
                    .Concat(Enumerable.Range(1, report.MaxLevel).Select(l => (object?)o.Calibration.Distribution.GetValueOrDefault(l))))),
            "skills" => Csv("rater-calibration-skills", ["Observer", "Skill", "Ratings", "Observer mean", "All observers' mean", "Difference", "Flagged"],
                report.Observers.SelectMany(o => o.Calibration.Skills.Select(k => new object?[]
                    { o.Name, report.SkillNames.GetValueOrDefault(k.SkillKey, "?"), k.Ratings, Math.Round(k.Mean, 2), Math.Round(k.EveryoneMean, 2), Math.Round(k.Difference, 2), k.Flagged ? "yes" : "no" }))),
            _ => NotFound(),
        };
    }

    public static string Signed(double d) => (d >= 0 ? "+" : "−") + Math.Abs(d).ToString("0.00");
}
