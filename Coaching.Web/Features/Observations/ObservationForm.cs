using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Coaching.Domain.Observations;
using Coaching.Domain.Rubrics;
using Coaching.Domain.Time;

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

    /// <summary>
    /// Something typed on this device that a newer version does not have. <see cref="Field"/> is the field's name in
    /// the newer form (where "Use this" puts it back); action items go into the first empty row.
    /// </summary>
    public sealed record Unsaved(string Label, string Field, string Value, string? Newer, string? DueDate = null);

    /// <summary>Empty next-step rows the form starts with.</summary>
    public const int ActionItemRows = 3;

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

    /// <summary>What was posted, as the domain takes it: the time in UTC, every row in the form's order.</summary>
    public ObservationDraft ToDraft(TimeZoneInfo zone) => new()
    {
        ObservedAtUtc = ObservedAt is { } at ? OrganisationClock.ToUtc(at, zone) : null,
        Context = Context, WentWell = WentWell, NextSteps = NextSteps, Track = Track,
        Ratings = [.. Ratings.Select(r => new DraftRating(r.SkillId, r.Level, r.Evidence))],
        ActionItems = [.. ActionItems.Select(a => new DraftActionItem(a.Id, a.Text, a.DueDate))],
    };

    /// <summary>
    /// After a save went through: the form now stands for the saved revision, new next steps carry their ids (so the
    /// next autosave edits them instead of adding them again) and emptied rows none.
    /// </summary>
    public void Saved(Observation o, DraftApplied applied)
    {
        for (var i = 0; i < ActionItems.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ActionItems[i].Text)) ActionItems[i].Id = null;
            else if (applied.AddedActionItems.TryGetValue(i, out var item)) ActionItems[i].Id = item.Id;
        }
        ObservationId = o.Id;
        DraftKey = o.DraftKey;
        Revision = o.Revision;
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
        if (Touched(ObservationFields.ObservedAt) && ObservedAt is { } at && at.ToString("yyyy-MM-ddTHH:mm") != newer.ObservedAt?.ToString("yyyy-MM-ddTHH:mm"))
            unsaved.Add(new("When", ObservationFields.ObservedAt, at.ToString("yyyy-MM-ddTHH:mm"), newer.ObservedAt?.ToString("yyyy-MM-ddTHH:mm")));
        Note(ObservationFields.Context, "Where / context", Context, newer.Context);
        Note(ObservationFields.WentWell, "What went well", WentWell, newer.WentWell);
        Note(ObservationFields.NextSteps, "Next steps", NextSteps, newer.NextSteps);
        if (Touched(ObservationFields.Track) && Track is { } track && track != newer.Track)
            unsaved.Add(new("Development track", ObservationFields.Track, track.ToString(), newer.Track?.ToString()));

        var skills = rubric.Skills.ToDictionary(s => s.Id);
        for (var i = 0; i < Ratings.Count; i++)
        {
            var mine = Ratings[i];
            if (!skills.TryGetValue(mine.SkillId, out var skill)) continue;
            var theirs = newer.RatingFor(skill);
            var at2 = newer.RatingIndex(skill);
            if (Touched(ObservationFields.RatingLevel(i)) && mine.Level is { } level && level != theirs.Level)
                unsaved.Add(new($"{skill.Name}: level", ObservationFields.RatingLevel(at2), level.ToString(CultureInfo.InvariantCulture), theirs.Level?.ToString(CultureInfo.InvariantCulture)));
            if (Touched(ObservationFields.RatingEvidence(i)) && Clean(mine.Evidence) is { } ev && ev != Clean(theirs.Evidence))
                unsaved.Add(new($"Evidence for {skill.Name}", ObservationFields.RatingEvidence(at2), ev, Clean(theirs.Evidence)));
        }
        for (var i = 0; i < ActionItems.Count; i++)
        {
            var row = ActionItems[i];
            if (!Touched(ObservationFields.ActionItemText(i), ObservationFields.ActionItemDueDate(i)) || Clean(row.Text) is not { } text) continue;
            if (newer.ActionItems.Any(a => Clean(a.Text) == text && a.DueDate == row.DueDate)) continue;
            unsaved.Add(new("Action item", ObservationFields.ActionItems, text, null, row.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return unsaved;
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
