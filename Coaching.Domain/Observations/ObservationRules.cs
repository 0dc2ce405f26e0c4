using Coaching.Domain.Rubrics;

namespace Coaching.Domain.Observations;

/// <summary>The rules an observation obeys, whoever edits it and however it arrives.</summary>
public static class ObservationRules
{
    public const int MaxNoteLength = 4000;
    public const int MaxContextLength = 200;
    public const int MaxActionItemLength = 500;
    /// <summary>Next steps on one observation: more than this is a runaway form, not a plan.</summary>
    public const int MaxActionItems = 20;
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

    /// <summary>How far ahead a next step may be due: further than this is a typo (9999-12-31), not a plan.</summary>
    public const int MaxDueYearsAhead = 2;

    /// <summary>
    /// A next step is due from today (the organisation's today) to two years ahead. A date already stored is not
    /// re-judged, so amending an observation whose step fell due yesterday is not blocked.
    /// </summary>
    public static string? DueDateProblem(DateOnly due, DateOnly today, DateOnly? stored = null) =>
        due == stored ? null :
        due < today ? $"The due date is in the past; choose {Day(today)} or later." :
        due > today.AddYears(MaxDueYearsAhead) ? $"Choose a due date within {MaxDueYearsAhead} years (by {Day(today.AddYears(MaxDueYearsAhead))})." : null;

    static string Day(DateOnly d) => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Control characters (NUL and the like) cannot be typed, only pasted from other systems; they break the
    /// database, PDFs and mail, so they are refused. Tab and line breaks are ordinary text.
    /// </summary>
    public static string? ControlCharacterProblem(string? text)
    {
        if (text is null) return null;
        foreach (var c in text)
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return $"This contains a hidden control character (U+{(int)c:X4}) that cannot be stored; remove it or type the text again.";
        return null;
    }

    /// <summary>
    /// Only the employee's role's rubric starts an observation: its current version, or an older version of that
    /// same rubric (a form opened just before a new version was published). Drafts never count.
    /// </summary>
    public static bool MayStartWith(RubricVersion version, RubricVersion current) =>
        version.Id == current.Id || (version.RubricId == current.RubricId && version.Status != RubricVersionStatus.Draft);

    /// <summary>Next steps count (are seen on the profile and can be marked done) only once their observation is submitted.</summary>
    public static bool CanMarkDone(ActionItem item) => item.Observation is { IsSubmitted: true };

    public static bool IsDueForObservation(int? daysSinceLast) => daysSinceLast is null or > DueForObservationAfterDays;
}
