using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using static Coaching.Domain.Summaries.SummarySource;

namespace Coaching.Tests.Summaries;

public class SummaryCompositionTests
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    static readonly IsoWeek Week = new(2026, 47); // Monday 16 – Sunday 22 November 2026
    static readonly Guid Till = Guid.NewGuid(), Greeting = Guid.NewGuid(), Refunds = Guid.NewGuid(), Extra = Guid.NewGuid();

    static SummarySource Source(IReadOnlyList<ObservationRecord> observations, IReadOnlyList<ActionRecord>? actions = null) => new(
        "Zoë Łukasiewicz", "Cashier",
        [new(Till, "Till accuracy", 3), new(Greeting, "Greeting", 3), new(Refunds, "Refunds", 2)],
        observations, actions ?? [], new Dictionary<int, string> { [1] = "Beginning", [2] = "Developing", [3] = "Proficient", [4] = "Expert" });

    static ObservationRecord Seen(DateTime atUtc, params (Guid Key, string Name, int? Level)[] ratings) =>
        new("Maya Okafor", atUtc, "Morning peak", "Calm with a long queue.", "Use the checklist.", ratings.Select(r => new RatingRecord(r.Key, r.Name, r.Level)).ToList());

    [Fact]
    public void Latest_level_change_and_requirement_per_skill()
    {
        var summary = SummaryComposition.Compose(Source(
        [
            Seen(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), (Till, "Till accuracy", 1), (Greeting, "Greeting", 3)),
            Seen(new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc), (Till, "Till accuracy", 3), (Extra, "Click and collect", 2)),
            // After the week: must not leak into it.
            Seen(new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), (Till, "Till accuracy", 4)),
        ]), Week, London);

        var till = summary.Skills.Single(s => s.SkillName == "Till accuracy");
        Assert.Equal((3, 1, 3, 2, true, "Proficient"), (till.Level, till.PreviousLevel, till.RequiredLevel, till.Change, till.ObservedThisWeek, till.LevelName));
        var greeting = summary.Skills.Single(s => s.SkillName == "Greeting");
        Assert.Equal((3, null, false), (greeting.Level, greeting.Change, greeting.ObservedThisWeek));
        var extra = summary.Skills.Single(s => s.SkillName == "Click and collect");
        Assert.Null(extra.RequiredLevel);
        Assert.Equal(["Refunds"], summary.NeverObservedSkills);
        Assert.Single(summary.Observations);
        Assert.Equal("Maya Okafor", summary.Observations[0].ObserverName);
        Assert.True(summary.Skills[0].ObservedThisWeek && summary.Skills[1].ObservedThisWeek);
    }

    [Fact]
    public void Week_boundaries_follow_the_organisation_time_zone()
    {
        // 23:30 UTC on Sunday 15 November is still Sunday in London (GMT): the week before.
        // 23:30 UTC on Sunday 22 November is Sunday too: inside week 47.
        var summary = SummaryComposition.Compose(Source(
        [
            Seen(new DateTime(2026, 11, 15, 23, 30, 0, DateTimeKind.Utc), (Till, "Till accuracy", 2)),
            Seen(new DateTime(2026, 11, 22, 23, 30, 0, DateTimeKind.Utc), (Till, "Till accuracy", 3)),
        ]), Week, London);
        Assert.Single(summary.Observations);
        Assert.Equal(new DateTime(2026, 11, 22, 23, 30, 0), summary.Observations[0].ObservedAtLocal);
        Assert.Equal(1, summary.Skills.Single(s => s.SkillName == "Till accuracy").Change);
    }

    [Fact]
    public void This_weeks_change_is_against_the_level_before_the_week_and_one_rule_makes_the_headline()
    {
        var summary = SummaryComposition.Compose(Source(
        [
            Seen(new DateTime(2026, 11, 4, 9, 0, 0, DateTimeKind.Utc), (Greeting, "Greeting", 1), (Refunds, "Refunds", 1), (Till, "Till accuracy", 3)),
            // Two ratings in the week: the week's change runs from the level before Monday to the last one.
            Seen(new DateTime(2026, 11, 17, 9, 0, 0, DateTimeKind.Utc), (Refunds, "Refunds", 2), (Till, "Till accuracy", 2)),
            Seen(new DateTime(2026, 11, 19, 9, 0, 0, DateTimeKind.Utc), (Greeting, "Greeting", 2), (Refunds, "Refunds", 3), (Extra, "Click and collect", 2)),
        ]), Week, London);

        Assert.Equal(["Greeting", "Refunds"], summary.ThisWeek.Up.Select(k => k.SkillName)); // in the role's order
        Assert.Equal(["Till accuracy"], summary.ThisWeek.Down.Select(k => k.SkillName));
        Assert.Equal(["Click and collect"], summary.ThisWeek.FirstRated.Select(k => k.SkillName));
        Assert.Equal(2, summary.Skills.Single(k => k.SkillName == "Refunds").Change);
        Assert.Equal("This week: 2 skills up (Greeting +1, Refunds +2), 1 down (Till accuracy \u22121), 1 rated for the first time.", summary.Headline);
    }

    [Fact]
    public void A_change_from_an_earlier_week_is_not_this_weeks_news()
    {
        var summary = SummaryComposition.Compose(Source(
        [
            Seen(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), (Greeting, "Greeting", 1)),
            Seen(new DateTime(2026, 11, 9, 9, 0, 0, DateTimeKind.Utc), (Greeting, "Greeting", 3)), // up two, the week before
            Seen(new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc), (Till, "Till accuracy", 2)),
        ]), Week, London);

        var greeting = summary.Skills.Single(k => k.SkillName == "Greeting");
        Assert.Equal((3, 3, (int?)null, false), (greeting.Level, greeting.PreviousLevel, greeting.Change, greeting.ObservedThisWeek));
        Assert.Empty(summary.ThisWeek.Up);
        Assert.Equal("This week: 1 skill rated for the first time.", summary.Headline);
    }

    [Fact]
    public void A_week_without_a_change_or_an_observation_says_so()
    {
        var same = SummaryComposition.Compose(Source(
        [
            Seen(new DateTime(2026, 11, 4, 9, 0, 0, DateTimeKind.Utc), (Till, "Till accuracy", 2)),
            Seen(new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc), (Till, "Till accuracy", 2)),
        ]), Week, London);
        Assert.Equal("This week: no skill changed level.", same.Headline);
        Assert.Equal("This week: no observations.", SummaryComposition.Compose(Source([]), Week, London).Headline);
        Assert.Equal("Proficient", same.LevelName(3));
        Assert.Equal("level 5", same.LevelName(5));
    }

    [Fact]
    public void Open_action_items_with_overdue_marked_and_done_ones_left_out()
    {
        var created = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var summary = SummaryComposition.Compose(Source([],
        [
            new("Shadow a senior colleague", new DateOnly(2026, 11, 10), false, created),
            new("Practise refunds", new DateOnly(2026, 12, 1), false, created),
            new("Already done", new DateOnly(2026, 11, 10), true, created),
            new("Agreed after the week", null, false, new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc)),
        ]), Week, London);
        Assert.Equal(["Shadow a senior colleague", "Practise refunds"], summary.OpenActions.Select(a => a.Text));
        Assert.True(summary.OpenActions[0].IsOverdue);
        Assert.False(summary.OpenActions[1].IsOverdue);
    }

    [Fact]
    public void A_quiet_week_is_sent_only_when_there_is_something_to_say_by_default()
    {
        var nothing = SummaryComposition.Compose(Source([]), Week, London);
        var openStep = SummaryComposition.Compose(Source([], [new("Practise refunds", null, false, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc))]), Week, London);

        Assert.False(nothing.ShouldSend(QuietWeekPolicy.SendWhenAnythingToSay));
        Assert.True(nothing.ShouldSend(QuietWeekPolicy.AlwaysSend));
        Assert.True(openStep.ShouldSend(QuietWeekPolicy.SendWhenAnythingToSay));
        Assert.False(openStep.ShouldSend(QuietWeekPolicy.OnlyObservedWeeks));
    }

    [Fact]
    public void Week_reads_as_dates()
    {
        var summary = SummaryComposition.Compose(Source([]), Week, London);
        Assert.Equal("16–22 November 2026", summary.WeekDates);
    }

    [Theory]
    [InlineData("ana.ruiz@demo.local", true)]
    [InlineData("ana.ruiz@@demo.local", false)]
    [InlineData("ana ruiz@demo.local", false)]
    [InlineData("ana.ruiz", false)]
    [InlineData("ana@localhost", false)]
    [InlineData("@demo.local", false)]
    public void Malformed_email_addresses_are_named_clearly(string email, bool ok)
    {
        var problem = SummaryRecipient.EmailProblem(email);
        Assert.Equal(ok, problem is null);
        if (!ok) Assert.Contains("malformed", problem);
    }

    [Fact]
    public void Retry_delay_doubles_and_is_capped()
    {
        var b = TimeSpan.FromMinutes(5);
        Assert.Equal([5, 10, 20, 40], Enumerable.Range(1, 4).Select(a => SummaryRecipient.RetryDelay(a, b).TotalMinutes));
        Assert.Equal(TimeSpan.FromDays(1), SummaryRecipient.RetryDelay(30, b));
    }

    [Fact]
    public void Inactive_and_addressless_employees_are_skipped()
    {
        Assert.Equal(SummaryRecipient.InactiveReason, SummaryRecipient.SkipReason(false, "a@b.c"));
        Assert.Equal(SummaryRecipient.NoEmailReason, SummaryRecipient.SkipReason(true, " "));
        Assert.Null(SummaryRecipient.SkipReason(true, "a@b.c"));
    }
}
