using Coaching.Domain.Observations;

namespace Coaching.Tests.Domain;

public class ObservationTests
{
    static readonly DateTime Observed = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);
    static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    static Observation Draft(params int?[] levels) => new()
    {
        EmployeeId = 7,
        ObserverUserId = "maya",
        ObservedAtUtc = Observed,
        Status = ObservationStatus.Draft,
        Ratings = levels.Select(l => new Rating { Level = l }).ToList(),
    };

    [Fact]
    public void Submitting_a_draft_stamps_the_time_and_makes_its_ratings_count()
    {
        var o = Draft(2, 3);
        o.Submit(Now);

        Assert.True(o.IsSubmitted);
        Assert.Equal(Now, o.SubmittedAtUtc);
        Assert.Equal(Now, o.UpdatedAtUtc);
        Assert.All(o.Ratings, r => Assert.Equal((7, "maya", Observed, true), (r.EmployeeId, r.ObserverUserId, r.ObservedAtUtc, r.IsSubmitted)));
    }

    [Fact]
    public void Submitting_twice_keeps_the_first_submission_time()
    {
        var o = Draft(2);
        o.Submit(Now);
        o.Submit(Now.AddHours(3));

        Assert.Equal(Now, o.SubmittedAtUtc);
        Assert.Equal(Now, o.UpdatedAtUtc);
    }

    [Fact]
    public void A_drafts_ratings_carry_who_whom_and_when_but_do_not_count_yet()
    {
        var o = Draft(1, null);
        o.Ratings[0].IsSubmitted = true; // stale copy from before: the sync corrects it
        o.SyncRatings();

        Assert.All(o.Ratings, r => Assert.Equal((7, "maya", Observed, false), (r.EmployeeId, r.ObserverUserId, r.ObservedAtUtc, r.IsSubmitted)));
    }

    [Fact]
    public void Moving_an_observation_to_another_time_moves_its_ratings_on_the_next_sync()
    {
        var o = Draft(2);
        o.Submit(Now);
        o.ObservedAtUtc = Observed.AddDays(-1);
        o.EmployeeId = 8;
        o.SyncRatings();

        Assert.Equal((8, Observed.AddDays(-1)), (o.Ratings[0].EmployeeId, o.Ratings[0].ObservedAtUtc));
    }

    [Theory]
    [InlineData("2026-11-22", false, true)]
    [InlineData("2026-11-23", false, false)]
    [InlineData("2026-11-24", false, false)]
    [InlineData("2026-11-22", true, false)]
    [InlineData(null, false, false)]
    public void A_next_step_is_overdue_when_its_due_day_has_passed_and_it_is_not_done(string? due, bool done, bool overdue)
    {
        var item = new ActionItem { Text = "Use the checklist", DueDate = due is null ? null : DateOnly.Parse(due), IsDone = done };
        Assert.Equal(overdue, item.IsOverdue(new DateOnly(2026, 11, 23)));
    }

    [Theory]
    [InlineData(DevelopmentTrack.CrossTraining, "Cross-training")]
    [InlineData(DevelopmentTrack.Upskilling, "Upskilling")]
    [InlineData(DevelopmentTrack.Newskilling, "Newskilling")]
    public void A_development_track_reads_as_people_write_it(DevelopmentTrack track, string label) =>
        Assert.Equal(label, track.Label());

    [Fact]
    public void A_skills_progress_is_its_ratings_in_time_order_with_the_change_from_the_previous_one()
    {
        var key = Guid.NewGuid();
        var other = Guid.NewGuid();
        var progress = SkillProgress.From(
        [
            new RatedLevel(key, 3, Observed),
            new RatedLevel(other, 1, Observed),
            new RatedLevel(key, 1, Observed.AddDays(-20)),
            new RatedLevel(key, 2, Observed.AddDays(-10)),
        ]);

        var skill = progress[key];
        Assert.Equal([1, 2, 3], skill.History.Select(h => h.Level));
        Assert.Equal((3, 2, 1), (skill.Latest, skill.Previous, skill.Change));
        Assert.Equal((1, (int?)null, (int?)null), (progress[other].Latest, progress[other].Previous, progress[other].Change));
        var two = SkillProgress.From([new RatedLevel(key, 2, Observed.AddDays(-7)), new RatedLevel(key, 4, Observed)])[key];
        Assert.Equal((4, 2, 2), (two.Latest, two.Previous, two.Change));
        var none = new SkillProgress(key, []);
        Assert.Null(none.Latest);
        Assert.Null(none.Previous);
    }

    [Fact]
    public void A_gap_is_below_required_only_while_levels_remain_and_unknown_without_a_rating_or_requirement()
    {
        Assert.True(SkillGap.For(Guid.Empty, "Greeting", 2, 3).IsBelowRequired);
        Assert.False(SkillGap.For(Guid.Empty, "Greeting", 3, 3).IsBelowRequired);
        Assert.Equal(0, SkillGap.For(Guid.Empty, "Greeting", 3, 3).Gap);
        Assert.Null(SkillGap.For(Guid.Empty, "Greeting", 3, null).Gap);
        Assert.Null(SkillGap.For(Guid.Empty, "Greeting", null, 3).Gap);
        Assert.False(SkillGap.For(Guid.Empty, "Greeting", 1, null).IsNeverRated);
    }
}
