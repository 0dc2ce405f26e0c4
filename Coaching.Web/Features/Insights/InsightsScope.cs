using System.Security.Claims;
using Coaching.Domain.Insights;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Coaching.Web.Features.Insights;

/// <summary>What the filters typed in the query string are: period, site, team, job role, rubric (all optional but the period).</summary>
public sealed class InsightsFilter
{
    public string? Period { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Site { get; set; }
    public string? Team { get; set; }
    public string? Role { get; set; }
    public string? Rubric { get; set; }

    /// <summary>The filter as route values, so drill-downs and CSV links ask for exactly what is on screen.</summary>
    public Dictionary<string, string?> RouteValues() => new()
    {
        ["period"] = Period, ["from"] = From, ["to"] = To, ["site"] = Site, ["team"] = Team, ["role"] = Role, ["rubric"] = Rubric,
    };
}

/// <summary>
/// The filter resolved against what this user may see: a manager's scope is their own teams whatever team id arrives,
/// HR and Admin see the whole organisation. Every insights query starts from <see cref="Employees"/>.
/// </summary>
public sealed record InsightsScope(
    InsightsPeriod Period, DateTime StartUtc, DateTime EndUtc, DateTime AsOfUtc, TimeZoneInfo Zone,
    IQueryable<Employee> Employees, IReadOnlyList<ScopeTeam> Teams, bool IsFiltered, int? RubricId)
{
    /// <summary>
    /// Whether <see cref="Employees"/> are exactly the people of <see cref="Teams"/> (no job-role filter, and an access rule
    /// that goes by team), so per-team counts (<see cref="Coaching.Domain.Insights.RatingRollup"/>) answer for them.
    /// </summary>
    public bool IsWholeTeams { get; init; }

    public int DaysSince(DateTime utc) => OrganisationClock.DaysBetween(utc, AsOfUtc, Zone);
}

public sealed record ScopeTeam(int Id, string Name, string Site);

public sealed record FilterOptions(IReadOnlyList<string> Sites, IReadOnlyList<ScopeTeam> Teams, IReadOnlyList<(int Id, string Name)> Roles, IReadOnlyList<(int Id, string Name)> Rubrics)
{
    /// <summary>The organisation's first day with an observation (local); a custom period cannot start before it.</summary>
    public DateOnly? FirstDay { get; init; }
}

public sealed class InsightsScopes(CoachingDbContext db, EmployeeAccess access, TimeProvider clock, Microsoft.Extensions.Options.IOptions<OrganisationOptions> org, IMemoryCache cache)
{
    /// <summary>
    /// The first observed day, organisation-wide. Cached for a few minutes: it only moves when an observation is
    /// back-dated before every other, and every insights request needs it.
    /// </summary>
    async Task<DateOnly?> FirstDayAsync(CancellationToken ct)
    {
        if (cache.TryGetValue("insights-first-day", out DateOnly? cached)) return cached;
        var first = await db.Observations.Where(o => o.Status == ObservationStatus.Submitted).MinAsync(o => (DateTime?)o.ObservedAtUtc, ct);
        DateOnly? day = first is { } at ? OrganisationClock.Today(at, org.Value.Zone) : null;
        cache.Set("insights-first-day", day, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5), Size = 1 });
        return day;
    }

    public async Task<FilterOptions> OptionsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var teams = await access.VisibleTeams(user).OrderBy(t => t.Site).ThenBy(t => t.Name).Select(t => new ScopeTeam(t.Id, t.Name, t.Site)).ToListAsync(ct);
        var roles = await db.JobRoles.OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var rubrics = await db.Rubrics.Where(r => r.CurrentVersionId != null).OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        return new FilterOptions(teams.Select(t => t.Site).Distinct().Order().ToList(), teams,
            roles.Select(r => (r.Id, r.Name)).ToList(), rubrics.Select(r => (r.Id, r.Name)).ToList()) { FirstDay = await FirstDayAsync(ct) };
    }

    /// <summary>The scope, or the problems keyed by filter field (shown next to each input; nothing is queried then).</summary>
    public (InsightsScope? Scope, Dictionary<string, string> Problems) Resolve(ClaimsPrincipal user, InsightsFilter filter, FilterOptions options)
    {
        var zone = org.Value.Zone;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = OrganisationClock.Today(now, zone);
        var (period, periodProblems) = InsightsPeriod.Parse(filter.Period, filter.From, filter.To, today, options.FirstDay);
        var problems = new Dictionary<string, string>(periodProblems);

        var teams = options.Teams.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(filter.Site))
        {
            if (!options.Sites.Contains(filter.Site)) problems["site"] = "No site by that name among the teams you can see.";
            else teams = teams.Where(t => t.Site == filter.Site);
        }
        int? teamId = null;
        if (!string.IsNullOrWhiteSpace(filter.Team))
        {
            // An id outside the user's teams gets the same answer as an unknown one: no hint that it exists.
            if (!int.TryParse(filter.Team, out var t) || options.Teams.All(x => x.Id != t)) problems["team"] = "No such team among the teams you can see.";
            else { teamId = t; teams = teams.Where(x => x.Id == t); }
        }
        int? roleId = null;
        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            if (!int.TryParse(filter.Role, out var r) || options.Roles.All(x => x.Id != r)) problems["role"] = "No such job role.";
            else roleId = r;
        }
        int? rubricId = null;
        if (!string.IsNullOrWhiteSpace(filter.Rubric))
        {
            if (!int.TryParse(filter.Rubric, out var r) || options.Rubrics.All(x => x.Id != r)) problems["rubric"] = "No such published rubric.";
            else rubricId = r;
        }
        if (problems.Count > 0 || period is null) return (null, problems);

        var teamList = teams.ToList();
        var employees = access.Visible(user);
        var everyone = EmployeeAccess.SeesEveryone(user);
        var filtered = !everyone || teamId is not null || roleId is not null || !string.IsNullOrWhiteSpace(filter.Site);
        if (teamId is { } tid) employees = employees.Where(e => e.TeamId == tid);
        else if (!string.IsNullOrWhiteSpace(filter.Site)) { var site = filter.Site; employees = employees.Where(e => e.Team!.Site == site); }
        if (roleId is { } rid) employees = employees.Where(e => e.JobRoleId == rid);

        var start = period.StartUtc(zone);
        var end = period.EndUtc(zone);
        // "Days since last observation" counts to the end of the period, or to now for a period ending today.
        var asOf = end > now ? now : end.AddTicks(-1);
        var wholeTeams = roleId is null && (everyone || user.IsInRole(Roles.Manager));
        return (new InsightsScope(period, start, end, asOf, zone, employees, teamList, filtered, rubricId) { IsWholeTeams = wholeTeams }, problems);
    }
}
