using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using static Coaching.Domain.Summaries.SummarySource;

namespace Coaching.Tests.Domain;

public class WeeklySummaryRulesTests
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    static readonly IsoWeek Week = new(2026, 47); // Monday 16 – Sunday 22 November 2026
    static readonly Guid Till = Guid.NewGuid(), Greeting = Guid.NewGuid();
    static readonly DateTime Wednesday = new(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc);

    static SummarySource Source(IReadOnlyList<ObservationRecord> observations, IReadOnlyList<ActionRecord>? actions = null,
        IReadOnlyDictionary<int, string>? levelNames = null) =>
        new("Zoë Łukasiewicz", "Cashier", [new(Till, "Till accuracy", 3), new(Greeting, "Greeting", 2)], observations, actions ?? [], levelNames);

    static ObservationRecord Seen(DateTime atUtc, string? context, string? wentWell, string? nextSteps, params (Guid Key, string Name, int? Level)[] ratings) =>
        new("Maya Okafor", atUtc, context, wentWell, nextSteps, ratings.Select(r => new RatingRecord(r.Key, r.Name, r.Level)).ToList());

    static WeeklySummary.SkillProgress Skill(int? level, int? previous, int? required = 3, bool observed = true) =>
        new("Greeting", level, previous, required, observed, null);

    static WeeklySummary Summary(params WeeklySummary.SkillProgress[] skills) =>
        new("Zoë", "Cashier", Week, [new("Maya", Wednesday, null)], skills, [], [], [], [], 4);

    [Fact]
    public void The_summary_carries_what_went_well_and_the_next_steps_of_the_weeks_observations_trimmed_and_blank_ones_left_out()
    {
        var summary = SummaryComposition.Compose(Source(
        [
            Seen(Wednesday, "  ", "  Calm with a long queue. ", " Use the checklist.\n", (Till, "Till accuracy", 2)),
            Seen(Wednesday.AddDays(1), "Evening", " ", null),
            Seen(Wednesday.AddDays(-10), "Before", "Earlier praise", "Earlier step"),
        ]), Week, London);

        var wentWell = Assert.Single(summary.WentWell);
        Assert.Equal(("Calm with a long queue.", new DateTime(2026, 11, 18, 9, 0, 0), "Maya Okafor"), (wentWell.Text, wentWell.ObservedAtLocal, wentWell.ObserverName));
        var nextStep = Assert.Single(summary.NextSteps);
        Assert.Equal("Use the checklist.", nextStep.Text);
        Assert.Equal([null, "Evening"], summary.Observations.Select(o => o.Context));
    }

    [Fact]
    public void Each_rating_is_named_by_its_own_rubric_version_and_the_summarys_names_only_stand_in_for_one_without_a_name()
    {
        Dictionary<int, string> current = new() { [2] = "Renamed two", [3] = "Renamed three" };
        ObservationRecord Rated(DateTime at, Guid key, string name, int level, string? levelName) =>
            new("Maya Okafor", at, null, null, null, [new RatingRecord(key, name, level, levelName)]);

        var summary = SummaryComposition.Compose(Source(
        [
            Rated(Wednesday.AddDays(-7), Till, "Till accuracy", 2, "Developing"),
            Rated(Wednesday, Till, "Till accuracy", 3, "Proficient"),
            Rated(Wednesday, Greeting, "Greeting", 3, null),
        ], levelNames: current), Week, London);

        var till = summary.Skills.Single(k => k.SkillName == "Till accuracy");
        Assert.Equal(("Proficient", "Developing"), (till.LevelName, till.PreviousLevelName));
        Assert.Equal("Renamed three", summary.Skills.Single(k => k.SkillName == "Greeting").LevelName);
    }

    [Fact]
    public void A_skill_not_rated_in_the_week_keeps_its_level_and_a_not_seen_rating_carries_none()
    {
        var summary = SummaryComposition.Compose(Source(
        [
            Seen(Wednesday.AddDays(-10), null, null, null, (Greeting, "Greeting", 2)),
            Seen(Wednesday, null, null, null, (Greeting, "Greeting", null), (Till, "Till accuracy", 3)),
        ]), Week, London);

        var greeting = summary.Skills.Single(s => s.SkillName == "Greeting");
        Assert.Equal((2, 2, false, (int?)null), (greeting.Level, greeting.PreviousLevel, greeting.ObservedThisWeek, greeting.Change));
        Assert.True(greeting.MeetsRequirement);
        // Observed this week first.
        Assert.Equal(["Till accuracy", "Greeting"], summary.Skills.Select(s => s.SkillName));
        Assert.Null(summary.Skills[0].LevelName); // the rubric names no levels
        Assert.Equal("level 3", summary.LevelName(3));
    }

    [Fact]
    public void A_renamed_skill_shows_the_name_it_had_when_last_rated()
    {
        var summary = SummaryComposition.Compose(Source(
        [
            Seen(Wednesday.AddDays(-10), null, null, null, (Greeting, "Greeting", 1)),
            Seen(Wednesday, null, null, null, (Greeting, "Greeting customers", 2)),
        ]), Week, London);
        Assert.Contains(summary.Skills, s => s.SkillName == "Greeting customers");
        Assert.Equal(["Till accuracy"], summary.NeverObservedSkills);
    }

    [Fact]
    public void A_next_step_is_open_until_done_overdue_only_when_due_before_the_weeks_Sunday_and_listed_by_due_date()
    {
        var created = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var summary = SummaryComposition.Compose(Source([],
        [
            new("b: no date", null, false, created),
            new("due on Sunday", new DateOnly(2026, 11, 22), false, created),
            new("a: no date", null, false, created),
            new("due Saturday", new DateOnly(2026, 11, 21), false, created),
            new("agreed at the very end of the week", null, false, new DateTime(2026, 11, 22, 23, 59, 0, DateTimeKind.Utc)),
            new("agreed just after", null, false, new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc)),
        ]), Week, London);

        Assert.Equal(["due Saturday", "due on Sunday", "a: no date", "agreed at the very end of the week", "b: no date"], summary.OpenActions.Select(a => a.Text));
        Assert.Equal([true, false, false, false, false], summary.OpenActions.Select(a => a.IsOverdue));
    }

    [Fact]
    public void Nothing_after_the_week_counts_so_a_late_resend_tells_the_same_story()
    {
        var summary = SummaryComposition.Compose(Source(
        [
            Seen(new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc), null, "Later", "Later", (Till, "Till accuracy", 4)),
            Seen(new DateTime(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc), null, "Monday midnight", null, (Till, "Till accuracy", 1)),
        ]), Week, London);
        Assert.Equal(["Monday midnight"], summary.WentWell.Select(n => n.Text));
        Assert.Equal(1, summary.Skills.Single(s => s.SkillName == "Till accuracy").Level);
    }

    [Fact]
    public void A_level_meets_the_requirement_at_or_above_it_and_any_level_meets_no_requirement()
    {
        Assert.True(Skill(3, 2).MeetsRequirement);
        Assert.True(Skill(4, 2).MeetsRequirement);
        Assert.False(Skill(2, 2).MeetsRequirement);
        Assert.False(Skill(null, null).MeetsRequirement);
        Assert.True(Skill(1, null, required: null).MeetsRequirement);
    }

    [Fact]
    public void The_first_rating_is_news_only_in_the_week_it_was_made()
    {
        Assert.True(Skill(2, null).FirstRatedThisWeek);
        Assert.False(Skill(2, null, observed: false).FirstRatedThisWeek);
        Assert.False(Skill(2, 1).FirstRatedThisWeek);
        Assert.False(Skill(null, null).FirstRatedThisWeek);
        Assert.Null(Skill(2, null).Change);
        Assert.Null(Skill(3, 1, observed: false).Change);
        Assert.Equal(-1, Skill(1, 2).Change);
    }

    [Fact]
    public void The_headline_counts_one_skill_and_several_and_starts_with_whatever_moved()
    {
        Assert.Equal("This week: 1 skill up (Greeting +2).", Summary(Skill(3, 1)).Headline);
        Assert.Equal("This week: 2 skills down (Greeting \u22121, Greeting \u22122).", Summary(Skill(2, 3), Skill(1, 3)).Headline);
        Assert.Equal("This week: 1 skill down (Greeting \u22121), 1 rated for the first time.", Summary(Skill(2, 3), Skill(2, null)).Headline);
        Assert.Equal("This week: 2 skills rated for the first time.", Summary(Skill(2, null), Skill(1, null)).Headline);
        Assert.Equal("This week: no skill changed level.", Summary(Skill(2, 2), Skill(3, 1, observed: false)).Headline);
    }

    [Theory]
    [InlineData(2, "+2")]
    [InlineData(1, "+1")]
    [InlineData(-1, "\u22121")]
    [InlineData(0, "0")]
    public void A_change_is_signed_with_a_real_minus(int change, string text) => Assert.Equal(text, WeeklySummary.Signed(change));

    [Fact]
    public void A_week_over_two_months_or_two_years_names_both()
    {
        Assert.Equal("30 November–6 December 2026", (Summary() with { Week = new IsoWeek(2026, 49) }).WeekDates);
        Assert.Equal("28 December 2026–3 January 2027", (Summary() with { Week = new IsoWeek(2026, 53) }).WeekDates);
    }

    [Fact]
    public void An_observed_week_is_sent_under_every_policy()
    {
        var observed = Summary(Skill(3, 1));
        Assert.True(observed.HasAnythingToSay);
        Assert.True(observed.ShouldSend(QuietWeekPolicy.OnlyObservedWeeks));
        Assert.True(observed.ShouldSend(QuietWeekPolicy.SendWhenAnythingToSay));
        var quiet = observed with { Observations = [] };
        Assert.False(quiet.ShouldSend(QuietWeekPolicy.OnlyObservedWeeks));
        Assert.True(quiet.ShouldSend(QuietWeekPolicy.AlwaysSend));
        Assert.False(quiet.HasAnythingToSay);
    }

    [Fact]
    public void A_deliverys_week_is_read_from_its_stored_text() =>
        Assert.Equal(new IsoWeek(2026, 47), new SummaryDelivery { Week = "2026-W47" }.IsoWeek);
}
