using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Coaching.Web.Operations;
using Quartz;

namespace Coaching.Web.Features.Summaries;

/// <summary>Services of the weekly summaries feature (PDF, mail, the Quartz job; "summaries send" is in Operations).</summary>
public static class SummariesRegistration
{
    public static IServiceCollection AddSummaries(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<SummaryMailer>();
        services.AddScoped<SummarySources>();
        services.AddScoped<SummaryMessages>();
        services.AddScoped<SummaryDeliveries>();
        services.AddScoped<SummaryWeeks>();
        services.AddSingleton<SummaryBatches>();
        services.AddHostedService(sp => sp.GetRequiredService<SummaryBatches>());

        var schedule = config.GetSection("Summaries:Schedule").Get<SummariesOptions.ScheduleOptions>() ?? new();
        if (schedule.Enabled && !OperatorCommandLine.IsCommand(Environment.GetCommandLineArgs().Skip(1).ToArray()))
            AddSchedule(services, config, schedule);
        return services;
    }

    static void AddSchedule(IServiceCollection services, IConfiguration config, SummariesOptions.ScheduleOptions schedule)
    {
        // A zone or cron that does not parse is reported by the settings check at start (SettingsChecks), not thrown here.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(config["Organisation:TimeZone"] ?? new OrganisationOptions().TimeZone, out var zone)
            || !SettingsChecks.IsCron(schedule.Cron)) return;
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = provider != DatabaseProvider.Sqlite
            ? config.GetConnectionString("Coaching")!
            : DatabaseRegistration.SqliteConnectionString(config.GetConnectionString("Coaching"), config[WebHostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory());

        services.AddQuartz(q =>
        {
            // The job store's tables come with the app's migrations (WeeklySummaries); Quartz only checks they are there.
            q.UsePersistentStore(store =>
            {
                switch (provider)
                {
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(connectionString);
                        store.UseClustering(); // several web nodes: each firing runs on exactly one of them
                        break;
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(connectionString);
                        store.UseClustering();
                        break;
                    default:
                        store.UseSqlite(connectionString);
                        break;
                }
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o => o.StoreJobDataAsStrings = true);
            });
            // A node whose scheduler stopped would send nothing: it is not ready.
            q.AddQuartzHealthChecks(o => { o.Name = "scheduler"; o.Tags.Add(HealthProbes.Ready); });
            q.AddJob<WeeklySummaryJob>(j => j.WithIdentity(WeeklySummaryJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(WeeklySummaryJob.Key).WithIdentity("weekly-summaries", "summaries")
                .WithCronSchedule(schedule.Cron, c => c.InTimeZone(zone)));
            q.AddJob<SummaryRetryJob>(j => j.WithIdentity(SummaryRetryJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(SummaryRetryJob.Key).WithIdentity("summary-retries", "summaries")
                .StartAt(DateTimeOffset.UtcNow.Add(schedule.RetryEvery)).WithSimpleSchedule(schedule.RetryEvery, null));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
