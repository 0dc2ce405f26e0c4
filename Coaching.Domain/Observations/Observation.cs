using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Domain.Time;

namespace Coaching.Domain.Observations;

public enum ObservationStatus { Draft = 0, Submitted = 1 }

/// <summary>Why the employee is developing a skill; decided by the goal (same role, new role, extra work, new technology).</summary>
public enum DevelopmentTrack { Upskilling = 1, Reskilling = 2, CrossTraining = 3, Newskilling = 4 }

/// <summary>What a manager saw an employee do, rated against one rubric version.</summary>
public class Observation
{
    public int Id { get; set; }
    /// <summary>
    /// Made by the form when it opens and sent with every save: the first save creates the draft, later saves
    /// (a retry after a dropped connection, a double tap on Submit) find it again instead of making another.
    /// </summary>
    public Guid DraftKey { get; set; } = Guid.NewGuid();
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    /// <summary>The account of the manager who observed.</summary>
    public required string ObserverUserId { get; set; }
    public int RubricVersionId { get; set; }
    public RubricVersion? RubricVersion { get; set; }
    public DateTime ObservedAtUtc { get; set; }
    public string? Context { get; set; }
    public string? WentWell { get; set; }
    public string? NextSteps { get; set; }
    public DevelopmentTrack? Track { get; set; }
    public ObservationStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    /// <summary>Bumped on every save; a save made against an older revision is refused rather than overwriting.</summary>
    public int Revision { get; set; }
    public List<Rating> Ratings { get; set; } = [];
    public List<ActionItem> ActionItems { get; set; } = [];

    public bool IsSubmitted => Status == ObservationStatus.Submitted;

    /// <summary>
    /// Submits the observation without a form (seeded and imported observations); from now on it counts everywhere
    /// (profile, summaries, coverage). The form submits through <see cref="Apply"/>.
    /// </summary>
    public void Submit(DateTime nowUtc)
    {
        if (Status == ObservationStatus.Submitted) return;
        MarkSubmitted(nowUtc);
        UpdatedAtUtc = nowUtc;
        SyncRatings();
    }

    void MarkSubmitted(DateTime nowUtc)
    {
        Status = ObservationStatus.Submitted;
        SubmittedAtUtc = nowUtc;
    }

    /// <summary>
    /// Everything wrong with <paramref name="draft"/> as the next state of this observation (nothing is applied while
    /// there is any). Due dates this observation already stores are not judged again.
    /// </summary>
    public IReadOnlyList<ObservationProblem> ProblemsWith(ObservationDraft draft, RubricVersion rubric, DateTime nowUtc, TimeZoneInfo zone, bool submitting)
    {
        var problems = new List<ObservationProblem>();
        void Add(ObservationField field, string? message, int? row = null)
        {
            if (message is not null) problems.Add(new(field, message, row));
        }
        Add(ObservationField.Context, ObservationRules.ControlCharacterProblem(draft.Context));
        Add(ObservationField.WentWell, ObservationRules.ControlCharacterProblem(draft.WentWell));
        Add(ObservationField.NextSteps, ObservationRules.ControlCharacterProblem(draft.NextSteps));
        for (var i = 0; i < draft.Ratings.Count; i++) Add(ObservationField.RatingEvidence, ObservationRules.ControlCharacterProblem(draft.Ratings[i].Evidence), i);
        for (var i = 0; i < draft.ActionItems.Count; i++) Add(ObservationField.ActionItemText, ObservationRules.ControlCharacterProblem(draft.ActionItems[i].Text), i);

        Add(ObservationField.ObservedAt, draft.ObservedAtUtc is { } at ? ObservationRules.ObservedAtProblem(at, nowUtc) : "Say when you observed this.");
        if (draft.Context?.Length > ObservationRules.MaxContextLength) Add(ObservationField.Context, $"Keep the context under {ObservationRules.MaxContextLength} characters.");
        Add(ObservationField.WentWell, ObservationRules.NoteProblem(draft.WentWell));
        Add(ObservationField.NextSteps, ObservationRules.NoteProblem(draft.NextSteps));
        if (draft.Track is { } track && !Enum.IsDefined(track)) Add(ObservationField.Track, "Choose one of the development tracks.");

        var skills = rubric.Skills.Select(s => s.Id).ToHashSet();
        var seen = new HashSet<int>();
        for (var i = 0; i < draft.Ratings.Count; i++)
        {
            var r = draft.Ratings[i];
            if (!skills.Contains(r.SkillId))
            {
                Add(ObservationField.Whole, $"A rating was sent for a skill that is not in this observation's rubric (version {rubric.Number}). Reload the page.");
                continue;
            }
            if (!seen.Add(r.SkillId)) { Add(ObservationField.RatingLevel, "This skill was rated twice.", i); continue; }
            if (r.Level is { } level && (level < rubric.MinLevel || level > rubric.MaxLevel))
                Add(ObservationField.RatingLevel, $"Choose a level from {rubric.MinLevel} to {rubric.MaxLevel}.", i);
            Add(ObservationField.RatingEvidence, ObservationRules.NoteProblem(r.Evidence, "Evidence notes"), i);
            if (submitting && r.Level is null && !string.IsNullOrWhiteSpace(r.Evidence))
                Add(ObservationField.RatingLevel, "Choose a level for the evidence you noted, or clear the note.", i);
        }

        if (draft.ActionItems.Count > ObservationRules.MaxActionItems) Add(ObservationField.Whole, $"An observation has at most {ObservationRules.MaxActionItems} action items.");
        var today = OrganisationClock.Today(nowUtc, zone);
        for (var i = 0; i < draft.ActionItems.Count; i++)
        {
            var a = draft.ActionItems[i];
            if (a.Text?.Length > ObservationRules.MaxActionItemLength)
                Add(ObservationField.ActionItemText, $"Keep each next step under {ObservationRules.MaxActionItemLength} characters.", i);
            if (string.IsNullOrWhiteSpace(a.Text) && a.DueDate is not null && a.Id is null)
                Add(ObservationField.ActionItemText, "Say what the next step is, or clear its due date.", i);
            var storedDue = a.Id is { } id ? ActionItems.FirstOrDefault(x => x.Id == id)?.DueDate : null;
            if (a.DueDate is { } due) Add(ObservationField.ActionItemDueDate, ObservationRules.DueDateProblem(due, today, storedDue), i);
        }
        if (submitting && !draft.Ratings.Any(r => r.Level is not null) && string.IsNullOrWhiteSpace(draft.WentWell) && string.IsNullOrWhiteSpace(draft.NextSteps))
            Add(ObservationField.Whole, "Rate at least one skill or write what went well before submitting.");
        return problems;
    }

    /// <summary>
    /// Makes the observation what <paramref name="draft"/> says (and submits it when <paramref name="submit"/>),
    /// or changes nothing and returns the problems. Each application is one new <see cref="Revision"/>, stamped
    /// <paramref name="nowUtc"/>, with the rating copies brought up to date. A submitted observation being amended
    /// gets an audit trail of what changed, by its author (only the author may edit: <see cref="ObservationRules.CanEdit"/>).
    /// </summary>
    public DraftApplied Apply(ObservationDraft draft, RubricVersion rubric, DateTime nowUtc, TimeZoneInfo zone, bool submit = false)
    {
        var problems = ProblemsWith(draft, rubric, nowUtc, zone, submit);
        if (problems.Count > 0) return new DraftApplied { Problems = problems };

        var changes = new List<(string Field, string? OldValue, string? NewValue)>();
        void Set<T>(string field, T current, T next, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(current, next)) return;
            changes.Add((field, Text(current), Text(next)));
            assign(next);
        }
        Set("When", ObservedAtUtc, draft.ObservedAtUtc!.Value, v => ObservedAtUtc = v);
        Set("Context", Context, Clean(draft.Context), v => Context = v);
        Set("What went well", WentWell, Clean(draft.WentWell), v => WentWell = v);
        Set("Next steps", NextSteps, Clean(draft.NextSteps), v => NextSteps = v);
        Set("Development track", Track, draft.Track, v => Track = v);

        var skills = rubric.Skills.ToDictionary(s => s.Id);
        foreach (var input in draft.Ratings)
        {
            var skill = skills[input.SkillId];
            var existing = Ratings.FirstOrDefault(r => r.SkillId == skill.Id);
            var evidence = Clean(input.Evidence);
            if (input.Level is null && evidence is null)
            {
                if (existing is null) continue;
                changes.Add((skill.Name, Describe(existing.Level, existing.Evidence), null));
                Ratings.Remove(existing);
            }
            else if (existing is null)
            {
                Ratings.Add(new Rating { SkillId = skill.Id, SkillKey = skill.Key, Level = input.Level, Evidence = evidence });
                changes.Add((skill.Name, null, Describe(input.Level, evidence)));
            }
            else if (existing.Level != input.Level || existing.Evidence != evidence)
            {
                changes.Add((skill.Name, Describe(existing.Level, existing.Evidence), Describe(input.Level, evidence)));
                existing.Level = input.Level;
                existing.Evidence = evidence;
            }
        }

        var added = new Dictionary<int, ActionItem>();
        var kept = new HashSet<ActionItem>();
        for (var i = 0; i < draft.ActionItems.Count; i++)
        {
            var row = draft.ActionItems[i];
            if (string.IsNullOrWhiteSpace(row.Text)) continue;
            var text = row.Text.Trim();
            // A row's id finds its step once: a second row claiming the same id (a copied form) becomes a new step.
            var item = row.Id is { } id ? ActionItems.FirstOrDefault(a => a.Id == id && !kept.Contains(a)) : null;
            if (item is null)
            {
                item = new ActionItem { EmployeeId = EmployeeId, Text = text, DueDate = row.DueDate };
                ActionItems.Add(item);
                added[i] = item;
                changes.Add(("Next step", null, $"{text} {row.DueDate}".Trim()));
            }
            else if (item.Text != text || item.DueDate != row.DueDate)
            {
                changes.Add(("Next step", $"{item.Text} {item.DueDate}".Trim(), $"{text} {row.DueDate}".Trim()));
                item.Text = text;
                item.DueDate = row.DueDate;
            }
            kept.Add(item);
        }
        foreach (var gone in ActionItems.Where(a => !kept.Contains(a)).ToList())
        {
            ActionItems.Remove(gone);
            changes.Add(("Next step", gone.Text, null));
        }

        // Changes to a draft are just drafting; once submitted, every change is on the record.
        var auditTrail = IsSubmitted
            ? changes.Select(c => new ObservationChange { ObservationId = Id, UserId = ObserverUserId, AtUtc = nowUtc, Field = c.Field, OldValue = c.OldValue, NewValue = c.NewValue }).ToList()
            : [];
        if (submit && !IsSubmitted) MarkSubmitted(nowUtc);
        Revision++;
        UpdatedAtUtc = nowUtc;
        SyncRatings();
        return new DraftApplied { AuditTrail = auditTrail, AddedActionItems = added };
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    static string? Describe(int? level, string? evidence) => level is null ? evidence : evidence is null ? $"Level {level}" : $"Level {level}: {evidence}";
    static string? Text<T>(T value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// Copies who, whom, when and whether-submitted onto each rating, so reporting can aggregate
    /// ratings without joining observations. <see cref="Apply"/> and <see cref="Submit"/> call it; call it after
    /// setting those fields by hand (seeding).
    /// </summary>
    public void SyncRatings()
    {
        foreach (var r in Ratings)
        {
            r.EmployeeId = EmployeeId;
            r.ObserverUserId = ObserverUserId;
            r.ObservedAtUtc = ObservedAtUtc;
            r.IsSubmitted = Status == ObservationStatus.Submitted;
        }
    }
}

/// <summary>The level an employee showed in one skill, with the evidence for it.</summary>
public class Rating
{
    public int Id { get; set; }
    public int ObservationId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    /// <summary>The skill's stable key (copied from the skill) so reporting groups across rubric versions.</summary>
    public Guid SkillKey { get; set; }
    public int? Level { get; set; }
    public string? Evidence { get; set; }

    // Copies of the observation's fields (kept by Observation.SyncRatings) so coverage and calibration
    // aggregate over one indexed table.
    public int EmployeeId { get; set; }
    public string ObserverUserId { get; set; } = "";
    public DateTime ObservedAtUtc { get; set; }
    public bool IsSubmitted { get; set; }
}

/// <summary>A next step the employee agreed to take.</summary>
public class ActionItem
{
    public int Id { get; set; }
    public int ObservationId { get; set; }
    public Observation? Observation { get; set; }
    public int EmployeeId { get; set; }
    public required string Text { get; set; }
    public DateOnly? DueDate { get; set; }
    public bool IsDone { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    /// <summary>When a manager last followed it up from the observation form ("Done" or "Not yet"); null: never.</summary>
    public DateTime? FollowedUpAtUtc { get; set; }

    public bool IsOverdue(DateOnly today) => !IsDone && DueDate is { } due && due < today;
}

/// <summary>One change made to an observation after it was submitted.</summary>
public class ObservationChange
{
    public int Id { get; set; }
    public int ObservationId { get; set; }
    public required string UserId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

public static class DevelopmentTrackNames
{
    /// <summary>The track as people write it ("Cross-training").</summary>
    public static string Label(this DevelopmentTrack track) => track switch
    {
        DevelopmentTrack.CrossTraining => "Cross-training",
        _ => track.ToString(),
    };
}
