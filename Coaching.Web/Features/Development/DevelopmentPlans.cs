using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Rubrics;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Development;

/// <summary>
/// The one home for reading a person's development plans as pages show them: skills and levels by name, the last
/// observed level against each target, the history with who did what, and the observations made while a plan ran.
/// </summary>
public sealed class DevelopmentPlans(CoachingDbContext db, PublishedRubrics rubrics, IOptions<OrganisationOptions> org)
{
    /// <summary>How many of the observations made during a plan the page lists (the count covers all of them).</summary>
    public const int LatestObservationsShown = 3;

    public sealed record RoleOption(int Id, string Name, bool LedToByCurrent, bool CreatedByNewTechnology);
    public sealed record SkillOption(Guid Key, string Name, bool Chosen);
    public sealed record SkillLine(Guid Key, string Name, int TargetLevel, string TargetLevelName, DateOnly TargetDate, int? Observed,
        string? ObservedLevelName, bool Reached, DateTime? DroppedAtUtc)
    {
        public bool IsDropped => DroppedAtUtc is not null;
    }
    public sealed record HistoryLine(string When, string Who, string What);
    public sealed record ObservationLine(string When, string Observer);
    public sealed record PlanView(int Id, DevelopmentTrack Track, string? TargetRole, string? AdditionalRole, PlanStatus Status, string? StopReason,
        string Started, string? Ended, int MinLevel, int MaxLevel, IReadOnlyList<(int Value, string Name)> Levels,
        IReadOnlyList<SkillLine> Skills, IReadOnlyList<SkillOption> Addable, IReadOnlyList<HistoryLine> History,
        int ObservationCount, IReadOnlyList<ObservationLine> LatestObservations)
    {
        public bool IsActive => Status == PlanStatus.Active;
        public IEnumerable<SkillLine> CurrentSkills => Skills.Where(s => !s.IsDropped);
    }
    public sealed record PlanBrief(int Id, DevelopmentTrack Track, string? TargetRole, string? AdditionalRole, IReadOnlyList<SkillLine> Skills);
    /// <summary>What the profile shows: the active plans in brief and whether this person may start one.</summary>
    public sealed record OnProfile(int EmployeeId, bool CanStart, IReadOnlyList<PlanBrief> Active);

    /// <summary>A rubric's scale: the version that names the levels and their range.</summary>
    public sealed record Scale(int? VersionId, int Min, int Max, IReadOnlyList<(int Value, string Name)> Levels)
    {
        public string NameOf(int level) => Levels.FirstOrDefault(l => l.Value == level).Name is { Length: > 0 } n ? $"{level} {n}" : $"level {level}";
        public static readonly Scale Default = new(null, 1, 4, []);
    }

    public async Task<OnProfile> ForProfileAsync(Employee employee, bool canStart, CancellationToken ct)
    {
        var plans = await PlansOfAsync(employee, ct);
        return new(employee.Id, canStart, plans.Where(p => p.IsActive)
            .Select(p => new PlanBrief(p.Id, p.Track, p.TargetRole, p.AdditionalRole, p.CurrentSkills.ToList())).ToList());
    }

    /// <summary>The person's plans for the plan page: active first (newest first), then ended ones, newest ending first.</summary>
    public async Task<IReadOnlyList<PlanView>> PlansOfAsync(Employee employee, CancellationToken ct)
    {
        var plans = await db.DevelopmentPlans.AsNoTracking().Include(p => p.Skills).Include(p => p.History)
            .Where(p => p.EmployeeId == employee.Id).AsSplitQuery().ToListAsync(ct);
        if (plans.Count == 0) return [];
        plans = plans.OrderBy(p => p.IsActive ? 0 : 1).ThenByDescending(p => p.EndedAtUtc ?? p.CreatedAtUtc).ThenByDescending(p => p.Id).ToList();

        var observed = await LastObservedAsync(employee.Id, ct);
        var roleIds = plans.SelectMany(p => new[] { p.TargetRoleId, p.AdditionalRoleId }).OfType<int>().Append(employee.JobRoleId).Distinct().ToList();
        var roles = await db.JobRoles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var userIds = plans.SelectMany(p => p.History.Select(h => h.UserId)).Distinct().ToList();
        var observations = await db.Observations.AsNoTracking()
            .Where(o => o.EmployeeId == employee.Id && o.Status == ObservationStatus.Submitted)
            .OrderByDescending(o => o.ObservedAtUtc).Select(o => new { o.ObservedAtUtc, o.ObserverUserId }).ToListAsync(ct);
        userIds.AddRange(observations.Select(o => o.ObserverUserId));
        var distinctUsers = userIds.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => distinctUsers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var chosen = await ChosenSkillsAsync(employee.Id, ct);

        var views = new List<PlanView>();
        foreach (var plan in plans)
        {
            var roleId = plan.RequirementsRoleId(employee.JobRoleId);
            var scale = await ScaleOfRoleAsync(roleId, ct);
            var rubricSkills = await SkillsOfRoleAsync(roleId, ct);
            var names = await rubrics.SkillNamesAsync(plan.Skills.Select(s => s.SkillKey).Concat(chosen), ct);
            var skills = plan.Skills.OrderBy(s => s.IsDropped).ThenBy(s => s.AddedAtUtc).ThenBy(s => s.Id)
                .Select(s => Line(s, names.TryGetValue(s.SkillKey, out var n) ? n.Name : "(a skill no longer in any rubric)", scale, observed))
                .ToList();
            var inPlan = plan.CurrentSkills.Select(s => s.SkillKey).ToHashSet();
            var addable = rubricSkills.Where(s => !inPlan.Contains(s.Key)).Select(s => new SkillOption(s.Key, s.Name, chosen.Contains(s.Key)))
                .Concat(chosen.Where(k => !inPlan.Contains(k) && rubricSkills.All(s => s.Key != k) && names.ContainsKey(k))
                    .Select(k => new SkillOption(k, names[k].Name, true)))
                .OrderByDescending(s => s.Chosen).ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
            var during = observations.Where(o => plan.WasActiveAt(o.ObservedAtUtc)).ToList();
            views.Add(new PlanView(plan.Id, plan.Track,
                plan.TargetRoleId is { } t ? roles.GetValueOrDefault(t) : null, plan.AdditionalRoleId is { } a ? roles.GetValueOrDefault(a) : null,
                plan.Status, plan.StopReason, Day(plan.CreatedAtUtc), plan.EndedAtUtc is { } e ? Day(e) : null,
                scale.Min, scale.Max, scale.Levels, skills, addable,
                plan.History.OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id)
                    .Select(h => new HistoryLine(LocalTime(h.AtUtc), users.GetValueOrDefault(h.UserId, "someone no longer here"), h.What)).ToList(),
                during.Count, during.Take(LatestObservationsShown).Select(o => new ObservationLine(LocalTime(o.ObservedAtUtc), users.GetValueOrDefault(o.ObserverUserId, ""))).ToList()));
        }
        return views;
    }

    static SkillLine Line(PlanSkill s, string name, Scale scale, IReadOnlyDictionary<Guid, int> observed)
    {
        int? level = observed.TryGetValue(s.SkillKey, out var l) ? l : null;
        return new SkillLine(s.SkillKey, name, s.TargetLevel, scale.NameOf(s.TargetLevel), s.TargetDate, level,
            level is { } v ? scale.NameOf(v) : null, s.IsReachedBy(level), s.DroppedAtUtc);
    }

    /// <summary>The person's last observed level per skill (submitted observations only).</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> LastObservedAsync(int employeeId, CancellationToken ct)
    {
        var ratings = await db.Ratings.AsNoTracking()
            .Where(r => r.EmployeeId == employeeId && r.IsSubmitted && r.Level != null)
            .Select(r => new RatedLevel(r.SkillKey, r.Level!.Value, r.ObservedAtUtc)).ToListAsync(ct);
        return SkillProgress.From(ratings).Where(p => p.Value.Latest is not null).ToDictionary(p => p.Key, p => p.Value.Latest!.Value);
    }

    /// <summary>The skills the employee chose to learn and still wants to.</summary>
    public async Task<HashSet<Guid>> ChosenSkillsAsync(int employeeId, CancellationToken ct) =>
        (await db.SkillChoices.AsNoTracking().Where(c => c.EmployeeId == employeeId && c.DroppedAtUtc == null).Select(c => c.SkillKey).ToListAsync(ct)).ToHashSet();

    /// <summary>The scale of a role's current rubric (1–4 when the role has none, as a rubric starts).</summary>
    public async Task<Scale> ScaleOfRoleAsync(int roleId, CancellationToken ct)
    {
        var version = await rubrics.CurrentOfRoleAsync(roleId, ct);
        return version is { Levels.Count: > 0 }
            ? new Scale(version.Id, version.MinLevel, version.MaxLevel, version.LevelsInOrder().Select(l => (l.Value, l.Name)).ToList())
            : Scale.Default;
    }

    /// <summary>The skills of a role's current rubric, in the rubric's order.</summary>
    public async Task<IReadOnlyList<(Guid Key, string Name)>> SkillsOfRoleAsync(int roleId, CancellationToken ct)
    {
        var version = await rubrics.CurrentOfRoleAsync(roleId, ct);
        return version?.Skills.OrderBy(s => s.Order).Select(s => (s.Key, s.Name)).ToList() ?? [];
    }

    /// <summary>The roles a plan may name: the ones the current role leads to first, then the others; never the current role.</summary>
    public async Task<IReadOnlyList<RoleOption>> RoleOptionsAsync(int currentRoleId, CancellationToken ct)
    {
        var current = await db.JobRoles.AsNoTracking().Include(r => r.LeadsTo).SingleAsync(r => r.Id == currentRoleId, ct);
        var leadsTo = current.LeadsTo.Select(r => r.Id).ToHashSet();
        var all = await db.JobRoles.AsNoTracking().Where(r => r.Id != currentRoleId).OrderBy(r => r.Name).ToListAsync(ct);
        return all.Select(r => new RoleOption(r.Id, r.Name, leadsTo.Contains(r.Id), r.CreatedByNewTechnology))
            .OrderByDescending(r => r.LedToByCurrent).ToList();
    }

    /// <summary>
    /// The proposals for a new plan: the gap between the requirements of the role the goal names and the person's last
    /// observed levels, each with its required level as the target.
    /// </summary>
    public async Task<IReadOnlyList<SkillGap>> ProposalsAsync(int employeeId, int requirementsRoleId, CancellationToken ct)
    {
        var requirements = await db.RoleRequirements.AsNoTracking().Where(r => r.JobRoleId == requirementsRoleId).ToListAsync(ct);
        var names = await rubrics.SkillNamesAsync(requirements.Select(r => r.SkillKey), ct);
        return ProposedSkills.From(requirements, await LastObservedAsync(employeeId, ct), names.ToDictionary(n => n.Key, n => n.Value.Name));
    }

    string Day(DateTime utc) => OrganisationClock.ToLocal(utc, org.Value.Zone).ToString("d MMM yyyy");
    string LocalTime(DateTime utc) => OrganisationClock.ToLocal(utc, org.Value.Zone).ToString("ddd d MMM yyyy, HH:mm");
}
