using Coaching.Domain;
using Coaching.Domain.Insights;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Insights;

/// <summary>Is coaching happening, where and on which skills: team × skill heat map, per-team coverage, skills nobody observed.</summary>
public class CoverageModel(InsightsScopes scopes, InsightsQueries queries, IOptions<InsightsOptions> options) : InsightsPageModel(scopes)
{
    public override string PagePath => "/Insights/Coverage";
    public CoverageReport? Report { get; private set; }
    public CellReport? Cell { get; private set; }
    /// <summary>Which page of teams the heat maps show, and which the per-team table (it is ordered by coverage, worst first).</summary>
    [BindProperty(SupportsGet = true)] public int MapPage { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int TeamsPage { get; set; } = 1;

    public PageOf<MatrixRow> MapRows(RubricMatrix matrix) => PageOf<MatrixRow>.Of(matrix.Rows, MapPage, options.Value.TeamsPerPage);
    public PageOf<TeamCoverage> TeamRows => PageOf<TeamCoverage>.Of(Report?.Teams ?? [], TeamsPage, options.Value.TeamsPerPage);
    public InsightsPager TeamsPager => InsightsPager.For(TeamRows, "Pages of the per-team table", "Teams", n => PageLink(MapPage, n));
    /// <summary>This page with the filter and both tables' pages, one of them changed.</summary>
    public string PageLink(int mapPage, int teamsPage) => Link(null, new { mapPage = InsightsPager.InLink(mapPage), teamsPage = InsightsPager.InLink(teamsPage) });

    string? cellLink;
    /// <summary>A heat-map cell's drill-down link; the filter part is built once, as a page of the map has hundreds of cells.</summary>
    public string CellLink(int teamId, Guid skill) =>
        $"{cellLink ??= Link("Cell", new { mapPage = InsightsPager.InLink(MapPage) })}&cellTeam={teamId}&skill={skill}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ResolveAsync(ct) is { } scope) Report = await queries.CoverageAsync(scope, ct);
        return this.PageOrPartial("_CoverageBody", this);
    }

    /// <summary>The people behind one heat-map cell (htmx into the drill-down panel; a whole page when opened directly).</summary>
    public async Task<IActionResult> OnGetCellAsync(int cellTeam, Guid skill, CancellationToken ct)
    {
        if (await ResolveAsync(ct) is not { } scope) return this.PageOrPartial("_CoverageBody", this);
        Cell = await queries.CellAsync(scope, cellTeam, skill, ct);
        if (Cell is null) return NotFound();
        if (this.WantsPartial()) return Partial("_CellPeople", this);
        Report = await queries.CoverageAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? table, int? cellTeam, Guid? skill, CancellationToken ct)
    {
        if (await ResolveAsync(ct) is not { } scope) return FilterProblem();
        switch (table)
        {
            case "cell":
                var cell = cellTeam is { } t && skill is { } k ? await queries.CellAsync(scope, t, k, ct) : null;
                if (cell is null) return NotFound();
                return Csv("coverage-cell", ["Team", "Skill", "Employee", "Role", "Active", "Ratings", "Last rated (UTC)", "Latest level"],
                    cell.People.Select(p => new object?[] { cell.Team, cell.Skill, p.Name, p.Role, p.IsActive ? "yes" : "no", p.Ratings, p.LastRatedUtc?.ToString("yyyy-MM-dd HH:mm"), p.LatestLevel }));
        }
        var report = await queries.CoverageAsync(scope, ct);
        return table switch
        {
            "teams" => Csv("coverage-teams", ["Team", "Site", "Active employees", "Observed in period", "Observed share", "Median days since last observation", "Never observed", "Observations", "Managers", "Observations per manager"],
                report.Teams.Select(t => new object?[] { t.Team, t.Site, t.Active, t.Observed, t.Share, t.MedianDaysSinceLast, t.NeverObserved, t.Observations, t.Managers, t.PerManager })),
            "never" => Csv("never-observed-skills", ["Rubric", "Skill"], report.NeverObserved.Select(n => new object?[] { n.Rubric, n.Skill })),
            "matrix" => Csv("coverage-matrix", ["Rubric", "Team", "Site", "Skill", "Ratings"],
                report.Matrices.SelectMany(m => m.Rows.SelectMany(r => m.Skills.Select((k, i) => new object?[] { m.Rubric, r.Team, r.Site, k.Name, r.Counts[i] })))),
            _ => NotFound(),
        };
    }

    public static string Percent(double? share) => share is { } s ? $"{Math.Round(s * 100):0}%" : "–";
    public static string Days(double? d) => d is { } v ? v.ToString("0.#") : "–";
    public static int Band(int count, int max) => CoverageRules.HeatBand(count, max);
}
