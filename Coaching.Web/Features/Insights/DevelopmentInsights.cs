using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Insights;

/// <summary>One group of active people (the organisation, a site, a team, a manager's teams) and its conversation rates.</summary>
public sealed record ConversationRow(string Key, string Name, string? Detail, ConversationRate Last30, ConversationRate Last90, ConversationRate Last365, ConversationRate Target)
{
    public int People => Target.People;
}
public sealed record PlanCount(DevelopmentTrack Track, PlanStatus Status, int Plans);
public sealed record ChosenSkill(Guid SkillKey, string Skill, int People);
public sealed record ConfidenceRow(Guid SkillKey, string Skill, int People, double MeanConfidence, int Observed, double? MeanObserved, int ConfidentObservedLow, int ObservedHighNotConfident)
{
    public int Flagged => ConfidentObservedLow + ObservedHighNotConfident;
}
public sealed record DevelopmentReport(
    DateOnly Today, int TargetDays, ConversationRow Everyone, IReadOnlyList<ConversationRow> Sites, IReadOnlyList<ConversationRow> Teams,
    IReadOnlyList<ConversationRow> Managers, IReadOnlyList<PlanCount> Plans, IReadOnlyList<ChosenSkill> Chosen, IReadOnlyList<ConfidenceRow> Confidence)
{
    public int PlansOf(DevelopmentTrack track, PlanStatus status) => Plans.Where(p => p.Track == track && p.Status == status).Sum(p => p.Plans);
}
/// <summary>An active person without a development conversation within the target.</summary>
public sealed record PersonWithout(int EmployeeId, string Name, string Team, string Site, DateOnly? LastConversation, int? DaysSince);
public sealed record PeopleWithout(string Group, int TargetDays, IReadOnlyList<PersonWithout> People);

/// <summary>
/// The grouped queries behind Insights → Development. Like <see cref="InsightsQueries"/> they start from the scope's
/// employees and aggregate in the database: what comes back is one row per team, per track and status, per skill,
/// or per (skill, confidence, observed, expected) combination — never a row per conversation or rating.
/// </summary>
public sealed class DevelopmentInsights(CoachingDbContext db, Rubrics.PublishedRubrics rubrics)
{
    public const string Everyone = "all", BySite = "site", ByTeam = "team", ByManager = "manager";

    /// <summary>
    /// The earliest conversation date that still counts within <paramref name="windowDays"/> of today, so the database can
    /// compare dates; it is the boundary of <see cref="ConversationRate.IsWithin"/> (a test holds the two together).
    /// </summary>
    public static DateOnly EarliestCounted(DateOnly today, int windowDays) => today.AddDays(-windowDays);

    public async Task<int> TargetDaysAsync(CancellationToken ct) =>
        await db.DevelopmentSettings.Where(x => x.Id == DevelopmentSettings.SingleId).Select(x => (int?)x.ConversationTargetDays).FirstOrDefaultAsync(ct)
        ?? DevelopmentSettings.DefaultConversationTargetDays;

    static DateOnly TodayOf(InsightsScope s) => OrganisationClock.Today(s.AsOfUtc, s.Zone);

    IQueryable<int> ActiveIds(InsightsScope s) => s.Employees.Where(e => e.IsActive).Select(e => e.Id);

    sealed record TeamCounts(int TeamId, int People, int W30, int W90, int W365, int Target);

    public async Task<DevelopmentReport> ReportAsync(InsightsScope s, CancellationToken ct)
    {
        var today = TodayOf(s);
        var targetDays = await TargetDaysAsync(ct);
        var (c30, c90, c365, cTarget) = (EarliestCounted(today, 30), EarliestCounted(today, 90), EarliestCounted(today, 365), EarliestCounted(today, targetDays));

        // One row per team: the active people, and how many had their last conversation on or after each boundary.
        var teamCounts = await s.Employees.Where(e => e.IsActive)
            .Select(e => new { e.TeamId, Last = db.DevelopmentConversations.Where(c => c.EmployeeId == e.Id).Max(c => (DateOnly?)c.HeldOn) })
            .GroupBy(x => x.TeamId)
            .Select(g => new TeamCounts(g.Key, g.Count(), g.Count(x => x.Last >= c30), g.Count(x => x.Last >= c90), g.Count(x => x.Last >= c365), g.Count(x => x.Last >= cTarget)))
            .ToListAsync(ct);
        var teamsById = s.Teams.ToDictionary(t => t.Id);
        teamCounts = teamCounts.Where(t => teamsById.ContainsKey(t.TeamId)).ToList();

        ConversationRow Row(string key, string name, string? detail, IEnumerable<TeamCounts> counts)
        {
            var list = counts.ToList();
            var people = list.Sum(c => c.People);
            return new(key, name, detail, new(people, list.Sum(c => c.W30), 30), new(people, list.Sum(c => c.W90), 90),
                new(people, list.Sum(c => c.W365), 365), new(people, list.Sum(c => c.Target), targetDays));
        }
        static IEnumerable<ConversationRow> LowestFirst(IEnumerable<ConversationRow> rows) => rows.OrderBy(r => r.Target.Share).ThenBy(r => r.Name);

        var teams = LowestFirst(teamCounts.Select(c => Row(c.TeamId.ToString(), teamsById[c.TeamId].Name, teamsById[c.TeamId].Site, [c]))).ToList();
        var sites = LowestFirst(teamCounts.GroupBy(c => teamsById[c.TeamId].Site).Select(g => Row(g.Key, g.Key, null, g))).ToList();

        // Every team-manager link and every manager's name (a few hundred rows), kept to the teams in view here: a list of
        // hundreds of ids sent as parameters costs more than the rows.
        var byTeam = teamCounts.ToDictionary(c => c.TeamId);
        var leads = (await db.TeamManagers.Select(m => new { m.TeamId, m.UserId }).ToListAsync(ct)).Where(m => byTeam.ContainsKey(m.TeamId)).ToList();
        var names = await db.Users.Where(u => db.TeamManagers.Any(m => m.UserId == u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName == "" ? u.Email ?? u.Id : u.DisplayName, ct);
        var managers = LowestFirst(leads.GroupBy(m => m.UserId).Select(g =>
        {
            var own = g.Select(m => m.TeamId).Distinct().ToList();
            return Row(g.Key, names.GetValueOrDefault(g.Key, "(removed account)"), own.Count == 1 ? teamsById[own[0]].Name : $"{own.Count} teams", own.Select(t => byTeam[t]));
        })).ToList();

        return new DevelopmentReport(today, targetDays, Row(Everyone, "Everyone in view", null, teamCounts), sites, teams, managers,
            await PlansAsync(s, ct), await ChosenAsync(s, ct), await ConfidenceAsync(s, ct));
    }

    /// <summary>Active people of one group without a conversation within the target; null when the group is not in the scope.</summary>
    public async Task<PeopleWithout?> WithoutAsync(InsightsScope s, string? by, string? key, CancellationToken ct)
    {
        // Everyone and a site are filters on the scope's people, not lists of team ids (hundreds of parameters cost more than the rows).
        List<int>? teamIds = null;
        string? site = null;
        string group;
        switch (by)
        {
            case Everyone: group = "Everyone in view"; break;
            case BySite when s.Teams.Any(t => t.Site == key): site = key; group = key!; break;
            case ByTeam when int.TryParse(key, out var id) && s.Teams.FirstOrDefault(t => t.Id == id) is { } team: teamIds = [id]; group = $"{team.Name} · {team.Site}"; break;
            case ByManager when key is not null:
                // Only the manager's teams that are in this scope: a manager never sees a colleague's other teams through them.
                var scopeTeams = s.Teams.Select(t => t.Id).ToList();
                teamIds = await db.TeamManagers.Where(m => m.UserId == key && scopeTeams.Contains(m.TeamId)).Select(m => m.TeamId).ToListAsync(ct);
                if (teamIds.Count == 0) return null;
                group = (await ManagerNamesAsync([key], ct)).GetValueOrDefault(key, "(removed account)");
                break;
            default: return null;
        }
        var today = TodayOf(s);
        var targetDays = await TargetDaysAsync(ct);
        var cutoff = EarliestCounted(today, targetDays);
        var people = s.Employees.Where(e => e.IsActive);
        if (teamIds is not null) people = people.Where(e => teamIds.Contains(e.TeamId));
        if (site is not null) people = people.Where(e => e.Team!.Site == site);
        var rows = await people
            .Select(e => new { e.Id, e.FirstName, e.LastName, Team = e.Team!.Name, e.Team.Site, Last = db.DevelopmentConversations.Where(c => c.EmployeeId == e.Id).Max(c => (DateOnly?)c.HeldOn) })
            .Where(x => x.Last == null || x.Last < cutoff)
            .ToListAsync(ct);
        var without = rows.Select(r => new PersonWithout(r.Id, $"{r.FirstName} {r.LastName}", r.Team, r.Site, r.Last, ConversationRate.DaysSince(r.Last, today)))
            .OrderBy(p => p.LastConversation.HasValue).ThenBy(p => p.LastConversation).ThenBy(p => p.Name).ToList();
        return new PeopleWithout(group, targetDays, without);
    }

    async Task<IReadOnlyList<PlanCount>> PlansAsync(InsightsScope s, CancellationToken ct)
    {
        var ids = ActiveIds(s);
        var rows = await db.DevelopmentPlans.Where(p => ids.Contains(p.EmployeeId)).GroupBy(p => new { p.Track, p.Status })
            .Select(g => new { g.Key.Track, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => new PlanCount(r.Track, r.Status, r.Count)).ToList();
    }

    async Task<IReadOnlyList<ChosenSkill>> ChosenAsync(InsightsScope s, CancellationToken ct)
    {
        var ids = ActiveIds(s);
        var rows = await db.SkillChoices.Where(c => c.DroppedAtUtc == null && ids.Contains(c.EmployeeId)).GroupBy(c => c.SkillKey)
            .Select(g => new { SkillKey = g.Key, People = g.Select(c => c.EmployeeId).Distinct().Count() }).ToListAsync(ct);
        var names = await rubrics.SkillNamesAsync(rows.Select(r => r.SkillKey), ct);
        return rows.Select(r => new ChosenSkill(r.SkillKey, (names.GetValueOrDefault(r.SkillKey)?.Name ?? "(unknown skill)"), r.People))
            .OrderByDescending(r => r.People).ThenBy(r => r.Skill).ToList();
    }

    /// <summary>
    /// Each active person's latest confidence per skill, next to their last observed level and what is expected of them (an
    /// active plan's target for the skill, the highest if two plans name it; otherwise their role's required level).
    /// The database counts each (skill, confidence, observed, expected) combination; <see cref="ConfidenceRules.Mismatch"/>
    /// then judges each combination once.
    /// </summary>
    async Task<IReadOnlyList<ConfidenceRow>> ConfidenceAsync(InsightsScope s, CancellationToken ct)
    {
        var latest =
            from c in db.ConfidenceRatings
            join e in s.Employees.Where(e => e.IsActive) on c.EmployeeId equals e.Id
            where !db.ConfidenceRatings.Any(x => x.EmployeeId == c.EmployeeId && x.SkillKey == c.SkillKey && (x.RatedAtUtc > c.RatedAtUtc || (x.RatedAtUtc == c.RatedAtUtc && x.Id > c.Id)))
            select new
            {
                c.SkillKey,
                Confidence = c.Level,
                Observed = db.Ratings.Where(r => r.EmployeeId == c.EmployeeId && r.SkillKey == c.SkillKey && r.IsSubmitted && r.Level != null)
                    .OrderByDescending(r => r.ObservedAtUtc).Select(r => r.Level).FirstOrDefault(),
                // From the person's active plans to their skills, so SQLite seeks both indexes (from plan skills by key it scanned them all).
                Expected = (from p in db.DevelopmentPlans
                            where p.EmployeeId == c.EmployeeId && p.Status == PlanStatus.Active
                            join k in db.PlanSkills on p.Id equals k.DevelopmentPlanId
                            where k.SkillKey == c.SkillKey && k.DroppedAtUtc == null
                            select (int?)k.TargetLevel).Max()
                    ?? db.RoleRequirements.Where(q => q.JobRoleId == e.JobRoleId && q.SkillKey == c.SkillKey).Select(q => (int?)q.RequiredLevel).FirstOrDefault(),
            };
        var groups = await latest.GroupBy(x => new { x.SkillKey, x.Confidence, x.Observed, x.Expected })
            .Select(g => new { g.Key.SkillKey, g.Key.Confidence, g.Key.Observed, g.Key.Expected, Count = g.Count() })
            .ToListAsync(ct);
        var names = await rubrics.SkillNamesAsync(groups.Select(g => g.SkillKey), ct);
        return groups.GroupBy(g => g.SkillKey).Select(g =>
        {
            var people = g.Sum(x => x.Count);
            var observed = g.Where(x => x.Observed is not null).ToList();
            var observedPeople = observed.Sum(x => x.Count);
            int Flagged(ConfidenceMismatch kind) => g.Where(x => ConfidenceRules.Mismatch(x.Confidence, x.Observed, x.Expected) == kind).Sum(x => x.Count);
            return new ConfidenceRow(g.Key, (names.GetValueOrDefault(g.Key)?.Name ?? "(unknown skill)"), people, (double)g.Sum(x => x.Confidence * x.Count) / people,
                observedPeople, observedPeople == 0 ? null : (double)observed.Sum(x => x.Observed!.Value * x.Count) / observedPeople,
                Flagged(ConfidenceMismatch.ConfidentObservedLow), Flagged(ConfidenceMismatch.ObservedHighNotConfident));
        }).OrderByDescending(r => r.Flagged).ThenBy(r => r.Skill).ToList();
    }

    async Task<Dictionary<string, string>> ManagerNamesAsync(List<string> userIds, CancellationToken ct) =>
        await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName == "" ? u.Email ?? u.Id : u.DisplayName, ct);
}
