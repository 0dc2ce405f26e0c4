using Coaching.Domain.Organisation;
using Coaching.Domain.Training;
using Coaching.Web.Data;
using Coaching.Web.Features.Observations;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Training;

/// <summary>
/// Coaches find a trainer: per skill the peer trainers in rotation order across tenure bands, the skills a site still
/// needs first trainers for, and "find a trainer for a trainee", which records the training assignment. Everyone shown
/// or chosen is someone the user may see (EmployeeAccess), whatever ids the form sends.
/// </summary>
public class TrainersModel(CoachingDbContext db, EmployeeAccess access, IAuthorizationService authorization, PeerTraining peerTraining,
    AuditTrail audit, TimeProvider clock) : PageModel
{
    public const string NotYours = "Choose the person to train from the list.";

    [BindProperty(SupportsGet = true)] public AssignmentInput Input { get; set; } = new();

    public sealed class AssignmentInput
    {
        public int? TraineeId { get; set; }
        public Guid? SkillKey { get; set; }
        public int? TrainerId { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
    }

    public IReadOnlyList<PeerTraining.SkillRotation> Rotations { get; private set; } = [];
    public IReadOnlyList<PeerTraining.FirstTrainersNeeded> Needed { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Trainees { get; private set; } = [];
    public IReadOnlyList<(Guid Key, string Name)> Skills { get; private set; } = [];
    /// <summary>The trainee chosen (visible to the user), once one is.</summary>
    public Employee? Trainee { get; private set; }
    /// <summary>For the chosen trainee and skill: the trainers to choose from, in rotation order.</summary>
    public IReadOnlyList<TrainerSuggestion>? Suggestions { get; private set; }
    public string? SkillName => Skills.FirstOrDefault(s => s.Key == Input.SkillKey).Name;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ReadableMessages();
        await LoadAsync(ct);
        // The first suggestion is the one the rotation says goes next.
        if (Suggestions is { Count: > 0 } && Input.TrainerId is null) Input.TrainerId = Suggestions[0].Trainer.EmployeeId;
        Input.StartsOn ??= peerTraining.Today;
        return Page();
    }

    /// <summary>Records the assignment; refused fields come back with their message, as typed, and nothing is saved.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest("The form could not be read. Reload the page.");
        ReadableMessages();
        await LoadAsync(ct);
        var trainers = Suggestions?.Select(s => s.Trainer.EmployeeId).ToList() ?? [];
        var (assignment, problems) = TrainingAssignment.Record(Input.TrainerId, Trainee?.Id, Input.SkillKey, Input.StartsOn, Input.EndsOn, trainers);
        foreach (var p in problems)
        {
            var key = $"{nameof(Input)}.{p.Field}";
            // A field already refused (not one of the user's people, a date that is not a date) keeps that one message.
            if (ModelState[key] is not { Errors.Count: > 0 }) ModelState.AddModelError(key, p.Message);
        }
        if (assignment is null || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        assignment.AssignedByUserId = EmployeeAccess.UserId(User);
        assignment.AssignedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.TrainingAssignments.Add(assignment);
        var trainer = Suggestions!.Single(s => s.Trainer.EmployeeId == assignment.TrainerId).Trainer;
        audit.Record(User, "training.assign", Trainee!.FullName,
            $"{SkillName}: trained by {trainer.Name} from {assignment.StartsOn:yyyy-MM-dd}{(assignment.EndsOn is { } end ? $" to {end:yyyy-MM-dd}" : "")}");
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = $"{trainer.Name} trains {Trainee.FullName} on {SkillName}.";
        return RedirectToPage(new Dictionary<string, string?> { ["Input.TraineeId"] = Trainee.Id.ToString(), ["Input.SkillKey"] = assignment.SkillKey.ToString() });
    }

    /// <summary>A value that could not be read (a date that is not a date) gets a message in the product's words.</summary>
    void ReadableMessages()
    {
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count == 0) continue;
            entry.Errors.Clear();
            ModelState.AddModelError(key, key.EndsWith("On") ? "Enter the date as a date, e.g. 2 Nov 2026." : "Choose from the list.");
        }
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var people = access.Visible(User);
        Trainees = (await people.Where(e => e.IsActive).OrderBy(e => e.FirstName).ThenBy(e => e.LastName)
                .Select(e => new { e.Id, e.FirstName, e.LastName }).ToListAsync(ct))
            .Select(e => (e.Id, Employee.FullNameOf(e.FirstName, e.LastName))).ToList();
        Skills = await peerTraining.SkillOptionsAsync(people, ct);
        Rotations = await peerTraining.RotationAsync(people, null, null, null, ct);
        Needed = await peerTraining.FirstTrainersNeededAsync(people, ct);

        if (Input.TraineeId is { } traineeId)
        {
            Trainee = await people.Where(e => e.IsActive).SingleOrDefaultAsync(e => e.Id == traineeId, ct);
            if (Trainee is null) ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.TraineeId)}", NotYours);
        }
        if (Input.SkillKey is { } skill && Skills.All(s => s.Key != skill))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.SkillKey)}", "Choose the skill from the list.");
        if (Trainee is not null && Input.SkillKey is { } key && Skills.Any(s => s.Key == key))
            Suggestions = await peerTraining.SuggestForAsync(people, Trainee, key, ct);
    }
}
