using Coaching.Domain.People;

namespace Coaching.Domain.SignOffs;

/// <summary>
/// When a skill of a rubric is ready for sign-off, as HR sets it per rubric: at or above the required level in at
/// least <see cref="MinObservations"/> submitted observations, by at least <see cref="MinObservers"/> different
/// observers, within the last <see cref="WindowDays"/> days, and (when <see cref="LatestMustMeet"/>) the latest
/// observation at or above the level too. Until HR saves one, <see cref="Default"/> applies.
/// </summary>
public class SignOffRule
{
    public const int DefaultMinObservations = 3;
    public const int DefaultMinObservers = 2;
    public const int DefaultWindowDays = 90;
    public const int MaxMinObservations = 20;
    public const int MaxWindowDays = 730;

    public const string MinObservationsField = "MinObservations";
    public const string MinObserversField = "MinObservers";
    public const string WindowDaysField = "WindowDays";

    public int Id { get; set; }
    public int RubricId { get; set; }
    public int MinObservations { get; set; } = DefaultMinObservations;
    public int MinObservers { get; set; } = DefaultMinObservers;
    public int WindowDays { get; set; } = DefaultWindowDays;
    public bool LatestMustMeet { get; set; } = true;
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedByUserId { get; set; }

    public static SignOffRule Default(int rubricId) => new() { RubricId = rubricId };

    /// <summary>
    /// Problems are keyed MinObservations, MinObservers, WindowDays. More observers than observations cannot be met,
    /// so it is refused.
    /// </summary>
    public static IReadOnlyList<FieldProblem> Check(int? minObservations, int? minObservers, int? windowDays)
    {
        var problems = new List<FieldProblem>();
        if (minObservations is not { } observations || observations < 1 || observations > MaxMinObservations)
            problems.Add(new(MinObservationsField, $"Enter how many observations are needed, from 1 to {MaxMinObservations}."));
        if (minObservers is not { } observers || observers < 1 || observers > MaxMinObservations)
            problems.Add(new(MinObserversField, $"Enter how many different observers are needed, from 1 to {MaxMinObservations}."));
        else if (minObservations is { } o && o >= 1 && o <= MaxMinObservations && observers > o)
            problems.Add(new(MinObserversField, $"{observers} different observers need at least {observers} observations; needed now: {o}."));
        if (windowDays is not { } days || days < 1 || days > MaxWindowDays)
            problems.Add(new(WindowDaysField, $"Enter the number of days the observations must fall within, from 1 to {MaxWindowDays}."));
        return problems;
    }

    /// <summary>HR saves new numbers; nothing changes when they are refused.</summary>
    public IReadOnlyList<FieldProblem> Change(int? minObservations, int? minObservers, int? windowDays, bool latestMustMeet, string userId, DateTime nowUtc)
    {
        var problems = Check(minObservations, minObservers, windowDays);
        if (problems.Count > 0) return problems;
        MinObservations = minObservations!.Value;
        MinObservers = minObservers!.Value;
        WindowDays = windowDays!.Value;
        LatestMustMeet = latestMustMeet;
        UpdatedAtUtc = nowUtc;
        UpdatedByUserId = userId;
        return problems;
    }
}
