using Coaching.Domain.Observations;
using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Summaries;

/// <summary>Loads what the composition needs about one employee and composes their summary of a week.</summary>
public sealed class SummarySources(CoachingDbContext db, IOptions<OrganisationOptions> org)
{
    public async Task<WeeklySummary?> ComposeAsync(int employeeId, IsoWeek week, CancellationToken ct)
    {
        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
            .Select(e => new { e.FirstName, e.LastName, Role = e.JobRole!.Name, e.JobRole.DefaultRubricId, Requirements = e.JobRole.Requirements.Select(r => new { r.SkillKey, r.RequiredLevel }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (employee is null) return null;
        var zone = org.Value.Zone;
        var (_, endUtc) = week.UtcRange(zone);

        var observations = await db.Observations.AsNoTracking()
            .Where(o => o.EmployeeId == employeeId && o.Status == ObservationStatus.Submitted && o.ObservedAtUtc < endUtc)
            .OrderBy(o => o.ObservedAtUtc)
            .Select(o => new
            {
                o.ObservedAtUtc, o.Context, o.WentWell, o.NextSteps,
                Observer = db.Users.Where(u => u.Id == o.ObserverUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Ratings = o.Ratings.Select(r => new { r.SkillKey, r.Skill!.Name, r.Level }).ToList(),
            })
            .ToListAsync(ct);

        // Requirement names come from the newest rubric version that has the skill: a renamed skill shows its current name.
        var keys = employee.Requirements.Select(r => r.SkillKey).ToList();
        var names = (await db.Skills.AsNoTracking().Where(s => keys.Contains(s.Key))
                .Select(s => new { s.Key, s.Name, s.RubricVersionId, s.Order }).ToListAsync(ct))
            .GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.RubricVersionId).First());

        var levels = employee.DefaultRubricId is { } rubricId
            ? await db.Rubrics.AsNoTracking().Where(r => r.Id == rubricId && r.CurrentVersionId != null)
                .SelectMany(r => db.RubricLevels.Where(l => l.RubricVersionId == r.CurrentVersionId)).ToDictionaryAsync(l => l.Value, l => l.Name, ct)
            : [];

        var actions = await db.ActionItems.AsNoTracking()
            .Where(a => a.EmployeeId == employeeId && !a.IsDone && a.Observation!.Status == ObservationStatus.Submitted)
            .Select(a => new SummarySource.ActionRecord(a.Text, a.DueDate, a.IsDone, a.Observation!.ObservedAtUtc))
            .ToListAsync(ct);

        var source = new SummarySource(
            $"{employee.FirstName} {employee.LastName}", employee.Role,
            employee.Requirements.Where(r => names.ContainsKey(r.SkillKey))
                .OrderBy(r => names[r.SkillKey].Order)
                .Select(r => new SummarySource.Requirement(r.SkillKey, names[r.SkillKey].Name, r.RequiredLevel)).ToList(),
            observations.Select(o => new SummarySource.ObservationRecord(o.Observer ?? "Your manager", o.ObservedAtUtc, o.Context, o.WentWell, o.NextSteps,
                o.Ratings.Select(r => new SummarySource.RatingRecord(r.SkillKey, r.Name, r.Level)).ToList())).ToList(),
            actions, levels);
        return SummaryComposition.Compose(source, week, zone, levels.Count > 0 ? levels.Keys.Max() : 4);
    }
}
