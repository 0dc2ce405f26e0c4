using Coaching.Domain.Insights;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Insights;

public sealed record SkillColumn(Guid Key, string Name);
public sealed record MatrixRow(int TeamId, string Team, string Site, IReadOnlyList<int> Counts);
public sealed record RubricMatrix(int RubricId, string Rubric, IReadOnlyList<SkillColumn> Skills, IReadOnlyList<MatrixRow> Rows, int Max)
{
    public int SkillTotal(int column) => Rows.Sum(r => r.Counts[column]);
}
public sealed record TeamCoverage(int TeamId, string Team, string Site, int Active, int Observed, double? Share, double? MedianDaysSinceLast, int NeverObserved, int Observations, int Managers, double? PerManager);
public sealed record NeverObservedSkill(string Rubric, string Skill);
public sealed record CoverageReport(IReadOnlyList<RubricMatrix> Matrices, IReadOnlyList<TeamCoverage> Teams, IReadOnlyList<NeverObservedSkill> NeverObserved, int Ratings);
public sealed record CellPerson(int EmployeeId, string Name, string Role, bool IsActive, int Ratings, DateTime? LastRatedUtc, int? LatestLevel);
public sealed record CellReport(int TeamId, string Team, Guid SkillKey, string Skill, IReadOnlyList<CellPerson> People)
{
    public int Ratings => People.Sum(p => p.Ratings);
}
public sealed record GapRow(int RoleId, string Role, Guid SkillKey, string Skill, int RequiredLevel, int Employees, int Below, int NeverRated, int Meets);
public sealed record GapPerson(int EmployeeId, string Name, string Team, int? LatestLevel, int RequiredLevel, GapStatus Status);
public sealed record ObserverRow(string ObserverId, string Name, ObserverCalibration Calibration);
public sealed record CalibrationReport(IReadOnlyList<ObserverRow> Observers, IReadOnlyDictionary<Guid, string> SkillNames, int MaxLevel);

/// <summary>
/// The grouped queries behind coverage, gaps and calibration. Each aggregates in the database over the Rating
/// copies (employee, observer, time, submitted) and brings back group rows only, never the ratings themselves.
/// </summary>
public sealed class InsightsQueries(CoachingDbContext db, Rubrics.PublishedRubrics rubrics)
{
    IQueryable<Rating> SubmittedIn(InsightsScope s)
    {
        var ratings = db.Ratings.Where(r => r.IsSubmitted && r.ObservedAtUtc >= s.StartUtc && r.ObservedAtUtc < s.EndUtc);
        // The whole organisation needs no employee filter; anything narrower seeks the employees' index ranges.
        if (s.IsFiltered)
        {
            var ids = s.Employees.Select(e => e.Id);
            ratings = ratings.Where(r => ids.Contains(r.EmployeeId));
        }
        return ratings;
    }

    public sealed record EmployeeSkillCount(int EmployeeId, Guid SkillKey, int Count);

    /// <summary>The heaviest query of the dashboard: ratings in the period per employee and skill.</summary>
    public IQueryable<EmployeeSkillCount> CoverageCells(InsightsScope s) =>
        SubmittedIn(s).GroupBy(r => new { r.EmployeeId, r.SkillKey }).Select(g => new EmployeeSkillCount(g.Key.EmployeeId, g.Key.SkillKey, g.Count()));

    public sealed record TeamSkillCount(int TeamId, Guid SkillKey, int Count);

    /// <summary>
    /// The rollup reads that count the period's ratings per team and skill (<see cref="RollupRanges.Of"/>): whole local
    /// months read month rows, the part-months at either end day rows, each grouped per team and skill in the database.
    /// </summary>
    public IEnumerable<(IQueryable<TeamSkillCount> Query, int Sign)> RolledUpReads(InsightsScope s)
    {
        var teamIds = s.Teams.Select(t => t.Id).ToList();
        foreach (var read in RollupRanges.Of(s.Period.From, s.Period.To))
        {
            var (span, from, to) = (read.Span, read.From, read.To);
            var rows = db.RatingRollups.Where(r => r.Span == span && r.Start >= from && r.Start <= to);
            // The whole organisation reads every team's rows; a narrower scope names its teams.
            if (s.IsFiltered) rows = rows.Where(r => teamIds.Contains(r.TeamId));
            yield return (rows.GroupBy(r => new { r.TeamId, r.SkillKey }).Select(g => new TeamSkillCount(g.Key.TeamId, g.Key.SkillKey, g.Sum(r => r.Ratings))), read.Sign);
        }
    }

    /// <summary>
    /// Ratings in the period per team and skill, summed from the rollups. Equal to <see cref="CoverageCells"/> summed per
    /// team when the scope is whole teams (<see cref="InsightsScope.IsWholeTeams"/>); tests hold it to that.
    /// </summary>
    public async Task<Dictionary<(int TeamId, Guid SkillKey), int>> RolledUpCellsAsync(InsightsScope s, CancellationToken ct)
    {
        var cells = new Dictionary<(int, Guid), int>();
        foreach (var (query, sign) in RolledUpReads(s))
            foreach (var c in await query.ToListAsync(ct))
                cells[(c.TeamId, c.SkillKey)] = cells.GetValueOrDefault((c.TeamId, c.SkillKey)) + sign * c.Count;
        // A row can fall back to zero (an amendment moved its rating away); no rating, no cell, as when counting ratings.
        foreach (var empty in cells.Where(c => c.Value == 0).Select(c => c.Key).ToList()) cells.Remove(empty);
        return cells;
    }

    async Task<List<(int Id, string Name, List<SkillColumn> Skills)>> RubricsAsync(int? rubricId, CancellationToken ct)
    {
        var rubrics = await db.Rubrics.Where(r => r.CurrentVersionId != null && (rubricId == null || r.Id == rubricId))
            .OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, Skills = r.CurrentVersion!.Skills.OrderBy(k => k.Order).Select(k => new SkillColumn(k.Key, k.Name)).ToList() })
            .ToListAsync(ct);
        return rubrics.Select(r => (r.Id, r.Name, r.Skills)).ToList();
    }

    public async Task<CoverageReport> CoverageAsync(InsightsScope s, CancellationToken ct)
    {
        var rubrics = await RubricsAsync(s.RubricId, ct);
        var employees = await s.Employees.Select(e => new { e.Id, e.TeamId, e.IsActive, RubricId = e.JobRole!.DefaultRubricId }).ToListAsync(ct);
        var teamOf = employees.ToDictionary(e => e.Id, e => e.TeamId);

        var byTeamSkill = s.IsWholeTeams ? await RolledUpCellsAsync(s, ct) : new Dictionary<(int, Guid), int>();
        var ratingCount = byTeamSkill.Values.Sum();
        if (!s.IsWholeTeams)
        {
            // A job-role filter (or an access rule by person) cuts across teams: count the ratings themselves, employee × skill
            // (tens of thousands of rows for a year of a 5,000-person organisation), summed per team here.
            var cells = await CoverageCells(s).ToListAsync(ct);
            foreach (var c in cells)
            {
                if (!teamOf.TryGetValue(c.EmployeeId, out var team)) continue;
                byTeamSkill[(team, c.SkillKey)] = byTeamSkill.GetValueOrDefault((team, c.SkillKey)) + c.Count;
            }
            ratingCount = cells.Sum(c => c.Count);
        }

        var teamsById = s.Teams.ToDictionary(t => t.Id);
        var matrices = new List<RubricMatrix>();
        var never = new List<NeverObservedSkill>();
        foreach (var (id, name, skills) in rubrics)
        {
            var keys = skills.Select(k => k.Key).ToHashSet();
            // A team belongs in a rubric's matrix when its people are observed against that rubric, or were in the period.
            var teamIds = employees.Where(e => e.RubricId == id).Select(e => e.TeamId)
                .Concat(byTeamSkill.Keys.Where(k => keys.Contains(k.Item2)).Select(k => k.Item1))
                .Distinct().Where(teamsById.ContainsKey).ToList();
            var rows = teamIds.Select(t => teamsById[t]).OrderBy(t => t.Site).ThenBy(t => t.Name)
                .Select(t => new MatrixRow(t.Id, t.Name, t.Site, skills.Select(k => byTeamSkill.GetValueOrDefault((t.Id, k.Key))).ToList()))
                .ToList();
            var matrix = new RubricMatrix(id, name, skills, rows, rows.SelectMany(r => r.Counts).DefaultIfEmpty(0).Max());
            matrices.Add(matrix);
            never.AddRange(skills.Where((k, i) => matrix.SkillTotal(i) == 0).Select(k => new NeverObservedSkill(name, k.Name)));
        }

        var perEmployee = await ObservedAsync(s, ct);
        var teamIdsInScope = s.Teams.Select(t => t.Id).ToList();
        var managers = await db.TeamManagers.Where(m => teamIdsInScope.Contains(m.TeamId)).GroupBy(m => m.TeamId)
            .Select(g => new { TeamId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.TeamId, x => x.Count, ct);

        var teams = employees.GroupBy(e => e.TeamId).Where(g => teamsById.ContainsKey(g.Key)).Select(g =>
        {
            var team = teamsById[g.Key];
            var active = g.Where(e => e.IsActive).ToList();
            var observed = active.Count(e => perEmployee.TryGetValue(e.Id, out var p) && p.InPeriod > 0);
            var days = active.Where(e => perEmployee.ContainsKey(e.Id)).Select(e => s.DaysSince(perEmployee[e.Id].Last)).ToList();
            var count = g.Sum(e => perEmployee.TryGetValue(e.Id, out var p) ? p.InPeriod : 0);
            var managerCount = managers.GetValueOrDefault(g.Key);
            return new TeamCoverage(team.Id, team.Name, team.Site, active.Count, observed, CoverageRules.ObservedShare(observed, active.Count),
                CoverageRules.Median(days), active.Count - days.Count, count, managerCount, CoverageRules.PerManager(count, managerCount));
        }).OrderBy(t => t.Share ?? 2).ThenBy(t => t.Team).ToList();

        return new CoverageReport(matrices, teams, never, ratingCount);
    }

    /// <summary>
    /// Per employee in the scope who was observed before the period's end: the latest submitted observation before it and
    /// how many fall in the period. Read as <see cref="ObservedReads"/> says: <see cref="ObservationRollup"/> rows for the
    /// months before the last, the observations themselves for the first month's days from the start and the last month's.
    /// </summary>
    public async Task<Dictionary<int, (DateTime Last, int InPeriod)>> ObservedAsync(InsightsScope s, CancellationToken ct)
    {
        var reads = new ObservedReads(s.Period.From, s.Period.To);
        var (firstMonth, lastMonth, start, end) = (reads.FirstMonth, reads.LastMonth, s.StartUtc, s.EndUtc);
        var rows = db.ObservationRollups.Where(r => r.Month < lastMonth);
        var observations = db.Observations.Where(o => o.Status == ObservationStatus.Submitted);
        if (s.IsFiltered)
        {
            var ids = s.Employees.Select(e => e.Id);
            rows = rows.Where(r => ids.Contains(r.EmployeeId));
            observations = observations.Where(o => ids.Contains(o.EmployeeId));
        }
        var observed = new Dictionary<int, (DateTime Last, int InPeriod)>();
        void Add(int employeeId, DateTime? last, int count)
        {
            var (was, counted) = observed.GetValueOrDefault(employeeId);
            observed[employeeId] = (last > was ? last.Value : was, counted + count);
        }

        foreach (var r in await rows.GroupBy(r => r.EmployeeId)
                     .Select(g => new { g.Key, Last = g.Max(r => r.LastObservedAtUtc), Count = g.Sum(r => r.Month > firstMonth ? r.Observations : 0) }).ToListAsync(ct))
            Add(r.Key, r.Last, r.Count);
        if (reads.SpansMonths)
        {
            var firstMonthEnd = OrganisationClock.StartOfDayUtc(reads.FirstMonthEnd.AddDays(1), s.Zone);
            foreach (var o in await observations.Where(o => o.ObservedAtUtc >= start && o.ObservedAtUtc < firstMonthEnd)
                         .GroupBy(o => o.EmployeeId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                Add(o.Key, null, o.Count);
        }
        var lastMonthStart = OrganisationClock.StartOfDayUtc(lastMonth, s.Zone);
        foreach (var o in await observations.Where(o => o.ObservedAtUtc >= lastMonthStart && o.ObservedAtUtc < end)
                     .GroupBy(o => o.EmployeeId).Select(g => new { g.Key, Last = g.Max(o => o.ObservedAtUtc), Count = g.Count(o => o.ObservedAtUtc >= start) }).ToListAsync(ct))
            Add(o.Key, o.Last, o.Count);
        return observed;
    }

    /// <summary>The people behind one heat-map cell; null when the team is outside the scope (tampered or unknown).</summary>
    public async Task<CellReport?> CellAsync(InsightsScope s, int teamId, Guid skillKey, CancellationToken ct)
    {
        var team = s.Teams.FirstOrDefault(t => t.Id == teamId);
        if (team is null) return null;
        var skill = (await SkillNamesAsync([skillKey], ct)).GetValueOrDefault(skillKey);
        if (skill is null) return null;
        var (start, end) = (s.StartUtc, s.EndUtc);
        var people = await s.Employees.Where(e => e.TeamId == teamId)
            .Select(e => new { e.Id, e.FirstName, e.LastName, Role = e.JobRole!.Name, e.IsActive }).ToListAsync(ct);
        // Then the team's ratings of the skill in the period: a seek per person on the ratings' employee × skill × time index
        // (a correlated "latest" per person made SQLite rank every rating of the skill in the organisation).
        var ids = people.Select(p => p.Id).ToList();
        var ratings = (await db.Ratings.Where(r => ids.Contains(r.EmployeeId) && r.SkillKey == skillKey && r.IsSubmitted && r.ObservedAtUtc >= start && r.ObservedAtUtc < end)
                .Select(r => new { r.EmployeeId, r.ObservedAtUtc, r.Level }).ToListAsync(ct))
            .GroupBy(r => r.EmployeeId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.MaxBy(r => r.ObservedAtUtc)!));
        return new CellReport(team.Id, team.Name, skillKey, skill, people
            .Select(p => ratings.TryGetValue(p.Id, out var r)
                ? new CellPerson(p.Id, Employee.FullNameOf(p.FirstName, p.LastName), p.Role, p.IsActive, r.Count, r.Last.ObservedAtUtc, r.Last.Level)
                : new CellPerson(p.Id, Employee.FullNameOf(p.FirstName, p.LastName), p.Role, p.IsActive, 0, null, null))
            .OrderByDescending(p => p.Ratings).ThenBy(p => p.Name).ToList());
    }

    /// <summary>
    /// Every active person in scope against each skill their role requires, with their latest level in it from the
    /// <see cref="LatestLevel"/> rows (kept in step by every save): one join, where finding each person's latest rating
    /// of each skill took 2 s at 50,000 people on PostgreSQL.
    /// </summary>
    IQueryable<LatestLevelRow> LatestLevels(InsightsScope s) =>
        from e in s.Employees.Where(e => e.IsActive)
        from q in db.RoleRequirements.Where(q => q.JobRoleId == e.JobRoleId)
        from l in db.LatestLevels.Where(l => l.EmployeeId == e.Id && l.SkillKey == q.SkillKey).DefaultIfEmpty()
        select new LatestLevelRow
        {
            EmployeeId = e.Id, RoleId = e.JobRoleId, SkillKey = q.SkillKey, RequiredLevel = q.RequiredLevel,
            Latest = l == null ? null : l.Level,
        };

    sealed class LatestLevelRow
    {
        public int EmployeeId { get; init; }
        public int RoleId { get; init; }
        public Guid SkillKey { get; init; }
        public int RequiredLevel { get; init; }
        public int? Latest { get; init; }
    }

    /// <summary>Per job role and required skill: how many active people are below, never rated, or meet it (by their latest rating).</summary>
    public async Task<IReadOnlyList<GapRow>> GapsAsync(InsightsScope s, CancellationToken ct)
    {
        var groups = await LatestLevels(s).GroupBy(x => new { x.RoleId, x.SkillKey, x.RequiredLevel, x.Latest })
            .Select(g => new { g.Key.RoleId, g.Key.SkillKey, g.Key.RequiredLevel, g.Key.Latest, Count = g.Count() })
            .ToListAsync(ct);
        var roleNames = await db.JobRoles.ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var skillNames = await SkillNamesAsync(groups.Select(g => g.SkillKey).Distinct().ToList(), ct);
        return groups.GroupBy(g => (g.RoleId, g.SkillKey, g.RequiredLevel)).Select(g =>
        {
            int Count(GapStatus status) => g.Where(x => GapRules.Classify(x.Latest, x.RequiredLevel) == status).Sum(x => x.Count);
            return new GapRow(g.Key.RoleId, roleNames.GetValueOrDefault(g.Key.RoleId, "?"), g.Key.SkillKey, skillNames.GetValueOrDefault(g.Key.SkillKey, "?"),
                g.Key.RequiredLevel, g.Sum(x => x.Count), Count(GapStatus.BelowRequired), Count(GapStatus.NeverRated), Count(GapStatus.MeetsRequired));
        }).OrderBy(r => r.Role).ThenByDescending(r => r.Below + r.NeverRated).ThenBy(r => r.Skill).ToList();
    }

    public async Task<(string Role, string Skill, IReadOnlyList<GapPerson> People)?> GapPeopleAsync(InsightsScope s, int roleId, Guid skillKey, CancellationToken ct)
    {
        var rows = await LatestLevels(s).Where(x => x.RoleId == roleId && x.SkillKey == skillKey)
            .Join(db.Employees, x => x.EmployeeId, e => e.Id, (x, e) => new { x.EmployeeId, e.FirstName, e.LastName, Team = e.Team!.Name, x.Latest, x.RequiredLevel })
            .ToListAsync(ct);
        var role = await db.JobRoles.Where(r => r.Id == roleId).Select(r => r.Name).FirstOrDefaultAsync(ct);
        var skill = (await SkillNamesAsync([skillKey], ct)).GetValueOrDefault(skillKey);
        if (role is null || skill is null) return null;
        var people = rows.Select(r => new GapPerson(r.EmployeeId, Employee.FullNameOf(r.FirstName, r.LastName), r.Team, r.Latest, r.RequiredLevel, GapRules.Classify(r.Latest, r.RequiredLevel)))
            .OrderBy(p => p.Status).ThenBy(p => p.LatestLevel).ThenBy(p => p.Name).ToList();
        return (role, skill, people);
    }

    public async Task<CalibrationReport> CalibrationAsync(InsightsScope s, CancellationToken ct)
    {
        var ratings = SubmittedIn(s).Where(r => r.Level != null);
        if (s.RubricId is { } rubricId)
        {
            var keys = db.Skills.Where(k => db.Rubrics.Any(r => r.Id == rubricId && r.CurrentVersionId == k.RubricVersionId)).Select(k => k.Key);
            ratings = ratings.Where(r => keys.Contains(r.SkillKey));
        }
        var counts = await ratings.GroupBy(r => new { r.ObserverUserId, r.SkillKey, r.Level })
            .Select(g => new { g.Key.ObserverUserId, g.Key.SkillKey, g.Key.Level, Count = g.Count() })
            .ToListAsync(ct);
        var calibration = CalibrationRules.Calibrate(counts.Select(c => new LevelCount(c.ObserverUserId, c.SkillKey, c.Level!.Value, c.Count)));
        var observerIds = calibration.Select(c => c.ObserverId).ToList();
        var names = await db.Users.Where(u => observerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName == "" ? u.Email ?? u.Id : u.DisplayName, ct);
        var skillNames = await SkillNamesAsync(counts.Select(c => c.SkillKey).Distinct().ToList(), ct);
        var maxLevel = counts.Select(c => c.Level!.Value).DefaultIfEmpty(4).Max();
        return new CalibrationReport(calibration.Select(c => new ObserverRow(c.ObserverId, names.GetValueOrDefault(c.ObserverId, "(removed account)"), c)).ToList(),
            skillNames, Math.Max(4, maxLevel));
    }

    /// <summary>Skill names by stable key, as every page names them (<see cref="Rubrics.PublishedRubrics.SkillNamesAsync"/>).</summary>
    async Task<Dictionary<Guid, string>> SkillNamesAsync(List<Guid> keys, CancellationToken ct) =>
        (await rubrics.SkillNamesAsync(keys, ct)).ToDictionary(n => n.Key, n => n.Value.Name);
}
