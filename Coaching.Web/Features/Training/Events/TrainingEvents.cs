using System.Security.Claims;
using Coaching.Domain;
using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Domain.Training;
using Coaching.Web.Data;
using Coaching.Web.Features.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Training.Events;

/// <summary>
/// Training events as their pages show them: which events a coach may open (HR and Admin all, a manager those with at
/// least one of their people), and each event's before/after with names. A manager sees the rows, and the group figures,
/// of their own people only (EmployeeAccess's rule); the comparison group is only ever shown as figures, never by name.
/// </summary>
public sealed class TrainingEvents(CoachingDbContext db, EmployeeAccess access, TrainingResults results, PublishedRubrics rubrics)
{
    public sealed record Person(int Id, string Name, string Team);
    public sealed record SkillOption(Guid Key, string Name);
    public sealed record RubricSkills(string Rubric, IReadOnlyList<SkillOption> Skills);
    public sealed record ListRow(int Id, string Title, DateOnly HeldOn, TrainingFormat Format, IReadOnlyList<string> Skills, int Attendees,
        IReadOnlyList<(string Skill, GroupChange Change)> Changes);

    /// <summary>An event as one coach may see it: the attendees they may see (all, for HR) and what the training changed for them.</summary>
    public sealed record EventView(TrainingEvent Event, string RecordedBy, IReadOnlyDictionary<Guid, string> SkillNames,
        IReadOnlyDictionary<int, Person> People, int AttendeesNotShown, EventBeforeAfter Result, IReadOnlyList<SkillLevelsChart> Chart,
        IReadOnlyDictionary<(Guid Skill, int Level), string> LevelNames)
    {
        public string Skill(Guid key) => SkillNames.GetValueOrDefault(key, "(skill no longer in a rubric)");
        public string Name(int employeeId) => People.TryGetValue(employeeId, out var p) ? p.Name : $"#{employeeId}";

        /// <summary>"3 · Proficient" where the rubric names the level, the number otherwise.</summary>
        public string Level(Guid skill, int level) => LevelNames.TryGetValue((skill, level), out var name) ? $"{level} · {name}" : $"{level}";
    }

    /// <summary>Events the user may open, newest first, each with its trained group's figures per skill (the comparison group is on the event's page).</summary>
    public const int PageSize = 25;

    /// <summary>
    /// A page of the events the user may open. Only the events on the page are measured: measuring every event reads the
    /// levels of everyone who ever attended one (2.5 s for 343 events on the generated organisation).
    /// </summary>
    public async Task<PageOf<ListRow>> ListAsync(ClaimsPrincipal user, int page, CancellationToken ct)
    {
        var all = await VisibleEventsAsync(user, ct);
        var number = PageOf<ListRow>.Within(page, all.Count, PageSize);
        var events = all.Skip((number - 1) * PageSize).Take(PageSize).ToList();
        var names = await SkillNamesAsync(events.SelectMany(e => e.Event.SkillKeys), ct);
        var measured = await results.AttendeesOnlyAsync(events.Select(e => e.Shown).ToList(), ct);
        return new(events.Select(e => new ListRow(e.Event.Id, e.Event.Title, e.Event.HeldOn, e.Event.Format,
            e.Event.SkillKeys.Select(k => names.GetValueOrDefault(k, "?")).ToList(), e.Event.AttendeeIds.Count,
            measured[e.Event.Id].Skills.Select(s => (names.GetValueOrDefault(s.SkillKey, "?"), s.Trained)).ToList())).ToList(),
            number, PageSize, all.Count);
    }

    /// <summary>One event with its before/after, or null (answer 404) when it is unknown or has none of the user's people.</summary>
    public async Task<EventView?> FindAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var trainingEvent = await db.TrainingEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (trainingEvent is null) return null;
        var visible = await VisibleAttendeesAsync(user, trainingEvent, ct);
        if (visible.Count == 0) return null;
        var shown = Shown(trainingEvent, visible);
        var measured = await results.WithComparisonGroupAsync(shown, ct);
        var people = await PeopleAsync(visible, ct);
        var recordedBy = await db.Users.Where(u => u.Id == trainingEvent.RecordedByUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        return new(trainingEvent, recordedBy, await SkillNamesAsync(trainingEvent.SkillKeys, ct), people, trainingEvent.AttendeeIds.Count - visible.Count,
            measured.Result, SkillLevelsChart.For(shown, measured.Result, measured.ComparisonGroup), await LevelNamesAsync(trainingEvent.SkillKeys, ct));
    }

    /// <summary>The events a person attended with their own before/after, for their profile.</summary>
    public sealed record AttendedView(IReadOnlyList<TrainingResults.Attended> Events, IReadOnlyDictionary<Guid, string> SkillNames,
        IReadOnlyDictionary<(Guid Skill, int Level), string> LevelNames)
    {
        public string Skill(Guid key) => SkillNames.GetValueOrDefault(key, "(skill no longer in a rubric)");
        public string Level(Guid skill, int level) => LevelNames.TryGetValue((skill, level), out var name) ? $"{level} · {name}" : $"{level}";
    }

    public async Task<AttendedView> ForProfileAsync(int employeeId, CancellationToken ct)
    {
        var attended = await results.AttendedByAsync(employeeId, ct);
        var keys = attended.SelectMany(a => a.Event.SkillKeys).Distinct().ToList();
        return new(attended, await SkillNamesAsync(keys, ct), await LevelNamesAsync(keys, ct));
    }

    /// <summary>Skills of every rubric's current published version, by rubric, for the form.</summary>
    public async Task<IReadOnlyList<RubricSkills>> RecordableSkillsAsync(CancellationToken ct)
    {
        var rows = await (from r in db.Rubrics
                          join s in db.Skills on r.CurrentVersionId equals s.RubricVersionId
                          orderby r.Name, s.Order
                          select new { Rubric = r.Name, s.Key, s.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.Rubric).Select(g => new RubricSkills(g.Key,
            g.GroupBy(s => s.Key).Select(s => new SkillOption(s.Key, s.First().Name)).ToList())).ToList();
    }

    /// <summary>Active people the user may record training for, by team then name.</summary>
    public async Task<IReadOnlyList<Person>> RecordablePeopleAsync(ClaimsPrincipal user, CancellationToken ct) =>
        (await access.Visible(user).Where(e => e.IsActive)
            .OrderBy(e => e.Team!.Name).ThenBy(e => e.FirstName).ThenBy(e => e.LastName)
            .Select(e => new { e.Id, e.FirstName, e.LastName, Team = e.Team!.Name }).ToListAsync(ct))
        .Select(e => new Person(e.Id, Employee.FullNameOf(e.FirstName, e.LastName), e.Team)).ToList();

    /// <summary>Of these ids, the ones the user may not record training for (unknown, or outside their teams).</summary>
    public async Task<IReadOnlyList<int>> NotRecordableAsync(ClaimsPrincipal user, IReadOnlyCollection<int> employeeIds, CancellationToken ct)
    {
        var ids = employeeIds.Distinct().ToList();
        var allowed = await access.Visible(user).Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        return ids.Except(allowed).ToList();
    }

    /// <summary>An event already recorded that this one repeats (the same form sent twice), if any.</summary>
    public async Task<int?> SameEventAsync(TrainingEvent candidate, CancellationToken ct)
    {
        var sameDay = await db.TrainingEvents.AsNoTracking().Where(e => e.HeldOn == candidate.HeldOn && e.Format == candidate.Format).ToListAsync(ct);
        return sameDay.FirstOrDefault(e => e.IsSameAs(candidate))?.Id;
    }

    async Task<List<(TrainingEvent Event, TrainingEvent Shown)>> VisibleEventsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var events = await db.TrainingEvents.AsNoTracking().OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.Id).ToListAsync(ct);
        if (EmployeeAccess.SeesEveryone(user)) return events.Select(e => (e, e)).ToList();
        var mine = (await access.Visible(user).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        return events.Where(e => e.AttendeeIds.Any(mine.Contains))
            .Select(e => (e, Shown(e, e.AttendeeIds.Where(mine.Contains).ToList()))).ToList();
    }

    async Task<List<int>> VisibleAttendeesAsync(ClaimsPrincipal user, TrainingEvent trainingEvent, CancellationToken ct)
    {
        var ids = trainingEvent.AttendeeIds;
        if (EmployeeAccess.SeesEveryone(user)) return ids;
        var visible = await access.Visible(user).Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        return ids.Where(visible.Contains).ToList();
    }

    /// <summary>The event as measured for the people shown: the same event, its attendees cut to those.</summary>
    static TrainingEvent Shown(TrainingEvent e, List<int> attendees) => attendees.Count == e.AttendeeIds.Count ? e : new()
    {
        Id = e.Id, Title = e.Title, HeldOn = e.HeldOn, Format = e.Format, SkillKeys = e.SkillKeys, AttendeeIds = attendees,
        RecordedByUserId = e.RecordedByUserId, RecordedAtUtc = e.RecordedAtUtc,
    };

    async Task<IReadOnlyDictionary<int, Person>> PeopleAsync(List<int> ids, CancellationToken ct) =>
        (await db.Employees.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.FirstName, e.LastName, Team = e.Team!.Name }).ToListAsync(ct))
        .ToDictionary(e => e.Id, e => new Person(e.Id, Employee.FullNameOf(e.FirstName, e.LastName), e.Team));

    async Task<IReadOnlyDictionary<Guid, string>> SkillNamesAsync(IEnumerable<Guid> keys, CancellationToken ct) =>
        (await rubrics.SkillNamesAsync(keys, ct)).ToDictionary(k => k.Key, k => k.Value.Name);

    /// <summary>
    /// Level names per skill from the newest published version that has the skill: levels compared across an event may
    /// come from several versions, so the one the skill is observed against now names them.
    /// </summary>
    async Task<IReadOnlyDictionary<(Guid Skill, int Level), string>> LevelNamesAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct)
    {
        var wanted = keys.Distinct().ToList();
        var versions = (await (from s in db.Skills
                               join v in db.RubricVersions on s.RubricVersionId equals v.Id
                               where wanted.Contains(s.Key) && v.Status != RubricVersionStatus.Draft
                               select new { s.Key, VersionId = v.Id }).ToListAsync(ct))
            .GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Max(s => s.VersionId));
        var names = await rubrics.LevelNamesAsync(versions.Values, ct);
        return versions.SelectMany(v => names.Where(n => n.Key.VersionId == v.Value).Select(n => (Key: (v.Key, n.Key.Value), n.Value)))
            .ToDictionary(x => x.Key, x => x.Value);
    }

    /// <summary>A change in levels as people read it: "+1", "0", "−0.5"; "–" when there is nothing to compare.</summary>
    public static string Change(double? change) => change switch
    {
        null => "–",
        > 0 => "+" + change.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        < 0 => "−" + (-change.Value).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        _ => "0",
    };
}
