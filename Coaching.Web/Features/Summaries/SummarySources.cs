using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Rubrics;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Summaries;

/// <summary>Loads what the composition needs about one employee and composes their summary of a week.</summary>
public sealed class SummarySources(CoachingDbContext db, PublishedRubrics rubrics, Training.TrainingResults training, IOptions<OrganisationOptions> org, IOptions<SummariesOptions> options,
    TimeProvider clock, ILogger<SummarySources> logger)
{
    public async Task<WeeklySummary?> ComposeAsync(int employeeId, IsoWeek week, CancellationToken ct)
    {
        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
            .Select(e => new { e.FirstName, e.LastName, Role = e.JobRole!.Name, e.JobRoleId, Requirements = e.JobRole.Requirements.Select(r => new { r.SkillKey, r.RequiredLevel }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (employee is null) return null;
        var zone = org.Value.Zone;
        var (_, endUtc) = week.UtcRange(zone);

        var observations = await db.Observations.AsNoTracking()
            .Where(o => o.EmployeeId == employeeId && o.Status == ObservationStatus.Submitted && o.ObservedAtUtc < endUtc)
            .OrderBy(o => o.ObservedAtUtc)
            .Select(o => new
            {
                o.ObservedAtUtc, o.Context, o.WentWell, o.NextSteps, o.RubricVersionId,
                Observer = db.Users.Where(u => u.Id == o.ObserverUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Ratings = o.Ratings.Select(r => new { r.SkillKey, r.Skill!.Name, r.Level }).ToList(),
            })
            .ToListAsync(ct);

        // Requirement names and order come from the newest version that has the skill: a renamed skill shows its current name.
        var names = await rubrics.SkillNamesAsync(employee.Requirements.Select(r => r.SkillKey), ct);
        // Each rating's level is named by the version it was made against, as on the profile; the role's current
        // version names the chart's scale.
        var levelNames = await rubrics.LevelNamesAsync(observations.Select(o => o.RubricVersionId), ct);
        var current = await rubrics.CurrentOfRoleAsync(employee.JobRoleId, ct);
        var scale = current?.Levels.ToDictionary(l => l.Value, l => l.Name) ?? [];

        var actions = await db.ActionItems.AsNoTracking()
            .Where(a => a.EmployeeId == employeeId && !a.IsDone && a.Observation!.Status == ObservationStatus.Submitted)
            .Select(a => new SummarySource.ActionRecord(a.Text, a.DueDate, a.IsDone, a.Observation!.ObservedAtUtc))
            .ToListAsync(ct);

        var source = new SummarySource(
            Employee.FullNameOf(employee.FirstName, employee.LastName), employee.Role,
            employee.Requirements.Where(r => names.ContainsKey(r.SkillKey))
                .OrderBy(r => names[r.SkillKey].Order)
                .Select(r => new SummarySource.Requirement(r.SkillKey, names[r.SkillKey].Name, r.RequiredLevel)).ToList(),
            observations.Select(o => new SummarySource.ObservationRecord(o.Observer ?? "Your manager", o.ObservedAtUtc, o.Context, o.WentWell, o.NextSteps,
                o.Ratings.Select(r => new SummarySource.RatingRecord(r.SkillKey, r.Name, r.Level,
                    r.Level is { } l ? levelNames.GetValueOrDefault((o.RubricVersionId, l)) : null)).ToList())).ToList(),
            actions, scale, await DevelopmentAsync(employeeId, week, endUtc, ct), await ProofOfSkillAsync(employeeId, endUtc, ct));
        return SummaryComposition.Compose(source, week, zone, scale.Count > 0 ? scale.Keys.Max() : 4);
    }

    /// <summary>The person's development as it stood at the end of the week: nothing later counts, as for observations.</summary>
    async Task<DevelopmentSource> DevelopmentAsync(int employeeId, IsoWeek week, DateTime endUtc, CancellationToken ct)
    {
        var plans = DevelopmentPlan.ActiveAt(await db.DevelopmentPlans.AsNoTracking().Include(p => p.Skills)
            .Where(p => p.EmployeeId == employeeId && p.CreatedAtUtc < endUtc).OrderBy(p => p.CreatedAtUtc).ToListAsync(ct), endUtc.AddTicks(-1));
        var planSkills = plans.ToDictionary(p => p.Id, p => p.Skills.Where(k => k.AddedAtUtc < endUtc && (k.DroppedAtUtc is null || k.DroppedAtUtc >= endUtc)).ToList());
        var roleIds = plans.Select(p => p.TargetRoleId ?? p.AdditionalRoleId).OfType<int>().ToList();
        var roles = await db.JobRoles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var choices = await db.SkillChoices.AsNoTracking()
            .Where(c => c.EmployeeId == employeeId && c.ChosenAtUtc < endUtc && (c.DroppedAtUtc == null || c.DroppedAtUtc >= endUtc))
            .OrderBy(c => c.ChosenAtUtc).ToListAsync(ct);
        var confidence = ConfidenceRules.Latest(await db.ConfidenceRatings.AsNoTracking()
            .Where(c => c.EmployeeId == employeeId && c.RatedAtUtc < endUtc).ToListAsync(ct));
        var conversation = await db.DevelopmentConversations.AsNoTracking().Include(c => c.Steps)
            .Where(c => c.EmployeeId == employeeId && c.HeldOn <= week.Sunday && c.CreatedAtUtc < endUtc)
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        var names = await rubrics.SkillNamesAsync(planSkills.Values.SelectMany(k => k).Select(k => k.SkillKey)
            .Concat(choices.Select(c => c.SkillKey)).Concat(confidence.Keys), ct);
        string Name(Guid key) => names.TryGetValue(key, out var n) ? n.Name : "A skill no longer in a rubric";

        return new DevelopmentSource(
            plans.Select(p => new DevelopmentSource.Plan(p.Track, (p.TargetRoleId ?? p.AdditionalRoleId) is { } role ? roles.GetValueOrDefault(role) : null,
                planSkills[p.Id].Select(k => new DevelopmentSource.PlanSkill(k.SkillKey, Name(k.SkillKey), k.TargetLevel, k.TargetDate)).ToList())).ToList(),
            choices.Select(c => new DevelopmentSource.NamedSkill(c.SkillKey, Name(c.SkillKey))).ToList(),
            confidence.Values.Select(c => new DevelopmentSource.Confidence(c.SkillKey, Name(c.SkillKey), c.Level)).ToList(),
            conversation?.HeldOn,
            conversation?.Steps.Where(st => st.DoneAtUtc is null || st.DoneAtUtc >= endUtc).OrderBy(st => st.Order).Select(st => st.Text).ToList() ?? []);
    }

    /// <summary>
    /// The person's sign-offs, the trainings they attended (their own before/after, levels up to the week's end) and the peer
    /// training they gave; <see cref="SummaryProofOfSkill.Compose"/> decides what the week tells of them.
    /// </summary>
    async Task<ProofOfSkillSource> ProofOfSkillAsync(int employeeId, DateTime endUtc, CancellationToken ct)
    {
        var signOffs = await db.SignOffs.AsNoTracking().Where(s => s.EmployeeId == employeeId && s.SignedAtUtc < endUtc).ToListAsync(ct);
        var signers = signOffs.Select(s => s.SignedByUserId).Distinct().ToList();
        var signerNames = await db.Users.AsNoTracking().Where(u => signers.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? "your manager" : u.DisplayName, ct);
        var attended = await training.AttendedByAsync(employeeId, endUtc, ct);
        var lastDay = OrganisationClock.Today(endUtc.AddTicks(-1), org.Value.Zone);
        var given = await db.TrainingAssignments.AsNoTracking().Where(a => a.TrainerId == employeeId && a.StartsOn <= lastDay)
            .Join(db.Employees, a => a.TraineeId, e => e.Id, (a, e) => new { a.SkillKey, a.StartsOn, a.EndsOn, e.FirstName })
            .ToListAsync(ct);
        var names = await rubrics.SkillNamesAsync(signOffs.Select(s => s.SkillKey)
            .Concat(attended.SelectMany(a => a.Event.SkillKeys)).Concat(given.Select(g => g.SkillKey)), ct);
        string Name(Guid key) => names.TryGetValue(key, out var n) ? n.Name : "A skill no longer in a rubric";

        return new ProofOfSkillSource(
            signOffs.Select(s => new ProofOfSkillSource.SignOffRecord(Name(s.SkillKey), signerNames.GetValueOrDefault(s.SignedByUserId, "your manager"), s)).ToList(),
            attended.Select(a => new ProofOfSkillSource.TrainingRecord(a.Event.Title, a.Event.HeldOn, a.Event.Format,
                a.Changes.Select(c => new ProofOfSkillSource.TrainedSkill(Name(c.SkillKey), c)).ToList())).ToList(),
            given.Select(g => new ProofOfSkillSource.PeerTrainingRecord(g.FirstName, Name(g.SkillKey), g.StartsOn, g.EndsOn)).ToList());
    }

    /// <summary>A summary as a browser shows it: the PDF inline, named for its week. The one rendering behind Preview and My summary.</summary>
    public IActionResult Inline(PageModel page, WeeklySummary summary)
    {
        var pdf = SummaryPdf.Render(summary, org.Value.Name, options.Value.Paper, clock.GetUtcNow().UtcDateTime, logger);
        page.Response.Headers.ContentDisposition = $"inline; filename=\"{SummaryPdf.FileName(summary)}\"";
        return page.File(pdf, "application/pdf");
    }
}
