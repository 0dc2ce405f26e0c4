using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Web.Data;
using Coaching.Web.Features.Rubrics;
using Coaching.Domain.Time;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Development;

/// <summary>
/// The one read of "skills people choose" and "confidence": what may be chosen, what a person chose, and their
/// confidence next to what was observed. My development, the profile, My team and HR's choosable skills read it here.
/// </summary>
public sealed class DevelopmentChoices(CoachingDbContext db, PublishedRubrics rubrics, IOptions<OrganisationOptions> org)
{
    /// <summary>A skill of a rubric's current published version, as HR and the employee see it listed.</summary>
    public sealed record CatalogueSkill(Guid Key, string Name, string Rubric, string Category);
    /// <summary>A choice with its dates in the organisation's calendar.</summary>
    public sealed record Choice(int Id, Guid Key, string Name, DateOnly ChosenOn, DateOnly? DroppedOn);
    /// <summary>
    /// One skill the person rates: their latest confidence, the latest observed level and the level expected of them
    /// (the plan's target, else the role's requirement), with the mismatch prompt.
    /// </summary>
    public sealed record ConfidenceLine(Guid Key, string Name, bool InPlan, bool Chosen, int? Confidence, DateOnly? RatedOn, int? Observed, int? Expected)
    {
        public ConfidenceMismatch Mismatch => ConfidenceRules.Mismatch(Confidence, Observed, Expected);
    }
    public sealed record View(int EmployeeId, string Name, IReadOnlyList<Choice> Chosen, IReadOnlyList<Choice> Dropped,
        IReadOnlyList<ConfidenceLine> Confidence, int Limit);

    /// <summary>Skills of every rubric's current published version: rubric by name, then category, then the rubric's order.</summary>
    public async Task<IReadOnlyList<CatalogueSkill>> CatalogueAsync(CancellationToken ct)
    {
        var versionIds = await db.Rubrics.Where(r => r.CurrentVersionId != null).OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => r.CurrentVersionId!.Value).ToListAsync(ct);
        var skills = new List<CatalogueSkill>();
        foreach (var id in versionIds)
        {
            if (await rubrics.FindAsync(id, ct) is not { } version) continue;
            var categories = version.Categories.ToDictionary(c => c.Id);
            skills.AddRange(version.Skills
                .Select(s => (Skill: s, Category: s.CategoryId is { } c ? categories.GetValueOrDefault(c) : null))
                .OrderBy(s => s.Category?.Order ?? int.MinValue).ThenBy(s => s.Skill.Order)
                .Select(s => new CatalogueSkill(s.Skill.Key, s.Skill.Name, version.Rubric?.Name ?? "", s.Category?.Name ?? "")));
        }
        // A skill key lives in one rubric; should two current versions share one, it is listed once.
        return skills.DistinctBy(s => s.Key).ToList();
    }

    public async Task<HashSet<Guid>> ChoosableKeysAsync(CancellationToken ct) =>
        (await db.ChoosableSkills.Select(c => c.SkillKey).ToListAsync(ct)).ToHashSet();

    /// <summary>What an employee may choose now: marked by HR and in a published rubric (so it has a name to show).</summary>
    public async Task<IReadOnlyList<CatalogueSkill>> ChoosableAsync(CancellationToken ct)
    {
        var keys = await ChoosableKeysAsync(ct);
        return (await CatalogueAsync(ct)).Where(s => keys.Contains(s.Key)).ToList();
    }

    /// <summary>The organisation's limit of active choices per person (the default until HR saves settings).</summary>
    public async Task<int> LimitAsync(CancellationToken ct) =>
        await db.DevelopmentSettings.Where(s => s.Id == DevelopmentSettings.SingleId).Select(s => (int?)s.SkillChoiceLimit).FirstOrDefaultAsync(ct)
        ?? DevelopmentSettings.DefaultChoiceLimit;

    /// <summary>How many people have each skill chosen now.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> ChosenCountsAsync(CancellationToken ct) =>
        await db.SkillChoices.Where(c => c.DroppedAtUtc == null).GroupBy(c => c.SkillKey)
            .Select(g => new { g.Key, Count = g.Select(c => c.EmployeeId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>The skills of the person's active plans (their highest target when two plans share one).</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> PlanTargetsAsync(int employeeId, CancellationToken ct) =>
        (await (from p in db.DevelopmentPlans
                where p.EmployeeId == employeeId && p.Status == PlanStatus.Active
                from s in p.Skills
                where s.DroppedAtUtc == null
                select new { s.SkillKey, s.TargetLevel }).ToListAsync(ct))
            .GroupBy(s => s.SkillKey).ToDictionary(g => g.Key, g => g.Max(s => s.TargetLevel));

    /// <summary>The skills the person may rate: those of their active plans, then those they chose.</summary>
    public async Task<IReadOnlyList<Guid>> RateableAsync(int employeeId, CancellationToken ct)
    {
        var plan = await PlanTargetsAsync(employeeId, ct);
        var chosen = await db.SkillChoices.Where(c => c.EmployeeId == employeeId && c.DroppedAtUtc == null).Select(c => c.SkillKey).ToListAsync(ct);
        return plan.Keys.Concat(chosen).Distinct().ToList();
    }

    public Task<View> ForProfileAsync(Employee employee, CancellationToken ct) => ForEmployeeAsync(employee, ct);

    public async Task<View> ForEmployeeAsync(Employee employee, CancellationToken ct)
    {
        var id = employee.Id;
        var choices = await db.SkillChoices.AsNoTracking().Where(c => c.EmployeeId == id).ToListAsync(ct);
        var plan = await PlanTargetsAsync(id, ct);
        var latest = ConfidenceRules.Latest(await db.ConfidenceRatings.AsNoTracking().Where(r => r.EmployeeId == id).ToListAsync(ct));
        var observed = SkillProgress.From(await db.Ratings
            .Where(r => r.EmployeeId == id && r.IsSubmitted && r.Level != null)
            .Select(r => new RatedLevel(r.SkillKey, r.Level!.Value, r.ObservedAtUtc)).ToListAsync(ct));
        var required = await db.RoleRequirements.Where(r => r.JobRoleId == employee.JobRoleId)
            .ToDictionaryAsync(r => r.SkillKey, r => r.RequiredLevel, ct);
        var names = await rubrics.SkillNamesAsync(choices.Select(c => c.SkillKey).Concat(plan.Keys), ct);
        string NameOf(Guid key) => names.GetValueOrDefault(key)?.Name ?? "A skill no longer in a rubric";

        var active = choices.Where(c => c.IsActive).OrderBy(c => c.ChosenAtUtc).ThenBy(c => c.Id)
            .Select(c => new Choice(c.Id, c.SkillKey, NameOf(c.SkillKey), LocalDate(c.ChosenAtUtc), null)).ToList();
        var dropped = choices.Where(c => !c.IsActive).OrderByDescending(c => c.DroppedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new Choice(c.Id, c.SkillKey, NameOf(c.SkillKey), LocalDate(c.ChosenAtUtc), LocalDate(c.DroppedAtUtc!.Value))).ToList();
        var chosenKeys = active.Select(c => c.Key).ToHashSet();
        var lines = plan.Keys.OrderBy(k => NameOf(k), StringComparer.CurrentCulture).Concat(active.Select(c => c.Key)).Distinct()
            .Select(k => new ConfidenceLine(k, NameOf(k), plan.ContainsKey(k), chosenKeys.Contains(k), latest.GetValueOrDefault(k)?.Level,
                latest.GetValueOrDefault(k) is { } rated ? LocalDate(rated.RatedAtUtc) : null,
                observed.GetValueOrDefault(k)?.Latest, plan.TryGetValue(k, out var target) ? target : required.TryGetValue(k, out var r) ? r : null))
            .ToList();
        return new View(id, employee.FullName, active, dropped, lines, await LimitAsync(ct));
    }

    DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(OrganisationClock.ToLocal(utc, org.Value.Zone));

    /// <summary>The skills each of these people has chosen now, by name, for the team tiles.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> ChosenNamesAsync(IEnumerable<int> employeeIds, CancellationToken ct)
    {
        var ids = employeeIds.ToList();
        var rows = await db.SkillChoices.Where(c => ids.Contains(c.EmployeeId) && c.DroppedAtUtc == null)
            .OrderBy(c => c.ChosenAtUtc).ThenBy(c => c.Id).Select(c => new { c.EmployeeId, c.SkillKey }).ToListAsync(ct);
        var names = await rubrics.SkillNamesAsync(rows.Select(r => r.SkillKey), ct);
        return rows.GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<string>)g.Select(r => names.GetValueOrDefault(r.SkillKey)?.Name ?? "A skill no longer in a rubric").ToList());
    }
}
