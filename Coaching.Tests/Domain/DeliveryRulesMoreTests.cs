using Coaching.Domain.Summaries;
using Coaching.Domain.Time;

namespace Coaching.Tests.Domain;

public class DeliveryRulesMoreTests
{
    static readonly DateTime Now = new(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc);
    static readonly DateOnly Wednesday = new(2026, 11, 25); // week 48

    [Theory]
    [InlineData(499, FailureKind.Temporary)]
    [InlineData(500, FailureKind.Permanent)]
    [InlineData(599, FailureKind.Permanent)]
    [InlineData(600, FailureKind.Temporary)]
    public void Only_a_5xx_reply_is_permanent(int reply, FailureKind kind) => Assert.Equal(kind, DeliveryRetry.FromSmtpReply(reply));

    [Fact]
    public void The_last_allowed_attempt_is_still_retried_and_the_delay_is_added_to_now()
    {
        var delay = TimeSpan.FromMinutes(5);
        Assert.Equal(Now.AddMinutes(80), DeliveryRetry.NextAttemptUtc(FailureKind.Temporary, 5, 6, delay, Now));
        Assert.Null(DeliveryRetry.NextAttemptUtc(FailureKind.Temporary, 7, 6, delay, Now));
    }

    [Fact]
    public void The_retry_delay_starts_at_the_base_and_stops_growing_at_a_day()
    {
        var minute = TimeSpan.FromMinutes(1);
        Assert.Equal(minute, SummaryRecipient.RetryDelay(0, minute));
        Assert.Equal(minute, SummaryRecipient.RetryDelay(-3, minute));
        Assert.Equal(TimeSpan.FromMinutes(1024), SummaryRecipient.RetryDelay(11, minute));
        Assert.Equal(TimeSpan.FromDays(1), SummaryRecipient.RetryDelay(12, minute)); // 2048 minutes, capped
        Assert.Equal(TimeSpan.FromSeconds(65536), SummaryRecipient.RetryDelay(17, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(65536), SummaryRecipient.RetryDelay(40, TimeSpan.FromSeconds(1))); // the doubling stops at 2^16
    }

    [Theory]
    [InlineData(" ana@demo.local ", null)]
    [InlineData("ana@", "exactly one @")]
    [InlineData("a@b@demo.local", "exactly one @")]
    [InlineData("ana@demo\t.local", "spaces or characters")]
    [InlineData("ana\u0001@demo.local", "spaces or characters")]
    [InlineData("<ana@demo.local>", "spaces or characters")]
    [InlineData("ana,bo@demo.local", "spaces or characters")]
    [InlineData("ana;bo@demo.local", "spaces or characters")]
    [InlineData("\"ana\"@demo.local", "spaces or characters")]
    [InlineData("ana(x)@demo.local", "spaces or characters")]
    [InlineData("ana@.demo.local", "is not a mail domain")]
    [InlineData("ana@demo.local.", "is not a mail domain")]
    [InlineData("ana@demo..local", "is not a mail domain")]
    public void An_address_that_cannot_be_mailed_says_what_is_wrong(string email, string? problem)
    {
        var message = SummaryRecipient.EmailProblem(email);
        if (problem is null) Assert.Null(message);
        else Assert.Contains(problem, message);
    }

    [Fact]
    public void The_problem_quotes_the_address_and_its_domain()
    {
        Assert.Equal("The email address \"ana@demo\" is malformed: \"demo\" is not a mail domain.", SummaryRecipient.EmailProblem(" ana@demo "));
        Assert.Equal("The email address \"ana\" is malformed: it needs exactly one @ between a name and a domain.", SummaryRecipient.EmailProblem("ana"));
        Assert.Equal("The email address \"a b@c.d\" is malformed: it contains spaces or characters an address cannot have.", SummaryRecipient.EmailProblem("a b@c.d"));
        Assert.Null(SummaryRecipient.SkipReason(true, "x"));
        Assert.Equal(SummaryRecipient.NoEmailReason, SummaryRecipient.SkipReason(true, null));
        Assert.Equal("Inactive employee", SummaryRecipient.SkipReason(false, null));
    }

    [Fact]
    public void Last_week_is_sent_for_real_and_this_week_only_previewed()
    {
        var last = SummaryWeek.Check(new IsoWeek(2026, 47), Wednesday, new DateOnly(2026, 1, 1));
        Assert.Equal((SummaryWeekState.Ended, true, false, (string?)null), (last.State, last.CanSend, last.IsPreview, last.Problem));
        var current = SummaryWeek.Check(new IsoWeek(2026, 48), Wednesday, new DateOnly(2026, 1, 1));
        Assert.Equal((SummaryWeekState.Current, true, true), (current.State, current.CanSend, current.IsPreview));
        Assert.Equal("Week 2026-W48 has not ended yet. This sends a preview of the summary so far; it will be sent again, complete, after the week ends (Monday 30 November).",
            current.PreviewWarning);
    }

    [Fact]
    public void Next_week_is_refused_and_names_the_latest_week_that_has_ended()
    {
        var next = SummaryWeek.Check(new IsoWeek(2026, 49), Wednesday, new DateOnly(2026, 1, 1));
        Assert.Equal((SummaryWeekState.Future, false, false), (next.State, next.CanSend, next.IsPreview));
        Assert.Equal("Week 2026-W49 has not started yet. Summaries are sent after a week ends; the latest week that has ended is 2026-W47.", next.Problem);
    }

    [Fact]
    public void A_week_ending_the_day_the_data_starts_counts_and_the_week_before_does_not()
    {
        var sunday = new DateOnly(2026, 11, 22);
        Assert.Equal(SummaryWeekState.Ended, SummaryWeek.Check(new IsoWeek(2026, 47), Wednesday, sunday).State);
        var before = SummaryWeek.Check(new IsoWeek(2026, 46), Wednesday, sunday);
        Assert.Equal(SummaryWeekState.BeforeOrganisation, before.State);
        Assert.Equal("Week 2026-W46 is before the organisation's earliest data (22 November 2026, week 2026-W47): there is nothing to summarise.", before.Problem);
        var empty = SummaryWeek.Check(new IsoWeek(2026, 47), Wednesday, null);
        Assert.Equal((SummaryWeekState.BeforeOrganisation, "The organisation has no people or observations yet: there is nothing to summarise."), (empty.State, empty.Problem));
    }
}
