using Coaching.Domain.Summaries;
using Coaching.Web.Features.Summaries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Coaching.Tests.Summaries;

/// <summary>The app with Quartz running on its persistent store in the app's own SQLite database.</summary>
public sealed class ScheduledSummariesApp : SummariesApp
{
    protected override bool Scheduled => true;
}

public class WeeklySummaryScheduleTests(ScheduledSummariesApp app) : IClassFixture<ScheduledSummariesApp>
{
    [Fact]
    public async Task The_weekly_job_is_stored_in_the_database_on_monday_7am_in_the_organisation_time_zone()
    {
        _ = app.Services; // start the host
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CRON_EXPRESSION, TIME_ZONE_ID FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'weekly-summaries'";
        string? cron = null, zone = null;
        for (var i = 0; i < 100 && cron is null; i++)
        {
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync()) (cron, zone) = (reader.GetString(0), reader.GetString(1));
            else await Task.Delay(100);
        }
        Assert.Equal("0 0 7 ? * MON", cron);
        Assert.Equal("Europe/London", zone);
    }

    [Fact]
    public async Task Firing_the_job_sends_last_weeks_summaries_once()
    {
        var lastWeek = SummariesApp.WeeksAgo(1);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(default);
        await scheduler.TriggerJob(WeeklySummaryJob.Key, null, default);

        DeliveryCounts counts;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(250);
            counts = await app.WithDbAsync(async db =>
            {
                var rows = await db.SummaryDeliveries.Where(d => d.Week == lastWeek.ToString()).Select(d => d.Status).ToListAsync();
                return new DeliveryCounts(rows.Count, rows.Count(s => s == DeliveryStatus.Sent), rows.Count(s => s == DeliveryStatus.Failed),
                    rows.Count(s => s == DeliveryStatus.Pending), rows.Count(s => s == DeliveryStatus.Skipped));
            });
        } while ((counts.Total == 0 || counts.Pending > 0) && DateTime.UtcNow < deadline);

        Assert.True(counts.Sent > 0, $"expected summaries sent by the job: {counts}");
        Assert.Equal(0, counts.Pending);
        Assert.Equal(counts.Sent, app.Smtp.Messages().Count(m => (m.Subject ?? "").Contains(lastWeek.ToString())));
    }
}
