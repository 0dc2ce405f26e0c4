using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Features.Summaries;
using Coaching.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Summaries;

/// <summary>
/// A mail server that refuses, stalls or is down: every run tries each delivery once and ends (the retry storm of
/// issue 8 made 13,187 attempts for 20 people), 5xx is never retried automatically, 4xx and a dead server are, with
/// back-off and a bounded number of attempts. Attempts are counted by the real SMTP server.
/// </summary>
public class DeliveryFailureTests(SummariesApp app) : IClassFixture<SummariesApp>
{
    static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);

    Task<List<SummaryDelivery>> Deliveries(IsoWeek week) =>
        app.WithDbAsync(db => db.SummaryDeliveries.AsNoTracking().Where(d => d.Week == week.ToString()).ToListAsync());

    Task<DeliveryCounts> Run(DeliveryScope scope) => app.RunAsync(scope).WaitAsync(RunLimit);

    int Attempts(IEnumerable<string> addresses, IReadOnlyDictionary<string, int> before)
    {
        var now = app.Smtp.RecipientAttempts();
        return addresses.Sum(a => now.GetValueOrDefault(a) - before.GetValueOrDefault(a));
    }

    async Task<List<string>> AddressesOf(IEnumerable<SummaryDelivery> rows)
    {
        var ids = rows.Select(r => r.EmployeeId).ToList();
        return await app.WithDbAsync(db => db.Employees.Where(e => ids.Contains(e.Id)).Select(e => e.Email!.ToLower()).ToListAsync());
    }

    [Fact]
    public async Task A_manual_run_against_a_server_answering_451_tries_each_delivery_once_ends_and_leaves_them_to_the_scheduled_retry()
    {
        var week = SummariesApp.WeeksAgo(30);
        var before = app.Smtp.RecipientAttempts();
        app.Smtp.AnswerEveryRecipient(451);
        DeliveryCounts counts;
        try { counts = await Run(new(week, Manual: true)); } // "summaries send" / "Send now"
        finally { app.Smtp.AnswerEveryRecipient(null); }

        var failed = (await Deliveries(week)).Where(d => d.Status == DeliveryStatus.Failed).ToList();
        Assert.True(failed.Count > 5, $"{failed.Count} failed");
        Assert.Equal((failed.Count, 0), (counts.Failed, counts.Pending));
        var addresses = await AddressesOf(failed);
        Assert.Equal(failed.Count, Attempts(addresses, before)); // once each, not thousands
        Assert.All(failed, d => Assert.Equal(1, d.Attempts));
        Assert.All(failed, d => Assert.Contains("451", d.LastError));
        Assert.All(failed, d => Assert.InRange(d.NextAttemptAtUtc!.Value, DateTime.UtcNow.AddMinutes(4), DateTime.UtcNow.AddMinutes(6))); // temporary: back-off

        // The scheduled retry leaves them alone until their back-off has passed...
        await Run(new(null));
        Assert.Equal(failed.Count, Attempts(addresses, before));
        // ...and "Retry failed" tries each once more, now, and only those.
        var retried = await Run(new(week, Manual: true, OnlyFailed: true));
        Assert.Equal(2 * failed.Count, Attempts(addresses, before));
        Assert.Equal(0, retried.Failed);
        Assert.Equal(failed.Count, app.Smtp.Messages().Count(m => (m.Subject ?? "").Contains(week.ToString()) && addresses.Contains(m.To.Mailboxes.Single().Address.ToLower())));
    }

    [Fact]
    public async Task A_550_refusal_is_permanent_no_scheduled_retry_touches_it_and_retry_failed_tries_it_once()
    {
        var week = SummariesApp.WeeksAgo(31);
        var ana = await app.EmployeeIdAsync("ana.ruiz@demo.local");
        await app.ObserveAsync(ana, week);
        var before = app.Smtp.RecipientAttempts("ana.ruiz@demo.local");
        app.Smtp.Refuse("ana.ruiz@demo.local");
        try
        {
            var counts = await Run(new(week, ana, Manual: true));
            Assert.Equal(1, counts.Failed);
            var row = Assert.Single(await Deliveries(week));
            Assert.Null(row.NextAttemptAtUtc);
            Assert.Contains("550", row.LastError);
            var attempts = app.Smtp.RecipientAttempts("ana.ruiz@demo.local");
            Assert.Equal(before + 1, attempts);
            await Run(new(null)); // the scheduled retry, however often it comes
            await Run(new(null));
            Assert.Equal(attempts, app.Smtp.RecipientAttempts("ana.ruiz@demo.local"));

            await Run(new(week, Manual: true, OnlyFailed: true)); // a person presses "Retry failed": once
            Assert.Equal(attempts + 1, app.Smtp.RecipientAttempts("ana.ruiz@demo.local"));
            Assert.Equal((DeliveryStatus.Failed, 2), (await Deliveries(week)).Select(d => (d.Status, d.Attempts)).Single());
        }
        finally { app.Smtp.Refuse(); }
    }

    [Fact]
    public async Task With_the_server_down_each_run_tries_once_and_the_scheduled_retries_stop_after_the_last_attempt()
    {
        var week = SummariesApp.WeeksAgo(32);
        var jose = await app.EmployeeIdAsync("jose.nunez@demo.local");
        await app.ObserveAsync(jose, week);
        app.Smtp.Stop();
        try
        {
            var first = await Run(new(week, jose, Manual: true));
            Assert.Equal(1, first.Failed);
            var row = Assert.Single(await Deliveries(week));
            Assert.Equal(1, row.Attempts);
            Assert.Contains("could not be reached", row.LastError);
            Assert.NotNull(row.NextAttemptAtUtc);

            // Each due scheduled retry tries once more, until the fifth attempt (Summaries:MaxAttempts).
            for (var i = 2; i <= 7; i++)
            {
                await app.WithDbAsync(db => db.SummaryDeliveries.Where(d => d.Id == row.Id && d.NextAttemptAtUtc != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAtUtc, DateTime.UtcNow.AddMinutes(-1))));
                await Run(new(null));
            }
            row = Assert.Single(await Deliveries(week));
            Assert.Equal((DeliveryStatus.Failed, 5), (row.Status, row.Attempts));
            Assert.Null(row.NextAttemptAtUtc);
        }
        finally { app.Smtp.Start(); }

        await Run(new(week, jose, Manual: true, OnlyFailed: true)); // the server is back; a person retries
        Assert.Equal(DeliveryStatus.Sent, (await Deliveries(week)).Single().Status);
    }

    [Fact]
    public async Task A_malformed_address_fails_once_per_run_and_is_not_retried_automatically()
    {
        var week = SummariesApp.WeeksAgo(33);
        var tom = await app.EmployeeIdAsync("tom.becker@demo.local");
        try
        {
            await app.WithDbAsync(db => db.Employees.Where(e => e.Id == tom).ExecuteUpdateAsync(s => s.SetProperty(e => e.Email, "tom.becker@@demo")));
            await Run(new(week, tom, Manual: true));
            await Run(new(week, tom, Manual: true)); // Send now, twice
            var row = Assert.Single(await Deliveries(week));
            Assert.Equal((DeliveryStatus.Failed, 2), (row.Status, row.Attempts));
            Assert.Null(row.NextAttemptAtUtc);
            Assert.Contains("malformed", row.LastError);
        }
        finally
        {
            await app.WithDbAsync(db => db.Employees.Where(e => e.Id == tom).ExecuteUpdateAsync(s => s.SetProperty(e => e.Email, "tom.becker@demo.local")));
        }
    }

    [Fact]
    public async Task Retry_failed_sends_only_the_failed_rows_not_the_rest_of_the_week()
    {
        var week = SummariesApp.WeeksAgo(34);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SummaryDeliveries>().PrepareAsync(week, null, default);
        var ana = await app.EmployeeIdAsync("ana.ruiz@demo.local");
        await app.WithDbAsync(db => db.SummaryDeliveries.Where(d => d.Week == week.ToString() && d.EmployeeId == ana)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.Attempts, 1)));

        var counts = await Run(new(week, Manual: true, OnlyFailed: true));

        var received = app.Smtp.Messages().Where(m => (m.Subject ?? "").Contains(week.ToString())).ToList();
        Assert.Equal("ana.ruiz@demo.local", Assert.Single(received).To.Mailboxes.Single().Address);
        Assert.Equal(1, counts.Sent);
        Assert.True(counts.Pending > 5, "everyone else of the week is left as it was");
    }

    [Fact]
    public async Task The_command_against_a_server_answering_451_tries_each_once_reports_the_failures_and_exits_non_zero()
    {
        var week = SummariesApp.WeeksAgo(35);
        var before = app.Smtp.RecipientAttempts();
        app.Smtp.AnswerEveryRecipient(451);
        (int Exit, string Out, string Error) result;
        try { result = await SendCommandAsync("--week", week.ToString()).WaitAsync(RunLimit); }
        finally { app.Smtp.AnswerEveryRecipient(null); }

        var failed = (await Deliveries(week)).Where(d => d.Status == DeliveryStatus.Failed).ToList();
        Assert.Equal(1, result.Exit);
        Assert.Equal(failed.Count, Attempts(await AddressesOf(failed), before));
        Assert.Contains($"{failed.Count} failed", result.Out);
        Assert.Contains("451", result.Error);
        Assert.Contains("retried automatically from", result.Error);
    }

    [Theory]
    [InlineData("--weak 2026-W10", "Unrecognized command or argument '--weak'")]
    [InlineData("--week", "Required argument missing for option: '--week'")]
    [InlineData("--week abc", "\"abc\" is not a week")]
    [InlineData("--week 2026-W10 --employe ana.ruiz@demo.local", "Unrecognized command or argument '--employe'")]
    [InlineData("--week 2026-W10 --failed-only maybe", "Unrecognized command or argument 'maybe'")]
    [InlineData("--week 2999-W52", "has not started yet")]
    [InlineData("--week 2001-W01", "before the organisation's earliest data")]
    [InlineData("2026-W10", "Unrecognized command or argument '2026-W10'")]
    public async Task The_command_refuses_bad_options_and_weeks_that_cannot_be_sent_with_a_message_and_exit_2(string args, string message)
    {
        var before = await app.WithDbAsync(db => db.SummaryDeliveries.CountAsync());
        var result = await SendCommandAsync(args.Split(' '));
        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Error);
        Assert.Equal(before, await app.WithDbAsync(db => db.SummaryDeliveries.CountAsync())); // nothing prepared
    }

    [Fact]
    public async Task The_command_refuses_the_current_week_which_has_not_ended()
    {
        var current = SummariesApp.WeeksAgo(0);
        var result = await SendCommandAsync("--week", current.ToString());
        Assert.Equal(2, result.Exit);
        Assert.Contains("has not ended yet", result.Error);
        Assert.Empty(await Deliveries(current));
    }

    [Fact]
    public async Task The_benchmark_command_refuses_a_count_that_is_not_a_number()
    {
        var result = await CommandAsync("bench", "summaries", "--employees", "lots");
        Assert.Equal(2, result.Exit);
        Assert.Contains("whole number", result.Error);
        Assert.Contains("Usage:", result.Out);
    }

    Task<(int Exit, string Out, string Error)> SendCommandAsync(params string[] args) => CommandAsync(["summaries", "send", .. args]);

    /// <summary>The operator command line, in process (the same parser and operations as the console), its writers captured.</summary>
    async Task<(int Exit, string Out, string Error)> CommandAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await OperatorCommandLine.RunAsync(app.Services, args, output, error, default);
        return (exit, output.ToString(), error.ToString());
    }
}
