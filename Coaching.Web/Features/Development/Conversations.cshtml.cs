using Coaching.Domain.Development;
using Coaching.Domain.Organisation;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Observations;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Development;

/// <summary>
/// A person's development conversations: their coaches (a manager of their team, HR, Admin) log one; the employee
/// reflects on it and marks the agreed steps done (so can the coaches). An observation is not a conversation: nothing
/// here reads observations.
/// </summary>
public class ConversationsModel(CoachingDbContext db, EmployeeAccess access, IAuthorizationService authorization, DevelopmentConversations conversations,
    AuditTrail audit, TimeProvider clock, IOptions<OrganisationOptions> org) : PageModel
{
    /// <summary>Rows of agreed steps on a fresh form; "Add another step" adds more, up to the domain's limit.</summary>
    public const int StepRows = 1;

    [BindProperty] public ConversationInput Input { get; set; } = new();
    public Employee Person { get; private set; } = null!;
    public IReadOnlyList<DevelopmentConversations.Item> Conversations { get; private set; } = [];
    /// <summary>A coach of this person: may log conversations and mark steps.</summary>
    public bool CanLog { get; private set; }
    /// <summary>The signed-in person is this employee: may reflect and mark steps.</summary>
    public bool IsTheEmployee { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>A refused reflection: what was typed, per conversation, to show again beside its message.</summary>
    public Dictionary<int, string?> TypedReflections { get; } = [];

    public sealed class ConversationInput
    {
        public DateOnly? HeldOn { get; set; }
        public string? Discussed { get; set; }
        public List<string?> Steps { get; set; } = [];
        public string? PlanChanges { get; set; }
        /// <summary>One per form shown: the same form sent twice logs one conversation.</summary>
        public Guid FormKey { get; set; }
    }

    /// <summary>What one conversation's partial needs.</summary>
    public sealed record ConversationView(ConversationsModel Page, DevelopmentConversations.Item Item);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = FreshForm();
        return Page();
    }

    /// <summary>A blank row for "Add another step" (its index is the number of rows already there).</summary>
    public async Task<IActionResult> OnGetStepRowAsync(int id, int index, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (!await access.CanSeeAsync(User, id, ct)) return NotFound();
        return index is < 0 or >= DevelopmentConversation.MaxSteps ? BadRequest() : Partial("_ConversationStepRow", (index, (string?)null, (string?)null));
    }

    /// <summary>A coach logs a conversation. Refused input comes back beside its fields, as typed, and nothing is saved.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest("The form could not be read. Reload the page.");
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.UsePlainBindingMessages(key => key.EndsWith(nameof(Input.HeldOn)) ? "Enter the date as a date, e.g. today." : null);
        var formKey = Input.FormKey == Guid.Empty ? Guid.NewGuid() : Input.FormKey;
        // Sent twice (a double tap, a resend after the connection dropped): the first one is the conversation.
        if (await IsLoggedAsync(formKey, ct)) return await LoggedAsync(id, already: true, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var log = DevelopmentConversation.Log(id, EmployeeAccess.UserId(User), Input.HeldOn, Input.Discussed, Input.Steps, Input.PlanChanges, Today, now);
        foreach (var p in log.Problems)
            if (ModelState[$"{nameof(Input)}.{p.Field}"] is not { Errors.Count: > 0 }) ModelState.AddModelError($"{nameof(Input)}.{p.Field}", p.Message);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            while (Input.Steps.Count < StepRows) Input.Steps.Add(null);
            return this.PageOrPartial("_ConversationsBody", this);
        }
        var conversation = log.Conversation!;
        conversation.FormKey = formKey;
        db.DevelopmentConversations.Add(conversation);
        audit.Record(User, "conversation.log", Person.FullName,
            $"Held on {conversation.HeldOn:yyyy-MM-dd}; {conversation.Steps.Count} agreed step(s){(conversation.PlanChanges is null ? "" : "; plan changes")}.");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Both taps got past the check above; the unique key let only the other one in.
            db.ChangeTracker.Clear();
            if (!await IsLoggedAsync(formKey, ct)) throw;
        }
        return await LoggedAsync(id, already: false, ct);
    }

    /// <summary>The employee adds, rewrites or clears (blank) their reflection on one of their conversations.</summary>
    public async Task<IActionResult> OnPostReflectionAsync(int id, int conversationId, string? reflection, CancellationToken ct)
    {
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest("The form could not be read. Reload the page.");
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsTheEmployee) return Forbid();
        var conversation = await FindConversationAsync(id, conversationId, ct);
        if (conversation is null) return NotFound();
        var before = conversation.Reflection;
        var problems = conversation.AddReflection(reflection, id, clock.GetUtcNow().UtcDateTime);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError(ReflectionKey(conversationId), p.Message);
            TypedReflections[conversationId] = reflection;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ConversationAnswerAsync(id, conversationId, ct);
        }
        if (before != conversation.Reflection)
        {
            audit.Record(User, "conversation.reflect", Person.FullName,
                $"Conversation of {conversation.HeldOn:yyyy-MM-dd}: reflection {(before is null ? "added" : conversation.Reflection is null ? "cleared" : "changed")}.");
            await db.SaveChangesAsync(ct);
        }
        return await SavedAsync(id, conversationId, "Reflection saved.", ct);
    }

    /// <summary>The employee or a coach marks an agreed step done, or "not yet" again.</summary>
    public async Task<IActionResult> OnPostStepAsync(int id, int conversationId, int stepId, bool done, CancellationToken ct)
    {
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest("The form could not be read. Reload the page.");
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsTheEmployee && !CanLog) return Forbid();
        var conversation = await FindConversationAsync(id, conversationId, ct);
        var step = conversation?.Steps.FirstOrDefault(s => s.Id == stepId);
        if (conversation is null || step is null) return NotFound();
        if (step.IsDone != done)
        {
            conversation.MarkStep(stepId, done, clock.GetUtcNow().UtcDateTime);
            audit.Record(User, "conversation.step", Person.FullName,
                $"Conversation of {conversation.HeldOn:yyyy-MM-dd}: \"{step.Text}\" marked {(done ? "done" : "not yet")}.");
            await db.SaveChangesAsync(ct);
        }
        return await SavedAsync(id, conversationId, done ? "Step marked done." : "Step marked not yet.", ct);
    }

    public static string ReflectionKey(int conversationId) => $"Reflection-{conversationId}";

    public string LocalDate(DateTime utc) => OrganisationClock.ToLocal(utc, org.Value.Zone).ToString("d MMM yyyy");

    ConversationInput FreshForm() => new()
    {
        HeldOn = Today, Steps = Enumerable.Repeat<string?>(null, StepRows).ToList(), FormKey = Guid.NewGuid(),
    };

    Task<bool> IsLoggedAsync(Guid key, CancellationToken ct) => db.DevelopmentConversations.AnyAsync(c => c.FormKey == key, ct);

    Task<DevelopmentConversation?> FindConversationAsync(int employeeId, int conversationId, CancellationToken ct) =>
        db.DevelopmentConversations.Include(c => c.Steps).SingleOrDefaultAsync(c => c.Id == conversationId && c.EmployeeId == employeeId, ct);

    async Task<IActionResult> LoggedAsync(int id, bool already, CancellationToken ct)
    {
        var message = already ? "This conversation was already logged." : "Conversation logged.";
        if (!this.WantsPartial())
        {
            TempData["Toast"] = message;
            return RedirectToPage(new { id });
        }
        Response.Toast(message, already ? ToastKind.Info : ToastKind.Success);
        ModelState.Clear();
        Input = FreshForm();
        Conversations = await conversations.OfAsync(id, ct);
        return Partial("_ConversationsBody", this);
    }

    async Task<IActionResult> SavedAsync(int id, int conversationId, string message, CancellationToken ct)
    {
        if (!this.WantsPartial())
        {
            TempData["Toast"] = message;
            return RedirectToPage(null, null, new { id }, $"conversation-{conversationId}");
        }
        Response.Toast(message);
        return await ConversationAnswerAsync(id, conversationId, ct);
    }

    /// <summary>One conversation for htmx (the rest of the page, a coach's half-typed form included, stays as it is); the whole page otherwise.</summary>
    async Task<IActionResult> ConversationAnswerAsync(int id, int conversationId, CancellationToken ct)
    {
        Conversations = await conversations.OfAsync(id, ct);
        if (!this.WantsPartial())
        {
            Input = FreshForm();
            return Page();
        }
        return Partial("_Conversation", new ConversationView(this, Conversations.Single(c => c.Id == conversationId)));
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var person = await access.FindAsync(User, id, ct);
        if (person is null) return false;
        Person = person;
        Today = OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone);
        CanLog = await authorization.AllowsAsync(User, Policies.Coaches);
        IsTheEmployee = await access.IsThemselfAsync(User, id, ct);
        Conversations = await conversations.OfAsync(id, ct);
        return true;
    }
}
