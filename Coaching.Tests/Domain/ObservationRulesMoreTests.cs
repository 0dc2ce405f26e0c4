using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;

namespace Coaching.Tests.Domain;

public class ObservationRulesMoreTests
{
    static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void A_note_of_exactly_4000_characters_is_fine_and_the_message_names_the_field_and_the_length()
    {
        Assert.Null(ObservationRules.NoteProblem(new string('x', 4000)));
        Assert.Null(ObservationRules.NoteProblem(null));
        Assert.Equal("Next steps are at most 4,000 characters (this has 4,001).", ObservationRules.NoteProblem(new string('x', 4001), "Next steps"));
    }

    [Fact]
    public void The_observation_time_may_be_up_to_five_minutes_ahead_and_up_to_a_year_back()
    {
        Assert.Null(ObservationRules.ObservedAtProblem(Now.AddMinutes(5), Now));
        Assert.Equal("The observation time is in the future.", ObservationRules.ObservedAtProblem(Now.AddMinutes(5).AddSeconds(1), Now));
        Assert.Null(ObservationRules.ObservedAtProblem(Now.AddYears(-1), Now));
        Assert.Equal("The observation time is more than a year ago.", ObservationRules.ObservedAtProblem(Now.AddYears(-1).AddSeconds(-1), Now));
    }

    [Fact]
    public void A_draft_is_editable_by_its_author_at_any_time_and_a_submission_for_exactly_24_hours()
    {
        var draft = new Observation { ObserverUserId = "maya", Status = ObservationStatus.Draft };
        Assert.True(ObservationRules.CanEdit(draft, "maya", Now.AddYears(1)));
        Assert.False(ObservationRules.CanEdit(draft, "daniel", Now));
        var submitted = new Observation { ObserverUserId = "maya", Status = ObservationStatus.Submitted, SubmittedAtUtc = Now };
        Assert.True(ObservationRules.CanEdit(submitted, "maya", Now.AddHours(24)));
        Assert.False(ObservationRules.CanEdit(submitted, "maya", Now.AddHours(24).AddSeconds(1)));
        Assert.False(ObservationRules.CanEdit(new Observation { ObserverUserId = "maya", Status = ObservationStatus.Submitted }, "maya", Now));
    }

    [Fact]
    public void A_due_date_too_far_ahead_says_by_when()
    {
        Assert.Equal("Choose a due date within 2 years (by 25 Nov 2028).", ObservationRules.DueDateProblem(new DateOnly(2028, 11, 26), Today));
        Assert.Null(ObservationRules.DueDateProblem(new DateOnly(2028, 11, 25), Today));
        Assert.Null(ObservationRules.DueDateProblem(Today, Today));
        Assert.Equal("The due date is in the past; choose 25 Nov 2026 or later.", ObservationRules.DueDateProblem(Today.AddDays(-1), Today, stored: Today));
        Assert.Null(ObservationRules.DueDateProblem(new DateOnly(9999, 12, 31), Today, stored: new DateOnly(9999, 12, 31)));
    }

    [Fact]
    public void Fourteen_days_without_an_observation_is_not_yet_due() =>
        Assert.False(ObservationRules.IsDueForObservation(0));

    [Fact]
    public void A_next_step_of_a_draft_or_of_no_observation_cannot_be_marked_done()
    {
        Assert.False(ObservationRules.CanMarkDone(new ActionItem { Text = "x" }));
        Assert.False(ObservationRules.CanMarkDone(new ActionItem { Text = "x", Observation = new Observation { ObserverUserId = "m" } }));
        Assert.True(ObservationRules.CanMarkDone(new ActionItem { Text = "x", Observation = new Observation { ObserverUserId = "m", Status = ObservationStatus.Submitted } }));
    }

    [Fact]
    public void Another_rubrics_published_version_may_not_start_an_observation()
    {
        var current = new RubricVersion { Id = 5, RubricId = 1, Status = RubricVersionStatus.Published };
        Assert.True(ObservationRules.MayStartWith(current, current));
        Assert.False(ObservationRules.MayStartWith(new RubricVersion { Id = 9, RubricId = 2, Status = RubricVersionStatus.Published }, current));
        Assert.True(ObservationRules.MayStartWith(new RubricVersion { Id = 4, RubricId = 1, Status = RubricVersionStatus.Superseded }, current));
        Assert.False(ObservationRules.MayStartWith(new RubricVersion { Id = 6, RubricId = 1, Status = RubricVersionStatus.Draft }, current));
    }

    [Theory]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("\u0085", "U+0085")]
    [InlineData("\u000B", "U+000B")]
    public void Every_control_character_but_tab_and_line_breaks_is_refused(string text, string named) =>
        Assert.Equal($"This contains a hidden control character ({named}) that cannot be stored; remove it or type the text again.",
            ObservationRules.ControlCharacterProblem(text));

    [Theory]
    [InlineData("Zoë", "ZOE", true)]
    [InlineData("Łukasiewicz", "lukas", true)]
    [InlineData("Søren Østergaard", "soren oster", true)]
    [InlineData("Đorđe", "djordje", false)]
    [InlineData("Đorđe", "dord", true)]
    [InlineData("Ħamrun", "hamrun", true)]
    [InlineData("Ŧest", "test", true)]
    [InlineData("Yıldız", "yildiz", true)]
    [InlineData("Weiß", "weiss", true)]
    [InlineData("Æsa", "aesa", true)]
    [InlineData("Œuvre", "oeuvre", true)]
    [InlineData("Þór", "thor", true)]
    [InlineData("Aðalsteinn", "adal", true)]
    [InlineData("Ana Ruiz", "  ", true)]
    [InlineData("Ana Ruiz", " ruiz ", true)]
    [InlineData("Ana Ruiz", "bo", false)]
    public void A_typed_name_finds_a_person_whatever_the_case_and_accents(string name, string typed, bool found) =>
        Assert.Equal(found, NameSearch.Matches(name, typed));

    [Fact]
    public void Folding_lowers_case_and_drops_accents_and_outer_spaces() =>
        Assert.Equal("zoe lukasiewicz", NameSearch.Fold("  Zoë Łukasiewicz "));

    [Theory]
    [InlineData("2026-11-24", "2026-11-25", "1 day")]
    [InlineData("2026-11-12", "2026-11-25", "13 days")]
    [InlineData("2026-11-11", "2026-11-25", "2 weeks")]
    [InlineData("2026-09-27", "2026-11-25", "8 weeks")]
    [InlineData("2026-09-26", "2026-11-25", "1 month")]
    [InlineData("2025-10-25", "2026-11-25", "1 year 1 month")]
    [InlineData("2024-10-25", "2026-11-25", "2 years 1 month")]
    [InlineData("2023-09-25", "2026-11-25", "3 years 2 months")]
    [InlineData("2024-11-25", "2026-11-25", "2 years")]
    [InlineData("2026-11-25", "2026-11-25", "0 days")]
    public void Tenure_counts_days_then_weeks_then_months_then_years(string hired, string today, string expected) =>
        Assert.Equal(expected, Tenure.Between(DateOnly.Parse(hired), DateOnly.Parse(today)).ToString());

    [Fact]
    public void Tenure_counts_a_month_only_when_its_day_has_come()
    {
        var t = Tenure.Between(new DateOnly(2025, 1, 31), new DateOnly(2026, 3, 30));
        Assert.Equal((1, 1, 30, 423), (t.Years, t.Months, t.Days, t.TotalDays)); // counted from 28 February, the last monthly anniversary
        var exact = Tenure.Between(new DateOnly(2025, 3, 15), new DateOnly(2026, 5, 15));
        Assert.Equal((1, 2, 0), (exact.Years, exact.Months, exact.Days));
        Assert.Equal(new Tenure(0, 0, 0), Tenure.Between(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 25)));
    }
}
