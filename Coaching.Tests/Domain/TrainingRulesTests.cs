using Coaching.Domain.Training;

namespace Coaching.Tests.Domain;

public class TenureBandRulesTests
{
    static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("2026-06-01", "Under 1 year")]
    [InlineData("2025-11-26", "Under 1 year")]
    [InlineData("2025-11-25", "1–5 years")]
    [InlineData("2021-11-26", "1–5 years")]
    [InlineData("2021-11-25", "5–10 years")]
    [InlineData("2016-11-25", "10 years and over")]
    [InlineData("1990-01-01", "10 years and over")]
    public void The_default_bands_place_people_by_completed_years(string hired, string band) =>
        Assert.Equal(band, TenureBands.Default.BandOf(DateOnly.Parse(hired), Today).Label);

    [Fact]
    public void Hr_bands_that_start_at_zero_and_follow_on_are_accepted()
    {
        var (bands, problems) = TenureBands.Create([new(0, 2), new(2, 15), new(15, null)]);

        Assert.Empty(problems);
        Assert.Equal("2–15 years", bands!.BandOf(new(2020, 1, 1), Today).Label);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 5, 5, -1 }, "Gap between 1 and 2 years")]
    [InlineData(new[] { 0, 5, 1, 10, 10, -1 }, "out of order")]
    [InlineData(new[] { 1, 5, 5, -1 }, "starts at 0")]
    [InlineData(new[] { 0, 5, 5, 10 }, "no upper end")]
    [InlineData(new[] { 0, -1, 5, -1 }, "Only the last band")]
    [InlineData(new[] { 0, 3, 3, 3, 3, -1 }, "ends after it starts")]
    public void Bands_with_gaps_overlaps_or_open_ends_are_refused(int[] bounds, string message)
    {
        var bands = bounds.Chunk(2).Select(p => new TenureBand(p[0], p[1] < 0 ? null : p[1])).ToList();

        var (made, problems) = TenureBands.Create(bands);

        Assert.Null(made);
        Assert.Contains(problems, p => p.Field == TenureBands.BandsField && p.Message.Contains(message));
    }

    [Fact]
    public void No_bands_at_all_is_refused() =>
        Assert.Equal(TenureBands.BandsField, Assert.Single(TenureBands.Create([]).Problems).Field);
}

public class TrainerRotationTests
{
    static readonly DateOnly Today = new(2026, 11, 25);
    static readonly Guid Skill = Guid.NewGuid(), Other = Guid.NewGuid();
    // One or two peer trainers per band (default bands); nobody between 5 and 10 years.
    static readonly PeerTrainer Noor = new(1, "Noor", new(2026, 3, 1));      // under 1 year
    static readonly PeerTrainer Anna = new(2, "Anna", new(2026, 1, 1));      // under 1 year
    static readonly PeerTrainer Bas = new(3, "Bas", new(2023, 1, 1));        // 1–5
    static readonly PeerTrainer Greet = new(4, "Greet", new(2010, 1, 1));    // 10 and over

    static TrainingGiven By(PeerTrainer trainer, DateOnly on, Guid? skill = null) => new(trainer.EmployeeId, skill ?? Skill, on, trainer.HireDate);

    static List<string> Order(IEnumerable<TrainingGiven> past, params PeerTrainer[] candidates) =>
        TrainerRotation.Suggest(Skill, candidates, past, TenureBands.Default, Today).Select(s => s.Trainer.Name).ToList();

    [Fact]
    public void A_band_that_never_trained_goes_first()
    {
        var past = new[] { By(Noor, new(2026, 10, 1)), By(Bas, new(2026, 9, 1)) };

        Assert.Equal("Greet", Order(past, Noor, Bas, Greet)[0]);
    }

    [Fact]
    public void Then_the_band_that_trained_least_recently()
    {
        var past = new[] { By(Noor, new(2026, 10, 1)), By(Bas, new(2026, 9, 1)), By(Greet, new(2026, 11, 1)) };

        Assert.Equal(["Bas", "Noor", "Greet"], Order(past, Noor, Bas, Greet));
    }

    [Fact]
    public void When_recency_and_count_disagree_recency_wins_so_every_band_gets_its_turn()
    {
        // Greet's band trained 3 times but long ago; Noor's band once, yesterday.
        var past = new[] { By(Greet, new(2026, 1, 1)), By(Greet, new(2026, 2, 1)), By(Greet, new(2026, 3, 1)), By(Noor, new(2026, 11, 24)) };

        Assert.Equal(["Greet", "Noor"], Order(past, Noor, Greet));
    }

    [Fact]
    public void When_two_bands_last_trained_on_the_same_day_the_one_that_trained_less_often_goes_first()
    {
        var past = new[] { By(Bas, new(2026, 5, 1)), By(Bas, new(2026, 11, 1)), By(Greet, new(2026, 11, 1)) };

        Assert.Equal(["Greet", "Bas"], Order(past, Bas, Greet));
    }

    [Fact]
    public void Within_a_band_the_person_who_trained_least_then_least_recently_then_by_name()
    {
        var Zoe = new PeerTrainer(5, "Zoe", new(2026, 2, 1));
        var Ben = new PeerTrainer(6, "ben", new(2026, 2, 1));
        // Noor trained twice, Anna once (recently), Zoe once (earlier), ben never.
        var past = new[] { By(Noor, new(2026, 6, 1)), By(Noor, new(2026, 7, 1)), By(Anna, new(2026, 10, 1)), By(Zoe, new(2026, 8, 1)) };

        Assert.Equal(["ben", "Zoe", "Anna", "Noor"], Order(past, Noor, Anna, Zoe, Ben));
    }

    [Fact]
    public void Equal_people_are_ordered_by_name_then_id_so_the_order_is_stable()
    {
        var otherAnna = new PeerTrainer(9, "Anna", Anna.HireDate);

        var ids = TrainerRotation.Suggest(Skill, [otherAnna, Anna], [], TenureBands.Default, Today).Select(s => s.Trainer.EmployeeId);

        Assert.Equal([2, 9], ids);
    }

    [Fact]
    public void A_band_with_nobody_in_it_is_skipped_and_trainings_of_other_skills_do_not_count()
    {
        var past = new[] { By(Bas, new(2026, 1, 1)), By(Noor, new(2026, 11, 1), Other) };

        var suggestions = TrainerRotation.Suggest(Skill, [Noor, Bas], past, TenureBands.Default, Today);

        Assert.Equal(["Noor", "Bas"], suggestions.Select(s => s.Trainer.Name));
        Assert.DoesNotContain(suggestions, s => s.Band.FromYears == 5);
        Assert.Equal(0, suggestions[0].Trainings);
        Assert.Null(suggestions[0].LastTrained);
    }

    [Fact]
    public void No_candidates_means_no_suggestions() =>
        Assert.Empty(TrainerRotation.Suggest(Skill, [], [By(Bas, new(2026, 1, 1))], TenureBands.Default, Today));

    [Fact]
    public void A_past_training_counts_for_the_band_the_trainer_was_in_that_day()
    {
        // Bas gave a training in his first year (under 1 year band), so the 1–5 band never trained: it goes first.
        var past = new[] { By(Bas, new(2023, 6, 1)), By(Noor, new(2026, 4, 1)) };

        Assert.Equal(["Bas", "Noor"], Order(past, Noor, Bas));
        Assert.Equal([2, 0, 0, 0], TrainingByBand.For(Skill, past, TenureBands.Default).Bands.Select(b => b.Count));
    }
}

public class TrainingByBandTests
{
    static readonly Guid Skill = Guid.NewGuid();
    static readonly DateOnly Young = new(2026, 1, 1), Senior = new(2010, 1, 1);
    static readonly DateOnly Day = new(2026, 11, 1);

    static IEnumerable<TrainingGiven> Times(int count, DateOnly hired) => Enumerable.Range(0, count).Select(i => new TrainingGiven(i, Skill, Day, hired));

    [Fact]
    public void Exactly_half_by_one_band_is_no_warning()
    {
        var byBand = TrainingByBand.For(Skill, [.. Times(2, Young), .. Times(2, Senior)], TenureBands.Default);

        Assert.Equal(4, byBand.Total);
        Assert.Equal([2, 0, 0, 2], byBand.Bands.Select(b => b.Count));
        Assert.Null(byBand.OverHalf);
        Assert.Null(byBand.Warning);
    }

    [Fact]
    public void Just_over_half_by_one_band_warns_and_names_it()
    {
        var byBand = TrainingByBand.For(Skill, [.. Times(3, Young), .. Times(2, Senior)], TenureBands.Default);

        Assert.Equal("Under 1 year", byBand.OverHalf!.Label);
        Assert.Equal("Under 1 year gave 3 of 5 trainings, more than half: suggest trainers from other bands.", byBand.Warning);
    }

    [Fact]
    public void No_training_yet_lists_every_band_at_zero_without_a_warning()
    {
        var byBand = TrainingByBand.For(Skill, [], TenureBands.Default);

        Assert.Equal(4, byBand.Bands.Count);
        Assert.All(byBand.Bands, b => Assert.Equal(0, b.Count));
        Assert.Null(byBand.Warning);
    }
}

public class TrainingAssignmentAndEventTests
{
    static readonly Guid Skill = Guid.NewGuid();
    static readonly DateOnly Start = new(2026, 11, 2);

    [Fact]
    public void A_peer_trainer_training_someone_else_is_recorded()
    {
        var (assignment, problems) = TrainingAssignment.Record(1, 2, Skill, Start, Start.AddDays(14), peerTrainersForSkill: [1, 3]);

        Assert.Empty(problems);
        Assert.Equal((1, 2, Skill, Start, Start.AddDays(14)), (assignment!.TrainerId, assignment.TraineeId, assignment.SkillKey, assignment.StartsOn, assignment.EndsOn));
    }

    [Fact]
    public void Each_missing_or_wrong_field_gets_its_own_message()
    {
        var (assignment, problems) = TrainingAssignment.Record(null, null, null, null, null, []);

        Assert.Null(assignment);
        Assert.Equal([TrainingAssignment.SkillField, TrainingAssignment.TrainerField, TrainingAssignment.TraineeField, TrainingAssignment.StartField], problems.Select(p => p.Field));
    }

    [Fact]
    public void Not_a_peer_trainer_training_oneself_or_ending_before_the_start_is_refused()
    {
        var (_, notTrainer) = TrainingAssignment.Record(5, 2, Skill, Start, null, [1]);
        var (_, self) = TrainingAssignment.Record(1, 1, Skill, Start, null, [1]);
        var (_, backwards) = TrainingAssignment.Record(1, 2, Skill, Start, Start.AddDays(-1), [1]);

        Assert.Equal(TrainingAssignment.TrainerField, Assert.Single(notTrainer).Field);
        Assert.Equal(TrainingAssignment.TraineeField, Assert.Single(self).Field);
        Assert.Equal(TrainingAssignment.EndField, Assert.Single(backwards).Field);
    }

    [Fact]
    public void A_training_event_keeps_a_trimmed_title_and_drops_duplicates()
    {
        var (made, problems) = TrainingEvent.Record("  Latte art  ", Start, TrainingFormat.Workshop, [Skill, Skill], [7, 8, 7]);

        Assert.Empty(problems);
        Assert.Equal("Latte art", made!.Title);
        Assert.Equal([Skill], made.SkillKeys);
        Assert.Equal([7, 8], made.AttendeeIds);
        Assert.Equal("On the job", TrainingFormat.OnTheJob.Label());
        Assert.Equal("Peer training", TrainingFormat.PeerTraining.Label());
    }

    [Fact]
    public void A_training_event_without_title_date_format_skills_or_attendees_names_each_field()
    {
        var (made, problems) = TrainingEvent.Record("   ", null, (TrainingFormat)99, [Guid.Empty], []);

        Assert.Null(made);
        Assert.Equal([TrainingEvent.TitleField, TrainingEvent.DateField, TrainingEvent.FormatField, TrainingEvent.SkillsField, TrainingEvent.AttendeesField],
            problems.Select(p => p.Field));
    }

    [Fact]
    public void A_title_over_200_characters_is_refused() =>
        Assert.Equal(TrainingEvent.TitleField, Assert.Single(TrainingEvent.Record(new string('x', 201), Start, TrainingFormat.Course, [Skill], [1]).Problems).Field);
}

public class BeforeAfterTests
{
    static readonly Guid Serving = Guid.NewGuid(), Till = Guid.NewGuid();
    static readonly DateOnly EventDay = new(2026, 10, 15);
    const int Ana = 1, Ben = 2, Cas = 3, Dee = 4, Eli = 5;

    static readonly TrainingEvent Workshop = TrainingEvent.Record("Serving at the rush", EventDay, TrainingFormat.Workshop, [Serving], [Ana, Ben, Cas]).Event!;

    static SkillLevel L(int who, int level, int daysFromEvent, Guid? skill = null) => new(who, skill ?? Serving, level, EventDay.AddDays(daysFromEvent));

    [Fact]
    public void Each_attendee_has_the_last_level_before_and_the_first_and_latest_after_with_their_counts()
    {
        var result = BeforeAfter.For(Workshop, [L(Ana, 1, -30), L(Ana, 2, -3), L(Ana, 3, 5), L(Ana, 2, 9), L(Ana, 4, 20)], []);

        var ana = result.Attendees.Single(a => a.EmployeeId == Ana);
        Assert.Equal(new Reading(2, EventDay.AddDays(-3), 2), ana.LastBefore);
        Assert.Equal(new Reading(3, EventDay.AddDays(5), 3), ana.FirstAfter);
        Assert.Equal(new Reading(4, EventDay.AddDays(20), 3), ana.LatestAfter);
        Assert.Equal((1, 2), (ana.FirstChange!.Value, ana.LatestChange!.Value));
    }

    [Fact]
    public void Observations_on_the_event_day_count_on_neither_side()
    {
        var result = BeforeAfter.For(Workshop, [L(Ana, 1, -1), L(Ana, 4, 0), L(Ana, 2, 1)], []);

        var ana = result.Attendees.Single(a => a.EmployeeId == Ana);
        Assert.Equal(1, ana.LastBefore!.Level);
        Assert.Equal(2, ana.FirstAfter!.Level);
        Assert.Equal(1, ana.OnEventDay);
    }

    [Fact]
    public void Someone_seen_only_on_the_event_day_is_listed_as_not_observed_after()
    {
        var result = BeforeAfter.For(Workshop, [L(Ben, 2, -5), L(Ben, 3, 0)], []);

        Assert.Contains(result.NotObservedAfter, a => a.EmployeeId == Ben);
    }

    [Fact]
    public void People_not_observed_after_the_event_are_listed_and_left_out_of_the_group_numbers()
    {
        // Ana 1→3 (improved), Ben 2→2 (stayed), Cas seen only before.
        var result = BeforeAfter.For(Workshop, [L(Ana, 1, -2), L(Ana, 3, 4), L(Ben, 2, -2), L(Ben, 2, 3), L(Ben, 4, 30), L(Cas, 3, -1)], []);

        Assert.Equal([Ana, Ben, Cas], result.Attendees.Select(a => a.EmployeeId));
        Assert.Equal([Cas], result.NotObservedAfter.Select(a => a.EmployeeId));
        var group = Assert.Single(result.Skills).Trained;
        Assert.Equal(new GroupChange(2, 1.0, 2.0, 1, 1, 0), group);
    }

    [Fact]
    public void Someone_never_observed_before_is_listed_and_has_no_change()
    {
        var result = BeforeAfter.For(Workshop, [L(Ana, 3, 4)], []);

        var ana = result.Attendees.Single(a => a.EmployeeId == Ana);
        Assert.Null(ana.FirstChange);
        Assert.Contains(ana, result.NotObservedBefore);
        Assert.Equal(0, result.Skills[0].Trained.People);
        Assert.Null(result.Skills[0].Trained.MeanFirstChange);
    }

    [Fact]
    public void The_comparison_group_is_read_over_the_same_window_and_attendees_are_never_in_it()
    {
        // Dee 3→2 (dropped), Eli 2→2 (stayed); Ana passed by mistake is ignored; a level on the event day counts for neither side.
        var comparison = new[] { L(Dee, 3, -10), L(Dee, 4, 0), L(Dee, 2, 6), L(Eli, 2, -1), L(Eli, 2, 2), L(Eli, 3, 12), L(Ana, 1, -1), L(Ana, 4, 1) };

        var result = BeforeAfter.For(Workshop, [L(Ana, 1, -2), L(Ana, 3, 4)], comparison);

        var skill = Assert.Single(result.Skills);
        Assert.Equal(new GroupChange(2, -0.5, 0.0, 0, 1, 1), skill.Comparison);
        Assert.Equal(new GroupChange(1, 2.0, 2.0, 1, 0, 0), skill.Trained);
    }

    [Fact]
    public void No_comparison_group_when_nobody_in_it_was_seen_both_before_and_after()
    {
        var result = BeforeAfter.For(Workshop, [L(Ana, 1, -2), L(Ana, 3, 4)], [L(Dee, 2, -3)]);

        Assert.Null(result.Skills[0].Comparison);
    }

    [Fact]
    public void Only_the_trained_skills_count_each_listed_per_attendee()
    {
        var twoSkills = TrainingEvent.Record("Service day", EventDay, TrainingFormat.Course, [Serving, Till], [Ana]).Event!;

        var result = BeforeAfter.For(twoSkills, [L(Ana, 1, -2, Till), L(Ana, 2, 2, Till), L(Ana, 1, -2, Guid.NewGuid()), L(Ana, 4, 2, Guid.NewGuid())], []);

        Assert.Equal([Serving, Till], result.Attendees.Select(a => a.SkillKey));
        Assert.Equal(1, result.Attendees.Single(a => a.SkillKey == Till).FirstChange);
        Assert.Contains(result.NotObservedAfter, a => a.SkillKey == Serving);
    }

    [Fact]
    public void An_observation_late_in_the_evening_utc_falls_on_the_organisations_next_day()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

        var level = SkillLevel.At(Ana, Serving, 3, new DateTime(2026, 10, 14, 22, 30, 0, DateTimeKind.Utc), zone);

        Assert.Equal(EventDay, level.ObservedOn);
    }
}
