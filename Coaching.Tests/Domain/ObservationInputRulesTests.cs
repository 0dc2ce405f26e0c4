using Coaching.Domain.Observations;
using Coaching.Domain.Rubrics;

namespace Coaching.Tests.Domain;

public class ObservationInputRulesTests
{
    static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("2026-11-25", true)]
    [InlineData("2028-11-25", true)]
    [InlineData("2026-11-24", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("2028-11-26", false)]
    public void A_next_step_is_due_from_today_to_two_years_ahead(string due, bool accepted) =>
        Assert.Equal(accepted, ObservationRules.DueDateProblem(DateOnly.Parse(due), Today) is null);

    [Fact]
    public void A_due_date_already_stored_is_not_judged_again_when_the_observation_is_amended() =>
        Assert.Null(ObservationRules.DueDateProblem(Today.AddDays(-1), Today, stored: Today.AddDays(-1)));

    [Fact]
    public void A_past_due_date_says_which_day_is_the_earliest() =>
        Assert.Equal("The due date is in the past; choose 25 Nov 2026 or later.", ObservationRules.DueDateProblem(new DateOnly(1, 1, 1), Today));

    [Theory]
    [InlineData("ok\0then", "U+0000")]
    [InlineData("bell\u0007", "U+0007")]
    [InlineData("esc\u001b[31m", "U+001B")]
    public void Control_characters_are_refused_with_the_character_named(string text, string named) =>
        Assert.Contains(named, ObservationRules.ControlCharacterProblem(text));

    [Theory]
    [InlineData("Line one\nline two\r\n\tindented")]
    [InlineData("Zoë Łukasiewicz, 東京, مرحبا")]
    [InlineData(null)]
    public void Line_breaks_tabs_and_every_script_are_ordinary_text(string? text) =>
        Assert.Null(ObservationRules.ControlCharacterProblem(text));

    [Fact]
    public void Only_the_roles_rubric_may_start_an_observation_its_current_or_an_older_published_version()
    {
        var current = new RubricVersion { Id = 12, RubricId = 1, Number = 3, Status = RubricVersionStatus.Published };
        var older = new RubricVersion { Id = 11, RubricId = 1, Number = 2, Status = RubricVersionStatus.Superseded };
        var draft = new RubricVersion { Id = 13, RubricId = 1, Number = 4, Status = RubricVersionStatus.Draft };
        var otherRubric = new RubricVersion { Id = 20, RubricId = 2, Number = 1, Status = RubricVersionStatus.Published };

        Assert.True(ObservationRules.MayStartWith(current, current));
        Assert.True(ObservationRules.MayStartWith(older, current));
        Assert.False(ObservationRules.MayStartWith(draft, current));
        Assert.False(ObservationRules.MayStartWith(otherRubric, current));
    }

    [Fact]
    public void A_next_step_can_be_marked_done_only_once_its_observation_is_submitted()
    {
        ActionItem Step(ObservationStatus status) => new() { Text = "x", Observation = new Observation { ObserverUserId = "maya", Status = status } };
        Assert.True(ObservationRules.CanMarkDone(Step(ObservationStatus.Submitted)));
        Assert.False(ObservationRules.CanMarkDone(Step(ObservationStatus.Draft)));
        Assert.False(ObservationRules.CanMarkDone(new ActionItem { Text = "no observation loaded" }));
    }
}
