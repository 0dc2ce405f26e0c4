using Coaching.Domain.Development;
using Coaching.Domain.Organisation;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Development;

/// <summary>
/// The employee's own development, phone first: the skills they chose to learn (choose, drop) and how confident they
/// feel in each skill of their plan and each chosen one. Only ever their own: the employee comes from the account;
/// an employee id sent with a form must be theirs, and a choice id must be one of their choices.
/// </summary>
public class MyDevelopmentModel(UserManager<AppUser> users, CoachingDbContext db, EmployeeAccess access, DevelopmentChoices choices,
    AuditTrail audit, TimeProvider clock, ILogger<MyDevelopmentModel> logger) : PageModel
{
    public DevelopmentChoices.View View { get; private set; } = null!;
    /// <summary>Choosable skills not chosen now, for the "Choose a skill" list.</summary>
    public IReadOnlyList<DevelopmentChoices.CatalogueSkill> Choosable { get; private set; } = [];
    /// <summary>The skill picked in the list, kept when the choice is refused.</summary>
    public string? SkillKey { get; private set; }
    public Dictionary<Guid, string> ConfidenceProblems { get; } = [];
    public string? ChooseProblem => ModelState[SkillChoiceRules.SkillField]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>One confidence form: its skill, whose it is, the message beside it and whether it was just saved.</summary>
    public sealed record ConfidenceForm(DevelopmentChoices.ConfidenceLine Line, int EmployeeId, string? Problem, bool Saved);

    public ConfidenceForm FormOf(DevelopmentChoices.ConfidenceLine line) => new(line, View.EmployeeId, ConfidenceProblems.GetValueOrDefault(line.Key), false);

    public async Task<IActionResult> OnGetAsync(int? employeeId, CancellationToken ct)
    {
        if (await OwnEmployeeAsync(employeeId, ct) is not { } own) return NotFound();
        await LoadAsync(own, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostChooseAsync(string? skillKey, int? employeeId, CancellationToken ct)
    {
        if (await OwnEmployeeAsync(employeeId, ct) is not { } own) return NotFound();
        SkillKey = skillKey;
        if (!Guid.TryParse(skillKey, out var key))
            ModelState.AddModelError(SkillChoiceRules.SkillField, "Choose a skill from the list.");
        else
        {
            var choosable = await choices.ChoosableAsync(ct);
            var name = choosable.FirstOrDefault(s => s.Key == key)?.Name ?? "That skill";
            var existing = await db.SkillChoices.Where(c => c.EmployeeId == own.Id).ToListAsync(ct);
            var result = SkillChoiceRules.Choose(own.Id, key, name, choosable.Select(s => s.Key), existing, await choices.LimitAsync(ct), Now);
            foreach (var p in result.Problems) ModelState.AddModelError(p.Field, p.Message);
            if (result.Choice is { } choice)
            {
                db.SkillChoices.Add(choice);
                audit.Record(User, "skill.choose", own.FullName, $"Chose {name}.");
                await db.SaveChangesAsync(ct);
                return await AnswerAsync(own, $"You chose {name}.", ct);
            }
        }
        await LoadAsync(own, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return this.PageOrPartial("_MyDevelopment", this);
    }

    public async Task<IActionResult> OnPostDropAsync(int choiceId, int? employeeId, CancellationToken ct)
    {
        if (await OwnEmployeeAsync(employeeId, ct) is not { } own) return NotFound();
        // Someone else's choice id answers as if it did not exist.
        var choice = await db.SkillChoices.SingleOrDefaultAsync(c => c.Id == choiceId && c.EmployeeId == own.Id, ct);
        if (choice is null) return NotFound();
        var name = (await choices.ForEmployeeAsync(own, ct)).Chosen.FirstOrDefault(c => c.Id == choiceId)?.Name;
        if (choice.IsActive)
        {
            choice.Drop(Now);
            audit.Record(User, "skill.drop", own.FullName, $"Dropped {name}.");
            await db.SaveChangesAsync(ct);
        }
        return await AnswerAsync(own, name is null ? "Already dropped." : $"You dropped {name}.", ct);
    }

    public async Task<IActionResult> OnPostConfidenceAsync(string? skillKey, int? level, int? employeeId, CancellationToken ct)
    {
        if (await OwnEmployeeAsync(employeeId, ct) is not { } own) return NotFound();
        if (!Guid.TryParse(skillKey, out var key)) return NotFound();
        // A level that is not a number reads as none: the message asks to choose one.
        if (ModelState[nameof(level)]?.Errors.Count > 0) level = null;
        var (rating, problems) = ConfidenceRules.Rate(own.Id, key, level, await choices.RateableAsync(own.Id, ct), Now);
        if (rating is not null)
        {
            db.ConfidenceRatings.Add(rating);
            var name = (await choices.ForEmployeeAsync(own, ct)).Confidence.FirstOrDefault(l => l.Key == key)?.Name;
            audit.Record(User, "confidence.rate", own.FullName, $"{name}: {rating.Level} ({ConfidenceRules.LevelLabel(rating.Level)}).");
            await db.SaveChangesAsync(ct);
        }
        await LoadAsync(own, ct);
        var line = View.Confidence.FirstOrDefault(l => l.Key == key);
        if (rating is not null)
        {
            if (!this.WantsPartial())
            {
                TempData["Toast"] = $"Saved: {line?.Name}, {ConfidenceRules.LevelLabel(rating.Level)}.";
                return Redirect($"/MyDevelopment#confidence-{key}");
            }
            return Partial("_Confidence", new ConfidenceForm(line!, own.Id, null, true));
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var problem = problems[0].Message;
        // A skill no longer in the plan or the choices (dropped in another tab) has no form left: the message goes on top.
        if (line is null)
        {
            ModelState.AddModelError("", problem);
            return this.PageOrPartial("_MyDevelopment", this);
        }
        ConfidenceProblems[key] = problem;
        ModelState.AddModelError(ConfidenceRules.LevelField, problem);
        return this.WantsPartial() ? Partial("_Confidence", FormOf(line)) : Page();
    }

    /// <summary>After a change: the refreshed section for htmx, a redirect (and the toast) for a plain form.</summary>
    async Task<IActionResult> AnswerAsync(Employee own, string message, CancellationToken ct)
    {
        if (!this.WantsPartial())
        {
            TempData["Toast"] = message;
            return Redirect("/MyDevelopment");
        }
        Response.Toast(message);
        await LoadAsync(own, ct);
        return Partial("_MyDevelopment", this);
    }

    async Task LoadAsync(Employee own, CancellationToken ct)
    {
        View = await choices.ForEmployeeAsync(own, ct);
        var chosen = View.Chosen.Select(c => c.Key).ToHashSet();
        Choosable = (await choices.ChoosableAsync(ct)).Where(s => !chosen.Contains(s.Key)).ToList();
    }

    /// <summary>The account's own employee; another id (in the URL or a form) is refused (404) and logged.</summary>
    async Task<Employee?> OwnEmployeeAsync(int? askedFor, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { EmployeeId: { } own }) return null;
        if (askedFor is { } other && other != own)
        {
            logger.LogWarning("User {User} tried to act on the development of employee {EmployeeId}, who is not them", EmployeeAccess.UserId(User), other);
            return null;
        }
        return await access.FindAsync(User, own, ct);
    }

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
