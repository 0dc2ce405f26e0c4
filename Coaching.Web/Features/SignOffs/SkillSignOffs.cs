using Coaching.Domain.SignOffs;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Rubrics;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.SignOffs;

/// <summary>
/// Where a person stands on each skill their role requires (and each skill they were ever signed off on): whether it
/// is ready for sign-off under the rubric's rule, the sign-off that counts or last counted with its status on the
/// organisation's today, and the last decline. The one query behind the profile, My team, the sign-off page, the
/// weekly summary and Insights.
/// </summary>
public sealed class SkillSignOffs(CoachingDbContext db, PublishedRubrics rubrics, IOptions<OrganisationOptions> org, TimeProvider clock)
{
    public sealed record State(int EmployeeId, Guid SkillKey, string SkillName, int SkillOrder, int? RequiredLevel, SignOffRule Rule,
        SignOffReadiness Readiness, SignOff? SignOff, SignOffStatus? Status, SignOffDecline? LastDecline, int? ExpiryMonths)
    {
        /// <summary>Signed off and still counting (an expiring one still counts).</summary>
        public bool IsSignedOff => Status is SignOffStatus.Active or SignOffStatus.ExpiringSoon;
        /// <summary>The rule is met, nothing counts yet, and no decline stands against the same evidence.</summary>
        public bool IsReadyForSignOff => !IsSignedOff && RequiredLevel is not null && Readiness.IsReady && LastDecline?.StillStands(Readiness) != true;
        public bool IsExpiringSoon => Status == SignOffStatus.ExpiringSoon;
        /// <summary>Expired and not signed off again: flagged until it is.</summary>
        public bool IsExpired => Status == SignOffStatus.Expired;
    }

    public DateOnly Today => OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone);

    public async Task<IReadOnlyList<State>> ForEmployeeAsync(int employeeId, CancellationToken ct) =>
        (await ForEmployeesAsync([employeeId], ct))[employeeId].ToList();

    /// <summary>Every listed person's skills, in the rubric's skill order.</summary>
    public async Task<ILookup<int, State>> ForEmployeesAsync(IReadOnlyCollection<int> employeeIds, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var zone = org.Value.Zone;
        var today = OrganisationClock.Today(nowUtc, zone);
        var ids = employeeIds.Distinct().ToList();
        var (people, required, rules) = await RolesOfAsync(db.Employees.Where(e => ids.Contains(e.Id)).Select(e => e.Id), ct);
        var signOffs = (await db.SignOffs.AsNoTracking().Where(s => ids.Contains(s.EmployeeId)).ToListAsync(ct))
            .ToLookup(s => (s.EmployeeId, s.SkillKey));
        var declines = (await db.SignOffDeclines.AsNoTracking().Where(d => ids.Contains(d.EmployeeId)).ToListAsync(ct))
            .ToLookup(d => (d.EmployeeId, d.SkillKey));
        var ratings = (await db.Ratings.AsNoTracking()
                .Where(r => ids.Contains(r.EmployeeId) && r.IsSubmitted && r.Level != null)
                .Select(r => new { r.EmployeeId, r.SkillKey, r.ObservationId, Level = r.Level!.Value, r.ObservedAtUtc, r.ObserverUserId })
                .ToListAsync(ct))
            .ToLookup(r => (r.EmployeeId, r.SkillKey), r => new SkillRating(r.ObservationId, r.Level, r.ObservedAtUtc, r.ObserverUserId));
        var expiries = await db.SkillExpiries.AsNoTracking().ToDictionaryAsync(e => e.SkillKey, e => e.Months, ct);

        var skillsOf = people.ToDictionary(p => p.Id, p =>
        {
            var levels = required[p.JobRoleId].GroupBy(r => r.SkillKey).ToDictionary(g => g.Key, g => (int?)g.Max(r => r.RequiredLevel));
            foreach (var signed in signOffs.Where(g => g.Key.EmployeeId == p.Id)) levels.TryAdd(signed.Key.SkillKey, null);
            return levels;
        });
        var names = await rubrics.SkillNamesAsync(skillsOf.Values.SelectMany(s => s.Keys), ct);

        return people.SelectMany(p => skillsOf[p.Id].Select(skill =>
            {
                var rule = RuleOf(p, rules);
                var key = (p.Id, skill.Key);
                var readiness = skill.Value is { } level
                    ? SignOffReadiness.Evaluate(rule, level, ratings[key], nowUtc, zone)
                    : new SignOffReadiness(false, ["the role no longer requires this skill"], []);
                var own = signOffs[key].OrderByDescending(s => s.SignedAtUtc).ToList();
                var signOff = own.FirstOrDefault(s => s.IsLive) ?? own.FirstOrDefault();
                var name = names.TryGetValue(skill.Key, out var n) ? n : new PublishedRubrics.SkillName("Skill", int.MaxValue);
                return new State(p.Id, skill.Key, name.Name, name.Order, skill.Value, rule, readiness, signOff, signOff?.StatusOn(today),
                    declines[key].MaxBy(d => d.DeclinedAtUtc), expiries.TryGetValue(skill.Key, out var months) ? months : null);
            }))
            .OrderBy(s => s.SkillOrder).ThenBy(s => s.SkillName, StringComparer.OrdinalIgnoreCase)
            .ToLookup(s => s.EmployeeId);
    }

    /// <summary>A required skill the rule says is ready for sign-off (<see cref="State.IsReadyForSignOff"/>).</summary>
    public sealed record ReadySkill(int EmployeeId, Guid SkillKey, string SkillName);

    /// <summary>
    /// The skills of the listed people that are ready for sign-off: the same rule as <see cref="State.IsReadyForSignOff"/>
    /// (<see cref="SignOffReadiness.Evaluate"/>, no sign-off counting, no decline still standing), for counting many people
    /// (Insights). It reads only the ratings inside the widest rule window: a skill is ready only with ratings at the level
    /// inside its window, and its latest rating is then inside it too, so older ratings cannot change the answer (they only
    /// word the reasons, which this does not give).
    /// </summary>
    public Task<IReadOnlyList<ReadySkill>> ReadyForSignOffAsync(IReadOnlyCollection<int> employeeIds, CancellationToken ct)
    {
        var listed = employeeIds.Distinct().ToList();
        return ReadyForSignOffAsync(db.Employees.Where(e => listed.Contains(e.Id)).Select(e => e.Id), ct);
    }

    /// <summary>
    /// The same for the people a query selects (e.g. everyone in an Insights scope): read as one subquery, so thousands
    /// of people cost one pass over their ratings rather than a batch of ids at a time.
    /// </summary>
    public async Task<IReadOnlyList<ReadySkill>> ReadyForSignOffAsync(IQueryable<int> ids, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var zone = org.Value.Zone;
        var today = OrganisationClock.Today(nowUtc, zone);
        var (people, required, rules) = await RolesOfAsync(ids, ct);
        // A day either side of the window for the organisation's zone (its days, not UTC's, bound the window).
        var since = nowUtc.AddDays(-(rules.Values.Select(r => r.WindowDays).Append(SignOffRule.DefaultWindowDays).Max() + 2));
        var counting = (await db.SignOffs.AsNoTracking().Where(s => ids.Contains(s.EmployeeId) && s.RevokedAtUtc == null && s.SupersededAtUtc == null).ToListAsync(ct))
            .Where(s => s.CountsOn(today)).Select(s => (s.EmployeeId, s.SkillKey)).ToHashSet();
        var declines = (await db.SignOffDeclines.AsNoTracking().Where(d => ids.Contains(d.EmployeeId)).ToListAsync(ct))
            .ToLookup(d => (d.EmployeeId, d.SkillKey));
        // Only what the rule looks at, filtered in the database: ratings at or above the role's level inside the window
        // (the evidence), and per person and skill the time of the latest rating below it (for "the latest must meet").
        // Reading every rating in the window instead took about 1.3 s for 5,000 people.
        var inWindow = from r in db.Ratings.AsNoTracking()
                       join e in db.Employees on r.EmployeeId equals e.Id
                       join q in db.RoleRequirements on new { e.JobRoleId, r.SkillKey } equals new { q.JobRoleId, q.SkillKey }
                       where ids.Contains(r.EmployeeId) && r.IsSubmitted && r.Level != null && r.ObservedAtUtc >= since && r.ObservedAtUtc <= nowUtc
                       select new { r, q.RequiredLevel };
        var meeting = (await inWindow.Where(x => x.r.Level >= x.RequiredLevel)
                .Select(x => new { x.r.EmployeeId, x.r.SkillKey, x.r.ObservationId, Level = x.r.Level!.Value, x.r.ObservedAtUtc, x.r.ObserverUserId })
                .ToListAsync(ct))
            .ToLookup(r => (r.EmployeeId, r.SkillKey), r => new SkillRating(r.ObservationId, r.Level, r.ObservedAtUtc, r.ObserverUserId));
        var latestBelow = (await inWindow.Where(x => x.r.Level < x.RequiredLevel)
                .GroupBy(x => new { x.r.EmployeeId, x.r.SkillKey })
                .Select(g => new { g.Key.EmployeeId, g.Key.SkillKey, At = g.Max(x => x.r.ObservedAtUtc) })
                .ToListAsync(ct))
            .ToDictionary(r => (r.EmployeeId, r.SkillKey), r => r.At);

        var ready = new List<(int EmployeeId, Guid SkillKey)>();
        foreach (var p in people)
        {
            var rule = RuleOf(p, rules);
            foreach (var skill in required[p.JobRoleId].GroupBy(r => r.SkillKey))
            {
                var key = (p.Id, skill.Key);
                var level = skill.Max(r => r.RequiredLevel);
                // A role listing a skill twice joins each rating twice: the highest level is the one that counts.
                var evidence = meeting[key].Where(r => r.Level >= level).DistinctBy(r => r.ObservationId).ToList();
                if (counting.Contains(key) || evidence.Count < rule.MinObservations) continue;
                // The latest rating below the level stands for all of them: the rule only asks whether the latest is below.
                if (latestBelow.TryGetValue(key, out var belowAt))
                    evidence.Add(new SkillRating(0, level - 1, belowAt, ""));
                var readiness = SignOffReadiness.Evaluate(rule, level, evidence, nowUtc, zone);
                if (readiness.IsReady && declines[key].MaxBy(d => d.DeclinedAtUtc)?.StillStands(readiness) != true) ready.Add(key);
            }
        }
        var names = await rubrics.SkillNamesAsync(ready.Select(r => r.SkillKey), ct);
        return ready.Select(r => new ReadySkill(r.EmployeeId, r.SkillKey, names.TryGetValue(r.SkillKey, out var n) ? n.Name : "Skill")).ToList();
    }

    sealed record Person(int Id, int JobRoleId, int? RubricId);

    /// <summary>The people, the levels their roles require, and the sign-off rules HR saved for their rubrics.</summary>
    async Task<(List<Person> People, ILookup<int, Coaching.Domain.Organisation.RoleRequirement> Required, Dictionary<int, SignOffRule> Rules)> RolesOfAsync(
        IQueryable<int> ids, CancellationToken ct)
    {
        var people = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new Person(e.Id, e.JobRoleId, e.JobRole!.DefaultRubricId)).ToListAsync(ct);
        var roleIds = people.Select(p => p.JobRoleId).Distinct().ToList();
        var required = (await db.RoleRequirements.AsNoTracking().Where(r => roleIds.Contains(r.JobRoleId)).ToListAsync(ct))
            .ToLookup(r => r.JobRoleId);
        var rubricIds = people.Where(p => p.RubricId is not null).Select(p => p.RubricId!.Value).Distinct().ToList();
        var rules = await db.SignOffRules.AsNoTracking().Where(r => rubricIds.Contains(r.RubricId)).ToDictionaryAsync(r => r.RubricId, ct);
        return (people, required, rules);
    }

    /// <summary>The rule of the person's rubric: HR's, or the default until HR saves one.</summary>
    static SignOffRule RuleOf(Person p, Dictionary<int, SignOffRule> rules) =>
        p.RubricId is { } rubricId && rules.TryGetValue(rubricId, out var saved) ? saved : SignOffRule.Default(p.RubricId ?? 0);
}
