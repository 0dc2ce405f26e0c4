using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Insights;

/// <summary>The first start after the upgrade that adds a rollup table counts it from what is already stored.</summary>
public class RollupBackfillTests
{
    /// <summary>A second start of the app on the first one's database file, as after an upgrade.</summary>
    sealed class Restarted(TestDatabase database) : CoachingFactory(database)
    {
        // The first app owns the file and deletes it when it is done.
        protected override void Dispose(bool disposing) => base.Dispose(false);
    }

    [Fact]
    public async Task Rollup_tables_found_empty_at_start_are_counted_before_the_app_serves()
    {
        using var first = new CoachingFactory();
        var counted = await first.WithDbAsync(async db => (await db.RatingRollups.CountAsync(), await db.ObservationRollups.CountAsync()));
        Assert.True(counted.Item1 > 0 && counted.Item2 > 0, "the demo organisation is rolled up as it is seeded");
        await first.WithDbAsync(async db => { await db.RatingRollups.ExecuteDeleteAsync(); await db.ObservationRollups.ExecuteDeleteAsync(); });

        using var second = new Restarted(first.Database);

        Assert.Equal(counted, await second.WithDbAsync(async db => (await db.RatingRollups.CountAsync(), await db.ObservationRollups.CountAsync())));
    }
}
