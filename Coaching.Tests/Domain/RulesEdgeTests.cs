using Coaching.Domain.Insights;
using Coaching.Domain.People;
using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using static Coaching.Domain.Summaries.SummarySource;

namespace Coaching.Tests.Domain;

/// <summary>Edges of rules that the feature tests pass over.</summary>
public class RulesEdgeTests
{
    [Fact]
    public void The_delivery_log_says_whether_a_failure_is_retried_automatically()
    {
        Assert.Equal("Not retried automatically: fix the cause, then press Retry failed.", DeliveryRetry.Plan(null));
        Assert.Equal("Retried automatically", DeliveryRetry.Plan(new DateTime(2026, 11, 23, 7, 5, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Without_an_account_nothing_else_about_sign_in_matters()
    {
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(AccountState.None, AccountStates.Of(false, true, now.UtcDateTime, now.AddHours(1), null, now));
        Assert.Equal(AccountState.None, AccountStates.Of(false, false, null, null, now.UtcDateTime, now));
    }

    [Fact]
    public void Without_a_busiest_cell_any_observed_cell_is_in_the_top_band() =>
        Assert.Equal(CoverageRules.HeatBands, CoverageRules.HeatBand(3, -1));

    [Fact]
    public void A_rating_at_Monday_midnight_belongs_to_the_week_and_is_not_the_level_it_started_from()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var greeting = Guid.NewGuid();
        var mondayMidnight = new DateTime(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc);
        var summary = SummaryComposition.Compose(new SummarySource("Zoë", "Cashier", [new(greeting, "Greeting", 3)],
            [new ObservationRecord("Maya", mondayMidnight, null, null, null, [new RatingRecord(greeting, "Greeting", 2)])], []),
            new IsoWeek(2026, 47), london);

        var skill = Assert.Single(summary.Skills);
        Assert.Equal((2, (int?)null, true), (skill.Level, skill.PreviousLevel, skill.FirstRatedThisWeek));
    }
}
