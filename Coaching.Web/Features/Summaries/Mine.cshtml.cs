using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Summaries;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Summaries;

/// <summary>
/// The signed-in employee's own summary of a week, readable on a phone: where the email's link goes. The PDF is one tap
/// away, and their past summaries are listed. Only ever their own: the employee comes from the account, never the URL.
/// </summary>
public class MySummaryModel(UserManager<AppUser> users, CoachingDbContext db, SummarySources sources, SummaryWeeks weeks,
    ILogger<MySummaryModel> logger) : PageModel
{
    public IsoWeek Week { get; private set; }
    public WeeklySummary? Summary { get; private set; }
    /// <summary>Why there is no summary to show for the week (not ended, before the organisation), or null.</summary>
    public string? Problem { get; private set; }
    public IReadOnlyList<IsoWeek> PastWeeks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? week, int? employeeId, CancellationToken ct)
    {
        if (await OwnEmployeeAsync(employeeId) is not { } own) return NotFound();
        Week = IsoWeek.TryParse(week, out var parsed) ? parsed : weeks.LastEnded;
        var check = await weeks.CheckAsync(Week, ct);
        Problem = check.Problem ?? (check.IsPreview ? $"Week {Week} has not ended yet: your summary of it arrives after it ends." : null);
        if (Problem is null) Summary = await sources.ComposeAsync(own, Week, ct);
        var current = Week.ToString();
        PastWeeks = (await db.SummaryDeliveries.AsNoTracking()
                .Where(d => d.EmployeeId == own && d.Status == DeliveryStatus.Sent && d.Week != current)
                .OrderByDescending(d => d.Week).Select(d => d.Week).Take(104).ToListAsync(ct))
            .Select(IsoWeek.Parse).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string? week, int? employeeId, CancellationToken ct)
    {
        if (await OwnEmployeeAsync(employeeId) is not { } own) return NotFound();
        if (!IsoWeek.TryParse(week, out var w) || await weeks.CheckAsync(w, ct) is not { CanSend: true, IsPreview: false }) return NotFound();
        var summary = await sources.ComposeAsync(own, w, ct);
        if (summary is null) return NotFound();
        return sources.Inline(this, summary);
    }

    /// <summary>The account's own employee; someone else's id in the URL is refused (404) and logged, never shown.</summary>
    async Task<int?> OwnEmployeeAsync(int? askedFor)
    {
        if (await users.GetUserAsync(User) is not { EmployeeId: { } own }) return null;
        if (askedFor is { } other && other != own)
        {
            logger.LogWarning("User {User} asked for the summary of employee {EmployeeId}, who is not them", EmployeeAccess.UserId(User), other);
            return null;
        }
        return own;
    }

    public string PdfLink(IsoWeek week) => $"/MySummary?handler=Pdf&week={week}";
    public static string When(DateTime local) => local.ToString("dddd d MMMM, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
