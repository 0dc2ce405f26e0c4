namespace Coaching.Domain.Observations;

/// <summary>The rules an observation obeys, whoever edits it and however it arrives.</summary>
public static class ObservationRules
{
    public const int MaxNoteLength = 4000;
    public const int MaxContextLength = 200;
    public const int MaxActionItemLength = 500;
    public static readonly TimeSpan AmendWindow = TimeSpan.FromHours(24);
    /// <summary>Clocks on tablets drift; a few minutes ahead is not "in the future".</summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);
    /// <summary>Days without an observation after which a team member stands out on the floor view.</summary>
    public const int DueForObservationAfterDays = 14;

    public static string? NoteProblem(string? text, string what = "Notes") =>
        text is not null && text.Length > MaxNoteLength ? $"{what} are at most {MaxNoteLength:N0} characters (this has {text.Length:N0})." : null;

    public static string? ObservedAtProblem(DateTime observedAtUtc, DateTime nowUtc) =>
        observedAtUtc > nowUtc + ClockSkewAllowance ? "The observation time is in the future." :
        observedAtUtc < nowUtc.AddYears(-1) ? "The observation time is more than a year ago." : null;

    /// <summary>The author may amend a submitted observation for 24 hours; drafts are always editable by their author.</summary>
    public static bool CanEdit(Observation o, string userId, DateTime nowUtc) =>
        o.ObserverUserId == userId &&
        (o.Status == ObservationStatus.Draft || (o.SubmittedAtUtc is { } at && nowUtc - at <= AmendWindow));

    public static bool IsDueForObservation(int? daysSinceLast) => daysSinceLast is null or > DueForObservationAfterDays;
}
