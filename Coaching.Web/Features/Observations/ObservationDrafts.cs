using System.Linq.Expressions;
using System.Security.Claims;
using Coaching.Domain.Observations;
using Coaching.Web.Access;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Observations;

/// <summary>
/// The observation form's drafts in the database: found again and stored. Built for the autosave, which runs on every
/// tap of every manager on the floor: one connection serves the whole save, the usual save reads once (the draft and
/// whether its employee is still this user's), and writes queue for SQLite's write lock instead of sleeping on it.
/// </summary>
public sealed class ObservationDrafts(CoachingDbContext db, EmployeeAccess access)
{
    /// <summary>A draft (or submitted observation) by its key, and whether its employee is one the user may see.</summary>
    public sealed record Found(Observation Observation, bool EmployeeVisible);

    /// <summary>An observation with its ratings and action items, tracked to be changed.</summary>
    public Task<Observation?> LoadAsync(Expression<Func<Observation, bool>> where, CancellationToken ct) =>
        db.Observations.Include(o => o.Ratings).Include(o => o.ActionItems).FirstOrDefaultAsync(where, ct);

    /// <summary>
    /// Starts a save: opens the connection the whole save uses (rather than one from the pool, set up again, per
    /// query), then finds the draft of <paramref name="draftKey"/> (none for a form that has no key yet).
    /// </summary>
    public async Task<Found?> FindForSaveAsync(ClaimsPrincipal user, Guid draftKey, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (draftKey == Guid.Empty) return null;
        var visible = access.Visible(user);
        return await db.Observations.Include(o => o.Ratings).Include(o => o.ActionItems).Where(o => o.DraftKey == draftKey)
            .Select(o => new Found(o, visible.Any(e => e.Id == o.EmployeeId)))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Stores what <see cref="Observation.Apply"/> made of the form, with its audit trail. When another device or tab
    /// saved first (the same draft key, or a newer revision), nothing of this save is kept and the stored, newer
    /// version is the answer; null when this save went through.
    /// </summary>
    public async Task<Observation?> StoreAsync(Observation observation, bool isNew, IEnumerable<ObservationChange> auditTrail, CancellationToken ct)
    {
        db.ObservationChanges.AddRange(auditTrail);
        if (isNew) db.Observations.Add(observation);
        try
        {
            using (await SqliteWriteGate.EnterAsync(db.Database, ct))
                await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await LoadAsync(o => o.DraftKey == observation.DraftKey, ct) ?? throw new InvalidOperationException(
                $"Saving observation draft {observation.DraftKey} failed, and no stored version of it exists.");
        }
    }
}
