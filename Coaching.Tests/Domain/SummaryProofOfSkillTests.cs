using Coaching.Domain.SignOffs;
using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Domain.Training;
using static Coaching.Domain.Summaries.ProofOfSkillSource;

namespace Coaching.Tests.Domain;

/// <summary>What the weekly summary tells of a person's proof of skill: sign-offs, training attended, peer training given.</summary>
public class SummaryProofOfSkillTests
{
    static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
    static readonly IsoWeek Week = new(2026, 47); // Monday 16 – Sunday 22 November 2026
    static readonly Guid Till = Guid.NewGuid(), Greeting = Guid.NewGuid(), Vaccines = Guid.NewGuid();

    /// <summary>A local time in Auckland (UTC+13 in November) as the UTC the database holds.</summary>
    static DateTime Local(int day, int hour) => OrganisationClock.ToUtc(new DateTime(2026, 11, day, hour, 0, 0), Auckland);

    static SignOffRecord Signed(Guid skill, string name, DateTime atUtc, DateOnly? expires = null, DateTime? revokedUtc = null, DateTime? supersededUtc = null) =>
        new(name, "Maya Okafor", new SignOff { EmployeeId = 1, SkillKey = skill, SignedByUserId = "maya", SignedAtUtc = atUtc, ExpiresOn = expires,
            RevokedAtUtc = revokedUtc, SupersededAtUtc = supersededUtc });

    static SummaryProofOfSkill Compose(IReadOnlyList<SignOffRecord>? signOffs = null, IReadOnlyList<TrainingRecord>? trainings = null,
        IReadOnlyList<PeerTrainingRecord>? peer = null) =>
        SummaryProofOfSkill.Compose(new ProofOfSkillSource(signOffs ?? [], trainings ?? [], peer ?? []), Week, Auckland);

    [Fact]
    public void Nothing_to_tell_is_an_empty_part_without_news()
    {
        var p = Compose();
        Assert.True(p.IsEmpty);
        Assert.False(p.HasNews);
    }

    [Fact]
    public void A_sign_off_counts_in_the_week_by_the_organisations_days_not_UTC()
    {
        // Monday 00:30 in Auckland is Sunday in UTC: this week. Sunday 23:30 is still this week; Monday 00:30 after it is not.
        var p = Compose([
            Signed(Till, "Till accuracy", Local(16, 0).AddMinutes(30)),
            Signed(Greeting, "Greeting", Local(22, 23).AddMinutes(30)),
            Signed(Vaccines, "Vaccines", Local(23, 0).AddMinutes(30)),
            Signed(Guid.NewGuid(), "Refunds", Local(15, 23).AddMinutes(30)),
        ]);

        Assert.Equal(["Till accuracy", "Greeting"], p.SignedOff.Select(g => g.SkillName));
        Assert.Equal(new DateOnly(2026, 11, 16), p.SignedOff[0].SignedOn);
        Assert.Equal("Maya Okafor", p.SignedOff[0].SignedBy);
        Assert.True(p.HasNews);
    }

    [Fact]
    public void Expiring_within_30_days_of_the_weeks_end_is_due_and_on_or_after_the_expiry_day_it_is_expired()
    {
        var sunday = Week.Sunday;
        var p = Compose([
            Signed(Till, "Till accuracy", Local(1, 9).AddYears(-1), expires: sunday.AddDays(30)),   // due: 30 days left
            Signed(Greeting, "Greeting", Local(1, 9).AddYears(-1), expires: sunday.AddDays(31)),    // not yet flagged
            Signed(Vaccines, "Vaccines", Local(1, 9).AddYears(-1), expires: sunday),                // expired on Sunday: this week
            Signed(Guid.NewGuid(), "Refunds", Local(1, 9).AddYears(-1), expires: sunday.AddDays(-40)), // expired weeks ago
        ]);

        var due = Assert.Single(p.DueForRenewal);
        Assert.Equal(("Till accuracy", sunday.AddDays(30), 30), (due.SkillName, due.ExpiresOn, due.DaysLeft));
        Assert.Equal(["Vaccines", "Refunds"], p.Expired.Select(e => e.SkillName));
        Assert.True(p.Expired[0].ThisWeek);
        Assert.False(p.Expired[1].ThisWeek);
        Assert.Empty(p.SignedOff);
    }

    [Fact]
    public void An_old_expiry_alone_is_shown_but_does_not_make_a_quiet_week_worth_sending()
    {
        var p = Compose([Signed(Vaccines, "Vaccines", Local(1, 9).AddYears(-2), expires: Week.Sunday.AddDays(-100))]);
        Assert.Single(p.Expired);
        Assert.False(p.HasNews);
    }

    [Fact]
    public void An_expired_sign_off_signed_off_again_is_neither_expired_nor_due_and_a_revoked_one_is_not_listed()
    {
        var p = Compose([
            Signed(Vaccines, "Vaccines", Local(1, 9).AddYears(-1), expires: new DateOnly(2026, 11, 10), supersededUtc: Local(18, 10)),
            Signed(Vaccines, "Vaccines", Local(18, 10), expires: new DateOnly(2027, 11, 18)),
            Signed(Till, "Till accuracy", Local(1, 9).AddYears(-1), expires: new DateOnly(2026, 11, 30), revokedUtc: Local(17, 9)),
        ]);

        Assert.Empty(p.Expired);
        Assert.Empty(p.DueForRenewal);
        var gained = Assert.Single(p.SignedOff);
        Assert.Equal(("Vaccines", (DateOnly?)new DateOnly(2027, 11, 18)), (gained.SkillName, gained.ExpiresOn));
    }

    [Fact]
    public void Nothing_after_the_week_counts_a_later_revocation_or_sign_off_is_not_yet_known()
    {
        var p = Compose([
            Signed(Till, "Till accuracy", Local(18, 9), expires: new DateOnly(2026, 12, 1), revokedUtc: Local(24, 9)),
            Signed(Greeting, "Greeting", Local(25, 9)),
        ]);

        Assert.Equal(["Till accuracy"], p.SignedOff.Select(g => g.SkillName));
        Assert.Equal(["Till accuracy"], p.DueForRenewal.Select(d => d.SkillName));
    }

    static TrainingRecord Training(string title, DateOnly heldOn, Reading? before, Reading? after) =>
        new(title, heldOn, TrainingFormat.Workshop, [new("Till accuracy", new PersonSkillChange(1, Till, before, after, after, 0))]);

    [Fact]
    public void Trainings_held_in_the_last_90_days_are_told_with_the_persons_before_and_after_and_older_ones_only_when_their_after_arrived_this_week()
    {
        var p = Compose(trainings: [
            Training("Till refresher", new DateOnly(2026, 11, 18), new Reading(2, new DateOnly(2026, 11, 2), 3), null),
            Training("Cash handling", new DateOnly(2026, 9, 1), new Reading(1, new DateOnly(2026, 8, 20), 1), new Reading(3, new DateOnly(2026, 9, 10), 2)),
            Training("Old course", new DateOnly(2026, 6, 1), new Reading(1, new DateOnly(2026, 5, 20), 1), new Reading(2, new DateOnly(2026, 6, 5), 1)),
            Training("Late evidence", new DateOnly(2026, 6, 2), new Reading(1, new DateOnly(2026, 5, 20), 1), new Reading(2, new DateOnly(2026, 11, 20), 1)),
            Training("Next week", new DateOnly(2026, 11, 23), null, null),
        ]);

        Assert.Equal(["Till refresher", "Cash handling", "Late evidence"], p.TrainingAttended.Select(t => t.Title));
        var refresher = p.TrainingAttended[0];
        Assert.True(refresher.ThisWeek);
        Assert.Equal("Workshop", refresher.Format);
        Assert.Equal((2, (int?)null, (int?)null), (refresher.Skills[0].Before!.Value, refresher.Skills[0].LatestAfter, refresher.Skills[0].Change));
        Assert.Equal(2, p.TrainingAttended[1].Skills[0].Change);
        Assert.False(p.TrainingAttended[1].ThisWeek);
        Assert.True(p.HasNews);
    }

    [Fact]
    public void A_training_90_days_back_is_the_last_one_told()
    {
        var sunday = Week.Sunday;
        var p = Compose(trainings: [Training("Day 89", sunday.AddDays(-89), null, null), Training("Day 90", sunday.AddDays(-90), null, null)]);
        Assert.Equal(["Day 89"], p.TrainingAttended.Select(t => t.Title));
        Assert.False(p.HasNews);
    }

    [Fact]
    public void Peer_training_given_overlapping_the_week_is_credited_and_is_news_when_it_starts_or_ends_in_the_week()
    {
        var p = Compose(peer: [
            new("Ben", "Till accuracy", new DateOnly(2026, 11, 22), null),          // starts Sunday
            new("Chloé", "Greeting", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 16)), // ends Monday
            new("Dev", "Refunds", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 15)),    // ended before the week
            new("Eve", "Refunds", new DateOnly(2026, 11, 23), null),                 // starts after it
        ]);

        Assert.Equal(["Chloé", "Ben"], p.PeerTrainingGiven.Select(g => g.TraineeFirstName));
        Assert.True(p.PeerTrainingGiven[1].StartedThisWeek);
        Assert.True(p.HasNews);

        var ongoing = Compose(peer: [new("Chloé", "Greeting", new DateOnly(2026, 10, 1), null)]);
        Assert.Single(ongoing.PeerTrainingGiven);
        Assert.False(ongoing.HasNews);
    }

    [Fact]
    public void A_week_with_only_proof_of_skill_news_is_not_quiet()
    {
        var summary = SummaryComposition.Compose(new SummarySource("Ana Ruiz", "Cashier", [new(Till, "Till accuracy", 3)], [], [],
            ProofOfSkill: new([Signed(Till, "Till accuracy", Local(18, 9))], [], [])), Week, Auckland);

        Assert.False(summary.HasObservations);
        Assert.True(summary.HasAnythingToSay);
        Assert.True(summary.ShouldSend(QuietWeekPolicy.SendWhenAnythingToSay));
        Assert.False(summary.ShouldSend(QuietWeekPolicy.OnlyObservedWeeks));
        var quiet = SummaryComposition.Compose(new SummarySource("Ana Ruiz", "Cashier", [new(Till, "Till accuracy", 3)], [], []), Week, Auckland);
        Assert.False(quiet.ShouldSend(QuietWeekPolicy.SendWhenAnythingToSay));
    }
}
