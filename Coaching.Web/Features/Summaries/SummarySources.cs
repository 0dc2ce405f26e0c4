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

/// <summary>
/// Loads what the composition needs about employees and composes their summaries of a week. A batch composes a chunk
/// of people with one query per kind of record for all of them (not a round trip per person per table); one person is
/// a chunk of one, so the preview, "My summary" and the batch tell the same story.
/// </summary>
public sealed class SummarySources(CoachingDbContext db, PublishedRubrics rubrics, Training.TrainingResults training, IOptions<OrganisationOptions> org, IOptions<SummariesOptions> options,
    TimeProvider clock, ILogger<SummarySources> logger)
{
    const string NoLongerInARubric = "A skill no longer in a rubric";

    public async Task<WeeklySummary?> ComposeAsync(int employeeId, IsoWeek week, CancellationToken ct) =>
        (await ComposeManyAsync([employeeId], week, ct)).GetValueOrDefault(employeeId);

    /// <summary>The week's summary of each of these employees who exists (a chunk of a batch: keep it to tens or hundreds).</summary>
    public async Task<IReadOnlyDictionary<int, WeeklySummary>> ComposeManyAsync(IReadOnlyCollection<int> employeeIds, IsoWeek week, CancellationToken ct)
    {
        var ids = employeeIds.Distinct().ToList();
        var employees = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.FirstName, e.LastName, Role = e.JobRole!.Name, e.JobRoleId, Requirements = e.JobRole.Requirements.Select(r => new { r.SkillKey, r.RequiredLevel }).ToList() })
            .ToListAsync(ct);
        if (employees.Count == 0) return new Dictionary<int, WeeklySummary>();
        ids = employees.Select(e => e.Id).ToList();
        var zone = org.Value.Zone;
        var (_, endUtc) = week.UtcRange(zone);

        var observations = (await db.Observations.AsNoTracking()
            .Where(o => ids.Contains(o.EmployeeId) && o.Status == ObservationStatus.Submitted && o.ObservedAtUtc < endUtc)
            .OrderBy(o => o.ObservedAtUtc).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.EmployeeId, o.ObservedAtUtc, o.Context, o.WentWell, o.NextSteps, o.RubricVersionId,
                Observer = db.Users.Where(u => u.Id == o.ObserverUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Ratings = o.Ratings.Select(r => new { r.SkillKey, r.Skill!.Name, r.Level }).ToList(),
            })
            .ToListAsync(ct)).ToLookup(o => o.EmployeeId);

        var actions = (await db.ActionItems.AsNoTracking()
            .Where(a => ids.Contains(a.EmployeeId) && !a.IsDone && a.Observation!.Status == ObservationStatus.Submitted)
            .OrderBy(a => a.Id)
            .Select(a => new { a.EmployeeId, Record = new SummarySource.ActionRecord(a.Text, a.DueDate, a.IsDone, a.Observation!.ObservedAtUtc) })
            .ToListAsync(ct)).ToLookup(a => a.EmployeeId, a => a.Record);

        var development = await DevelopmentAsync(ids, week, endUtc, ct);
        var proof = await ProofOfSkillAsync(ids, endUtc, ct);

        // Requirement names and order come from the newest version that has the skill: a renamed skill shows its current name.
        // One look-up for every skill the chunk mentions: a name depends on the skill alone, not on who asks.
        var names = await rubrics.SkillNamesAsync(employees.SelectMany(e => e.Requirements).Select(r => r.SkillKey)
            .Concat(development.Skills).Concat(proof.Skills), ct);
        // Each rating's level is named by the version it was made against, as on the profile; the role's current
        // version names the chart's scale.
        var levelNames = await rubrics.LevelNamesAsync(observations.SelectMany(o => o).Select(o => o.RubricVersionId), ct);
        var scales = new Dictionary<int, Dictionary<int, string>>();
        foreach (var roleId in employees.Select(e => e.JobRoleId).Distinct())
            scales[roleId] = (await rubrics.CurrentOfRoleAsync(roleId, ct))?.Levels.ToDictionary(l => l.Value, l => l.Name) ?? [];
        string Name(Guid key) => names.TryGetValue(key, out var n) ? n.Name : NoLongerInARubric;

        return employees.ToDictionary(e => e.Id, employee =>
        {
            var scale = scales[employee.JobRoleId];
            var source = new SummarySource(
                Employee.FullNameOf(employee.FirstName, employee.LastName), employee.Role,
                employee.Requirements.Where(r => names.ContainsKey(r.SkillKey))
                    .OrderBy(r => names[r.SkillKey].Order)
                    .Select(r => new SummarySource.Requirement(r.SkillKey, names[r.SkillKey].Name, r.RequiredLevel)).ToList(),
                observations[employee.Id].Select(o => new SummarySource.ObservationRecord(o.Observer ?? "Your manager", o.ObservedAtUtc, o.Context, o.WentWell, o.NextSteps,
                    o.Ratings.Select(r => new SummarySource.RatingRecord(r.SkillKey, r.Name, r.Level,
                        r.Level is { } l ? levelNames.GetValueOrDefault((o.RubricVersionId, l)) : null)).ToList())).ToList(),
                actions[employee.Id].ToList(), scale, development.Of(employee.Id, Name), proof.Of(employee.Id, Name));
            return SummaryComposition.Compose(source, week, zone, scale.Count > 0 ? scale.Keys.Max() : 4);
        });
    }

    /// <summary>What a chunk's development records come to for one person, once the skills are named.</summary>
    sealed record DevelopmentRecords(IEnumerable<Guid> Skills, Func<int, Func<Guid, string>, DevelopmentSource> Of);

    /// <summary>People's development as it stood at the end of the week: nothing later counts, as for observations.</summary>
    async Task<DevelopmentRecords> DevelopmentAsync(List<int> ids, IsoWeek week, DateTime endUtc, CancellationToken ct)
    {
        var plans = (await db.DevelopmentPlans.AsNoTracking().Include(p => p.Skills)
                .Where(p => ids.Contains(p.EmployeeId) && p.CreatedAtUtc < endUtc).OrderBy(p => p.CreatedAtUtc).ThenBy(p => p.Id).ToListAsync(ct))
            .GroupBy(p => p.EmployeeId).ToDictionary(g => g.Key, g => DevelopmentPlan.ActiveAt(g, endUtc.AddTicks(-1)));
        var planSkills = plans.Values.SelectMany(p => p).ToDictionary(p => p.Id,
            p => p.Skills.Where(k => k.AddedAtUtc < endUtc && (k.DroppedAtUtc is null || k.DroppedAtUtc >= endUtc)).ToList());
        var roleIds = plans.Values.SelectMany(p => p).Select(p => p.TargetRoleId ?? p.AdditionalRoleId).OfType<int>().Distinct().ToList();
        var roles = await db.JobRoles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var choices = (await db.SkillChoices.AsNoTracking()
            .Where(c => ids.Contains(c.EmployeeId) && c.ChosenAtUtc < endUtc && (c.DroppedAtUtc == null || c.DroppedAtUtc >= endUtc))
            .OrderBy(c => c.ChosenAtUtc).ThenBy(c => c.Id).ToListAsync(ct)).ToLookup(c => c.EmployeeId);
        var confidence = (await db.ConfidenceRatings.AsNoTracking()
            .Where(c => ids.Contains(c.EmployeeId) && c.RatedAtUtc < endUtc).OrderBy(c => c.Id).ToListAsync(ct))
            .GroupBy(c => c.EmployeeId).ToDictionary(g => g.Key, g => ConfidenceRules.Latest(g));
        // Each person's latest conversation up to the week: all of the chunk's are read, the latest picked here, since
        // "the first row of each group" does not translate alike on every provider.
        var conversations = (await db.DevelopmentConversations.AsNoTracking().Include(c => c.Steps)
                .Where(c => ids.Contains(c.EmployeeId) && c.HeldOn <= week.Sunday && c.CreatedAtUtc < endUtc).ToListAsync(ct))
            .GroupBy(c => c.EmployeeId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id).First());

        var skills = planSkills.Values.SelectMany(k => k).Select(k => k.SkillKey)
            .Concat(choices.SelectMany(c => c).Select(c => c.SkillKey)).Concat(confidence.Values.SelectMany(c => c.Keys));
        return new(skills, (employeeId, Name) =>
        {
            var mine = plans.GetValueOrDefault(employeeId) ?? [];
            var conversation = conversations.GetValueOrDefault(employeeId);
            return new DevelopmentSource(
                mine.Select(p => new DevelopmentSource.Plan(p.Track, (p.TargetRoleId ?? p.AdditionalRoleId) is { } role ? roles.GetValueOrDefault(role) : null,
                    planSkills[p.Id].Select(k => new DevelopmentSource.PlanSkill(k.SkillKey, Name(k.SkillKey), k.TargetLevel, k.TargetDate)).ToList())).ToList(),
                choices[employeeId].Select(c => new DevelopmentSource.NamedSkill(c.SkillKey, Name(c.SkillKey))).ToList(),
                (confidence.GetValueOrDefault(employeeId)?.Values ?? []).Select(c => new DevelopmentSource.Confidence(c.SkillKey, Name(c.SkillKey), c.Level)).ToList(),
                conversation?.HeldOn,
                conversation?.Steps.Where(st => st.DoneAtUtc is null || st.DoneAtUtc >= endUtc).OrderBy(st => st.Order).Select(st => st.Text).ToList() ?? []);
        });
    }

    /// <summary>What a chunk's proof-of-skill records come to for one person, once the skills are named.</summary>
    sealed record ProofRecords(IEnumerable<Guid> Skills, Func<int, Func<Guid, string>, ProofOfSkillSource> Of);

    /// <summary>
    /// People's sign-offs, the trainings they attended (their own before/after, levels up to the week's end) and the peer
    /// training they gave; <see cref="SummaryProofOfSkill.Compose"/> decides what the week tells of them.
    /// </summary>
    async Task<ProofRecords> ProofOfSkillAsync(List<int> ids, DateTime endUtc, CancellationToken ct)
    {
        var signOffs = (await db.SignOffs.AsNoTracking().Where(s => ids.Contains(s.EmployeeId) && s.SignedAtUtc < endUtc).OrderBy(s => s.Id).ToListAsync(ct))
            .ToLookup(s => s.EmployeeId);
        var signers = signOffs.SelectMany(s => s).Select(s => s.SignedByUserId).Distinct().ToList();
        var signerNames = await db.Users.AsNoTracking().Where(u => signers.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? "your manager" : u.DisplayName, ct);
        var attended = await training.AttendedByAsync(ids, endUtc, ct);
        var lastDay = OrganisationClock.Today(endUtc.AddTicks(-1), org.Value.Zone);
        var given = (await db.TrainingAssignments.AsNoTracking().Where(a => ids.Contains(a.TrainerId) && a.StartsOn <= lastDay)
            .OrderBy(a => a.Id)
            .Join(db.Employees, a => a.TraineeId, e => e.Id, (a, e) => new { a.TrainerId, a.SkillKey, a.StartsOn, a.EndsOn, e.FirstName })
            .ToListAsync(ct)).ToLookup(g => g.TrainerId);

        var skills = signOffs.SelectMany(s => s).Select(s => s.SkillKey)
            .Concat(attended.Values.SelectMany(a => a).SelectMany(a => a.Event.SkillKeys)).Concat(given.SelectMany(g => g).Select(g => g.SkillKey));
        return new(skills, (employeeId, Name) => new ProofOfSkillSource(
            signOffs[employeeId].Select(s => new ProofOfSkillSource.SignOffRecord(Name(s.SkillKey), signerNames.GetValueOrDefault(s.SignedByUserId, "your manager"), s)).ToList(),
            (attended.GetValueOrDefault(employeeId) ?? []).Select(a => new ProofOfSkillSource.TrainingRecord(a.Event.Title, a.Event.HeldOn, a.Event.Format,
                a.Changes.Select(c => new ProofOfSkillSource.TrainedSkill(Name(c.SkillKey), c)).ToList())).ToList(),
            given[employeeId].Select(g => new ProofOfSkillSource.PeerTrainingRecord(g.FirstName, Name(g.SkillKey), g.StartsOn, g.EndsOn)).ToList()));
    }

    /// <summary>A summary as a browser shows it: the PDF inline, named for its week. The one rendering behind Preview and My summary.</summary>
    public IActionResult Inline(PageModel page, WeeklySummary summary)
    {
        var pdf = SummaryPdf.Render(summary, org.Value.Name, options.Value.Paper, clock.GetUtcNow().UtcDateTime, logger);
        page.Response.Headers.ContentDisposition = $"inline; filename=\"{SummaryPdf.FileName(summary)}\"";
        return page.File(pdf, "application/pdf");
    }
}
