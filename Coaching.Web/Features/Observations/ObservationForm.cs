using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Coaching.Domain.Observations;
using Coaching.Domain.Rubrics;
using Coaching.Domain.Time;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Coaching.Web.Features.Observations;

/// <summary>What the observation form posts: everything, on every autosave.</summary>
public sealed class ObservationForm
{
    public Guid DraftKey { get; set; }
    public int? ObservationId { get; set; }
    public int Revision { get; set; }
    /// <summary>Whether the form was showing a submitted observation: tells an amendment from a second tap on Submit.</summary>
    public bool WasSubmitted { get; set; }
    public int EmployeeId { get; set; }
    public int RubricVersionId { get; set; }
    /// <summary>
    /// Names of the fields changed on this device since its last save that went through (comma-separated, kept by
    /// observation.js). After a conflict only those are offered again, not the stale rest of the form.
    /// </summary>
    public string? Edited { get; set; }

    [Display(Name = "When")]
    public DateTime? ObservedAt { get; set; }
    [Display(Name = "Where / context")]
    public string? Context { get; set; }
    [Display(Name = "What went well")]
    public string? WentWell { get; set; }
    [Display(Name = "Next steps")]
    public string? NextSteps { get; set; }
    [Display(Name = "Development track")]
    public DevelopmentTrack? Track { get; set; }
    public List<RatingInput> Ratings { get; set; } = [];
    public List<ActionItemInput> ActionItems { get; set; } = [];

    public sealed class RatingInput
    {
        public int SkillId { get; set; }
        public int? Level { get; set; }
        public string? Evidence { get; set; }
    }

    public sealed class ActionItemInput
    {
        public int? Id { get; set; }
        public string? Text { get; set; }
        public DateOnly? DueDate { get; set; }
        public bool IsDone { get; set; }
    }

    public sealed record Change(string Field, string? OldValue, string? NewValue);

    /// <summary>
    /// Something typed on this device that a newer version does not have. <see cref="Field"/> is the field's name in
    /// the newer form (where "Use this" puts it back); action items go into the first empty row.
    /// </summary>
    public sealed record Unsaved(string Label, string Field, string Value, string? Newer, string? DueDate = null);

    /// <summary>Rows whose next step was created by the last <see cref="ApplyTo"/>; their ids go back to the form once saved.</summary>
    [BindNever] public Dictionary<int, ActionItem> AddedRows { get; } = [];

    public const int ActionItemRows = 3;
    public const int MaxActionItems = 20;

    public static ObservationForm New(int employeeId, RubricVersion rubric, DateTime nowLocal) => new()
    {
        DraftKey = Guid.NewGuid(), EmployeeId = employeeId, RubricVersionId = rubric.Id,
        ObservedAt = nowLocal.AddSeconds(-nowLocal.Second).AddMilliseconds(-nowLocal.Millisecond),
        Ratings = rubric.Skills.Select(s => new RatingInput { SkillId = s.Id }).ToList(),
        ActionItems = Enumerable.Range(0, ActionItemRows).Select(_ => new ActionItemInput()).ToList(),
    };

    public static ObservationForm From(Observation o, RubricVersion rubric, TimeZoneInfo zone)
    {
        var items = o.ActionItems.OrderBy(a => a.Id)
            .Select(a => new ActionItemInput { Id = a.Id, Text = a.Text, DueDate = a.DueDate, IsDone = a.IsDone }).ToList();
        while (items.Count < ActionItemRows || items.All(i => i.Id is not null)) items.Add(new ActionItemInput());
        return new()
        {
            DraftKey = o.DraftKey, ObservationId = o.Id, Revision = o.Revision, WasSubmitted = o.IsSubmitted, EmployeeId = o.EmployeeId,
            RubricVersionId = o.RubricVersionId, ObservedAt = OrganisationClock.ToLocal(o.ObservedAtUtc, zone), Context = o.Context,
            WentWell = o.WentWell, NextSteps = o.NextSteps, Track = o.Track,
            Ratings = rubric.Skills.Select(s =>
            {
                var r = o.Ratings.FirstOrDefault(x => x.SkillId == s.Id);
                return new RatingInput { SkillId = s.Id, Level = r?.Level, Evidence = r?.Evidence };
            }).ToList(),
            ActionItems = items,
        };
    }

    public RatingInput RatingFor(Skill skill) => Ratings.FirstOrDefault(r => r.SkillId == skill.Id) ?? new RatingInput { SkillId = skill.Id };
    public int RatingIndex(Skill skill) => Ratings.FindIndex(r => r.SkillId == skill.Id);

    /// <summary>Every problem with what was posted, keyed by the field it belongs beside. Nothing is saved while there are any.</summary>
    /// <param name="stored">The observation as stored, if any: due dates it already has are not judged again.</param>
    public IEnumerable<(string Field, string Message)> Problems(RubricVersion rubric, TimeZoneInfo zone, DateTime nowUtc, bool submitting, Observation? stored = null)
    {
        foreach (var (field, text) in TextFields())
            if (ObservationRules.ControlCharacterProblem(text) is { } cc) yield return (field, cc);
        var today = OrganisationClock.Today(nowUtc, zone);
        if (ObservedAt is { } at)
        {
            if (ObservationRules.ObservedAtProblem(OrganisationClock.ToUtc(at, zone), nowUtc) is { } p) yield return ("Form.ObservedAt", p);
        }
        else yield return ("Form.ObservedAt", "Say when you observed this.");
        if (Context?.Length > ObservationRules.MaxContextLength) yield return ("Form.Context", $"Keep the context under {ObservationRules.MaxContextLength} characters.");
        if (ObservationRules.NoteProblem(WentWell, "Notes") is { } ww) yield return ("Form.WentWell", ww);
        if (ObservationRules.NoteProblem(NextSteps, "Notes") is { } ns) yield return ("Form.NextSteps", ns);
        if (Track is { } track && !Enum.IsDefined(track)) yield return ("Form.Track", "Choose one of the development tracks.");

        var skills = rubric.Skills.ToDictionary(s => s.Id);
        var seen = new HashSet<int>();
        for (var i = 0; i < Ratings.Count; i++)
        {
            var r = Ratings[i];
            if (!skills.ContainsKey(r.SkillId))
            {
                yield return ("Form", $"A rating was sent for a skill that is not in this observation's rubric (version {rubric.Number}). Reload the page.");
                continue;
            }
            if (!seen.Add(r.SkillId)) { yield return ($"Form.Ratings[{i}].Level", "This skill was rated twice."); continue; }
            if (r.Level is { } level && (level < rubric.MinLevel || level > rubric.MaxLevel))
                yield return ($"Form.Ratings[{i}].Level", $"Choose a level from {rubric.MinLevel} to {rubric.MaxLevel}.");
            if (ObservationRules.NoteProblem(r.Evidence, "Evidence notes") is { } ev) yield return ($"Form.Ratings[{i}].Evidence", ev);
            if (submitting && r.Level is null && !string.IsNullOrWhiteSpace(r.Evidence))
                yield return ($"Form.Ratings[{i}].Level", "Choose a level for the evidence you noted, or clear the note.");
        }
        if (ActionItems.Count > MaxActionItems) yield return ("Form", $"An observation has at most {MaxActionItems} action items.");
        for (var i = 0; i < ActionItems.Count; i++)
        {
            var a = ActionItems[i];
            if (a.Text?.Length > ObservationRules.MaxActionItemLength)
                yield return ($"Form.ActionItems[{i}].Text", $"Keep each next step under {ObservationRules.MaxActionItemLength} characters.");
            if (string.IsNullOrWhiteSpace(a.Text) && a.DueDate is not null && a.Id is null)
                yield return ($"Form.ActionItems[{i}].Text", "Say what the next step is, or clear its due date.");
            var storedDue = a.Id is { } id ? stored?.ActionItems.FirstOrDefault(x => x.Id == id)?.DueDate : null;
            if (a.DueDate is { } due && ObservationRules.DueDateProblem(due, today, storedDue) is { } dp)
                yield return ($"Form.ActionItems[{i}].DueDate", dp);
        }
        if (submitting && !Ratings.Any(r => r.Level is not null) && string.IsNullOrWhiteSpace(WentWell) && string.IsNullOrWhiteSpace(NextSteps))
            yield return ("Form", "Rate at least one skill or write what went well before submitting.");
    }

    /// <summary>What this form holds, among the fields it changed, that <paramref name="newer"/> (the stored version) does not.</summary>
    public List<Unsaved> NotIn(ObservationForm newer, RubricVersion rubric)
    {
        var edited = (Edited ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        bool Touched(params string[] names) => edited.Count == 0 || names.Any(edited.Contains);
        var unsaved = new List<Unsaved>();
        void Note(string field, string label, string? mine, string? theirs)
        {
            if (Touched(field) && Clean(mine) is { } m && m != Clean(theirs)) unsaved.Add(new(label, field, m, Clean(theirs)));
        }
        if (Touched("Form.ObservedAt") && ObservedAt is { } at && at.ToString("yyyy-MM-ddTHH:mm") != newer.ObservedAt?.ToString("yyyy-MM-ddTHH:mm"))
            unsaved.Add(new("When", "Form.ObservedAt", at.ToString("yyyy-MM-ddTHH:mm"), newer.ObservedAt?.ToString("yyyy-MM-ddTHH:mm")));
        Note("Form.Context", "Where / context", Context, newer.Context);
        Note("Form.WentWell", "What went well", WentWell, newer.WentWell);
        Note("Form.NextSteps", "Next steps", NextSteps, newer.NextSteps);
        if (Touched("Form.Track") && Track is { } track && track != newer.Track)
            unsaved.Add(new("Development track", "Form.Track", track.ToString(), newer.Track?.ToString()));

        var skills = rubric.Skills.ToDictionary(s => s.Id);
        for (var i = 0; i < Ratings.Count; i++)
        {
            var mine = Ratings[i];
            if (!skills.TryGetValue(mine.SkillId, out var skill)) continue;
            var theirs = newer.RatingFor(skill);
            var at2 = newer.RatingIndex(skill);
            if (Touched($"Form.Ratings[{i}].Level") && mine.Level is { } level && level != theirs.Level)
                unsaved.Add(new($"{skill.Name}: level", $"Form.Ratings[{at2}].Level", level.ToString(CultureInfo.InvariantCulture), theirs.Level?.ToString(CultureInfo.InvariantCulture)));
            if (Touched($"Form.Ratings[{i}].Evidence") && Clean(mine.Evidence) is { } ev && ev != Clean(theirs.Evidence))
                unsaved.Add(new($"Evidence for {skill.Name}", $"Form.Ratings[{at2}].Evidence", ev, Clean(theirs.Evidence)));
        }
        for (var i = 0; i < ActionItems.Count; i++)
        {
            var row = ActionItems[i];
            if (!Touched($"Form.ActionItems[{i}].Text", $"Form.ActionItems[{i}].DueDate") || Clean(row.Text) is not { } text) continue;
            if (newer.ActionItems.Any(a => Clean(a.Text) == text && a.DueDate == row.DueDate)) continue;
            unsaved.Add(new("Action item", "Form.ActionItems", text, null, row.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return unsaved;
    }

    /// <summary>Every free-text field with the name it is posted under.</summary>
    IEnumerable<(string Field, string? Text)> TextFields()
    {
        yield return ("Form.Context", Context);
        yield return ("Form.WentWell", WentWell);
        yield return ("Form.NextSteps", NextSteps);
        for (var i = 0; i < Ratings.Count; i++) yield return ($"Form.Ratings[{i}].Evidence", Ratings[i].Evidence);
        for (var i = 0; i < ActionItems.Count; i++) yield return ($"Form.ActionItems[{i}].Text", ActionItems[i].Text);
    }

    /// <summary>Copies the form onto the observation and says what changed (the audit trail after submission).</summary>
    public List<Change> ApplyTo(Observation o, RubricVersion rubric, TimeZoneInfo zone, DateTime nowUtc)
    {
        var changes = new List<Change>();
        void Set<T>(string field, T current, T next, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(current, next)) return;
            changes.Add(new Change(field, Text(current), Text(next)));
            assign(next);
        }
        Set("When", o.ObservedAtUtc, OrganisationClock.ToUtc(ObservedAt!.Value, zone), v => o.ObservedAtUtc = v);
        Set("Context", o.Context, Clean(Context), v => o.Context = v);
        Set("What went well", o.WentWell, Clean(WentWell), v => o.WentWell = v);
        Set("Next steps", o.NextSteps, Clean(NextSteps), v => o.NextSteps = v);
        Set("Development track", o.Track, Track, v => o.Track = v);

        var skills = rubric.Skills.ToDictionary(s => s.Id);
        foreach (var input in Ratings.Where(r => skills.ContainsKey(r.SkillId)))
        {
            var skill = skills[input.SkillId];
            var existing = o.Ratings.FirstOrDefault(r => r.SkillId == skill.Id);
            var evidence = Clean(input.Evidence);
            if (input.Level is null && evidence is null)
            {
                if (existing is null) continue;
                changes.Add(new Change(skill.Name, Describe(existing.Level, existing.Evidence), null));
                o.Ratings.Remove(existing);
                continue;
            }
            if (existing is null)
            {
                o.Ratings.Add(new Rating { SkillId = skill.Id, SkillKey = skill.Key, Level = input.Level, Evidence = evidence });
                changes.Add(new Change(skill.Name, null, Describe(input.Level, evidence)));
            }
            else if (existing.Level != input.Level || existing.Evidence != evidence)
            {
                changes.Add(new Change(skill.Name, Describe(existing.Level, existing.Evidence), Describe(input.Level, evidence)));
                existing.Level = input.Level;
                existing.Evidence = evidence;
            }
        }

        var kept = new HashSet<ActionItem>();
        for (var i = 0; i < ActionItems.Count; i++)
        {
            var row = ActionItems[i];
            if (string.IsNullOrWhiteSpace(row.Text)) { row.Id = null; continue; }
            var text = row.Text.Trim();
            var item = row.Id is { } id ? o.ActionItems.FirstOrDefault(a => a.Id == id && !kept.Contains(a)) : null;
            if (item is null)
            {
                item = new ActionItem { EmployeeId = o.EmployeeId, Text = text, DueDate = row.DueDate };
                o.ActionItems.Add(item);
                AddedRows[i] = item;
                changes.Add(new Change("Next step", null, $"{text} {row.DueDate}".Trim()));
            }
            else if (item.Text != text || item.DueDate != row.DueDate)
            {
                changes.Add(new Change("Next step", $"{item.Text} {item.DueDate}".Trim(), $"{text} {row.DueDate}".Trim()));
                item.Text = text;
                item.DueDate = row.DueDate;
            }
            kept.Add(item);
        }
        foreach (var gone in o.ActionItems.Where(a => !kept.Contains(a)).ToList())
        {
            o.ActionItems.Remove(gone);
            changes.Add(new Change("Next step", gone.Text, null));
        }
        return changes;
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    static string? Describe(int? level, string? evidence) => level is null ? evidence : evidence is null ? $"Level {level}" : $"Level {level}: {evidence}";
    static string? Text<T>(T value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
