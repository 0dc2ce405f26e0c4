using Coaching.Domain.Organisation;
using Coaching.Domain.People;

namespace Coaching.Domain.Training;

/// <summary>A tenure band in whole years: from <see cref="FromYears"/> up to (not including) <see cref="ToYears"/>; no upper end for the last.</summary>
public sealed record TenureBand(int FromYears, int? ToYears)
{
    public string Label => (FromYears, ToYears) switch
    {
        (0, 1) => "Under 1 year",
        (0, int to) => $"Under {to} years",
        (int from, null) => $"{from} years and over",
        (int from, int to) => $"{from}–{to} years",
    };

    public bool Holds(int years) => years >= FromYears && (ToYears is null || years < ToYears);
}

/// <summary>The tenure bands HR sets; peer trainers are rotated across them.</summary>
public sealed class TenureBands
{
    public const string BandsField = "Bands";

    TenureBands(IReadOnlyList<TenureBand> bands) => Bands = bands;

    public IReadOnlyList<TenureBand> Bands { get; }

    /// <summary>Under 1 year, 1–5, 5–10, 10 years and over.</summary>
    public static TenureBands Default { get; } = new([new(0, 1), new(1, 5), new(5, 10), new(10, null)]);

    /// <summary>
    /// Bands must cover every tenure exactly once, so each person falls in one band: the first starts at 0, each next one
    /// starts where the previous ends (ascending, no gaps, no overlaps) and only the last is open-ended.
    /// </summary>
    public static (TenureBands? Bands, IReadOnlyList<FieldProblem> Problems) Create(IReadOnlyList<TenureBand> bands)
    {
        var problems = new List<FieldProblem>();
        if (bands.Count == 0) problems.Add(new(BandsField, "Set at least one tenure band."));
        else
        {
            if (bands[0].FromYears != 0) problems.Add(new(BandsField, "The first band starts at 0 years, so new starters have a band."));
            for (var i = 0; i < bands.Count; i++)
            {
                var band = bands[i];
                var last = i == bands.Count - 1;
                if (band.ToYears is null && !last) problems.Add(new(BandsField, $"Only the last band can be open-ended; \"{band.Label}\" is not the last."));
                if (band.ToYears is int to && to <= band.FromYears) problems.Add(new(BandsField, $"A band ends after it starts: {band.FromYears} to {to} years."));
                if (last && band.ToYears is not null) problems.Add(new(BandsField, $"The last band has no upper end, so long-serving people have a band (it now ends at {band.ToYears} years)."));
                if (i > 0 && bands[i - 1].ToYears is int previousEnd && band.FromYears != previousEnd)
                    problems.Add(new(BandsField, band.FromYears > previousEnd
                        ? $"Gap between {previousEnd} and {band.FromYears} years: each band starts where the previous one ends."
                        : $"Bands overlap or are out of order at {band.FromYears} years: list them in ascending order, each starting where the previous one ends."));
            }
        }
        return problems.Count == 0 ? (new TenureBands([.. bands]), problems) : (null, problems);
    }

    /// <summary>The band of someone hired on <paramref name="hireDate"/>, counted in completed years on <paramref name="today"/>.</summary>
    public TenureBand BandOf(DateOnly hireDate, DateOnly today)
    {
        var years = Tenure.Between(hireDate, today).Years;
        return Bands.First(b => b.Holds(years));
    }
}
