using Coaching.Domain.People;

namespace Coaching.Domain.Training;

/// <summary>
/// The tenure bands HR sets, stored as the year each band starts (0, 1, 5, 10 by default): bands are contiguous, so the
/// starts say it all. One row (<see cref="SingleId"/>); until HR saves it <see cref="TenureBands.Default"/> applies.
/// </summary>
public sealed class TenureBandSettings
{
    public const int SingleId = 1;
    public const int MaxBands = 8;
    public const int MaxYears = 60;

    public int Id { get; set; } = SingleId;
    public List<int> BandStartYears { get; set; } = [0, 1, 5, 10];
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedByUserId { get; set; }

    public TenureBands ToBands() => FromStarts(BandStartYears).Bands ?? TenureBands.Default;

    /// <summary>Starts in ascending order from 0, each band ending where the next starts and the last open-ended.</summary>
    public static (TenureBands? Bands, IReadOnlyList<FieldProblem> Problems) FromStarts(IReadOnlyList<int> starts)
    {
        if (starts.Count > MaxBands) return (null, [new(TenureBands.BandsField, $"Use at most {MaxBands} bands.")]);
        if (starts.Any(s => s < 0 || s > MaxYears)) return (null, [new(TenureBands.BandsField, $"Band starts are whole years from 0 to {MaxYears}.")]);
        var bands = starts.Select((from, i) => new TenureBand(from, i + 1 < starts.Count ? starts[i + 1] : null)).ToList();
        return TenureBands.Create(bands);
    }

    /// <summary>HR saves new band starts; nothing changes when they are refused.</summary>
    public IReadOnlyList<FieldProblem> Change(IReadOnlyList<int> starts, string userId, DateTime nowUtc)
    {
        var (_, problems) = FromStarts(starts);
        if (problems.Count > 0) return problems;
        BandStartYears = [.. starts];
        UpdatedAtUtc = nowUtc;
        UpdatedByUserId = userId;
        return problems;
    }
}
