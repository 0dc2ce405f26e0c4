using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Summaries;

/// <summary>HR and Admin: a week's summaries — preview, send now, live progress, the delivery log, retry failed.</summary>
public class IndexModel(CoachingDbContext db, SummaryDeliveries deliveries, SummaryBatches batches, TimeProvider clock, IOptions<OrganisationOptions> org) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Week { get; set; }
    [BindProperty(SupportsGet = true)] public DeliveryStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }

    public IsoWeek SelectedWeek { get; private set; }
    public string? WeekProblem { get; private set; }
    public DeliveryCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    public sealed record Row(int EmployeeId, string Name, string? Email, string TeamName, DeliveryStatus? Status, int Attempts, string? LastError, DateTime? SentAtUtc);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ResolveWeek();
        await LoadAsync(ct);
        return this.PageOrPartial("_Log", this);
    }

    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct)
    {
        ResolveWeek();
        Counts = await deliveries.CountsAsync(new DeliveryScope(SelectedWeek), ct);
        return Partial("_Progress", this);
    }

    public Task<IActionResult> OnPostSendWeekAsync(CancellationToken ct) => QueueAsync(new DeliveryScope(ResolveWeek(), Manual: true), "Sending the week's summaries…", ct);

    public Task<IActionResult> OnPostRetryFailedAsync(CancellationToken ct) => QueueAsync(new DeliveryScope(ResolveWeek(), Manual: true), "Retrying failed deliveries…", ct);

    public async Task<IActionResult> OnPostSendOneAsync(int employeeId, CancellationToken ct)
    {
        if (!await db.Employees.AnyAsync(e => e.Id == employeeId, ct)) return NotFound();
        return await QueueAsync(new DeliveryScope(ResolveWeek(), employeeId, Manual: true), "Sending the summary…", ct);
    }

    async Task<IActionResult> QueueAsync(DeliveryScope scope, string message, CancellationToken ct)
    {
        if (WeekProblem is not null)
        {
            if (!Request.IsHtmx()) { await LoadAsync(ct); return Page(); }
            Response.Toast(WeekProblem, ToastKind.Error);
            return new NoContentResult();
        }
        await batches.EnqueueAsync(scope, ct);
        if (!Request.IsHtmx()) return RedirectToPage(new { week = SelectedWeek.ToString(), Status, Team });
        Response.Toast(message, ToastKind.Info);
        Counts = await deliveries.CountsAsync(new DeliveryScope(SelectedWeek), ct);
        return Partial("_Progress", this);
    }

    IsoWeek ResolveWeek()
    {
        var lastWeek = IsoWeek.Of(OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone)).Previous;
        if (string.IsNullOrWhiteSpace(Week)) SelectedWeek = lastWeek;
        else if (IsoWeek.TryParse(Week, out var w)) SelectedWeek = w;
        else
        {
            WeekProblem = $"\"{Week}\" is not a week such as {lastWeek}.";
            SelectedWeek = lastWeek;
        }
        return SelectedWeek;
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var week = SelectedWeek.ToString();
        Counts = await deliveries.CountsAsync(new DeliveryScope(SelectedWeek), ct);
        Teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
        var rows = await db.Employees.AsNoTracking()
            .Where(e => Team == null || e.TeamId == Team)
            .Select(e => new
            {
                e.Id, e.FirstName, e.LastName, e.Email, TeamName = e.Team!.Name,
                Delivery = db.SummaryDeliveries.Where(d => d.EmployeeId == e.Id && d.Week == week)
                    .Select(d => new { d.Status, d.Attempts, d.LastError, d.SentAtUtc }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Rows = rows
            .Select(r => new Row(r.Id, $"{r.FirstName} {r.LastName}", r.Email, r.TeamName, r.Delivery?.Status, r.Delivery?.Attempts ?? 0, r.Delivery?.LastError, r.Delivery?.SentAtUtc))
            .Where(r => Status == null || r.Status == Status)
            .OrderBy(r => r.Status == DeliveryStatus.Failed ? 0 : 1).ThenBy(r => r.TeamName).ThenBy(r => r.Name)
            .ToList();
    }

    public string LocalTime(DateTime utc) => OrganisationClock.ToLocal(utc, org.Value.Zone).ToString("ddd d MMM HH:mm");
}
