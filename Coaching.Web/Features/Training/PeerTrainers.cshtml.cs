using Coaching.Domain.Organisation;
using Coaching.Domain.Training;
using Coaching.Web.Data;
using Coaching.Web.Features.Observations;
using Coaching.Web.Features.SignOffs;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Training;

/// <summary>
/// A person's peer training: the skills they train (made and ended here by their manager or HR, only on a skill whose
/// sign-off counts), and the training they gave and received. The employee reads it; coaches change it.
/// </summary>
public class PeerTrainersModel(CoachingDbContext db, EmployeeAccess access, IAuthorizationService authorization, PeerTraining peerTraining,
    SkillSignOffs skillSignOffs, AuditTrail audit, TimeProvider clock) : PageModel
{
    public const string AlreadyATrainer = "Already a peer trainer for this skill.";

    public Employee Person { get; private set; } = null!;
    public PeerTraining.Person View { get; private set; } = null!;
    /// <summary>The skill a refused change was about, so its message shows on that skill's row.</summary>
    public Guid? ProblemSkill { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Makes the person a peer trainer for a skill their sign-off counts on.</summary>
    public async Task<IActionResult> OnPostAppointAsync(int id, Guid skillKey, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest("The form could not be read. Reload the page.");
        var person = await access.FindAsync(User, id, ct);
        if (person is null) return NotFound();

        var signOffs = (await skillSignOffs.ForEmployeeAsync(id, ct)).Where(s => s.SignOff is not null).Select(s => s.SignOff!).ToList();
        var appointments = await db.PeerTrainerAppointments.Where(a => a.EmployeeId == id && a.SkillKey == skillKey).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (appointment, problems) = PeerTrainerAppointment.Appoint(id, skillKey, signOffs, appointments, EmployeeAccess.UserId(User), skillSignOffs.Today, now);
        if (appointment is null) return await RefusedAsync(id, skillKey, problems.Select(p => p.Message), ct);

        db.PeerTrainerAppointments.Add(appointment);
        var skillName = await SkillNameAsync(id, skillKey, ct);
        audit.Record(User, "peertrainer.appoint", person.FullName, $"Made peer trainer for {skillName}");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Two taps (or two coaches) at once: the unique index keeps one current appointment; the second is told so.
            db.ChangeTracker.Clear();
            return await RefusedAsync(id, skillKey, [AlreadyATrainer], ct);
        }
        TempData["Toast"] = $"{person.FullName} is now a peer trainer for {skillName}.";
        return RedirectToPage(new { id });
    }

    /// <summary>Ends a current appointment; the record stays (training given keeps its trainer).</summary>
    public async Task<IActionResult> OnPostEndAsync(int id, int appointmentId, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest("The form could not be read. Reload the page.");
        var person = await access.FindAsync(User, id, ct);
        if (person is null) return NotFound();
        var appointment = await db.PeerTrainerAppointments.SingleOrDefaultAsync(a => a.Id == appointmentId && a.EmployeeId == id, ct);
        if (appointment is null) return NotFound();
        var skillName = await SkillNameAsync(id, appointment.SkillKey, ct);
        if (appointment.IsCurrent)
        {
            appointment.End(EmployeeAccess.UserId(User), clock.GetUtcNow().UtcDateTime);
            audit.Record(User, "peertrainer.end", person.FullName, $"No longer peer trainer for {skillName}");
            await db.SaveChangesAsync(ct);
        }
        TempData["Toast"] = $"{person.FullName} is no longer a peer trainer for {skillName}.";
        return RedirectToPage(new { id });
    }

    async Task<IActionResult> RefusedAsync(int id, Guid skillKey, IEnumerable<string> messages, CancellationToken ct)
    {
        foreach (var m in messages) ModelState.AddModelError(PeerTrainerAppointment.SkillField, m);
        await LoadAsync(id, ct);
        ProblemSkill = skillKey;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task<string> SkillNameAsync(int id, Guid skillKey, CancellationToken ct) =>
        (await peerTraining.ForPersonAsync(id, false, ct)).Skills.FirstOrDefault(s => s.SkillKey == skillKey)?.SkillName ?? "the skill";

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var person = await access.FindAsync(User, id, ct);
        if (person is null) return false;
        Person = person;
        View = await peerTraining.ForPersonAsync(id, await authorization.AllowsAsync(User, Policies.Coaches), ct);
        return true;
    }
}
