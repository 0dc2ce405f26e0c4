using System.Text;
using Coaching.Domain.Insights;

namespace Coaching.Tests.Insights;

public class InsightsRulesTests
{
    static readonly DateOnly Today = new(2026, 3, 15);

    [Theory]
    [InlineData("30", "2026-02-14")]
    [InlineData("90", "2025-12-16")]
    [InlineData("365", "2025-03-16")]
    [InlineData(null, "2025-12-16")]
    public void A_last_n_days_period_ends_today_and_includes_n_days(string? choice, string expectedFrom)
    {
        var (period, problems) = InsightsPeriod.Parse(choice, null, null, Today);
        Assert.Empty(problems);
        Assert.Equal(DateOnly.Parse(expectedFrom), period!.From);
        Assert.Equal(Today, period.To);
    }

    [Theory]
    [InlineData("week", null, null, "period")]
    [InlineData("custom", "", "2026-03-01", "from")]
    [InlineData("custom", "2026-03-01", "yesterday", "to")]
    [InlineData("custom", "2026-03-10", "2026-03-01", "from")]
    [InlineData("custom", "2026-03-01", "2026-03-16", "to")]
    [InlineData("custom", "2020-01-01", "2026-03-01", "from")]
    public void Nonsense_periods_are_refused_with_a_message_for_the_field(string choice, string? from, string? to, string field)
    {
        var (period, problems) = InsightsPeriod.Parse(choice, from, to, Today);
        Assert.Null(period);
        Assert.True(problems.ContainsKey(field), string.Join("; ", problems));
        Assert.False(string.IsNullOrWhiteSpace(problems[field]));
    }

    [Theory]
    [InlineData("0002-02-06", "0002-10-01", "from", "data starts on 1 Jan 2025")]
    [InlineData("2026-03-20", "2026-03-25", "from", "start date is in the future")]
    [InlineData("2026-03-01", "2026-04-01", "to", "end date is in the future")]
    [InlineData("2026-03-10", "2026-03-01", "from", "after the end date")]
    [InlineData("2026-03-01", "", "to", "Enter the end date")]
    public void A_custom_period_lies_between_the_organisations_first_data_and_today_and_starts_before_it_ends(string from, string to, string field, string message)
    {
        var (period, problems) = InsightsPeriod.Parse("custom", from, to, Today, earliest: new DateOnly(2025, 1, 1));

        Assert.Null(period);
        Assert.Contains(message, problems[field]);
    }

    [Fact]
    public void A_custom_period_from_the_first_day_of_data_to_today_is_accepted()
    {
        var (period, problems) = InsightsPeriod.Parse("custom", "2025-06-01", "2026-03-15", Today, earliest: new DateOnly(2025, 6, 1));

        Assert.Empty(problems);
        Assert.Equal(new InsightsPeriod(new DateOnly(2025, 6, 1), Today), period);
    }

    [Fact]
    public void A_custom_period_runs_from_local_midnight_to_the_midnight_after_its_last_day()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var (period, _) = InsightsPeriod.Parse("custom", "2026-06-01", "2026-06-30", new DateOnly(2026, 7, 1));
        Assert.Equal(new DateTime(2026, 5, 31, 23, 0, 0), period!.StartUtc(london));
        Assert.Equal(new DateTime(2026, 6, 30, 23, 0, 0), period.EndUtc(london));
        Assert.Equal(30, period.Days);
    }

    [Fact]
    public void Coverage_share_median_and_per_manager()
    {
        Assert.Equal(0.75, CoverageRules.ObservedShare(3, 4));
        Assert.Null(CoverageRules.ObservedShare(0, 0));
        Assert.Equal(5, CoverageRules.Median([9, 1, 5]));
        Assert.Equal(4.5, CoverageRules.Median([2, 9, 7, 1]));
        Assert.Null(CoverageRules.Median([]));
        Assert.Equal(2.5, CoverageRules.PerManager(5, 2));
        Assert.Null(CoverageRules.PerManager(5, 0));
    }

    [Fact]
    public void Never_observed_cells_get_band_zero_and_busier_cells_higher_bands()
    {
        Assert.Equal(0, CoverageRules.HeatBand(0, 100));
        Assert.Equal(1, CoverageRules.HeatBand(1, 100));
        Assert.Equal(5, CoverageRules.HeatBand(100, 100));
        Assert.True(CoverageRules.HeatBand(30, 100) > CoverageRules.HeatBand(5, 100));
    }

    [Theory]
    [InlineData(null, 3, GapStatus.NeverRated)]
    [InlineData(2, 3, GapStatus.BelowRequired)]
    [InlineData(3, 3, GapStatus.MeetsRequired)]
    [InlineData(4, 3, GapStatus.MeetsRequired)]
    public void Gaps_are_judged_by_the_latest_level_against_the_required_one(int? latest, int required, GapStatus expected) =>
        Assert.Equal(expected, GapRules.Classify(latest, required));

    [Fact]
    public void An_observer_is_flagged_at_three_quarters_of_a_level_with_ten_ratings_but_not_below()
    {
        var skill = Guid.NewGuid();
        // Everyone: lenient 10 x 4, fair 30 x 3  => mean 3.25; lenient differs by 0.75 exactly.
        var counts = new[]
        {
            new LevelCount("lenient", skill, 4, 10),
            new LevelCount("fair", skill, 3, 30),
            new LevelCount("few", skill, 1, 9),
        };
        var result = CalibrationRules.Calibrate(counts).ToDictionary(o => o.ObserverId);
        var everyone = (10 * 4 + 30 * 3 + 9 * 1) / 49.0;
        Assert.Equal(everyone, result["fair"].Skills.Single().EveryoneMean, 9);
        Assert.True(result["lenient"].Flagged);   // 4 - 2.84 >= 0.75 with 10 ratings
        Assert.False(result["few"].Flagged);      // far off but only 9 ratings
        Assert.False(result["fair"].Flagged);     // 3 - 2.84 is close
        Assert.Equal(new Dictionary<int, int> { [4] = 10 }, result["lenient"].Distribution);
        Assert.True(CalibrationRules.IsFlagged(4.0, 10, 3.25));
        Assert.False(CalibrationRules.IsFlagged(3.99, 10, 3.25));
        Assert.False(CalibrationRules.IsFlagged(4.0, 9, 3.25));
    }

    [Fact]
    public void Csv_quotes_per_RFC_4180_and_guards_formulas_but_not_numbers()
    {
        var text = Csv.Text(["Name", "Note"], [
            ["Liam O'Connor", "said \"hi\", then left"],
            ["=HYPERLINK(\"http://x\")", "+1"],
            ["-2+3", "@SUM(A1)"],
            ["line\nbreak", -0.5],
        ]);
        Assert.Equal(
            "Name,Note\r\n" +
            "Liam O'Connor,\"said \"\"hi\"\", then left\"\r\n" +
            "\"'=HYPERLINK(\"\"http://x\"\")\",'+1\r\n" +
            "'-2+3,'@SUM(A1)\r\n" +
            "\"line\nbreak\",-0.5\r\n", text);
        var bytes = Csv.Document(["Zoë"], []);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Zoë\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
