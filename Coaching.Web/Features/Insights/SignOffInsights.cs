using System.Diagnostics;
using Coaching.Domain.SignOffs;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.SignOffs;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Insights;

/// <summary>
/// One group of active people (everyone in view, a site, a team): how many are ready for sign-off, how many sign-offs expire
/// within 30 days or have expired without being signed off again, and the share of the role's required skills signed off.
/// </summary>
public sealed record SignOffRow(string Key, string Name, string? Detail, int People, int Ready, int Expiring, int Expired, int RequiredSkills, int SignedOff)
{
    public double? Share => RequiredSkills == 0 ? null : (double)SignedOff / RequiredSkills;
}

/// <summary>A person on one skill in a drill-down: ready, expiring (with the date) or expired (with the date).</summary>
public sealed record SignOffPerson(int EmployeeId, string Name, string Team, string Site, string Skill, DateOnly? On, int? DaysLeft);
public sealed record SignOffPeople(string Group, string Kind, IReadOnlyList<SignOffPerson> People);
public sealed record SignOffReport(DateOnly Today, SignOffRow Everyone, IReadOnlyList<SignOffRow> Sites, IReadOnlyList<SignOffRow> Teams,
    IReadOnlyList<SignOffPerson> ExpiringSoonest, TimeSpan ReadinessTook);

/// <summary>
/// The queries behind Insights → Sign-offs. Expiring, expired and signed-off counts are read from the SignOffs table in the
/// database (one row per team); readiness needs the rubric's rule over each person's ratings, so it goes through
/// <see cref="SkillSignOffs.ReadyForSignOffAsync(IQueryable{int}, CancellationToken)"/> for the whole scope in one pass.
/// </summary>
public sealed class SignOffInsights(CoachingDbContext db, SkillSignOffs signOffs, Rubrics.PublishedRubrics rubrics)
{
    public const string Everyone = "all", BySite = "site", ByTeam = "team";
    public const string Ready = "ready", Expiring = "expiring", Expired = "expired";

    static DateOnly TodayOf(InsightsScope s) => OrganisationClock.Today(s.AsOfUtc, s.Zone);

    /// <summary>Sign-offs neither revoked nor replaced by a newer one: the only ones that can count, expire or be expired.</summary>
    IQueryable<SignOff> Live => db.SignOffs.Where(x => x.RevokedAtUtc == null && x.SupersededAtUtc == null);

    /// <summary>Expiring within <see cref="SignOff.DefaultExpiringSoonDays"/> days: the database form of <see cref="SignOffStatus.ExpiringSoon"/>.</summary>
    IQueryable<SignOff> ExpiringOn(DateOnly today)
    {
        var last = today.AddDays(SignOff.DefaultExpiringSoonDays);
        return Live.Where(x => x.ExpiresOn != null && x.ExpiresOn > today && x.ExpiresOn <= last);
    }

    /// <summary>Expired and not signed off again (a re-sign supersedes it): the database form of <see cref="SignOffStatus.Expired"/>.</summary>
    IQueryable<SignOff> ExpiredOn(DateOnly today) => Live.Where(x => x.ExpiresOn != null && x.ExpiresOn <= today);

    sealed record TeamCounts(int TeamId, int People, int Expiring, int Expired, int Required, int SignedOff)
    {
        public int Ready { get; set; }
    }

    public async Task<SignOffReport> ReportAsync(InsightsScope s, CancellationToken ct)
    {
        var today = TodayOf(s);
        var active = s.Employees.Where(e => e.IsActive);
        var people = await active.GroupBy(e => e.TeamId).Select(g => new { TeamId = g.Key, People = g.Count() }).ToListAsync(ct);
        var expiring = await Count(ExpiringOn(today), active, ct);
        var expired = await Count(ExpiredOn(today), active, ct);
        // Each required skill of each active person, and whether a sign-off counts for it today (active or expiring soon).
        var required = await (from e in active
                              join r in db.RoleRequirements on e.JobRoleId equals r.JobRoleId
                              select new
                              {
                                  e.TeamId,
                                  Signed = Live.Any(x => x.EmployeeId == e.Id && x.SkillKey == r.SkillKey && (x.ExpiresOn == null || x.ExpiresOn > today)),
                              })
            .GroupBy(x => x.TeamId).Select(g => new { TeamId = g.Key, Required = g.Count(), Signed = g.Count(x => x.Signed) }).ToListAsync(ct);

        var teamsById = s.Teams.ToDictionary(t => t.Id);
        var counts = people.Where(p => teamsById.ContainsKey(p.TeamId)).Select(p => new TeamCounts(p.TeamId, p.People,
            expiring.GetValueOrDefault(p.TeamId), expired.GetValueOrDefault(p.TeamId),
            required.FirstOrDefault(r => r.TeamId == p.TeamId)?.Required ?? 0, required.FirstOrDefault(r => r.TeamId == p.TeamId)?.Signed ?? 0)).ToList();

        var took = Stopwatch.StartNew();
        var ready = await ReadyAsync(active, ct);
        took.Stop();
        var readyByTeam = ready.GroupBy(r => r.TeamId).ToDictionary(g => g.Key, g => g.Select(r => r.EmployeeId).Distinct().Count());
        foreach (var c in counts) c.Ready = readyByTeam.GetValueOrDefault(c.TeamId);

        SignOffRow Row(string key, string name, string? detail, IEnumerable<TeamCounts> group)
        {
            var list = group.ToList();
            return new(key, name, detail, list.Sum(c => c.People), list.Sum(c => c.Ready), list.Sum(c => c.Expiring), list.Sum(c => c.Expired),
                list.Sum(c => c.Required), list.Sum(c => c.SignedOff));
        }
        // The groups needing attention first: most expired, then expiring, then ready.
        static List<SignOffRow> MostUrgentFirst(IEnumerable<SignOffRow> rows) =>
            rows.OrderByDescending(r => r.Expired).ThenByDescending(r => r.Expiring).ThenByDescending(r => r.Ready).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();

        var teams = MostUrgentFirst(counts.Select(c => Row(c.TeamId.ToString(), teamsById[c.TeamId].Name, teamsById[c.TeamId].Site, [c])));
        var sites = MostUrgentFirst(counts.GroupBy(c => teamsById[c.TeamId].Site).Select(g => Row(g.Key, g.Key, null, g)));
        var soonest = await PeopleOfAsync(ExpiringOn(today).OrderBy(x => x.ExpiresOn).Take(20), active, today, ct);
        return new SignOffReport(today, Row(Everyone, "Everyone in view", null, counts), sites, teams, soonest, took.Elapsed);
    }

    /// <summary>The people of one group and kind (ready, expiring, expired), one row per skill; null when the group or kind is not in view.</summary>
    public async Task<SignOffPeople?> PeopleAsync(InsightsScope s, string? kind, string? by, string? key, CancellationToken ct)
    {
        var active = s.Employees.Where(e => e.IsActive);
        string group;
        switch (by)
        {
            case Everyone: group = "Everyone in view"; break;
            case BySite when key is not null && s.Teams.Any(t => t.Site == key): active = active.Where(e => e.Team!.Site == key); group = key; break;
            case ByTeam when int.TryParse(key, out var id) && s.Teams.FirstOrDefault(t => t.Id == id) is { } team:
                active = active.Where(e => e.TeamId == id); group = $"{team.Name} · {team.Site}"; break;
            default: return null;
        }
        var today = TodayOf(s);
        IReadOnlyList<SignOffPerson> rows;
        switch (kind)
        {
            case Expiring: rows = await PeopleOfAsync(ExpiringOn(today).OrderBy(x => x.ExpiresOn), active, today, ct); break;
            case Expired: rows = await PeopleOfAsync(ExpiredOn(today).OrderBy(x => x.ExpiresOn), active, today, ct); break;
            case Ready:
                var ready = await ReadyAsync(active, ct);
                var ids = ready.Select(r => r.EmployeeId).Distinct().ToList();
                var who = await Who(db.Employees.Where(e => ids.Contains(e.Id)), ct);
                rows = ready.Select(r => new SignOffPerson(r.EmployeeId, who[r.EmployeeId].Name, who[r.EmployeeId].Team, who[r.EmployeeId].Site, r.Skill, null, null))
                    .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Skill, StringComparer.OrdinalIgnoreCase).ToList();
                break;
            default: return null;
        }
        return new SignOffPeople(group, kind, rows);
    }

    sealed record Person(string Name, string Team, string Site);

    async Task<Dictionary<int, Person>> Who(IQueryable<Coaching.Domain.Organisation.Employee> people, CancellationToken ct) =>
        await people.Select(e => new { e.Id, e.FirstName, e.LastName, Team = e.Team!.Name, e.Team.Site })
            .ToDictionaryAsync(e => e.Id, e => new Person($"{e.FirstName} {e.LastName}", e.Team, e.Site), ct);

    async Task<Dictionary<int, int>> Count(IQueryable<SignOff> signOffs, IQueryable<Coaching.Domain.Organisation.Employee> active, CancellationToken ct) =>
        await (from x in signOffs join e in active on x.EmployeeId equals e.Id select e.TeamId)
            .GroupBy(t => t).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    async Task<IReadOnlyList<SignOffPerson>> PeopleOfAsync(IQueryable<SignOff> signOffs, IQueryable<Coaching.Domain.Organisation.Employee> active, DateOnly today, CancellationToken ct)
    {
        var rows = await (from x in signOffs
                          join e in active on x.EmployeeId equals e.Id
                          select new { e.Id, e.FirstName, e.LastName, Team = e.Team!.Name, e.Team.Site, x.SkillKey, x.ExpiresOn }).ToListAsync(ct);
        var names = await rubrics.SkillNamesAsync(rows.Select(r => r.SkillKey), ct);
        return rows.Select(r => new SignOffPerson(r.Id, $"{r.FirstName} {r.LastName}", r.Team, r.Site,
                names.TryGetValue(r.SkillKey, out var n) ? n.Name : "(unknown skill)", r.ExpiresOn, r.ExpiresOn!.Value.DayNumber - today.DayNumber))
            .OrderBy(p => p.On).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    sealed record ReadySkill(int EmployeeId, int TeamId, string Skill);

    /// <summary>Who is ready for sign-off, by the rule each rubric sets (<see cref="SkillSignOffs"/>), read for the whole scope at once.</summary>
    async Task<List<ReadySkill>> ReadyAsync(IQueryable<Coaching.Domain.Organisation.Employee> active, CancellationToken ct)
    {
        var teamOf = await active.Select(e => new { e.Id, e.TeamId }).ToDictionaryAsync(e => e.Id, e => e.TeamId, ct);
        return (await signOffs.ReadyForSignOffAsync(active.Select(e => e.Id), ct))
            .Select(r => new ReadySkill(r.EmployeeId, teamOf[r.EmployeeId], r.SkillName)).ToList();
    }
}
