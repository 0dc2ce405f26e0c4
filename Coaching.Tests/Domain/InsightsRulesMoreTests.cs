using System.Text;
using Coaching.Domain.Insights;

namespace Coaching.Tests.Domain;

public class InsightsRulesMoreTests
{
    static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("\tindented", "'\tindented")]
    [InlineData("\rstart", "\"'\rstart\"")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("\"quoted\" start", "\"\"\"quoted\"\" start\"")]
    [InlineData("a;b", "a;b")]
    [InlineData(" leading space", "\" leading space\"")]
    [InlineData("trailing space ", "\"trailing space \"")]
    [InlineData("one, two", "\"one, two\"")]
    [InlineData("cr\ronly", "\"cr\ronly\"")]
    public void A_text_cell_is_guarded_against_formulas_and_quoted_when_a_spreadsheet_would_misread_it(string text, string cell) =>
        Assert.Equal(cell, Csv.Cell(text));

    [Fact]
    public void Numbers_and_dates_are_written_invariantly_and_never_guarded()
    {
        Assert.Equal("", Csv.Cell(null));
        Assert.Equal("-3", Csv.Cell(-3));
        Assert.Equal("0.33", Csv.Cell(1 / 3.0));
        Assert.Equal("2", Csv.Cell(2.0));
        Assert.Equal("2026-11-25", Csv.Cell(Today.ToString("yyyy-MM-dd")));
        Assert.Equal("11/25/2026", Csv.Cell(Today));
        Assert.Equal("True", Csv.Cell(true));
        Assert.Equal("'-x", Csv.Cell(new Note("-x")));
        Assert.Equal("\"a,b\"", Csv.Cell(new Note("a,b")));
    }

    sealed record Note(string Text)
    {
        public override string ToString() => Text;
    }

    [Fact]
    public void A_csv_document_is_a_header_then_one_CRLF_row_per_line_after_a_byte_order_mark()
    {
        var bytes = Csv.Document(["Team", "Observed"], [["Front", 3], ["Back", 0]]);
        Assert.Equal("\uFEFFTeam,Observed\r\nFront,3\r\nBack,0\r\n", Encoding.UTF8.GetString(bytes));
        Assert.Equal("a,,b\r\n", Csv.Row(["a", null, "b"]));
    }

    [Fact]
    public void The_share_observed_never_passes_everyone()
    {
        Assert.Equal(1.0, CoverageRules.ObservedShare(5, 4));
        Assert.Equal(0.0, CoverageRules.ObservedShare(0, 3));
        Assert.Equal(1.0, CoverageRules.ObservedShare(1, 1));
        Assert.Null(CoverageRules.ObservedShare(2, -1));
        Assert.Null(CoverageRules.PerManager(5, -1));
        Assert.Equal(5.0, CoverageRules.PerManager(5, 1));
    }

    [Fact]
    public void The_median_of_one_value_is_that_value_and_of_two_their_mean()
    {
        Assert.Equal(7, CoverageRules.Median([7]));
        Assert.Equal(2.5, CoverageRules.Median([3, 2]));
        Assert.Equal(3, CoverageRules.Median([5, 3, 1, 4, 2]));
    }

    [Theory]
    [InlineData(-1, 10, 0)]
    [InlineData(3, 0, 5)]
    [InlineData(12, 10, 5)]
    [InlineData(10, 10, 5)]
    [InlineData(9, 10, 5)]   // sqrt(0.9) * 5 = 4.74 → 5
    [InlineData(4, 10, 4)]   // sqrt(0.4) * 5 = 3.16 → 4
    [InlineData(1, 10, 2)]   // sqrt(0.1) * 5 = 1.58 → 2
    [InlineData(1, 1000, 1)] // sqrt(0.001) * 5 = 0.16 → at least band 1
    public void Heat_bands_grow_on_a_square_root_scale_from_one_to_five(int count, int max, int band) =>
        Assert.Equal(band, CoverageRules.HeatBand(count, max));

    [Fact]
    public void Each_gap_status_reads_in_words()
    {
        Assert.Equal("never rated", GapRules.Describe(GapStatus.NeverRated));
        Assert.Equal("below required", GapRules.Describe(GapStatus.BelowRequired));
        Assert.Equal("meets required", GapRules.Describe(GapStatus.MeetsRequired));
    }

    [Fact]
    public void An_observer_is_flagged_if_any_one_skill_is_off_and_the_widest_flagged_difference_is_reported()
    {
        Guid greeting = Guid.NewGuid(), till = Guid.NewGuid(), refunds = Guid.NewGuid();
        var result = CalibrationRules.Calibrate(
        [
            // Strict on greeting (1 against everyone's 2), in line on till, far off on refunds but with too few ratings.
            new LevelCount("strict", greeting, 1, 10),
            new LevelCount("strict", till, 3, 10),
            new LevelCount("strict", refunds, 4, 2),
            new LevelCount("other", greeting, 3, 10),
            new LevelCount("other", till, 3, 10),
            new LevelCount("other", refunds, 1, 20),
            new LevelCount("other", refunds, 2, 0), // empty rows do not count
        ]).ToDictionary(o => o.ObserverId);

        var strict = result["strict"];
        Assert.True(strict.Flagged);
        Assert.Equal([true, false, false], strict.Skills.Select(s => s.Flagged));
        Assert.Equal(-1.0, strict.WidestDifference!.Value, 9); // the flagged one, although refunds differs more
        Assert.Equal(22, strict.Ratings);
        Assert.Equal((10 * 1 + 10 * 3 + 2 * 4) / 22.0, strict.Mean, 9);
        Assert.Equal(new Dictionary<int, int> { [1] = 10, [3] = 10, [4] = 2 }, strict.Distribution);
        var refundsSkill = strict.Skills.Single(s => s.SkillKey == refunds);
        Assert.Equal((2, 4.0), (refundsSkill.Ratings, refundsSkill.Mean));
        Assert.Equal((2 * 4 + 20 * 1) / 22.0, refundsSkill.EveryoneMean, 9);
        Assert.Equal(4.0 - 28 / 22.0, refundsSkill.Difference, 9);

        var other = result["other"];
        Assert.True(other.Flagged); // 3 against everyone's 2 on greeting
        Assert.Equal([1, 3], other.Distribution.Keys);
        Assert.Equal(20, other.Distribution[1]);
        Assert.Equal(20, other.Distribution[3]); // level 3 in greeting and in till
    }

    [Fact]
    public void Flagged_observers_come_first_then_the_busiest_and_an_unflagged_observer_reports_the_widest_difference()
    {
        Guid skill = Guid.NewGuid(), other = Guid.NewGuid();
        var result = CalibrationRules.Calibrate(
        [
            new LevelCount("busy", skill, 3, 40),
            new LevelCount("busy", other, 2, 40),
            new LevelCount("quiet", skill, 3, 5),
            new LevelCount("quiet", other, 4, 5),
            new LevelCount("lenient", skill, 4, 12),
        ]);
        Assert.Equal(["lenient", "busy", "quiet"], result.Select(o => o.ObserverId));
        var quiet = result.Single(o => o.ObserverId == "quiet");
        Assert.False(quiet.Flagged);
        Assert.Equal(4 - (40 * 2 + 5 * 4) / 45.0, quiet.WidestDifference!.Value, 9);
        Assert.Null(new ObserverCalibration("nobody", 0, 0, [], new Dictionary<int, int>()).WidestDifference);
    }

    [Fact]
    public void A_skill_rated_at_several_levels_counts_every_rating_in_its_mean()
    {
        var skill = Guid.NewGuid();
        var result = CalibrationRules.Calibrate(
        [
            new LevelCount("maya", skill, 2, 6),
            new LevelCount("maya", skill, 4, 6),
            new LevelCount("daniel", skill, 1, 4),
        ]).ToDictionary(o => o.ObserverId);

        var maya = Assert.Single(result["maya"].Skills);
        Assert.Equal((12, 3.0), (maya.Ratings, maya.Mean));
        Assert.Equal((12 * 3.0 + 4) / 16, maya.EveryoneMean, 9);
        Assert.Equal((12, 3.0), (result["maya"].Ratings, result["maya"].Mean));
    }

    [Fact]
    public void A_flag_needs_ten_ratings_and_three_quarters_of_a_level_either_way()
    {
        Assert.True(CalibrationRules.IsFlagged(2.5, 10, 3.25));
        Assert.True(CalibrationRules.IsFlagged(4.0, 11, 3.25));
        Assert.False(CalibrationRules.IsFlagged(2.6, 10, 3.25));
        Assert.True(CalibrationRules.IsFlagged(3.0, 10, 3.75 - 1e-12)); // a binary fraction short of 0.75 still counts
    }

    [Theory]
    [InlineData("30", "2026-10-27")]
    [InlineData("90", "2026-08-28")]
    [InlineData("365", "2025-11-26")]
    [InlineData(" CUSTOM ", null)]
    public void A_choice_is_read_whatever_its_case_and_spaces(string choice, string? from)
    {
        var (period, problems) = InsightsPeriod.Parse(choice, "2026-01-01", "2026-01-31", Today);
        Assert.Empty(problems);
        Assert.Equal(from is null ? new DateOnly(2026, 1, 1) : DateOnly.Parse(from), period!.From);
    }

    [Fact]
    public void A_custom_period_of_at_most_731_days_is_accepted_and_one_day_longer_is_not()
    {
        var (longest, _) = InsightsPeriod.Parse("custom", "2024-11-25", "2026-11-25", Today);
        Assert.Equal(731, longest!.Days);
        var (tooLong, problems) = InsightsPeriod.Parse("custom", "2024-11-24", "2026-11-25", Today);
        Assert.Null(tooLong);
        Assert.Equal("A custom period is at most 731 days.", problems["from"]);
        var (oneDay, none) = InsightsPeriod.Parse("custom", " 2026-11-25 ", "2026-11-25", Today, earliest: Today);
        Assert.Empty(none);
        Assert.Equal(1, oneDay!.Days);
    }

    [Fact]
    public void Each_date_problem_is_told_next_to_its_own_field()
    {
        var (_, p) = InsightsPeriod.Parse("custom", "", "2026-13-01", Today);
        Assert.Equal("Enter the start date of the custom period.", p["from"]);
        Assert.Equal("\"2026-13-01\" is not a date; use the format 2026-01-31.", p["to"]);

        (_, p) = InsightsPeriod.Parse("custom", "2026-11-26", "2026-11-27", Today);
        Assert.Equal("The start date is in the future; the latest is today (25 Nov 2026).", p["from"]);
        Assert.Equal("The end date is in the future; the latest is today (25 Nov 2026).", p["to"]);

        (_, p) = InsightsPeriod.Parse("custom", "2026-01-01", "2026-01-31", Today, earliest: new DateOnly(2026, 2, 1));
        Assert.Equal("The organisation's data starts on 1 Feb 2026; start on or after that day.", p["from"]);
        Assert.Equal("The organisation's data starts on 1 Feb 2026; end on or after that day.", p["to"]);

        (_, p) = InsightsPeriod.Parse("custom", "2026-01-10", "2026-01-09", Today);
        Assert.Equal("The start date is after the end date.", p["from"]);
        Assert.False(p.ContainsKey("to"));

        (_, p) = InsightsPeriod.Parse("custom", "2026-01-10", null, Today);
        Assert.Equal("Enter the end date of the custom period.", p["to"]);
        Assert.False(p.ContainsKey("from"));

        (_, p) = InsightsPeriod.Parse("weekly", null, null, Today);
        Assert.Equal("Choose last 30, 90 or 365 days, or a custom period.", p["period"]);
    }

    [Fact]
    public void A_period_reads_as_its_two_days()
    {
        Assert.Equal("1 Jan 2026 – 31 Jan 2026", new InsightsPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)).ToString());
        Assert.Equal(["30", "90", "365", "custom"], InsightsPeriod.Choices);
    }
}
