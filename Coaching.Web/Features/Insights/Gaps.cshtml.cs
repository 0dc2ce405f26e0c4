using Coaching.Domain.Insights;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Coaching.Web.Features.Insights;

/// <summary>Skill gaps against role requirements, by each person's latest rating: who is below, who was never rated.</summary>
public class GapsModel(InsightsScopes scopes, InsightsQueries queries) : InsightsPageModel(scopes)
{
    public override string PagePath => "/Insights/Gaps";
    // Gaps are where people stand now (their latest rating ever), not what happened in a period.
    public override bool UsesPeriod => false;
    public override bool UsesRubric => false;
    public IReadOnlyList<GapRow>? Rows { get; private set; }
    public (string Role, string Skill, IReadOnlyList<GapPerson> People)? People { get; private set; }
    public int? PeopleRole { get; private set; }
    public Guid? PeopleSkill { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ResolveAsync(ct) is { } scope) Rows = await queries.GapsAsync(scope, ct);
        return this.PageOrPartial("_GapsBody", this);
    }

    public async Task<IActionResult> OnGetPeopleAsync(int gapRole, Guid skill, CancellationToken ct)
    {
        if (await ResolveAsync(ct) is not { } scope) return this.PageOrPartial("_GapsBody", this);
        People = await queries.GapPeopleAsync(scope, gapRole, skill, ct);
        if (People is null) return NotFound();
        (PeopleRole, PeopleSkill) = (gapRole, skill);
        if (this.WantsPartial()) return Partial("_GapPeople", this);
        Rows = await queries.GapsAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? table, int? gapRole, Guid? skill, CancellationToken ct)
    {
        if (await ResolveAsync(ct) is not { } scope) return FilterProblem();
        if (table == "people")
        {
            var people = gapRole is { } r && skill is { } k ? await queries.GapPeopleAsync(scope, r, k, ct) : null;
            if (people is not { } p) return NotFound();
            return Csv("skill-gap-people", ["Role", "Skill", "Employee", "Team", "Latest level", "Required level", "Status"],
                p.People.Select(x => new object?[] { p.Role, p.Skill, x.Name, x.Team, x.LatestLevel, x.RequiredLevel, GapRules.Describe(x.Status) }));
        }
        if (table != "gaps") return NotFound();
        var rows = await queries.GapsAsync(scope, ct);
        return Csv("skill-gaps", ["Role", "Skill", "Required level", "Active employees", "Below required", "Never rated", "Meets required"],
            rows.Select(g => new object?[] { g.Role, g.Skill, g.RequiredLevel, g.Employees, g.Below, g.NeverRated, g.Meets }));
    }
}
