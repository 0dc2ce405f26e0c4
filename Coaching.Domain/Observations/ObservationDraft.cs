namespace Coaching.Domain.Observations;

/// <summary>
/// What the observation form holds, whole: every save (autosave or submit) sends all of it, so a retry after a
/// dropped connection resends everything. Rows keep the form's order, empty ones included, so a problem or a new
/// next step can be traced back to the row it came from.
/// </summary>
public sealed record ObservationDraft
{
    /// <summary>Null when the form did not say when (a problem, not "now").</summary>
    public DateTime? ObservedAtUtc { get; init; }
    public string? Context { get; init; }
    public string? WentWell { get; init; }
    public string? NextSteps { get; init; }
    public DevelopmentTrack? Track { get; init; }
    public IReadOnlyList<DraftRating> Ratings { get; init; } = [];
    public IReadOnlyList<DraftActionItem> ActionItems { get; init; } = [];
}

/// <summary>A level (or none) and evidence for one skill of the observation's rubric version.</summary>
public sealed record DraftRating(int SkillId, int? Level, string? Evidence);

/// <summary>A next-step row: <see cref="Id"/> is set once the row has been saved, so an edit changes that step.</summary>
public sealed record DraftActionItem(int? Id, string? Text, DateOnly? DueDate);

/// <summary>The parts of an observation a problem can be shown beside; rows are numbered as in the draft.</summary>
public enum ObservationField
{
    /// <summary>The observation as a whole (shown beside Submit).</summary>
    Whole,
    ObservedAt, Context, WentWell, NextSteps, Track,
    RatingLevel, RatingEvidence, ActionItemText, ActionItemDueDate,
}

/// <summary>Something wrong with a draft, and where: <see cref="Row"/> is the rating's or next step's index in the draft.</summary>
public sealed record ObservationProblem(ObservationField Field, string Message, int? Row = null);

/// <summary>
/// What <see cref="Observation.Apply"/> did: either the problems (nothing was changed) or, once applied, the audit
/// trail to store and the next steps it created (by draft row, so their ids can go back to the form once saved).
/// </summary>
public sealed class DraftApplied
{
    public IReadOnlyList<ObservationProblem> Problems { get; init; } = [];
    /// <summary>The changes made to a submitted observation; a draft keeps no trail.</summary>
    public IReadOnlyList<ObservationChange> AuditTrail { get; init; } = [];
    public IReadOnlyDictionary<int, ActionItem> AddedActionItems { get; init; } = new Dictionary<int, ActionItem>();
    public bool IsApplied => Problems.Count == 0;
}
