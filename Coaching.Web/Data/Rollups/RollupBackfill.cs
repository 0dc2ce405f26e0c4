using System.Data.Common;
using System.Diagnostics;
using Coaching.Domain.Observations;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Data.Rollups;

/// <summary>
/// Fills a rollup table found empty at start while there is something to count: the first start after the upgrade
/// that added it (the days and months are the organisation's local ones, which plain SQL in a migration cannot work out
/// on every provider). Two nodes starting at once both try; the second one's clash is logged and its start goes on with
/// the first one's rows.
/// </summary>
public static class RollupBackfill
{
    public static async Task OnStartAsync(WebApplication app, CoachingDbContext db)
    {
        var zone = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.OrganisationOptions>>().Value.Zone;
        if (!await db.RatingRollups.AnyAsync() && await db.Ratings.AnyAsync(r => r.IsSubmitted))
            await CountAsync(app, "submitted ratings", "insights", () => RatingRollups.RebuildAsync(db, zone, CancellationToken.None));
        if (!await db.ObservationRollups.AnyAsync() && await db.Observations.AnyAsync(o => o.Status == ObservationStatus.Submitted))
            await CountAsync(app, "submitted observations", "coverage", () => ObservationRollups.RebuildAsync(db, zone, CancellationToken.None));
        if (!await db.LatestLevels.AnyAsync() && await db.Ratings.AnyAsync(r => r.IsSubmitted && r.Level != null))
            await CountAsync(app, "latest levels", "skill gaps", () => LatestLevels.RebuildAsync(db, CancellationToken.None));
    }

    /// <summary>
    /// Empties a rollup table and counts it again through <paramref name="count"/>, in one transaction (run again whole
    /// by a retrying execution strategy): readers see the old rows or the new ones, never half.
    /// </summary>
    public static async Task<int> EmptyAndCountAsync<T>(CoachingDbContext db, IQueryable<T> table, Func<Task<int>> count, CancellationToken ct)
    {
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await table.ExecuteDeleteAsync(ct);
            var written = await count();
            await tx.CommitAsync(ct);
            return written;
        });
    }

    static async Task CountAsync(WebApplication app, string what, string rollups, Func<Task<int>> rebuild)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            var rows = await rebuild();
            app.Logger.LogInformation("Counted the {What} into {Rows} {Rollups} rollup rows in {Seconds:F1} s (once, after the upgrade that added them).", what, rows, rollups, watch.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            app.Logger.LogWarning(e, "Another node is counting the {Rollups} rollups; this one uses its rows.", rollups);
        }
    }
}
