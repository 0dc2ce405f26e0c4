namespace Coaching.Domain.Training;

/// <summary>Someone signed off on the skill and made a peer trainer for it.</summary>
public sealed record PeerTrainer(int EmployeeId, string Name, DateOnly HireDate);

/// <summary>A training someone gave on a skill; the trainer's hire date places it in the band they were in on that day.</summary>
public sealed record TrainingGiven(int TrainerId, Guid SkillKey, DateOnly On, DateOnly TrainerHireDate);

public sealed record TrainerSuggestion(PeerTrainer Trainer, TenureBand Band, int Trainings, DateOnly? LastTrained);

/// <summary>Which peer trainer goes next, rotated across tenure bands instead of always the same (often youngest) people.</summary>
public static class TrainerRotation
{
    /// <summary>
    /// Order: bands first, then people within a band.
    /// Bands (only those with a candidate; an empty band is skipped): a band that never trained this skill first, then the
    /// band whose last training is oldest. When recency and count disagree, RECENCY WINS: a band that trained 5 times long
    /// ago goes before a band that trained once yesterday, so every band gets its turn (a rotation, not a catch-up race);
    /// the count only decides between bands whose last training was on the same day (fewer first), then the band order.
    /// A past training counts for the band the trainer was in on the day they gave it.
    /// Within a band: fewest trainings first, then least recently (never first), then name, then id for a stable order.
    /// </summary>
    public static IReadOnlyList<TrainerSuggestion> Suggest(Guid skillKey, IEnumerable<PeerTrainer> candidates,
        IEnumerable<TrainingGiven> pastTrainings, TenureBands bands, DateOnly today)
    {
        var past = pastTrainings.Where(t => t.SkillKey == skillKey).ToList();
        var byBand = past.GroupBy(t => bands.BandOf(t.TrainerHireDate, t.On))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Max(t => t.On)));
        var byTrainer = past.GroupBy(t => t.TrainerId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Max(t => t.On)));

        var people = candidates.DistinctBy(c => c.EmployeeId).Select(c =>
        {
            var given = byTrainer.TryGetValue(c.EmployeeId, out var g) ? g : (Count: 0, Last: (DateOnly?)null);
            return new TrainerSuggestion(c, bands.BandOf(c.HireDate, today), given.Count, given.Last);
        });

        return people
            .GroupBy(p => p.Band)
            .OrderBy(g => byBand.ContainsKey(g.Key) ? 1 : 0)
            .ThenBy(g => byBand.TryGetValue(g.Key, out var b) ? b.Last : DateOnly.MinValue)
            .ThenBy(g => byBand.TryGetValue(g.Key, out var b) ? b.Count : 0)
            .ThenBy(g => g.Key.FromYears)
            .SelectMany(g => g
                .OrderBy(p => p.Trainings)
                .ThenBy(p => p.LastTrained ?? DateOnly.MinValue)
                .ThenBy(p => p.Trainer.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(p => p.Trainer.EmployeeId))
            .ToList();
    }
}

public sealed record BandTrainings(TenureBand Band, int Count);

/// <summary>Training given on one skill, per tenure band (every band listed, zero included).</summary>
public sealed record TrainingByBand(Guid SkillKey, IReadOnlyList<BandTrainings> Bands, int Total)
{
    /// <summary>The band that gave strictly more than half of the trainings (exactly half is no warning).</summary>
    public TenureBand? OverHalf => Bands.FirstOrDefault(b => b.Count * 2 > Total)?.Band;

    public string? Warning => OverHalf is { } band
        ? $"{band.Label} gave {Bands.First(b => b.Band == band).Count} of {Total} trainings, more than half: suggest trainers from other bands."
        : null;

    public static TrainingByBand For(Guid skillKey, IEnumerable<TrainingGiven> pastTrainings, TenureBands bands)
    {
        var counts = pastTrainings.Where(t => t.SkillKey == skillKey)
            .GroupBy(t => bands.BandOf(t.TrainerHireDate, t.On)).ToDictionary(g => g.Key, g => g.Count());
        var perBand = bands.Bands.Select(b => new BandTrainings(b, counts.GetValueOrDefault(b))).ToList();
        return new(skillKey, perBand, perBand.Sum(b => b.Count));
    }
}
