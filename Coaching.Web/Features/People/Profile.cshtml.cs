using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Observations;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.People;

/// <summary>An employee's development: where they stand per skill against their role, the trend, the history, the open next steps.</summary>
public class ProfileModel(CoachingDbContext db, EmployeeAccess access, IAuthorizationService authorization, Rubrics.PublishedRubrics rubrics, TimeProvider clock, IOptions<OrganisationOptions> org,
    Development.DevelopmentChoices choices, Development.DevelopmentConversations conversations, Development.DevelopmentPlans plans,
    Training.PeerTraining peerTraining, SignOffs.SkillSignOffs signOffs, Training.Events.TrainingEvents trainingEvents) : PageModel
{
    public const int HistoryPageSize = 5;

    public Employee Employee { get; private set; } = null!;
    public Tenure Tenure { get; private set; }
    public IReadOnlyList<SkillLine> Skills { get; private set; } = [];
    public IReadOnlyList<OpenStep> OpenSteps { get; private set; } = [];
    public HistoryPage History { get; private set; } = new([], 0, false, 0);
    public bool CanObserve { get; private set; }
    public bool CanMarkDone { get; private set; }
    public DateOnly Today { get; private set; }
    public int MaxLevel { get; private set; } = 4;
    public Development.DevelopmentPlans.OnProfile? Plans { get; private set; }
    public Development.DevelopmentConversations.ProfileSummary Conversations { get; private set; } = null!;
    public Development.DevelopmentChoices.View Choices { get; private set; } = null!;
    public Training.PeerTraining.Person PeerTraining { get; private set; } = null!;
    public IReadOnlyList<SignOffs.SkillSignOffs.State> SignOffs { get; private set; } = [];
    public Training.Events.TrainingEvents.AttendedView TrainingAttended { get; private set; } = null!;

    public sealed record SkillLine(string Name, string Category, int? Current, int? Required, SkillProgress? Progress)
    {
        public SkillGap Gap => SkillGap.For(Progress?.SkillKey ?? Guid.Empty, Name, Current, Required);
    }
    public sealed record OpenStep(int Id, string Text, DateOnly? Due, bool IsOverdue);
    public sealed record HistoryItem(int Id, string When, string Observer, string? Context, string? WentWell, string? NextSteps,
        DevelopmentTrack? Track, IReadOnlyList<(string Skill, int? Level, string LevelName, string? Evidence)> Ratings, bool CanAmend,
        IReadOnlyList<Amendment> Amendments);
    /// <summary>A change made after submission, from the audit trail.</summary>
    public sealed record Amendment(string When, string By, string Field, string? Before, string? After);
    public sealed record HistoryPage(IReadOnlyList<HistoryItem> Items, int Skip, bool HasMore, int EmployeeId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var employee = await access.FindAsync(User, id, ct);
        if (employee is null) return NotFound();
        Employee = employee;
        var now = clock.GetUtcNow().UtcDateTime;
        Today = OrganisationClock.Today(now, org.Value.Zone);
        Tenure = Tenure.Between(employee.HireDate, Today);
        CanObserve = await authorization.AllowsAsync(User, Policies.Managers);
        CanMarkDone = await authorization.AllowsAsync(User, Policies.Coaches);

        var ratings = await db.Ratings
            .Where(r => r.EmployeeId == id && r.IsSubmitted && r.Level != null)
            .Select(r => new RatedLevel(r.SkillKey, r.Level!.Value, r.ObservedAtUtc))
            .ToListAsync(ct);
        var progress = SkillProgress.From(ratings);

        // The role's rubric names the skills and their order; skills rated under other rubrics follow.
        var role = await db.JobRoles.Include(r => r.Requirements).SingleAsync(r => r.Id == employee.JobRoleId, ct);
        var version = await rubrics.CurrentOfRoleAsync(role.Id, ct);
        var categories = version?.Categories.ToDictionary(c => c.Id) ?? [];
        // Uncategorised skills first, then category by category, each in the rubric's order.
        var skills = (version?.Skills ?? [])
            .Select(s => new { s.Key, s.Name, s.Order, Category = s.CategoryId is { } c ? categories.GetValueOrDefault(c) : null })
            .OrderBy(s => s.Category?.Order ?? int.MinValue).ThenBy(s => s.Order)
            .Select(s => new { s.Key, s.Name, Category = s.Category?.Name ?? "" }).ToList();
        MaxLevel = version is { Levels.Count: > 0 } ? version.MaxLevel : 4;
        var required = role.Requirements.ToDictionary(r => r.SkillKey, r => r.RequiredLevel);
        var lines = skills.Select(s => new SkillLine(s.Name, s.Category, progress.GetValueOrDefault(s.Key)?.Latest,
            required.TryGetValue(s.Key, out var req) ? req : null, progress.GetValueOrDefault(s.Key))).ToList();
        var otherKeys = progress.Keys.Except(skills.Select(s => s.Key)).ToList();
        if (otherKeys.Count > 0)
        {
            var names = await rubrics.SkillNamesAsync(otherKeys, ct);
            lines.AddRange(names.Select(n => new SkillLine(n.Value.Name, "Other rubrics", progress[n.Key].Latest, null, progress[n.Key])));
        }
        Skills = lines;

        OpenSteps = await OpenStepsAsync(id, ct);
        History = await HistoryAsync(id, 0, ct);
        Plans = await plans.ForProfileAsync(employee, CanMarkDone, ct);
        Conversations = await conversations.ForProfileAsync(id, Today, ct);
        Choices = await choices.ForProfileAsync(employee, ct);
        PeerTraining = await peerTraining.ForPersonAsync(id, CanMarkDone, ct);
        SignOffs = await signOffs.ForEmployeeAsync(id, ct);
        TrainingAttended = await trainingEvents.ForProfileAsync(id, ct);
        return Page();
    }

    /// <summary>"Load more": the next page of the observation history, as a partial.</summary>
    public async Task<IActionResult> OnGetHistoryAsync(int id, int skip, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(User, id, ct)) return NotFound();
        return Partial("_History", await HistoryAsync(id, Math.Max(0, skip), ct));
    }

    public async Task<IActionResult> OnPostDoneAsync(int id, int stepId, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (await Request.IsUnreadableFormAsync(ct) || !ModelState.IsValid) return BadRequest("That next step could not be read. Reload the page.");
        if (!await access.CanSeeAsync(User, id, ct)) return NotFound();
        var step = await db.ActionItems.Include(a => a.Observation).SingleOrDefaultAsync(a => a.Id == stepId && a.EmployeeId == id, ct);
        // A step inside someone's unsubmitted draft is not shown anywhere, so it cannot be done either.
        if (step is null || !ObservationRules.CanMarkDone(step)) return NotFound();
        if (!step.IsDone)
        {
            step.IsDone = true;
            step.DoneAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        Response.Toast("Next step marked done.");
        Today = OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone);
        CanMarkDone = true;
        Employee = new Employee { Id = id, FirstName = "", LastName = "" };
        OpenSteps = await OpenStepsAsync(id, ct);
        return this.WantsPartial() ? Partial("_OpenSteps", this) : RedirectToPage(new { id });
    }

    async Task<IReadOnlyList<OpenStep>> OpenStepsAsync(int employeeId, CancellationToken ct)
    {
        var today = OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone);
        var steps = await db.ActionItems.AsNoTracking()
            .Where(a => a.EmployeeId == employeeId && !a.IsDone && a.Observation!.Status == ObservationStatus.Submitted)
            .OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return steps.Select(s => new OpenStep(s.Id, s.Text, s.DueDate, s.IsOverdue(today))).ToList();
    }

    async Task<HistoryPage> HistoryAsync(int employeeId, int skip, CancellationToken ct)
    {
        var me = EmployeeAccess.UserId(User);
        var now = clock.GetUtcNow().UtcDateTime;
        // Whole observations (without their children), so the domain's own rule says who may still amend them.
        var page = await db.Observations.AsNoTracking()
            .Where(o => o.EmployeeId == employeeId && o.Status == ObservationStatus.Submitted)
            .OrderByDescending(o => o.ObservedAtUtc).ThenByDescending(o => o.Id)
            .Skip(skip).Take(HistoryPageSize + 1)
            .ToListAsync(ct);
        var observerIds = page.Select(o => o.ObserverUserId).Distinct().ToList();
        var observers = await db.Users.Where(u => observerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var ids = page.Select(o => o.Id).ToList();
        var ratings = await db.Ratings.Where(r => ids.Contains(r.ObservationId))
            .OrderBy(r => r.Skill!.Order)
            .Select(r => new { r.ObservationId, r.Skill!.Name, r.Level, r.Evidence }).ToListAsync(ct);
        var levelNames = await rubrics.LevelNamesAsync(page.Select(o => o.RubricVersionId), ct);
        var changes = await db.ObservationChanges.Where(c => ids.Contains(c.ObservationId)).OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
            .Select(c => new { c.ObservationId, c.AtUtc, c.Field, c.OldValue, c.NewValue, By = db.Users.Where(u => u.Id == c.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var items = page.Take(HistoryPageSize).Select(o => new HistoryItem(o.Id, LocalTime(o.ObservedAtUtc), observers.GetValueOrDefault(o.ObserverUserId, ""), o.Context, o.WentWell, o.NextSteps, o.Track,
            ratings.Where(r => r.ObservationId == o.Id)
                .Select(r => (r.Name, r.Level, r.Level is { } l ? levelNames.GetValueOrDefault((o.RubricVersionId, l), "") : "", r.Evidence)).ToList(),
            ObservationRules.CanEdit(o, me, now),
            changes.Where(c => c.ObservationId == o.Id).Select(c => new Amendment(LocalTime(c.AtUtc), c.By ?? "", c.Field, c.OldValue, c.NewValue)).ToList())).ToList();
        return new HistoryPage(items, skip + items.Count, page.Count > HistoryPageSize, employeeId);
    }

    public string LocalTime(DateTime utc) => OrganisationClock.ToLocal(utc, org.Value.Zone).ToString("ddd d MMM yyyy, HH:mm");
}
