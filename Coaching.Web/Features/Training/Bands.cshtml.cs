using System.Globalization;
using Coaching.Domain.Training;
using Coaching.Web.Data;
using Coaching.Web.Features.Observations;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Training;

/// <summary>
/// HR: per site and skill, peer trainers and training given by tenure band, warned when one band gives more than half;
/// and the tenure bands themselves, typed as the years each band starts ("0, 1, 5, 10").
/// </summary>
public class BandsModel(CoachingDbContext db, EmployeeAccess access, IAuthorizationService authorization, PeerTraining peerTraining,
    AuditTrail audit, TimeProvider clock) : PageModel
{
    public const string NotYears = "Write the years each band starts, as whole numbers separated by commas, e.g. 0, 1, 5, 10.";

    /// <summary>Bound as typed text, so a refused value comes back as it was typed, beside its message.</summary>
    [BindProperty] public string? Bands { get; set; }
    public TenureBands Current { get; private set; } = TenureBands.Default;
    public DateTime? UpdatedAtUtc { get; private set; }
    public IReadOnlyList<PeerTraining.SiteSkillBands> BySiteAndSkill { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Bands = Starts(Current);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.HumanResources)) return Forbid();
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest("The form could not be read. Reload the page.");
        var stored = await peerTraining.StoredBandsAsync(ct);
        var settings = stored ?? new TenureBandSettings();
        var before = Starts(settings.ToBands());
        var starts = Parse(Bands);
        var problems = starts is null ? [new(TenureBands.BandsField, NotYears)] : settings.Change(starts, EmployeeAccess.UserId(User), clock.GetUtcNow().UtcDateTime);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError(nameof(Bands), p.Message);
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (stored is null) db.TenureBandSettings.Add(settings);
        audit.Record(User, "training.bands", "Tenure bands", $"Band starts (years): {before} → {Starts(settings.ToBands())}");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (stored is null)
        {
            // Someone saved the very first bands at the same moment: apply this change on top of theirs (once: the row exists now).
            db.ChangeTracker.Clear();
            return await OnPostAsync(ct);
        }
        TempData["Toast"] = "Tenure bands saved.";
        return RedirectToPage();
    }

    /// <summary>Whole years separated by commas (or spaces); null when any part is not one.</summary>
    public static List<int>? Parse(string? typed)
    {
        var parts = (typed ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var starts = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return null;
            starts.Add(year);
        }
        return starts;
    }

    public static string Starts(TenureBands bands) => string.Join(", ", bands.Bands.Select(b => b.FromYears));

    async Task LoadAsync(CancellationToken ct)
    {
        var stored = await peerTraining.StoredBandsAsync(ct);
        Current = stored?.ToBands() ?? TenureBands.Default;
        UpdatedAtUtc = stored?.UpdatedAtUtc;
        BySiteAndSkill = await peerTraining.ByBandAsync(access.Visible(User), ct);
    }
}
