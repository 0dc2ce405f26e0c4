using Coaching.Domain.Organisation;
using Coaching.Domain.People;
using Coaching.Domain.SignOffs;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Observations;
using Coaching.Web.Features.Rubrics;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.SignOffs;

/// <summary>
/// Where a person stands on each skill their role requires: ready for sign-off, signed off (and until when), expired,
/// revoked, declined. A coach reviews the evidence and signs off, declines with a reason, or revokes; the employee
/// reads their own. Every action evaluates readiness again on the server: the page may be hours old.
/// </summary>
public class SignOffsModel(CoachingDbContext db, EmployeeAccess access, IAuthorizationService authorization, SkillSignOffs signOffs,
    PublishedRubrics rubrics, AuditTrail audit, TimeProvider clock, IOptions<OrganisationOptions> org) : PageModel
{
    public const string AlreadySignedOff = "This skill is already signed off.";

    public Employee Person { get; private set; } = null!;
    public IReadOnlyList<SkillSignOffs.State> Skills { get; private set; } = [];
    /// <summary>A coach of this person (their manager, HR, Admin): may sign off, decline and revoke.</summary>
    public bool CanSignOff { get; private set; }
    /// <summary>The skill whose evidence is open.</summary>
    public Guid? Reviewing { get; private set; }
    public IReadOnlyList<Evidence> EvidenceShown { get; private set; } = [];
    /// <summary>Who signed, declined or revoked, by user id.</summary>
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();
    /// <summary>What a refused decline or revoke typed, shown again beside its message.</summary>
    public string? TypedReason { get; private set; }
    /// <summary>Which form the refused reason belongs to: "decline" or "revoke".</summary>
    public string? ReasonFor { get; private set; }

    public sealed record Evidence(int ObservationId, string Date, string Observer, int Level, string LevelName, string? Text);
    /// <summary>What one skill's partial needs.</summary>
    public sealed record SkillView(SignOffsModel Page, SkillSignOffs.State Skill);

    public async Task<IActionResult> OnGetAsync(int id, Guid? review, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (review is { } key && Skills.Any(s => s.SkillKey == key)) await ReviewAsync(key, ct);
        return Page();
    }

    /// <summary>"Review evidence": the observations that meet the rule, and (for a coach) the sign-off and decline forms.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(int id, Guid skill, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Skills.All(s => s.SkillKey != skill)) return NotFound();
        await ReviewAsync(skill, ct);
        return SkillAnswer(skill);
    }

    public async Task<IActionResult> OnPostSignAsync(int id, Guid skill, CancellationToken ct)
    {
        if (await RefusedAsync(id, skill, ct) is { } refused) return refused;
        var state = Skills.Single(s => s.SkillKey == skill);
        var existing = await db.SignOffs.Where(s => s.EmployeeId == id && s.SkillKey == skill).ToListAsync(ct);
        var expiry = await db.SkillExpiries.AsNoTracking().SingleOrDefaultAsync(e => e.SkillKey == skill, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = SignOff.Sign(id, skill, state.Readiness, existing, expiry, EmployeeAccess.UserId(User), signOffs.Today, now);
        if (result.SignOff is not { } signOff) return await ProblemsAsync(skill, result.Problems, null, ct);

        db.SignOffs.Add(signOff);
        audit.Record(User, "signoff.sign", Person.FullName,
            $"{state.SkillName}: signed off on {signOff.EvidenceObservationIds.Count} observation(s)" +
            (signOff.ExpiresOn is { } on ? $"; expires on {on:yyyy-MM-dd}." : "; does not expire."));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double tap or a second device got past the check above; the unique index of live sign-offs let only one in.
            db.ChangeTracker.Clear();
            return await ProblemsAsync(skill, [new(SignOff.SkillField, AlreadySignedOff)], null, ct);
        }
        return await DoneAsync(id, skill, $"{state.SkillName} signed off.", ct);
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id, Guid skill, string? reason, CancellationToken ct)
    {
        if (await RefusedAsync(id, skill, ct) is { } refused) return refused;
        var state = Skills.Single(s => s.SkillKey == skill);
        if (state.IsSignedOff) return await ProblemsAsync(skill, [new(SignOff.SkillField, AlreadySignedOff)], null, ct);
        if (!state.Readiness.IsReady)
            return await ProblemsAsync(skill, [new(SignOff.SkillField, "Not ready for sign-off: " + string.Join("; ", state.Readiness.Reasons) + ".")], null, ct);
        var result = SignOffDecline.Decline(id, skill, state.Readiness, reason, EmployeeAccess.UserId(User), clock.GetUtcNow().UtcDateTime);
        if (result.Decline is not { } decline) return await ProblemsAsync(skill, result.Problems, ("decline", reason), ct);

        db.SignOffDeclines.Add(decline);
        audit.Record(User, "signoff.decline", Person.FullName, $"{state.SkillName}: not signed off yet. Reason: {decline.Reason}");
        await db.SaveChangesAsync(ct);
        return await DoneAsync(id, skill, $"{state.SkillName}: not signed off, with your reason.", ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, Guid skill, string? reason, CancellationToken ct)
    {
        if (await RefusedAsync(id, skill, ct) is { } refused) return refused;
        var state = Skills.Single(s => s.SkillKey == skill);
        var signOff = await db.SignOffs.Where(s => s.EmployeeId == id && s.SkillKey == skill && s.RevokedAtUtc == null && s.SupersededAtUtc == null)
            .OrderByDescending(s => s.SignedAtUtc).FirstOrDefaultAsync(ct);
        if (signOff is null || !signOff.CountsOn(signOffs.Today))
            return await ProblemsAsync(skill, [new(SignOff.SkillField, "This skill has no sign-off that counts now, so there is nothing to revoke.")], null, ct);
        var problems = signOff.Revoke(reason, EmployeeAccess.UserId(User), clock.GetUtcNow().UtcDateTime);
        if (problems.Count > 0) return await ProblemsAsync(skill, problems, ("revoke", reason), ct);

        audit.Record(User, "signoff.revoke", Person.FullName, $"{state.SkillName}: sign-off of {signOff.SignedAtUtc:yyyy-MM-dd} revoked. Reason: {signOff.RevokeReason}");
        await db.SaveChangesAsync(ct);
        return await DoneAsync(id, skill, $"{state.SkillName}: sign-off revoked.", ct);
    }

    public string LocalDate(DateTime utc) => OrganisationClock.ToLocal(utc, org.Value.Zone).ToString("d MMM yyyy");
    public static string Date(DateOnly day) => day.ToString("d MMM yyyy");
    public string NameOf(string? userId) => userId is not null && People.TryGetValue(userId, out var name) ? name : "someone no longer here";
    public string? ProblemOf(Guid skill, string field) => ViewData.ModelState[ProblemKey(skill, field)]?.Errors.FirstOrDefault()?.ErrorMessage;
    public static string ProblemKey(Guid skill, string field) => $"{field}-{skill:N}";

    /// <summary>Who may act, on whom, on which skill: a coach, a person they can see (404 otherwise), a skill of that person (404 otherwise).</summary>
    async Task<IActionResult?> RefusedAsync(int id, Guid skill, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest("The form could not be read. Reload the page.");
        if (!await LoadAsync(id, ct)) return NotFound();
        return Skills.Any(s => s.SkillKey == skill) ? null : NotFound();
    }

    async Task<IActionResult> ProblemsAsync(Guid skill, IReadOnlyList<FieldProblem> problems, (string For, string? Typed)? reason, CancellationToken ct)
    {
        foreach (var p in problems) ModelState.AddModelError(ProblemKey(skill, p.Field), p.Message);
        // Already signed off is no mistake of the form: the skill shows as it now stands, with the message.
        var already = problems.Any(p => p.Message == AlreadySignedOff);
        Response.StatusCode = already ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        // What was typed, spaces and all (binding would have made blank text null).
        if (reason is { } r) (ReasonFor, TypedReason) = (r.For, Request.HasFormContentType ? Request.Form["reason"].ToString() : r.Typed);
        await LoadAsync(Person.Id, ct);
        if (!already) await ReviewAsync(skill, ct);
        return SkillAnswer(skill);
    }

    async Task<IActionResult> DoneAsync(int id, Guid skill, string message, CancellationToken ct)
    {
        if (!this.WantsPartial())
        {
            TempData["Toast"] = message;
            return RedirectToPage(null, null, new { id }, $"skill-{skill:N}");
        }
        Response.Toast(message);
        await LoadAsync(id, ct);
        return Partial("_Skill", new SkillView(this, Skills.Single(s => s.SkillKey == skill)));
    }

    /// <summary>One skill for htmx (the rest of the page stays as it is); the whole page otherwise.</summary>
    IActionResult SkillAnswer(Guid skill) =>
        this.PageOrPartial("_Skill", new SkillView(this, Skills.Single(s => s.SkillKey == skill)));

    async Task ReviewAsync(Guid skill, CancellationToken ct)
    {
        Reviewing = skill;
        var ids = Skills.Single(s => s.SkillKey == skill).Readiness.EvidenceObservationIds.ToList();
        var rows = await (from r in db.Ratings.AsNoTracking()
                          join o in db.Observations on r.ObservationId equals o.Id
                          where ids.Contains(r.ObservationId) && r.SkillKey == skill && r.Level != null
                          select new { r.ObservationId, r.ObservedAtUtc, r.ObserverUserId, Level = r.Level!.Value, r.Evidence, o.RubricVersionId })
            .ToListAsync(ct);
        var levelNames = await rubrics.LevelNamesAsync(rows.Select(r => r.RubricVersionId), ct);
        var observers = await NamesAsync(rows.Select(r => r.ObserverUserId), ct);
        EvidenceShown = rows.OrderByDescending(r => r.ObservedAtUtc).ThenByDescending(r => r.ObservationId)
            .Select(r => new Evidence(r.ObservationId, LocalDate(r.ObservedAtUtc), observers.GetValueOrDefault(r.ObserverUserId, "someone no longer here"),
                r.Level, levelNames.GetValueOrDefault((r.RubricVersionId, r.Level), ""), r.Evidence))
            .ToList();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var person = await access.FindAsync(User, id, ct);
        if (person is null) return false;
        Person = person;
        CanSignOff = await authorization.AllowsAsync(User, Policies.Coaches);
        Skills = (await signOffs.ForEmployeeAsync(id, ct)).Where(s => s.RequiredLevel is not null || s.SignOff is not null).ToList();
        People = await NamesAsync(Skills.SelectMany(s => new[] { s.SignOff?.SignedByUserId, s.SignOff?.RevokedByUserId, s.LastDecline?.DeclinedByUserId }), ct);
        return true;
    }

    async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
