using System.Threading.Channels;

namespace Coaching.Web.Features.Summaries;

/// <summary>
/// "Send now" from the Summaries screen: the request returns at once and the batch runs here in the background.
/// Progress is read from the delivery rows themselves, so any web node can show it.
/// </summary>
public sealed class SummaryBatches(IServiceScopeFactory scopes, ILogger<SummaryBatches> logger) : BackgroundService
{
    readonly Channel<DeliveryScope> queue = Channel.CreateUnbounded<DeliveryScope>();

    /// <summary>Prepares the delivery rows now (so progress shows the total at once) and queues the sending.</summary>
    public async Task EnqueueAsync(DeliveryScope scope, CancellationToken ct)
    {
        if (scope.Week is { } week)
        {
            using var s = scopes.CreateScope();
            await s.ServiceProvider.GetRequiredService<SummaryDeliveries>().PrepareAsync(week, scope.EmployeeId, ct);
        }
        await queue.Writer.WriteAsync(scope, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var scope in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var s = scopes.CreateScope();
                await s.ServiceProvider.GetRequiredService<SummaryDeliveries>().RunAsync(scope, null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                // Whatever is left stays Pending or Failed and is picked up by the retry job or the next "Send now".
                logger.LogError(ex, "A summary batch for {Week} stopped", scope.Week);
            }
        }
    }
}
