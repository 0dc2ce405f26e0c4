using System.Globalization;
using Coaching.Domain.SignOffs;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.SignOffs;

/// <summary>
/// HR sets, per rubric, when a skill is ready for sign-off, and per skill how many months a sign-off holds. A refused
/// value comes back as typed, beside its field, and nothing of that form is saved.
/// </summary>
public class RulesModel(CoachingDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RubricRule> Rubrics { get; private set; } = [];
    /// <summary>The rubric whose rule form was refused, with what was typed.</summary>
    public int? RefusedRubricId { get; private set; }
    public TypedRule Typed { get; private set; } = new(null, null, null, false);
    /// <summary>The skill whose expiry was refused, with what was typed.</summary>
    public Guid? RefusedSkill { get; private set; }
    public string? TypedMonths { get; private set; }

    public sealed record RubricRule(int RubricId, string Name, SignOffRule Rule, IReadOnlyList<SkillLine> Skills);
    public sealed record SkillLine(Guid Key, string Name, int? Months);
    public sealed record TypedRule(string? MinObservations, string? MinObservers, string? WindowDays, bool LatestMustMeet);

    public static string RuleKey(int rubricId, string field) => $"Rule-{rubricId}.{field}";
    public static string ExpiryKey(Guid skill) => $"Expiry-{skill:N}";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRuleAsync(int rubricId, string? minObservations, string? minObservers, string? windowDays, bool latestMustMeet, CancellationToken ct)
    {
        var rubric = await db.Rubrics.AsNoTracking().Where(r => r.Id == rubricId && r.CurrentVersionId != null).Select(r => new { r.Id, r.Name }).SingleOrDefaultAsync(ct);
        if (rubric is null) return NotFound();
        var stored = await db.SignOffRules.SingleOrDefaultAsync(r => r.RubricId == rubricId, ct);
        var rule = stored ?? SignOffRule.Default(rubricId);
        var before = Describe(rule);
        var problems = rule.Change(Number(minObservations), Number(minObservers), Number(windowDays), latestMustMeet, EmployeeAccess.UserId(User), clock.GetUtcNow().UtcDateTime);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError(RuleKey(rubricId, p.Field), p.Message);
            RefusedRubricId = rubricId;
            Typed = new(minObservations, minObservers, windowDays, latestMustMeet);
            return await RefusedAsync(ct);
        }
        if (stored is null) db.SignOffRules.Add(rule);
        audit.Record(User, "signoff.rule", rubric.Name, $"Sign-off rule: {before} → {Describe(rule)}");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (stored is null)
        {
            // Someone saved this rubric's first rule at the same moment: apply this change on top of theirs (the row exists now).
            db.ChangeTracker.Clear();
            return await OnPostRuleAsync(rubricId, minObservations, minObservers, windowDays, latestMustMeet, ct);
        }
        return Saved($"Sign-off rule for {rubric.Name} saved.", $"rubric-{rubricId}");
    }

    public async Task<IActionResult> OnPostExpiryAsync(Guid skill, string? months, CancellationToken ct)
    {
        var name = await PublishedSkillNameAsync(skill, ct);
        if (name is null) return NotFound();
        var value = Number(months);
        var problems = SkillExpiry.Check(value);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError(ExpiryKey(skill), p.Message);
            RefusedSkill = skill;
            TypedMonths = months;
            return await RefusedAsync(ct);
        }
        var expiry = await db.SkillExpiries.SingleOrDefaultAsync(e => e.SkillKey == skill, ct);
        var before = expiry?.Months;
        if (expiry is null) db.SkillExpiries.Add(expiry = new SkillExpiry { SkillKey = skill });
        expiry.Months = value!.Value;
        audit.Record(User, "signoff.expiry", name, $"Sign-off holds: {(before is { } b ? $"{b} months" : "no expiry")} → {expiry.Months} months");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (before is null)
        {
            db.ChangeTracker.Clear();
            return await OnPostExpiryAsync(skill, months, ct);
        }
        return Saved($"{name}: a sign-off holds {expiry.Months} months.", $"skill-{skill:N}");
    }

    public async Task<IActionResult> OnPostClearExpiryAsync(Guid skill, CancellationToken ct)
    {
        var name = await PublishedSkillNameAsync(skill, ct);
        if (name is null) return NotFound();
        var expiry = await db.SkillExpiries.SingleOrDefaultAsync(e => e.SkillKey == skill, ct);
        if (expiry is not null)
        {
            db.SkillExpiries.Remove(expiry);
            audit.Record(User, "signoff.expiry", name, $"Sign-off holds: {expiry.Months} months → no expiry");
            await db.SaveChangesAsync(ct);
        }
        return Saved($"{name}: sign-offs no longer expire.", $"skill-{skill:N}");
    }

    static string Describe(SignOffRule r) =>
        $"{r.MinObservations} observations by {r.MinObservers} observers within {r.WindowDays} days{(r.LatestMustMeet ? ", latest at level" : "")}";

    IActionResult Saved(string message, string fragment)
    {
        TempData["Toast"] = message;
        return RedirectToPage(null, null, null, fragment);
    }

    async Task<IActionResult> RefusedAsync(CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The skill's name when a published rubric has it now; null for anything else (a tampered key).</summary>
    Task<string?> PublishedSkillNameAsync(Guid skill, CancellationToken ct) =>
        db.Skills.AsNoTracking()
            .Where(s => s.Key == skill && db.Rubrics.Any(r => r.CurrentVersionId == s.RubricVersionId))
            .Select(s => s.Name).FirstOrDefaultAsync(ct);

    async Task LoadAsync(CancellationToken ct)
    {
        var rubrics = await db.Rubrics.AsNoTracking().Where(r => r.CurrentVersionId != null)
            .OrderBy(r => r.Name).Select(r => new { r.Id, r.Name, VersionId = r.CurrentVersionId!.Value }).ToListAsync(ct);
        var versionIds = rubrics.Select(r => r.VersionId).ToList();
        var skills = (await db.Skills.AsNoTracking().Where(s => versionIds.Contains(s.RubricVersionId))
            .OrderBy(s => s.Order).Select(s => new { s.RubricVersionId, s.Key, s.Name }).ToListAsync(ct)).ToLookup(s => s.RubricVersionId);
        var rules = await db.SignOffRules.AsNoTracking().ToDictionaryAsync(r => r.RubricId, ct);
        var expiries = await db.SkillExpiries.AsNoTracking().ToDictionaryAsync(e => e.SkillKey, e => e.Months, ct);
        Rubrics = rubrics.Select(r => new RubricRule(r.Id, r.Name, rules.GetValueOrDefault(r.Id) ?? SignOffRule.Default(r.Id),
                skills[r.VersionId].Select(s => new SkillLine(s.Key, s.Name, expiries.TryGetValue(s.Key, out var m) ? m : null)).ToList()))
            .ToList();
    }

    /// <summary>Whole numbers only; anything else is "no number", which the domain's check answers with the field's message.</summary>
    static int? Number(string? typed) =>
        int.TryParse(typed?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
