using Coaching.Domain.Time;

namespace Coaching.Domain.Training;

/// <summary>One rated level of one person on one skill, on the organisation's date it was observed.</summary>
public sealed record SkillLevel(int EmployeeId, Guid SkillKey, int Level, DateOnly ObservedOn)
{
    /// <summary>From an observation's UTC time: the day is the organisation's day, as the event date is.</summary>
    public static SkillLevel At(int employeeId, Guid skillKey, int level, DateTime observedAtUtc, TimeZoneInfo zone) =>
        new(employeeId, skillKey, level, OrganisationClock.Today(observedAtUtc, zone));
}

/// <summary>A level and how many observations lie on that side of the event (the level is the last/first/latest of them).</summary>
public sealed record Reading(int Level, DateOnly ObservedOn, int Observations);

public sealed record PersonSkillChange(int EmployeeId, Guid SkillKey, Reading? LastBefore, Reading? FirstAfter, Reading? LatestAfter, int OnEventDay)
{
    public int? FirstChange => LastBefore is null || FirstAfter is null ? null : FirstAfter.Level - LastBefore.Level;
    public int? LatestChange => LastBefore is null || LatestAfter is null ? null : LatestAfter.Level - LastBefore.Level;
}

/// <summary>For the people with a level before and after: mean change (first after and latest after) and, by the first change, how many improved, stayed or dropped.</summary>
public sealed record GroupChange(int People, double? MeanFirstChange, double? MeanLatestChange, int Improved, int Stayed, int Dropped)
{
    public static GroupChange Of(IEnumerable<PersonSkillChange> changes)
    {
        var paired = changes.Where(c => c.FirstChange is not null).ToList();
        return new(paired.Count,
            paired.Count == 0 ? null : paired.Average(c => c.FirstChange!.Value),
            paired.Count == 0 ? null : paired.Average(c => c.LatestChange!.Value),
            paired.Count(c => c.FirstChange > 0), paired.Count(c => c.FirstChange == 0), paired.Count(c => c.FirstChange < 0));
    }
}

public sealed record SkillBeforeAfter(Guid SkillKey, GroupChange Trained, GroupChange? Comparison);

public sealed record EventBeforeAfter(IReadOnlyList<PersonSkillChange> Attendees, IReadOnlyList<SkillBeforeAfter> Skills)
{
    /// <summary>Attendees and skills with no observation after the event: listed so nobody is silently left out.</summary>
    public IReadOnlyList<PersonSkillChange> NotObservedAfter => Attendees.Where(a => a.FirstAfter is null).ToList();

    /// <summary>Attendees and skills with no observation before the event (nothing to compare against).</summary>
    public IReadOnlyList<PersonSkillChange> NotObservedBefore => Attendees.Where(a => a.LastBefore is null).ToList();
}

/// <summary>Did the training work: each attendee's level per trained skill before the event against after it.</summary>
public static class BeforeAfter
{
    /// <summary>
    /// Observations ON the event day count on neither side (they are counted in <see cref="PersonSkillChange.OnEventDay"/>):
    /// the event has a date, not a time, so a level seen that day may be from before or after the session, and counting it
    /// as "after" would credit the training with a level seen in the same shift, before it had time to show.
    /// The comparison group (same role, not trained; any attendee passed is ignored) is read over the same window: last
    /// level before the event date against the first (and latest) after it. Null when nobody in it has both for a skill.
    /// </summary>
    public static EventBeforeAfter For(TrainingEvent trainingEvent, IEnumerable<SkillLevel> attendeeLevels, IEnumerable<SkillLevel> comparisonGroupLevels)
    {
        var attendees = trainingEvent.AttendeeIds.ToHashSet();
        var skills = trainingEvent.SkillKeys.ToHashSet();
        var mine = attendeeLevels.Where(l => attendees.Contains(l.EmployeeId) && skills.Contains(l.SkillKey)).ToList();
        var changes = trainingEvent.AttendeeIds
            .SelectMany(id => trainingEvent.SkillKeys.Select(skill => Change(id, skill, mine, trainingEvent.HeldOn)))
            .ToList();

        var others = ComparisonGroup(trainingEvent, comparisonGroupLevels);
        var groups = trainingEvent.SkillKeys.Select(skill =>
        {
            var compared = GroupChange.Of(others.Where(c => c.SkillKey == skill));
            return new SkillBeforeAfter(skill, GroupChange.Of(changes.Where(c => c.SkillKey == skill)), compared.People == 0 ? null : compared);
        }).ToList();
        return new(changes, groups);
    }

    /// <summary>
    /// Each person of the comparison group (attendees passed are ignored) with a level on a trained skill, read over the
    /// event's window as an attendee is: what the group numbers and the chart's "not trained" bars are made of.
    /// </summary>
    public static IReadOnlyList<PersonSkillChange> ComparisonGroup(TrainingEvent trainingEvent, IEnumerable<SkillLevel> comparisonGroupLevels)
    {
        var attendees = trainingEvent.AttendeeIds.ToHashSet();
        var skills = trainingEvent.SkillKeys.ToHashSet();
        var others = comparisonGroupLevels.Where(l => !attendees.Contains(l.EmployeeId) && skills.Contains(l.SkillKey)).ToList();
        return trainingEvent.SkillKeys.SelectMany(skill => others.Where(l => l.SkillKey == skill).Select(l => l.EmployeeId).Distinct()
            .Select(id => Change(id, skill, others, trainingEvent.HeldOn))).ToList();
    }

    static PersonSkillChange Change(int employeeId, Guid skill, IReadOnlyList<SkillLevel> levels, DateOnly eventDay)
    {
        // Same-day observations keep their given order, so "last" and "first" are stable.
        var own = levels.Where(l => l.EmployeeId == employeeId && l.SkillKey == skill).OrderBy(l => l.ObservedOn).ToList();
        var before = own.Where(l => l.ObservedOn < eventDay).ToList();
        var after = own.Where(l => l.ObservedOn > eventDay).ToList();
        return new(employeeId, skill,
            before.Count == 0 ? null : new Reading(before[^1].Level, before[^1].ObservedOn, before.Count),
            after.Count == 0 ? null : new Reading(after[0].Level, after[0].ObservedOn, after.Count),
            after.Count == 0 ? null : new Reading(after[^1].Level, after[^1].ObservedOn, after.Count),
            own.Count(l => l.ObservedOn == eventDay));
    }
}

/// <summary>
/// Mean levels of the people with a level both before and after (the same people on both sides, as the mean change
/// counts them), so "before" and "after" bars compare like with like. Null when nobody has both.
/// </summary>
public sealed record MeanLevels(int People, double? Before, double? FirstAfter, double? LatestAfter)
{
    public static MeanLevels Of(IEnumerable<PersonSkillChange> changes)
    {
        var paired = changes.Where(c => c.LastBefore is not null && c.FirstAfter is not null).ToList();
        return paired.Count == 0
            ? new(0, null, null, null)
            : new(paired.Count, paired.Average(c => c.LastBefore!.Level), paired.Average(c => c.FirstAfter!.Level), paired.Average(c => c.LatestAfter!.Level));
    }
}

/// <summary>One skill of the before/after chart: the trained group's mean level before and first after, and the comparison group's.</summary>
public sealed record SkillLevelsChart(Guid SkillKey, MeanLevels Trained, MeanLevels Comparison)
{
    /// <summary>Per trained skill, in the event's order: attendees against the comparison group (people in the same roles who did not attend).</summary>
    public static IReadOnlyList<SkillLevelsChart> For(TrainingEvent trainingEvent, EventBeforeAfter result, IReadOnlyList<PersonSkillChange> comparisonGroup) =>
        trainingEvent.SkillKeys.Select(skill => new SkillLevelsChart(skill,
            MeanLevels.Of(result.Attendees.Where(a => a.SkillKey == skill)),
            MeanLevels.Of(comparisonGroup.Where(c => c.SkillKey == skill)))).ToList();
}
