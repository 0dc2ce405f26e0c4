using Coaching.Domain.Organisation;
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
public class SummariesModel(CoachingDbContext db, EmployeeAccess access, SummaryDeliveries deliveries, SummaryBatches batches, SummaryWeeks weeks, IOptions<OrganisationOptions> org) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Week { get; set; }
    [BindProperty(SupportsGet = true)] public DeliveryStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }

    public IsoWeek SelectedWeek { get; private set; }
    /// <summary>Why the week cannot be sent (not a week, in the future, before the organisation), shown next to the week field.</summary>
    public string? WeekProblem { get; private set; }
    public SummaryWeek? WeekCheck { get; private set; }
    public bool IsPreviewWeek => WeekCheck?.IsPreview == true;
    public DeliveryCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);
    /// <summary>Something is still to come: rows pending, or a batch of the week queued or running (a retry leaves nothing pending).</summary>
    public bool Running => Confirming is null && (Counts.Pending > 0 || batches.IsBusy(SelectedWeek));
    /// <summary>What the progress poll has seen; when the next poll sees something else, the delivery log refreshes.</summary>
    public string CountsSeen => $"{Counts.Sent}.{Counts.Failed}.{Counts.Skipped}.{Counts.Pending}";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];
    /// <summary>A visible answer to the last action (why nothing was sent to someone), above the progress bar.</summary>
    public string? Notice { get; private set; }
    /// <summary>A preview of the current week waits for the person's confirmation: to everyone (null id) or to one person.</summary>
    public PreviewConfirmation? Confirming { get; private set; }

    public sealed record Row(int EmployeeId, string Name, string? Email, string TeamName, DeliveryStatus? Status, int Attempts, string? LastError, DateTime? SentAtUtc, DateTime? NextAttemptAtUtc);
    public sealed record PreviewConfirmation(int? EmployeeId, string Recipients);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ResolveWeekAsync(ct);
        await LoadAsync(ct);
        return this.PageOrPartial("_Log", this);
    }

    /// <summary>Polled while a batch runs; tells the delivery log to refresh when the counts moved since the last poll, and once at the end.</summary>
    public async Task<IActionResult> OnGetProgressAsync(string? seen, CancellationToken ct)
    {
        await ResolveWeekAsync(ct);
        await CountAsync(ct);
        if (seen != CountsSeen || !Running) Response.Trigger("deliveries-changed");
        return Partial("_Progress", this);
    }

    public async Task<IActionResult> OnGetRowsAsync(CancellationToken ct)
    {
        await ResolveWeekAsync(ct);
        await LoadAsync(ct);
        return Partial("_Rows", this);
    }

    public async Task<IActionResult> OnPostSendWeekAsync(bool confirm, CancellationToken ct)
    {
        await ResolveWeekAsync(ct);
        if (WeekProblem is not null) return await RefuseAsync(ct);
        if (IsPreviewWeek)
        {
            if (!confirm) return await ConfirmAsync(new(null, "everyone"), ct);
            await batches.EnqueuePreviewAsync(SelectedWeek, null, ct);
            return await QueuedAsync("Sending a preview of the week so far to everyone…", ct);
        }
        await batches.EnqueueAsync(new DeliveryScope(SelectedWeek, Manual: true), ct);
        return await QueuedAsync("Sending the week's summaries…", ct);
    }

    /// <summary>Only the rows that failed, each tried once; nobody else of the week is prepared or sent.</summary>
    public async Task<IActionResult> OnPostRetryFailedAsync(CancellationToken ct)
    {
        await ResolveWeekAsync(ct);
        if (WeekProblem is not null) return await RefuseAsync(ct);
        await batches.EnqueueAsync(new DeliveryScope(SelectedWeek, Manual: true, OnlyFailed: true), ct);
        return await QueuedAsync("Retrying failed deliveries…", ct);
    }

    public async Task<IActionResult> OnPostSendOneAsync(int employeeId, bool confirm, CancellationToken ct)
    {
        var person = await access.Visible(User).AsNoTracking().Where(e => e.Id == employeeId).Select(e => new { e.FirstName, e.LastName, e.IsActive, e.Email }).FirstOrDefaultAsync(ct);
        if (person is null) return NotFound();
        var name = Employee.FullNameOf(person.FirstName, person.LastName);
        await ResolveWeekAsync(ct);
        if (WeekProblem is not null) return await RefuseAsync(ct);
        if (IsPreviewWeek)
        {
            if (SummaryRecipient.SkipReason(person.IsActive, person.Email) is { } skip)
            {
                Notice = $"Nothing was sent to {name}: {skip}.";
                if (this.WantsPartial()) Response.Toast(Notice, ToastKind.Warning);
                return await AnswerAsync(ct);
            }
            if (!confirm) return await ConfirmAsync(new(employeeId, name), ct);
            await batches.EnqueuePreviewAsync(SelectedWeek, employeeId, ct);
            return await QueuedAsync($"Sending a preview of the week so far to {name}…", ct);
        }
        await deliveries.PrepareAsync(SelectedWeek, employeeId, ct);
        var row = await db.SummaryDeliveries.AsNoTracking().Where(d => d.EmployeeId == employeeId && d.Week == SelectedWeek.ToString())
            .Select(d => new { d.Status, d.LastError, d.SentAtUtc }).FirstAsync(ct);
        // Say why nothing happens instead of queueing a run that silently does nothing.
        Notice = row.Status switch
        {
            DeliveryStatus.Skipped => $"Nothing was sent to {name}: {row.LastError}.",
            DeliveryStatus.Sent => $"{name} already has the summary of week {SelectedWeek} (sent {(row.SentAtUtc is { } at ? LocalTime(at) : "")}); nobody gets a week twice.",
            _ => null,
        };
        if (Notice is not null)
        {
            if (this.WantsPartial()) Response.Toast(Notice, ToastKind.Warning);
            return await AnswerAsync(ct);
        }
        await batches.EnqueueAsync(new DeliveryScope(SelectedWeek, employeeId, Manual: true), ct);
        return await QueuedAsync($"Sending the summary to {name}…", ct);
    }

    async Task<IActionResult> ConfirmAsync(PreviewConfirmation confirmation, CancellationToken ct)
    {
        Confirming = confirmation;
        return await AnswerAsync(ct);
    }

    async Task<IActionResult> RefuseAsync(CancellationToken ct)
    {
        if (this.WantsPartial()) Response.Toast(WeekProblem!, ToastKind.Error);
        Notice = WeekProblem;
        return await AnswerAsync(ct);
    }

    async Task<IActionResult> QueuedAsync(string message, CancellationToken ct)
    {
        if (!this.WantsPartial()) return RedirectToPage(new { week = SelectedWeek.ToString(), Status, Team });
        Response.Toast(message, ToastKind.Info);
        await CountAsync(ct);
        return Partial("_Progress", this);
    }

    /// <summary>The progress area (notice, confirmation) for htmx; the whole page for a plain form post.</summary>
    async Task<IActionResult> AnswerAsync(CancellationToken ct)
    {
        if (this.WantsPartial()) { await CountAsync(ct); return Partial("_Progress", this); }
        await LoadAsync(ct);
        return Page();
    }

    async Task ResolveWeekAsync(CancellationToken ct)
    {
        var lastWeek = weeks.LastEnded;
        if (string.IsNullOrWhiteSpace(Week)) SelectedWeek = lastWeek;
        else if (IsoWeek.TryParse(Week, out var w)) SelectedWeek = w;
        else
        {
            WeekProblem = $"\"{Week}\" is not a week such as {lastWeek}.";
            SelectedWeek = lastWeek;
            return;
        }
        WeekCheck = await weeks.CheckAsync(SelectedWeek, ct);
        WeekProblem = WeekCheck.Problem;
    }

    async Task CountAsync(CancellationToken ct) =>
        Counts = IsPreviewWeek
            ? batches.PreviewCounts(SelectedWeek) ?? new(0, 0, 0, 0, 0)
            : await deliveries.CountsAsync(new DeliveryScope(SelectedWeek), ct);

    async Task LoadAsync(CancellationToken ct)
    {
        var week = SelectedWeek.ToString();
        await CountAsync(ct);
        Teams = (await access.VisibleTeams(User).AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
        var rows = await access.Visible(User).AsNoTracking()
            .Where(e => Team == null || e.TeamId == Team)
            .Select(e => new
            {
                e.Id, e.FirstName, e.LastName, e.Email, TeamName = e.Team!.Name,
                Delivery = db.SummaryDeliveries.Where(d => d.EmployeeId == e.Id && d.Week == week)
                    .Select(d => new { d.Status, d.Attempts, d.LastError, d.SentAtUtc, d.NextAttemptAtUtc }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Rows = rows
            .Select(r => new Row(r.Id, Employee.FullNameOf(r.FirstName, r.LastName), r.Email, r.TeamName, r.Delivery?.Status, r.Delivery?.Attempts ?? 0, r.Delivery?.LastError, r.Delivery?.SentAtUtc, r.Delivery?.NextAttemptAtUtc))
            .Where(r => Status == null || r.Status == Status)
            .OrderBy(r => r.Status == DeliveryStatus.Failed ? 0 : 1).ThenBy(r => r.TeamName).ThenBy(r => r.Name)
            .ToList();
    }

    public string LocalTime(DateTime utc) => OrganisationClock.ToLocal(utc, org.Value.Zone).ToString("ddd d MMM HH:mm");
}
