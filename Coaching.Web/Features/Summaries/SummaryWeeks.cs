using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Summaries;

/// <summary>Which weeks can be sent, read once for the screen, the command and the employee's page.</summary>
public sealed class SummaryWeeks(CoachingDbContext db, TimeProvider clock, IOptions<OrganisationOptions> org)
{
    public DateOnly Today => OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone);
    public IsoWeek LastEnded => IsoWeek.Of(Today).Previous;

    public async Task<SummaryWeek> CheckAsync(IsoWeek week, CancellationToken ct) => SummaryWeek.Check(week, Today, await EarliestDataAsync(ct));

    /// <summary>The organisation's earliest date: its first hire or its first observation, whichever came first.</summary>
    public async Task<DateOnly?> EarliestDataAsync(CancellationToken ct)
    {
        var hired = await db.Employees.AsNoTracking().OrderBy(e => e.HireDate).Select(e => (DateOnly?)e.HireDate).FirstOrDefaultAsync(ct);
        var observed = await db.Observations.AsNoTracking().OrderBy(o => o.ObservedAtUtc).Select(o => (DateTime?)o.ObservedAtUtc).FirstOrDefaultAsync(ct);
        DateOnly? firstObservation = observed is { } at ? OrganisationClock.Today(at, org.Value.Zone) : null;
        return (hired, firstObservation) switch
        {
            ({ } h, { } o) => h < o ? h : o,
            ({ } h, null) => h,
            (null, var o) => o,
        };
    }
}
