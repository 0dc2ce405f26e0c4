using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coaching.Web.Features.Summaries;

/// <summary>Which deliveries a run works on.</summary>
/// <param name="Week">One week, or null for every week (the scheduled retry).</param>
/// <param name="EmployeeId">One employee, or null for everyone.</param>
/// <param name="Manual">A person asked: failed rows are retried now, whatever their back-off, attempt count or failure kind
/// (still once per run).</param>
/// <param name="OnlyFailed">"Retry failed": only rows that failed, nobody else of the week is prepared or sent.</param>
public sealed record DeliveryScope(IsoWeek? Week, int? EmployeeId = null, bool Manual = false, bool OnlyFailed = false);

public sealed record DeliveryCounts(int Total, int Sent, int Failed, int Pending, int Skipped)
{
    public bool IsDone => Pending == 0;
    public int Finished => Sent + Failed + Skipped;
}

/// <summary>
/// Sends weekly summaries, each (employee, week) exactly once. Rows are claimed with a conditional UPDATE, so two
/// runners (two web nodes, the job and an operator) never take the same row; a claim left by a run that died goes
/// stale and is taken over; a Sent row is never touched again. A run tries each row at most once and then ends: a
/// failure is recorded with when (if ever) the scheduled retry may try again, never re-claimed by the same run.
/// </summary>
public sealed class SummaryDeliveries(
    CoachingDbContext db, SummaryMessages messages, SummaryMailer mailer, TimeProvider clock,
    IOptions<SummariesOptions> options, ILogger<SummaryDeliveries> logger, CoachingMetrics metrics)
{
    // A chunk is claimed, composed and rendered together, then sent one message at a time. Big enough that composing
    // costs a few queries per chunk instead of per person; small enough that a chunk is sent long before its claim goes stale.
    const int ClaimBatch = 50;
    SummariesOptions Options => options.Value;
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Makes sure every employee (or the one asked for) has a delivery row for the week; skipped ones say why.</summary>
    public async Task PrepareAsync(IsoWeek week, int? employeeId, CancellationToken ct)
    {
        var w = week.ToString();
        var people = await db.Employees.AsNoTracking()
            .Where(e => employeeId == null || e.Id == employeeId)
            .Select(e => new { e.Id, e.IsActive, e.Email }).ToListAsync(ct);
        var existing = (await db.SummaryDeliveries.AsNoTracking().Where(d => d.Week == w && (employeeId == null || d.EmployeeId == employeeId))
            .Select(d => new { d.Id, d.EmployeeId, d.Status, d.LastError }).ToListAsync(ct)).ToDictionary(d => d.EmployeeId);
        var now = Now;
        foreach (var p in people.Where(p => !existing.ContainsKey(p.Id)))
        {
            var skip = SummaryRecipient.SkipReason(p.IsActive, p.Email);
            db.SummaryDeliveries.Add(new SummaryDelivery
            {
                EmployeeId = p.Id, Week = w, CreatedAtUtc = now,
                Status = skip is null ? DeliveryStatus.Pending : DeliveryStatus.Skipped, LastError = skip,
            });
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another runner prepared the same week at the same moment: its rows are as good as ours.
            db.ChangeTracker.Clear();
            logger.LogInformation("Delivery rows for {Week} were prepared concurrently by another run", w);
        }
        // Someone skipped for being inactive or without an address who is now reachable gets their summary after all.
        var reachable = people.Where(p => SummaryRecipient.SkipReason(p.IsActive, p.Email) is null).Select(p => p.Id).ToList();
        await db.SummaryDeliveries
            .Where(d => d.Week == w && d.Status == DeliveryStatus.Skipped && reachable.Contains(d.EmployeeId)
                        && (d.LastError == SummaryRecipient.InactiveReason || d.LastError == SummaryRecipient.NoEmailReason))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.Revision, d => d.Revision + 1), ct);
    }

    /// <summary>Prepares the week (when one is given) and sends everything in scope that is due; returns the week's counts.</summary>
    public async Task<DeliveryCounts> RunAsync(DeliveryScope scope, Action<DeliveryCounts>? progress = null, CancellationToken ct = default)
    {
        if (scope.Week is { } week && !scope.OnlyFailed) await PrepareAsync(week, scope.EmployeeId, ct);
        // Rows this run has tried (or found taken over): a failed row becomes claimable again the moment its result is
        // recorded, and without this a manual run would re-claim it at once, forever (the retry storm).
        var attempted = new HashSet<int>();
        var runId = $"{Environment.MachineName}/{Guid.NewGuid():N}"[..Math.Min(100, Environment.MachineName.Length + 33)];
        var sessionLazy = new Lazy<IMailSession>(mailer.Open);
        Task<IReadOnlyList<OutgoingSummary>>? rendering = null;
        try
        {
            if (await NextChunkAsync(scope, runId, attempted, ct) is { } first) rendering = messages.RenderAsync(first, preview: false, ct);
            while (rendering is not null)
            {
                var chunk = await rendering;
                rendering = null;
                // The next chunk is claimed and composed now, and renders while this one is sent: rendering is CPU work,
                // sending mostly waits for the mail server.
                if (await NextChunkAsync(scope, runId, attempted, ct) is { } next) rendering = Task.Run(() => messages.RenderAsync(next, preview: false, ct), ct);
                foreach (var outgoing in chunk)
                {
                    ct.ThrowIfCancellationRequested();
                    // A message once started is finished and recorded: stopping between the server's "accepted" and
                    // our "Sent" would send it again next run. Stopping happens between messages; the SMTP timeout bounds the wait.
                    await DeliverAsync(outgoing, runId, sessionLazy, CancellationToken.None);
                }
                if (progress is not null) progress(await CountsAsync(scope, CancellationToken.None));
            }
        }
        finally
        {
            // Stopped early: a chunk still rendering sends nothing; its claims are handed back with the others below.
            if (rendering is not null) try { await rendering; } catch (Exception) { /* cancelled with the run */ }
            if (sessionLazy.IsValueCreated) await sessionLazy.Value.DisposeAsync();
            // Stopped early (cancelled): hand back what we claimed but did not finish, for the next run.
            await db.SummaryDeliveries.Where(d => d.ClaimedBy == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedAtUtc, (DateTime?)null), CancellationToken.None);
        }
        return await CountsAsync(scope, CancellationToken.None);
    }

    async Task<List<int>> ClaimAsync(DeliveryScope scope, string runId, HashSet<int> attempted, CancellationToken ct)
    {
        var now = Now;
        var stale = now - Options.ClaimTimeout;
        var tried = attempted.ToList();
        var due = Due(scope, now, stale).Where(d => !tried.Contains(d.Id));
        var candidates = await due.OrderBy(d => d.Id).Select(d => d.Id).Take(ClaimBatch).ToListAsync(ct);
        if (candidates.Count == 0) return [];
        // The same conditions again inside the UPDATE: a row another runner claimed in between is left alone.
        await Due(scope, now, stale).Where(d => candidates.Contains(d.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, runId).SetProperty(d => d.ClaimedAtUtc, now)
                .SetProperty(d => d.Revision, d => d.Revision + 1), ct);
        return await db.SummaryDeliveries.Where(d => candidates.Contains(d.Id) && d.ClaimedBy == runId).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
    }

    IQueryable<SummaryDelivery> Due(DeliveryScope scope, DateTime now, DateTime stale)
    {
        var week = scope.Week?.ToString();
        var max = Options.MaxAttempts;
        var manual = scope.Manual;
        var onlyFailed = scope.OnlyFailed;
        // A failed row without a next attempt time failed permanently (5xx, a malformed address) or used up its
        // attempts: only a person retries it.
        return db.SummaryDeliveries.Where(d =>
            (week == null || d.Week == week) && (scope.EmployeeId == null || d.EmployeeId == scope.EmployeeId)
            && ((d.Status == DeliveryStatus.Pending && !onlyFailed)
                || (d.Status == DeliveryStatus.Failed && (manual || (d.Attempts < max && d.NextAttemptAtUtc != null && d.NextAttemptAtUtc <= now))))
            && (d.ClaimedBy == null || d.ClaimedAtUtc < stale));
    }

    /// <summary>Claims the next chunk and composes it (the database part of preparing it); null when nothing is left.</summary>
    async Task<SummaryMessages.ComposedChunk?> NextChunkAsync(DeliveryScope scope, string runId, HashSet<int> attempted, CancellationToken ct)
    {
        List<int> claimed;
        using (SummaryTracing.Source.StartActivity(SummaryTracing.Claim)) claimed = await ClaimAsync(scope, runId, attempted, ct);
        if (claimed.Count == 0) return null;
        attempted.UnionWith(claimed);
        ct.ThrowIfCancellationRequested();
        List<SummaryRecipientRow> recipients;
        using (SummaryTracing.Source.StartActivity(SummaryTracing.Compose)) recipients = await RecipientsAsync(claimed, ct);
        return await messages.ComposeAsync(recipients, ct);
    }

    async Task<List<SummaryRecipientRow>> RecipientsAsync(List<int> claimed, CancellationToken ct) =>
        (await db.SummaryDeliveries.AsNoTracking().Where(d => claimed.Contains(d.Id))
            .Join(db.Employees, d => d.EmployeeId, e => e.Id, (d, e) => new { d.Id, d.Week, d.EmployeeId, d.Attempts, e.IsActive, e.Email })
            .OrderBy(d => d.Id).ToListAsync(ct))
        .Select(d => new SummaryRecipientRow(d.Id, d.EmployeeId, IsoWeek.Parse(d.Week), d.IsActive, d.Email, d.Attempts)).ToList();

    async Task DeliverAsync(OutgoingSummary outgoing, string runId, Lazy<IMailSession> session, CancellationToken ct)
    {
        var (id, attempts) = (outgoing.To.DeliveryId, outgoing.To.Attempts);
        // Renew the claim just before sending: a row whose claim went stale while earlier rows of the chunk were sent
        // may have been taken over by another runner, and then it is theirs to send, not ours.
        int stillOurs;
        using (SummaryTracing.Source.StartActivity(SummaryTracing.Record))
            stillOurs = await db.SummaryDeliveries.Where(d => d.Id == id && d.ClaimedBy == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedAtUtc, Now), ct);
        if (stillOurs == 0) return;
        if (outgoing.Skipped is { } skip) { await FinishAsync(id, runId, DeliveryStatus.Skipped, skip, countsAsAttempt: false); return; }
        if (outgoing.AddressProblem is { } problem) { await FailAsync(id, runId, attempts, problem, FailureKind.Permanent); return; }
        try
        {
            if (outgoing.Error is { } error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            using (SummaryTracing.Source.StartActivity(SummaryTracing.Send)) await session.Value.SendAsync(outgoing.Message!, ct);
            await FinishAsync(id, runId, DeliveryStatus.Sent, null, countsAsAttempt: true);
            metrics.SummarySent();
        }
        catch (Exception ex)
        {
            var kind = SummaryMailer.FailureKindOf(ex);
            metrics.SummaryFailed(kind.ToString());
            logger.LogWarning(ex, "Summary delivery {Id} failed ({Kind})", id, kind);
            await FailAsync(id, runId, attempts, SummaryMailer.Describe(ex), kind);
        }
    }

    Task FailAsync(int id, string runId, int attemptsBefore, string error, FailureKind kind)
    {
        var next = DeliveryRetry.NextAttemptUtc(kind, attemptsBefore + 1, Options.MaxAttempts, Options.RetryDelay, Now);
        return Update(id, runId, s => s.SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.Attempts, d => d.Attempts + 1)
            .SetProperty(d => d.LastError, error.Length > 2000 ? error[..2000] : error).SetProperty(d => d.NextAttemptAtUtc, next));
    }

    Task FinishAsync(int id, string runId, DeliveryStatus status, string? note, bool countsAsAttempt)
    {
        var sentAt = status == DeliveryStatus.Sent ? Now : (DateTime?)null;
        var add = countsAsAttempt ? 1 : 0;
        return Update(id, runId, s => s.SetProperty(d => d.Status, status).SetProperty(d => d.Attempts, d => d.Attempts + add)
            .SetProperty(d => d.LastError, note).SetProperty(d => d.SentAtUtc, sentAt).SetProperty(d => d.NextAttemptAtUtc, (DateTime?)null));
    }

    async Task Update(int id, string runId, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<SummaryDelivery>> set)
    {
        // Only while we still hold the claim; the result is recorded even when the run is being cancelled.
        using var span = SummaryTracing.Source.StartActivity(SummaryTracing.Record);
        var rows = await db.SummaryDeliveries.Where(d => d.Id == id && d.ClaimedBy == runId)
            .ExecuteUpdateAsync(s =>
            {
                set(s);
                s.SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedAtUtc, (DateTime?)null).SetProperty(d => d.Revision, d => d.Revision + 1);
            }, CancellationToken.None);
        if (rows == 0) logger.LogWarning("Summary delivery {Id} was taken over by another run before {Run} recorded its result", id, runId);
    }

    /// <summary>
    /// A preview of a week that has not ended: everyone in scope gets their summary so far, once, and nothing is
    /// recorded, so the real send after the week ends goes out as usual (and later observations are in it).
    /// </summary>
    public async Task<DeliveryCounts> PreviewAsync(IsoWeek week, int? employeeId, Action<DeliveryCounts>? progress = null, CancellationToken ct = default)
    {
        var people = await db.Employees.AsNoTracking().Where(e => employeeId == null || e.Id == employeeId)
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.IsActive, e.Email }).ToListAsync(ct);
        int sent = 0, failed = 0, skipped = 0;
        await using var session = mailer.Open();
        foreach (var chunk in people.Chunk(ClaimBatch))
        {
            ct.ThrowIfCancellationRequested();
            var recipients = chunk.Select(p => new SummaryRecipientRow(0, p.Id, week, p.IsActive, p.Email)).ToList();
            foreach (var outgoing in await messages.PrepareAsync(recipients, preview: true, ct))
            {
                ct.ThrowIfCancellationRequested();
                switch (await PreviewOneAsync(outgoing, session))
                {
                    case DeliveryStatus.Sent: sent++; break;
                    case DeliveryStatus.Failed: failed++; break;
                    default: skipped++; break;
                }
                progress?.Invoke(new(people.Count, sent, failed, people.Count - sent - failed - skipped, skipped));
            }
        }
        return new(people.Count, sent, failed, 0, skipped);
    }

    async Task<DeliveryStatus> PreviewOneAsync(OutgoingSummary outgoing, IMailSession session)
    {
        if (outgoing.Skipped is not null) return DeliveryStatus.Skipped;
        if (outgoing.AddressProblem is not null) return DeliveryStatus.Failed;
        try
        {
            if (outgoing.Error is { } error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            await session.SendAsync(outgoing.Message!, CancellationToken.None);
            return DeliveryStatus.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Preview of {Week} for employee {Employee} failed", outgoing.To.Week, outgoing.To.EmployeeId);
            return DeliveryStatus.Failed;
        }
    }

    public async Task<DeliveryCounts> CountsAsync(DeliveryScope scope, CancellationToken ct)
    {
        var week = scope.Week?.ToString();
        var counts = await db.SummaryDeliveries.AsNoTracking()
            .Where(d => (week == null || d.Week == week) && (scope.EmployeeId == null || d.EmployeeId == scope.EmployeeId))
            .GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(DeliveryStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new(counts.Sum(c => c.Count), Of(DeliveryStatus.Sent), Of(DeliveryStatus.Failed), Of(DeliveryStatus.Pending), Of(DeliveryStatus.Skipped));
    }
}
