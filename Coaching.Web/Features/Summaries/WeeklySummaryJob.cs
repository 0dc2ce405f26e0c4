using Coaching.Domain.Time;
using Coaching.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Quartz;

namespace Coaching.Web.Features.Summaries;

/// <summary>Monday morning (by default): everyone's summary of the week that just ended, in the organisation's time zone.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklySummaryJob(SummaryDeliveries deliveries, TimeProvider clock, IOptions<OrganisationOptions> org, ILogger<WeeklySummaryJob> logger) : IJob
{
    public static readonly JobKey Key = new("weekly-summaries", "summaries");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var week = IsoWeek.Of(OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone)).Previous;
        // Which node took the firing (Quartz clustered gives each firing to one node): operators read it in the logs.
        logger.LogInformation("Weekly summaries {Week}: batch started on this node", week);
        var counts = await deliveries.RunAsync(new DeliveryScope(week), null, ct);
        logger.LogInformation("Weekly summaries {Week}: {Sent} sent, {Failed} failed, {Skipped} skipped, {Pending} pending of {Total}",
            week, counts.Sent, counts.Failed, counts.Skipped, counts.Pending, counts.Total);
    }
}

/// <summary>
/// Every few minutes: failed deliveries whose back-off has passed, and whatever a stopped or crashed batch left
/// pending, in any week. This is how a batch interrupted half way is finished without waiting a week.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SummaryRetryJob(SummaryDeliveries deliveries) : IJob
{
    public static readonly JobKey Key = new("summary-retries", "summaries");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await deliveries.RunAsync(new DeliveryScope(null), null, ct);
}
