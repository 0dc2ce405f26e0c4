using Coaching.Domain.Summaries;
using Coaching.Domain.Time;

namespace Coaching.Tests.Summaries;

/// <summary>The plain rules behind sending: which weeks can be sent, and when a failed delivery is tried again.</summary>
public class SummaryDeliveryRulesTests
{
    static readonly DateOnly Wednesday = new(2026, 11, 25); // 2026-W48
    static readonly DateOnly FirstHire = new(2024, 3, 6);   // 2024-W10

    [Fact]
    public void A_week_that_has_ended_is_sent_for_real()
    {
        var check = SummaryWeek.Check(IsoWeek.Parse("2026-W47"), Wednesday, FirstHire);
        Assert.Equal((SummaryWeekState.Ended, true, false), (check.State, check.CanSend, check.IsPreview));
    }

    [Fact]
    public void The_current_week_can_only_be_previewed_and_says_it_will_be_sent_again_after_it_ends()
    {
        var check = SummaryWeek.Check(IsoWeek.Parse("2026-W48"), Wednesday, FirstHire);
        Assert.Equal((SummaryWeekState.Current, true, true), (check.State, check.CanSend, check.IsPreview));
        Assert.Contains("sent again", check.PreviewWarning);
        Assert.Contains("Monday 30 November", check.PreviewWarning);
    }

    [Theory]
    [InlineData("2026-W49")]
    [InlineData("2999-W52")]
    public void A_week_in_the_future_is_refused_with_a_message(string week)
    {
        var check = SummaryWeek.Check(IsoWeek.Parse(week), Wednesday, FirstHire);
        Assert.Equal(SummaryWeekState.Future, check.State);
        Assert.False(check.CanSend);
        Assert.Contains("has not started yet", check.Problem);
        Assert.Contains("2026-W47", check.Problem);
    }

    [Fact]
    public void A_week_before_the_organisations_earliest_data_is_refused_but_the_week_of_it_is_not()
    {
        var before = SummaryWeek.Check(IsoWeek.Parse("2024-W09"), Wednesday, FirstHire);
        Assert.Equal(SummaryWeekState.BeforeOrganisation, before.State);
        Assert.Contains("before the organisation's earliest data (6 March 2024", before.Problem);
        Assert.True(SummaryWeek.Check(IsoWeek.Parse("2024-W10"), Wednesday, FirstHire).CanSend);
        Assert.False(SummaryWeek.Check(IsoWeek.Parse("2026-W40"), Wednesday, null).CanSend);
    }

    [Theory]
    [InlineData(550, FailureKind.Permanent)]
    [InlineData(554, FailureKind.Permanent)]
    [InlineData(451, FailureKind.Temporary)]
    [InlineData(421, FailureKind.Temporary)]
    [InlineData(null, FailureKind.Temporary)] // no reply: the connection failed
    public void Smtp_5xx_is_permanent_and_4xx_or_no_reply_temporary(int? reply, FailureKind kind) =>
        Assert.Equal(kind, DeliveryRetry.FromSmtpReply(reply));

    [Fact]
    public void Temporary_failures_back_off_doubling_until_the_attempts_are_used_up_and_permanent_ones_are_never_retried_automatically()
    {
        var now = new DateTime(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc);
        var delay = TimeSpan.FromMinutes(5);
        Assert.Equal(now.AddMinutes(5), DeliveryRetry.NextAttemptUtc(FailureKind.Temporary, 1, 5, delay, now));
        Assert.Equal(now.AddMinutes(10), DeliveryRetry.NextAttemptUtc(FailureKind.Temporary, 2, 5, delay, now));
        Assert.Equal(now.AddMinutes(40), DeliveryRetry.NextAttemptUtc(FailureKind.Temporary, 4, 5, delay, now));
        Assert.Null(DeliveryRetry.NextAttemptUtc(FailureKind.Temporary, 5, 5, delay, now));
        Assert.Null(DeliveryRetry.NextAttemptUtc(FailureKind.Permanent, 1, 5, delay, now));
    }
}
