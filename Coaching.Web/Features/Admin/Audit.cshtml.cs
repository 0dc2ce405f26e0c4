using System.Globalization;
using Coaching.Domain.Organisation;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Admin;

/// <summary>Admin → Audit: every administrative change, newest first, filtered by kind, person and dates.</summary>
public class AuditModel(CoachingDbContext db, IOptions<OrganisationOptions> org) : PageModel
{
    public const int PageSize = 100;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public string? DateProblem { get; private set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "q")] public string? Filter { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? From { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? To { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actions = await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(Action)) query = query.Where(a => a.Action == Action);
        if (!string.IsNullOrWhiteSpace(Filter))
        {
            var f = Filter.Trim().ToLower();
            query = query.Where(a => a.Subject.ToLower().Contains(f) || a.UserName.ToLower().Contains(f) || a.Details.ToLower().Contains(f));
        }
        var from = ReadDate(From, "From");
        var to = ReadDate(To, "To");
        if (from is { } f1 && to is { } t1 && t1 < f1) DateProblem = "The end date is before the start date.";
        if (DateProblem is null)
        {
            var zone = org.Value.Zone;
            if (from is { } start) { var s = OrganisationClock.StartOfDayUtc(start, zone); query = query.Where(a => a.AtUtc >= s); }
            if (to is { } end) { var e = OrganisationClock.StartOfDayUtc(end.AddDays(1), zone); query = query.Where(a => a.AtUtc < e); }
            Entries = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(PageSize).ToListAsync(ct);
        }
        if (DateProblem is not null) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
    }

    DateOnly? ReadDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 2000) return d;
        DateProblem ??= $"\"{value}\" is not a date ({field}).";
        return null;
    }

    public string Local(DateTime utc) => OrganisationClock.ToLocal(utc, org.Value.Zone).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
}
