using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Coaching.Web.Features.Insights;

/// <summary>
/// Proof of skill across the organisation: per site and team, who is ready for sign-off, which sign-offs expire within 30
/// days (flagged ahead of time, with their dates) or have expired without being signed off again, and the share of the
/// roles' required skills signed off; each count opens the list of people behind it, and every table is a CSV.
/// </summary>
public class SignOffsModel(InsightsScopes scopes, SignOffInsights insights, ILogger<SignOffsModel> logger) : InsightsPageModel(scopes)
{
    public override string PagePath => "/Insights/SignOffs";
    // Sign-offs stand as of today (no period), and the rule is per rubric already.
    public override bool UsesPeriod => false;
    public override bool UsesRubric => false;
    public SignOffReport? Report { get; private set; }
    public SignOffPeople? People { get; private set; }
    public (string? Kind, string? By, string? Key) PeopleGroup { get; private set; }

    string? peopleLink;
    /// <summary>A count's drill-down link; the filter part is built once, as there can be hundreds of teams.</summary>
    public string PeopleLink(string kind, string by, string key) =>
        $"{peopleLink ??= Link("People")}&kind={Uri.EscapeDataString(kind)}&by={Uri.EscapeDataString(by)}&key={Uri.EscapeDataString(key)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ResolveAsync(ct) is { } scope) Report = await ReportAsync(scope, ct);
        return this.PageOrPartial("_SignOffsBody", this);
    }

    /// <summary>The people behind one count (htmx into the side panel; a whole page when opened directly).</summary>
    public async Task<IActionResult> OnGetPeopleAsync(string? kind, string? by, string? key, CancellationToken ct)
    {
        if (await ResolveAsync(ct) is not { } scope) return this.PageOrPartial("_SignOffsBody", this);
        People = await insights.PeopleAsync(scope, kind, by, key, ct);
        if (People is null) return NotFound();
        PeopleGroup = (kind, by, key);
        if (this.WantsPartial()) return Partial("_SignOffPeople", this);
        Report = await ReportAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? table, string? kind, string? by, string? key, CancellationToken ct)
    {
        if (await ResolveAsync(ct) is not { } scope) return FilterProblem();
        if (table == "people")
        {
            if (await insights.PeopleAsync(scope, kind, by, key, ct) is not { } people) return NotFound();
            return Csv($"sign-offs-{people.Kind}", ["Group", "Employee", "Team", "Site", "Skill", KindDate(people.Kind), "Days left"],
                people.People.Select(p => new object?[] { people.Group, p.Name, p.Team, p.Site, p.Skill, p.On?.ToString("yyyy-MM-dd"), p.On is null ? null : p.DaysLeft }));
        }
        if (table is not ("sites" or "teams")) return NotFound();
        var report = await insights.ReportAsync(scope, ct);
        string[] header = ["Active people", "Ready for sign-off", "Expiring within 30 days", "Expired, not signed off again", "Required skills", "Signed off", "Share signed off"];
        static object?[] Counts(SignOffRow r) => [r.People, r.Ready, r.Expiring, r.Expired, r.RequiredSkills, r.SignedOff, r.Share];
        return table == "sites"
            ? Csv("sign-offs-by-site", ["Site", .. header], report.Sites.Select(r => new object?[] { r.Name }.Concat(Counts(r))))
            : Csv("sign-offs-by-team", ["Team", "Site", .. header], report.Teams.Select(r => new object?[] { r.Name, r.Detail }.Concat(Counts(r))));
    }

    async Task<SignOffReport> ReportAsync(InsightsScope scope, CancellationToken ct)
    {
        var report = await insights.ReportAsync(scope, ct);
        // Readiness is the one part evaluated in C# per person: logged so a large organisation's cost is seen.
        logger.LogInformation("Sign-off readiness for {People} people took {Milliseconds} ms", report.Everyone.People, (int)report.ReadinessTook.TotalMilliseconds);
        return report;
    }

    public static string KindDate(string kind) => kind == SignOffInsights.Expired ? "Expired on" : kind == SignOffInsights.Expiring ? "Expires on" : "Date";

    public static string KindTitle(string kind) => kind switch
    {
        SignOffInsights.Ready => "ready for sign-off",
        SignOffInsights.Expiring => "with a sign-off expiring within 30 days",
        _ => "with an expired sign-off not signed off again",
    };

    /// <summary>A share as the page shows it; "–" when nobody in the group has a required skill.</summary>
    public static string Share(SignOffRow row) => row.Share is { } s ? $"{Math.Round(s * 100):0}%" : "–";
}
