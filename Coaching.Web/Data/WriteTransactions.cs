using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Data;

/// <summary>
/// Work that reads, decides and writes under one transaction. It runs under the provider's execution strategy:
/// PostgreSQL and SQL Server retry a transient failure (a serialization failure or deadlock among them), and refuse a
/// transaction begun outside the strategy. Each attempt starts from an empty change tracker, so a retried attempt
/// reads again and saves only what it adds itself.
/// </summary>
public static class WriteTransactions
{
    public static Task<T> InTransactionAsync<T>(this CoachingDbContext db, IsolationLevel isolation, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async attempt =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(isolation, attempt);
            var result = await work(attempt);
            await transaction.CommitAsync(attempt);
            return result;
        }, ct);
}
