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
public sealed class SummarySources(CoachingDbContext db, PublishedRubrics rubrics, IOptions<OrganisationOptions> org, IOptions<SummariesOptions> options,
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
            actions, scale);
        return SummaryComposition.Compose(source, week, zone, scale.Count > 0 ? scale.Keys.Max() : 4);
    }

    /// <summary>A summary as a browser shows it: the PDF inline, named for its week. The one rendering behind Preview and My summary.</summary>
    public IActionResult Inline(PageModel page, WeeklySummary summary)
    {
        var pdf = SummaryPdf.Render(summary, org.Value.Name, options.Value.Paper, clock.GetUtcNow().UtcDateTime, logger);
        page.Response.Headers.ContentDisposition = $"inline; filename=\"{SummaryPdf.FileName(summary)}\"";
        return page.File(pdf, "application/pdf");
    }
}
