using System.Collections.Concurrent;
using System.Threading.Channels;
using Coaching.Domain.Time;

namespace Coaching.Web.Features.Summaries;

/// <summary>
/// "Send now" from the Summaries screen: the request returns at once and the batch runs here in the background.
/// Progress is read from the delivery rows themselves, so any web node can show it; a preview of the current week
/// records no rows, so its progress is kept here, on the node that sends it.
/// </summary>
public sealed class SummaryBatches(IServiceScopeFactory scopes, ILogger<SummaryBatches> logger) : BackgroundService
{
    sealed record Batch(DeliveryScope Scope, bool Preview);

    readonly Channel<Batch> queue = Channel.CreateUnbounded<Batch>();
    readonly ConcurrentDictionary<IsoWeek, DeliveryCounts> previews = new();
    // Batches queued or running per week: "Retry failed" leaves nothing Pending, so the rows alone cannot tell the
    // screen to keep watching until it is done.
    readonly ConcurrentDictionary<IsoWeek, int> busy = new();

    /// <summary>Whether a batch of the week is queued or running on this node.</summary>
    public bool IsBusy(IsoWeek week) => busy.TryGetValue(week, out var n) && n > 0;

    void Started(DeliveryScope scope) { if (scope.Week is { } w) busy.AddOrUpdate(w, 1, (_, n) => n + 1); }
    void Finished(DeliveryScope scope) { if (scope.Week is { } w) busy.AddOrUpdate(w, 0, (_, n) => Math.Max(0, n - 1)); }

    /// <summary>Prepares the delivery rows now (so progress shows the total at once) and queues the sending.</summary>
    public async Task EnqueueAsync(DeliveryScope scope, CancellationToken ct)
    {
        if (scope.Week is { } week && !scope.OnlyFailed)
        {
            using var s = scopes.CreateScope();
            await s.ServiceProvider.GetRequiredService<SummaryDeliveries>().PrepareAsync(week, scope.EmployeeId, ct);
        }
        Started(scope);
        await queue.Writer.WriteAsync(new(scope, false), ct);
    }

    /// <summary>Queues a preview of a week that has not ended (nothing is recorded as sent).</summary>
    public async Task EnqueuePreviewAsync(IsoWeek week, int? employeeId, CancellationToken ct)
    {
        previews[week] = new DeliveryCounts(1, 0, 0, 1, 0);
        var scope = new DeliveryScope(week, employeeId, Manual: true);
        Started(scope);
        await queue.Writer.WriteAsync(new(scope, true), ct);
    }

    /// <summary>The progress of the latest preview of the week sent from this node, or null.</summary>
    public DeliveryCounts? PreviewCounts(IsoWeek week) => previews.TryGetValue(week, out var c) ? c : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in queue.Reader.ReadAllAsync(stoppingToken))
        {
            var scope = batch.Scope;
            try
            {
                using var s = scopes.CreateScope();
                var deliveries = s.ServiceProvider.GetRequiredService<SummaryDeliveries>();
                if (batch.Preview)
                    previews[scope.Week!.Value] = await deliveries.PreviewAsync(scope.Week.Value, scope.EmployeeId, c => previews[scope.Week.Value] = c, stoppingToken);
                else
                {
                    // A run tries each delivery once and ends; what failed shows in the log with its error.
                    var counts = await deliveries.RunAsync(scope, null, stoppingToken);
                    logger.LogInformation("Summary batch {Week}: {Sent} sent, {Failed} failed, {Skipped} skipped, {Pending} pending of {Total}",
                        scope.Week, counts.Sent, counts.Failed, counts.Skipped, counts.Pending, counts.Total);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                // Whatever is left stays Pending or Failed and is picked up by the retry job or the next "Send now".
                logger.LogError(ex, "A summary batch for {Week} stopped", scope.Week);
                if (batch.Preview && previews.TryGetValue(scope.Week!.Value, out var c)) previews[scope.Week.Value] = c with { Pending = 0 };
            }
            finally { Finished(scope); }
        }
    }
}
