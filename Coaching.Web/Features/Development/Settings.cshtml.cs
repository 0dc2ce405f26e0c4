using System.Globalization;
using Coaching.Domain.Development;
using Coaching.Web.Access;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Development;

/// <summary>HR sets how many skills a person may choose and how often everyone should have a development conversation.</summary>
public class SettingsModel(CoachingDbContext db, AuditTrail audit, TimeProvider clock, Microsoft.Extensions.Options.IOptions<OrganisationOptions> org) : PageModel
{
    public TimeZoneInfo Zone => org.Value.Zone;
    /// <summary>Bound as typed text, so a value that is not a number comes back as it was typed, with its message.</summary>
    [BindProperty] public string? SkillChoiceLimit { get; set; }
    [BindProperty] public string? ConversationTargetDays { get; set; }
    public DevelopmentSettings Current { get; private set; } = new();

    async Task<DevelopmentSettings?> StoredAsync(CancellationToken ct) =>
        await db.DevelopmentSettings.SingleOrDefaultAsync(x => x.Id == DevelopmentSettings.SingleId, ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await StoredAsync(ct) ?? new();
        SkillChoiceLimit = Current.SkillChoiceLimit.ToString(CultureInfo.InvariantCulture);
        ConversationTargetDays = Current.ConversationTargetDays.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stored = await StoredAsync(ct);
        var settings = stored ?? new DevelopmentSettings();
        var (oldLimit, oldTarget) = (settings.SkillChoiceLimit, settings.ConversationTargetDays);
        var problems = settings.Change(Number(SkillChoiceLimit), Number(ConversationTargetDays), EmployeeAccess.UserId(User), clock.GetUtcNow().UtcDateTime);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError(p.Field, p.Message);
            Current = settings;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (stored is null) db.DevelopmentSettings.Add(settings);
        audit.Record(User, "development.settings", "Development settings",
            $"Skills a person may choose: {oldLimit} → {settings.SkillChoiceLimit}; conversation target: every {oldTarget} → {settings.ConversationTargetDays} days");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (stored is null)
        {
            // Someone saved the very first settings at the same moment: apply this change on top of theirs (once: the row exists now).
            db.ChangeTracker.Clear();
            return await OnPostAsync(ct);
        }
        TempData["Toast"] = "Development settings saved.";
        return RedirectToPage();
    }

    /// <summary>Whole numbers only; anything else is "no number", which the domain's check answers with the field's message.</summary>
    static int? Number(string? typed) =>
        int.TryParse(typed?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
