using System.Data;
using Coaching.Domain.Time;
using Coaching.Domain.Training;
using Coaching.Web.Data;
using Coaching.Web.Features.Observations;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Training.Events;

/// <summary>
/// A coach records a training event: who attended (people they may see), on which skills, when and how. Refused input
/// comes back beside its field as typed and nothing is saved; the same event sent twice is recorded once.
/// </summary>
public class RecordModel(CoachingDbContext db, TrainingEvents events, AuditTrail audit, TimeProvider clock, IOptions<OrganisationOptions> org) : PageModel
{
    [BindProperty] public EventInput Input { get; set; } = new();
    public IReadOnlyList<TrainingEvents.RubricSkills> Skills { get; private set; } = [];
    public IReadOnlyList<TrainingEvents.Person> People { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public sealed class EventInput
    {
        public string? Title { get; set; }
        public DateOnly? HeldOn { get; set; }
        public TrainingFormat? Format { get; set; }
        public List<Guid> SkillKeys { get; set; } = [];
        public List<int> AttendeeIds { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new EventInput { HeldOn = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest("The form could not be read. Reload the page.");
        await LoadAsync(ct);
        // A value the binder could not read (a date that is not a date, a tampered id): a message in the product's words, beside its field.
        foreach (var key in ModelState.Where(m => m.Value is { Errors.Count: > 0 }).Select(m => m.Key).ToList())
        {
            var field = FieldOf(key);
            ModelState.Remove(key);
            if (ModelState[Key(field)] is not { Errors.Count: > 0 })
                ModelState.AddModelError(Key(field), field == TrainingEvent.DateField ? "Enter the date as a date, e.g. today." : "That value could not be read. Choose again from the list.");
        }

        var (recorded, problems) = TrainingEvent.Record(Input.Title, Input.HeldOn, Input.Format, Input.SkillKeys, Input.AttendeeIds);
        foreach (var p in problems)
            if (ModelState[Key(p.Field)] is not { Errors.Count: > 0 }) ModelState.AddModelError(Key(p.Field), p.Message);
        var knownSkills = Skills.SelectMany(r => r.Skills).Select(s => s.Key).ToHashSet();
        if (Input.SkillKeys.Any(k => k != Guid.Empty && !knownSkills.Contains(k)) && ModelState[Key(TrainingEvent.SkillsField)] is not { Errors.Count: > 0 })
            ModelState.AddModelError(Key(TrainingEvent.SkillsField), "Choose skills from the list: one of them is not in a published rubric.");
        if ((await events.NotRecordableAsync(User, Input.AttendeeIds, ct)).Count > 0 && ModelState[Key(TrainingEvent.AttendeesField)] is not { Errors.Count: > 0 })
            ModelState.AddModelError(Key(TrainingEvent.AttendeesField), "Choose people from the list: one of them is not someone you may record training for.");
        if (!ModelState.IsValid || recorded is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        // Check and insert under one serializable transaction, so two copies of the same form cannot both pass the check
        // (on PostgreSQL the second fails to serialize, is retried, and then finds the first).
        var already = await db.InTransactionAsync(IsolationLevel.Serializable, async attempt =>
        {
            if (await events.SameEventAsync(recorded, attempt) is { } id) return id;
            recorded.RecordedByUserId = EmployeeAccess.UserId(User);
            recorded.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
            db.TrainingEvents.Add(recorded);
            audit.Record(User, "training.record", recorded.Title,
                $"{recorded.Format.Label()} on {recorded.HeldOn:yyyy-MM-dd}; {recorded.SkillKeys.Count} skill(s); {recorded.AttendeeIds.Count} attendee(s).");
            await db.SaveChangesAsync(attempt);
            return (int?)null;
        }, ct);
        if (already is { } existing)
        {
            TempData["Toast"] = "This training event was already recorded.";
            return Redirect($"/Training/Events/{existing}");
        }
        TempData["Toast"] = "Training event recorded.";
        return Redirect($"/Training/Events/{recorded.Id}");
    }

    public static string Key(string field) => $"{nameof(Input)}.{field}";

    /// <summary>"Input.AttendeeIds[2]" and "Input.AttendeeIds" are the same field on the page.</summary>
    static string FieldOf(string key)
    {
        var name = key.StartsWith(nameof(Input) + ".", StringComparison.Ordinal) ? key[(nameof(Input).Length + 1)..] : key;
        var bracket = name.IndexOf('[');
        return bracket < 0 ? name : name[..bracket];
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Today = OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone);
        Skills = await events.RecordableSkillsAsync(ct);
        People = await events.RecordablePeopleAsync(User, ct);
    }
}
