using Coaching.Domain.SignOffs;
using Coaching.Domain.Time;
using Coaching.Domain.Training;

namespace Coaching.Domain.Summaries;

/// <summary>
/// The person's proof of skill as loaded for a summary (up to the end of the week): their sign-offs with the skill's
/// name and who signed, the training events they attended with their own before/after per trained skill, and the peer
/// training they gave as a trainer.
/// </summary>
public sealed record ProofOfSkillSource(
    IReadOnlyList<ProofOfSkillSource.SignOffRecord> SignOffs,
    IReadOnlyList<ProofOfSkillSource.TrainingRecord> Trainings,
    IReadOnlyList<ProofOfSkillSource.PeerTrainingRecord> PeerTraining)
{
    public sealed record SignOffRecord(string SkillName, string SignedBy, SignOff SignOff);
    public sealed record TrainingRecord(string Title, DateOnly HeldOn, TrainingFormat Format, IReadOnlyList<TrainedSkill> Skills);
    /// <summary>One trained skill and the person's own levels around the event (<see cref="BeforeAfter"/>'s pairing).</summary>
    public sealed record TrainedSkill(string SkillName, PersonSkillChange Change);
    public sealed record PeerTrainingRecord(string TraineeFirstName, string SkillName, DateOnly StartsOn, DateOnly? EndsOn);

    public static readonly ProofOfSkillSource None = new([], [], []);
}

/// <summary>The "Proof of skill" part of a weekly summary: what the PDF, the email and My summary say under that heading.</summary>
public sealed record SummaryProofOfSkill(
    IReadOnlyList<SummaryProofOfSkill.Gained> SignedOff,
    IReadOnlyList<SummaryProofOfSkill.Due> DueForRenewal,
    IReadOnlyList<SummaryProofOfSkill.Lapsed> Expired,
    IReadOnlyList<SummaryProofOfSkill.Training> TrainingAttended,
    IReadOnlyList<SummaryProofOfSkill.PeerTraining> PeerTrainingGiven)
{
    /// <summary>How far back a training is still told (its before/after keeps filling in for weeks after the event).</summary>
    public const int TrainingWindowDays = 90;

    public sealed record Gained(string SkillName, string SignedBy, DateOnly SignedOn, DateOnly? ExpiresOn);
    public sealed record Due(string SkillName, DateOnly ExpiresOn, int DaysLeft);
    /// <summary>An expired sign-off not signed off again: the skill counts as not signed off. <see cref="ThisWeek"/>: it expired during the week.</summary>
    public sealed record Lapsed(string SkillName, DateOnly ExpiredOn, bool ThisWeek);
    public sealed record Training(string Title, DateOnly HeldOn, string Format, IReadOnlyList<TrainedSkill> Skills, bool ThisWeek);
    /// <summary>A trained skill: the last level before the event, the first and the latest after it (null: not observed on that side).</summary>
    public sealed record TrainedSkill(string SkillName, int? Before, int? FirstAfter, int? LatestAfter, int ObservationsAfter)
    {
        public int? Change => Before is { } b && LatestAfter is { } a ? a - b : null;
    }
    public sealed record PeerTraining(string TraineeFirstName, string SkillName, DateOnly StartsOn, DateOnly? EndsOn, bool StartedThisWeek);

    public static readonly SummaryProofOfSkill Empty = new([], [], [], [], []);

    public bool IsEmpty => SignedOff.Count == 0 && DueForRenewal.Count == 0 && Expired.Count == 0 && TrainingAttended.Count == 0 && PeerTrainingGiven.Count == 0;

    /// <summary>
    /// This week's news, which makes a week without observations worth a summary: a sign-off gained, one expiring within
    /// 30 days (a flag ahead of time) or expired during the week, a training held this week, peer training started or
    /// ended this week. An older expiry or an ongoing assignment is still shown, but alone does not send a summary every week.
    /// </summary>
    public bool HasNews => SignedOff.Count > 0 || DueForRenewal.Count > 0 || Expired.Any(e => e.ThisWeek)
        || TrainingAttended.Any(t => t.ThisWeek) || PeerTrainingGiven.Any(p => p.StartedThisWeek || (p.EndsOn is { } end && end >= Monday && end <= Sunday));

    DateOnly Monday { get; init; }
    DateOnly Sunday { get; init; }

    /// <summary>
    /// The week's proof of skill as it stood at the end of the week (the week's Sunday is "today": nothing later counts, so a
    /// summary re-sent later tells the same story). Sign-offs: gained = signed during the week and not revoked by its end;
    /// per skill the newest sign-off live at the end of the week gives its status on Sunday (<see cref="SignOff.StatusOn"/>):
    /// expiring within <see cref="SignOff.DefaultExpiringSoonDays"/> days is due, expired is listed until signed off again;
    /// a revoked one is neither. Trainings held in the <see cref="TrainingWindowDays"/> days up to Sunday, or earlier ones whose
    /// first level after the event was observed this week. Peer training the person gave: assignments overlapping the week.
    /// </summary>
    public static SummaryProofOfSkill Compose(ProofOfSkillSource source, IsoWeek week, TimeZoneInfo zone)
    {
        var (startUtc, endUtc) = week.UtcRange(zone);
        var sunday = week.Sunday;
        bool InWeek(DateOnly day) => day >= week.Monday && day <= sunday;

        // As at the end of the week: later revocations and re-signs are not yet known.
        var known = source.SignOffs.Where(s => s.SignOff.SignedAtUtc < endUtc).ToList();
        bool LiveAtEnd(SignOff s) => (s.RevokedAtUtc is null || s.RevokedAtUtc >= endUtc) && (s.SupersededAtUtc is null || s.SupersededAtUtc >= endUtc);

        var gained = known.Where(s => s.SignOff.SignedAtUtc >= startUtc && LiveAtEnd(s.SignOff))
            .OrderBy(s => s.SignOff.SignedAtUtc)
            .Select(s => new Gained(s.SkillName, s.SignedBy, OrganisationClock.Today(s.SignOff.SignedAtUtc, zone), s.SignOff.ExpiresOn)).ToList();

        var standing = known.Where(s => LiveAtEnd(s.SignOff))
            .GroupBy(s => s.SignOff.SkillKey)
            .Select(g => g.OrderByDescending(s => s.SignOff.SignedAtUtc).First())
            .Select(s => (s.SkillName, s.SignOff.ExpiresOn, Status: StatusAtEnd(s.SignOff, sunday)))
            .ToList();
        var due = standing.Where(s => s.Status == SignOffStatus.ExpiringSoon)
            .Select(s => new Due(s.SkillName, s.ExpiresOn!.Value, s.ExpiresOn.Value.DayNumber - sunday.DayNumber))
            .OrderBy(d => d.ExpiresOn).ThenBy(d => d.SkillName, StringComparer.Ordinal).ToList();
        var expired = standing.Where(s => s.Status == SignOffStatus.Expired)
            .Select(s => new Lapsed(s.SkillName, s.ExpiresOn!.Value, InWeek(s.ExpiresOn.Value)))
            .OrderByDescending(e => e.ExpiredOn).ThenBy(e => e.SkillName, StringComparer.Ordinal).ToList();

        var trainings = source.Trainings
            .Where(t => t.HeldOn <= sunday)
            .Where(t => t.HeldOn > sunday.AddDays(-TrainingWindowDays) || t.Skills.Any(k => k.Change.FirstAfter is { } f && InWeek(f.ObservedOn)))
            .OrderByDescending(t => t.HeldOn).ThenBy(t => t.Title, StringComparer.Ordinal)
            .Select(t => new Training(t.Title, t.HeldOn, t.Format.Label(), t.Skills.Select(k => new TrainedSkill(k.SkillName,
                k.Change.LastBefore?.Level, k.Change.FirstAfter?.Level, k.Change.LatestAfter?.Level, k.Change.LatestAfter?.Observations ?? 0)).ToList(),
                InWeek(t.HeldOn)))
            .ToList();

        var peer = source.PeerTraining
            .Where(p => p.StartsOn <= sunday && (p.EndsOn is null || p.EndsOn >= week.Monday))
            .OrderBy(p => p.StartsOn).ThenBy(p => p.TraineeFirstName, StringComparer.Ordinal).ThenBy(p => p.SkillName, StringComparer.Ordinal)
            .Select(p => new PeerTraining(p.TraineeFirstName, p.SkillName, p.StartsOn, p.EndsOn, InWeek(p.StartsOn)))
            .ToList();

        return new SummaryProofOfSkill(gained, due, expired, trainings, peer) { Monday = week.Monday, Sunday = sunday };
    }

    /// <summary>The sign-off's status on the week's Sunday, by <see cref="SignOff.StatusOn"/>, a revocation after the week not yet counted.</summary>
    static SignOffStatus StatusAtEnd(SignOff s, DateOnly sunday) =>
        new SignOff { SignedByUserId = s.SignedByUserId, ExpiresOn = s.ExpiresOn }.StatusOn(sunday);
}
