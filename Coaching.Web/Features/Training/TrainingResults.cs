using Coaching.Domain.Time;
using Coaching.Domain.Training;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Training;

/// <summary>
/// The one read of what a training changed: levels before and after an event, for its attendees and for the comparison
/// group (active people in the attendees' roles who did not attend), as the event page, its CSV, the profile and the
/// weekly summary show them. Days are the organisation's, as the event's date is.
/// </summary>
public sealed class TrainingResults(CoachingDbContext db, IOptions<OrganisationOptions> org)
{
    public sealed record Attended(TrainingEvent Event, IReadOnlyList<PersonSkillChange> Changes);

    public async Task<EventBeforeAfter> BeforeAfterAsync(TrainingEvent trainingEvent, CancellationToken ct) =>
        (await WithComparisonGroupAsync(trainingEvent, ct)).Result;

    /// <summary>The event's before/after and, person by person, the comparison group it was set against (for the chart).</summary>
    public sealed record WithComparison(EventBeforeAfter Result, IReadOnlyList<PersonSkillChange> ComparisonGroup);

    public async Task<WithComparison> WithComparisonGroupAsync(TrainingEvent trainingEvent, CancellationToken ct)
    {
        var attendees = trainingEvent.AttendeeIds;
        var roles = await db.Employees.Where(e => attendees.Contains(e.Id)).Select(e => e.JobRoleId).Distinct().ToListAsync(ct);
        var comparison = await db.Employees.Where(e => e.IsActive && roles.Contains(e.JobRoleId) && !attendees.Contains(e.Id))
            .Select(e => e.Id).ToListAsync(ct);
        var levels = await LevelsAsync([.. attendees, .. comparison], trainingEvent.SkillKeys, ct);
        var others = levels.Where(l => !attendees.Contains(l.EmployeeId)).ToList();
        return new(BeforeAfter.For(trainingEvent, levels.Where(l => attendees.Contains(l.EmployeeId)), others),
            BeforeAfter.ComparisonGroup(trainingEvent, others));
    }

    /// <summary>The events a person attended, newest first, each with that person's before/after per trained skill.</summary>
    public Task<IReadOnlyList<Attended>> AttendedByAsync(int employeeId, CancellationToken ct) =>
        AttendedByAsync(employeeId, DateTime.MaxValue, ct);

    /// <summary>
    /// <see cref="AttendedByAsync(int, CancellationToken)"/> as it stood at <paramref name="untilUtc"/>: events held by then and
    /// only the levels observed before it, so a weekly summary re-sent later tells the same story.
    /// </summary>
    public async Task<IReadOnlyList<Attended>> AttendedByAsync(int employeeId, DateTime untilUtc, CancellationToken ct) =>
        (await AttendedByAsync([employeeId], untilUtc, ct)).GetValueOrDefault(employeeId) ?? [];

    /// <summary>
    /// <see cref="AttendedByAsync(int, DateTime, CancellationToken)"/> for several people in two queries (a chunk of the
    /// weekly batch); people who attended nothing are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Attended>>> AttendedByAsync(IReadOnlyCollection<int> employeeIds, DateTime untilUtc, CancellationToken ct)
    {
        var lastDay = untilUtc == DateTime.MaxValue ? DateOnly.MaxValue : OrganisationClock.Today(untilUtc.AddTicks(-1), org.Value.Zone);
        var ids = employeeIds.Distinct().ToList();
        var events = await db.TrainingEvents.AsNoTracking().Where(e => e.AttendeeIds.Any(a => ids.Contains(a)) && e.HeldOn <= lastDay)
            .OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.Id).ToListAsync(ct);
        if (events.Count == 0) return new Dictionary<int, IReadOnlyList<Attended>>();
        var attendees = ids.Where(id => events.Any(e => e.AttendeeIds.Contains(id))).ToList();
        var levels = await LevelsAsync(attendees, events.SelectMany(e => e.SkillKeys).Distinct().ToList(), ct, untilUtc);
        // A person's change is read from their own levels only, so reading the chunk's levels together changes nobody's.
        var results = events.ToDictionary(e => e.Id, e => BeforeAfter.For(e, levels, []));
        return attendees.ToDictionary(id => id, IReadOnlyList<Attended> (id) => events.Where(e => e.AttendeeIds.Contains(id))
            .Select(e => new Attended(e, results[e.Id].Attendees.Where(c => c.EmployeeId == id).ToList())).ToList());
    }

    /// <summary>
    /// Several events' before/after for their attendees only (no comparison group), read in one query: what a list of
    /// events shows, where reading each event's comparison group would cost a query per event.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, EventBeforeAfter>> AttendeesOnlyAsync(IReadOnlyList<TrainingEvent> events, CancellationToken ct)
    {
        if (events.Count == 0) return new Dictionary<int, EventBeforeAfter>();
        var levels = await LevelsAsync(events.SelectMany(e => e.AttendeeIds).Distinct().ToList(), events.SelectMany(e => e.SkillKeys).Distinct().ToList(), ct);
        return events.ToDictionary(e => e.Id, e => BeforeAfter.For(e, levels, []));
    }

    /// <summary>Submitted levels of these people and skills observed before <paramref name="untilUtc"/> (default: all).</summary>
    async Task<List<SkillLevel>> LevelsAsync(List<int> employeeIds, List<Guid> skillKeys, CancellationToken ct, DateTime? untilUtc = null)
    {
        var until = untilUtc ?? DateTime.MaxValue;
        var zone = org.Value.Zone;
        // Ordered by time so "last before" and "first after" within a day follow the order they were observed.
        var rows = await db.Ratings.AsNoTracking()
            .Where(r => r.IsSubmitted && r.Level != null && employeeIds.Contains(r.EmployeeId) && skillKeys.Contains(r.SkillKey) && r.ObservedAtUtc < until)
            .OrderBy(r => r.ObservedAtUtc).ThenBy(r => r.Id)
            .Select(r => new { r.EmployeeId, r.SkillKey, Level = r.Level!.Value, r.ObservedAtUtc })
            .ToListAsync(ct);
        return rows.Select(r => SkillLevel.At(r.EmployeeId, r.SkillKey, r.Level, r.ObservedAtUtc, zone)).ToList();
    }
}
