using Coaching.Domain.Observations;

namespace Coaching.Tests.Domain;

public class ObservationRulesTests
{
    static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_author_may_amend_for_24_hours_after_submitting_and_nobody_else_may()
    {
        var o = new Observation { ObserverUserId = "maya", Status = ObservationStatus.Submitted, SubmittedAtUtc = Now.AddHours(-23) };
        Assert.True(ObservationRules.CanEdit(o, "maya", Now));
        Assert.False(ObservationRules.CanEdit(o, "daniel", Now));
        Assert.False(ObservationRules.CanEdit(o, "maya", Now.AddHours(2)));
    }

    [Fact]
    public void An_observation_time_in_the_future_is_refused_but_clock_skew_is_forgiven()
    {
        Assert.NotNull(ObservationRules.ObservedAtProblem(Now.AddHours(1), Now));
        Assert.Null(ObservationRules.ObservedAtProblem(Now.AddMinutes(2), Now));
    }

    [Fact]
    public void Notes_over_4000_characters_are_refused() =>
        Assert.Contains("4,000", ObservationRules.NoteProblem(new string('x', 4001)));

    [Theory]
    [InlineData(null, true)]
    [InlineData(15, true)]
    [InlineData(14, false)]
    public void People_not_observed_for_over_14_days_are_due(int? days, bool due) =>
        Assert.Equal(due, ObservationRules.IsDueForObservation(days));

    [Fact]
    public void The_gap_is_what_remains_to_the_required_level()
    {
        Assert.Equal(2, SkillGap.For(Guid.Empty, "x", 1, 3).Gap);
        Assert.Equal(0, SkillGap.For(Guid.Empty, "x", 4, 3).Gap);
        Assert.True(SkillGap.For(Guid.Empty, "x", null, 3).IsNeverRated);
    }
}
