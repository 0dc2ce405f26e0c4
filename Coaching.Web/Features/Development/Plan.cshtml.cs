using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.People;
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
/// A person's development plans. Coaches (their managers, HR, Admin) start one from the goal, with the skills the gap
/// proposes, and change it; the employee reads theirs and adds the skills they chose. Every change is a method of
/// <see cref="DevelopmentPlan"/>, which keeps the plan's history; the audit trail records it too.
/// </summary>
public class PlanModel(CoachingDbContext db, EmployeeAccess access, IAuthorizationService authorization, DevelopmentPlans plans,
    Rubrics.PublishedRubrics rubrics, AuditTrail audit, TimeProvider clock, IOptions<OrganisationOptions> org) : PageModel
{
    /// <summary>The default target date of a proposed skill: a quarter is long enough to practise and be observed.</summary>
    public const int DefaultTargetMonths = 3;
    /// <summary>The answers htmx sends when one changes (not the whole form: the token stays out of the URL).</summary>
    public const string AnswersSelector = "[name='Start.Goal'], [name='Start.TargetRoleId'], [name='Start.AdditionalRoleId']";

    [BindProperty(SupportsGet = true)] public StartInput Start { get; set; } = new();
    public Employee Employee { get; private set; } = null!;
    public IReadOnlyList<DevelopmentPlans.PlanView> Plans { get; private set; } = [];
    public IReadOnlyList<DevelopmentPlans.RoleOption> RoleOptions { get; private set; } = [];
    /// <summary>The track the answers so far lead to (null until a goal is chosen).</summary>
    public DevelopmentTrack? StartTrack { get; private set; }
    public DevelopmentPlans.Scale StartScale { get; private set; } = DevelopmentPlans.Scale.Default;
    public IReadOnlyList<ProposalLine> Proposals { get; private set; } = [];
    public bool CanCoach { get; private set; }
    public bool IsSelf { get; private set; }
    /// <summary>The plan a refused change was made on: its form opens again with the message.</summary>
    public int? FailedPlanId { get; private set; }
    public DateOnly Today { get; private set; }

    public sealed class StartInput
    {
        public DevelopmentGoal? Goal { get; set; }
        public int? TargetRoleId { get; set; }
        public int? AdditionalRoleId { get; set; }
        public List<ProposedInput> Skills { get; set; } = [];
    }
    public sealed class ProposedInput
    {
        public Guid SkillKey { get; set; }
        public bool Include { get; set; }
        public int? TargetLevel { get; set; }
        public DateOnly? TargetDate { get; set; }
    }
    /// <summary>A proposed skill as the form shows it: what was last observed and what the role requires.</summary>
    public sealed record ProposalLine(int Index, Guid Key, string Name, int? Observed, int? Required, ProposedInput Input);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear(); // answers in a link are a starting point, not a form to judge
        if (CanCoach && Start.Goal is not null) await ProposeAsync(fromGap: true, ct);
        return Page();
    }

    /// <summary>The track and proposed skills for the answers so far (htmx swaps them in as the answers change).</summary>
    public async Task<IActionResult> OnGetChoicesAsync(int id, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear(); // half-given answers are not mistakes yet
        await ProposeAsync(fromGap: true, ct);
        return this.PageOrPartial("_PlanStartChoices");
    }

    /// <summary>Without JavaScript: the page again, with the track and proposed skills for the answers sent.</summary>
    public async Task<IActionResult> OnPostAnswersAsync(int id, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        await ProposeAsync(fromGap: true, ct);
        return Page();
    }

    /// <summary>Starts a plan and adds the ticked skills, or saves nothing and shows each problem beside its field.</summary>
    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest(UnreadableForm.Message);
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.UsePlainBindingMessages();
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = EmployeeAccess.UserId(User);
        JobRole? role = null;
        if (Start.Goal is not { } goal || !Enum.IsDefined(goal)) ModelState.AddModelError($"{nameof(Start)}.{TrackRules.GoalField}", "Choose the goal.");
        else
        {
            var roleField = goal == DevelopmentGoal.MoveToAnotherRole ? TrackRules.TargetRoleField : TrackRules.AdditionalRoleField;
            var roleId = goal switch { DevelopmentGoal.MoveToAnotherRole => Start.TargetRoleId, DevelopmentGoal.ExtraWorkNextToCurrentRole => Start.AdditionalRoleId, _ => null };
            if (roleId is { } rid && (role = await db.JobRoles.SingleOrDefaultAsync(r => r.Id == rid, ct)) is null)
                ModelState.AddModelError($"{nameof(Start)}.{roleField}", "Choose a role from the list.");
        }
        // Unreadable skill fields are reported with everything else below; only a missing goal or role stops here.
        if (ModelState.Keys.Any(k => !k.StartsWith($"{nameof(Start)}.Skills[") && ModelState[k]!.Errors.Count > 0)) return await RefusedStartAsync(ct);

        var existing = await db.DevelopmentPlans.Where(p => p.EmployeeId == id).ToListAsync(ct);
        var started = DevelopmentPlan.Start(id, Employee.JobRoleId, Start.Goal!.Value, role, existing, userId, now);
        foreach (var p in started.Problems) ModelState.AddModelError($"{nameof(Start)}.{p.Field}", p.Message);
        if (started.Plan is not { } plan) return await RefusedStartAsync(ct);

        var scale = await plans.ScaleOfRoleAsync(plan.RequirementsRoleId(Employee.JobRoleId), ct);
        var names = await SkillNamesAsync(Start.Skills.Select(s => s.SkillKey), ct);
        for (var i = 0; i < Start.Skills.Count; i++)
        {
            var s = Start.Skills[i];
            if (!s.Include) continue;
            if (!names.TryGetValue(s.SkillKey, out var name))
            {
                ModelState.AddModelError($"{nameof(Start)}.Skills[{i}].{DevelopmentPlan.SkillField}", "That skill is not in any rubric; reload the page.");
                continue;
            }
            foreach (var p in plan.AddSkill(s.SkillKey, name, s.TargetLevel ?? 0, s.TargetDate, scale.Min, scale.Max, Today, userId, now))
                ModelState.AddModelError($"{nameof(Start)}.Skills[{i}].{p.Field}", p.Message);
        }
        if (!ModelState.IsValid) return await RefusedStartAsync(ct);

        db.DevelopmentPlans.Add(plan);
        audit.Record(User, "plan.start", Employee.FullName, string.Join(" ", plan.History.Select(h => h.What)));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another tap or device started a plan on this track since the page was loaded: say so beside the goal.
            db.ChangeTracker.Clear();
            var plansNow = await db.DevelopmentPlans.AsNoTracking().Where(p => p.EmployeeId == id).ToListAsync(ct);
            ModelState.AddModelError($"{nameof(Start)}.{TrackRules.GoalField}",
                TrackRules.SecondActivePlanProblem(plan.Track, plansNow) ?? "The plan could not be saved; reload the page and try again.");
            if (!await LoadAsync(id, ct)) return NotFound();
            return await RefusedStartAsync(ct);
        }
        TempData["Toast"] = $"{plan.Track.Label()} plan started for {Employee.FullName}.";
        return Redirect($"/People/{id}/Plan#plan-{plan.Id}");
    }

    /// <summary>
    /// Adds a skill to an active plan. Coaches add any skill of the plan's rubric or one the person chose; the employee
    /// adds to their own plan from the skills they chose (the history says who).
    /// </summary>
    public async Task<IActionResult> OnPostAddSkillAsync(int id, int planId, string? skillKey, int? targetLevel, DateOnly? targetDate, CancellationToken ct)
    {
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest(UnreadableForm.Message);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanCoach && !IsSelf) return Forbid();
        if (await PlanAsync(id, planId, ct) is not { } plan) return NotFound();
        ModelState.UsePlainBindingMessages();
        Keep(planId, DevelopmentPlan.SkillField, skillKey);
        Keep(planId, DevelopmentPlan.TargetLevelField, targetLevel?.ToString());
        Keep(planId, DevelopmentPlan.TargetDateField, targetDate?.ToString("yyyy-MM-dd"));
        var view = Plans.Single(p => p.Id == planId);
        var allowed = CanCoach ? view.Addable : view.Addable.Where(s => s.Chosen).ToList();
        var skill = Guid.TryParse(skillKey, out var key) ? allowed.FirstOrDefault(s => s.Key == key) : null;
        IReadOnlyList<FieldProblem> problems = skill is null
            ? [new(DevelopmentPlan.SkillField, CanCoach ? "Choose a skill from the list." : "Choose one of the skills you chose to learn.")]
            : plan.AddSkill(skill.Key, skill.Name, targetLevel ?? 0, targetDate, view.MinLevel, view.MaxLevel, Today, EmployeeAccess.UserId(User), Now);
        return await SavedOrRefusedAsync(plan, problems, "plan.add-skill", ct);
    }

    public async Task<IActionResult> OnPostDropSkillAsync(int id, int planId, Guid skillKey, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await PlanAsync(id, planId, ct) is not { } plan) return NotFound();
        if (plan.Skills.All(s => s.SkillKey != skillKey)) return NotFound();
        var name = (await SkillNamesAsync([skillKey], ct)).GetValueOrDefault(skillKey, "That skill");
        return await SavedOrRefusedAsync(plan, plan.DropSkill(skillKey, name, EmployeeAccess.UserId(User), Now), "plan.drop-skill", ct);
    }

    public async Task<IActionResult> OnPostChangeTargetAsync(int id, int planId, Guid skillKey, int? targetLevel, DateOnly? targetDate, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest(UnreadableForm.Message);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await PlanAsync(id, planId, ct) is not { } plan) return NotFound();
        if (plan.Skills.All(s => s.SkillKey != skillKey)) return NotFound();
        ModelState.UsePlainBindingMessages();
        var prefix = $"Skill{skillKey:N}.";
        Keep(planId, prefix + DevelopmentPlan.TargetLevelField, targetLevel?.ToString());
        Keep(planId, prefix + DevelopmentPlan.TargetDateField, targetDate?.ToString("yyyy-MM-dd"));
        var name = (await SkillNamesAsync([skillKey], ct)).GetValueOrDefault(skillKey, "That skill");
        var scale = await plans.ScaleOfRoleAsync(plan.RequirementsRoleId(Employee.JobRoleId), ct);
        var problems = plan.ChangeTarget(skillKey, name, targetLevel ?? 0, targetDate, scale.Min, scale.Max, Today, EmployeeAccess.UserId(User), Now)
            .Select(p => p with { Field = p.Field is DevelopmentPlan.TargetLevelField or DevelopmentPlan.TargetDateField ? prefix + p.Field : p.Field }).ToList();
        return await SavedOrRefusedAsync(plan, problems, "plan.change-target", ct);
    }

    public async Task<IActionResult> OnPostAchieveAsync(int id, int planId, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await PlanAsync(id, planId, ct) is not { } plan) return NotFound();
        return await SavedOrRefusedAsync(plan, plan.Achieve(EmployeeAccess.UserId(User), Now), "plan.achieve", ct);
    }

    public async Task<IActionResult> OnPostStopAsync(int id, int planId, string? stopReason, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest(UnreadableForm.Message);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await PlanAsync(id, planId, ct) is not { } plan) return NotFound();
        Keep(planId, DevelopmentPlan.StopReasonField, stopReason);
        return await SavedOrRefusedAsync(plan, plan.Stop(stopReason, EmployeeAccess.UserId(User), Now), "plan.stop", ct);
    }

    /// <summary>The key a plan's field is filed under, so its message shows beside that plan's field and no other.</summary>
    public static string FieldOf(int planId, string field) => $"Plan{planId}.{field}";

    async Task<IActionResult> SavedOrRefusedAsync(DevelopmentPlan plan, IReadOnlyList<FieldProblem> problems, string action, CancellationToken ct)
    {
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError(FieldOf(plan.Id, p.Field), p.Message);
            FailedPlanId = plan.Id;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Plans = await plans.PlansOfAsync(Employee, ct);
            return Page();
        }
        var what = plan.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).LastOrDefault()?.What;
        if (db.ChangeTracker.HasChanges())
        {
            audit.Record(User, action, Employee.FullName, $"{plan.Track.Label()} plan: {what}");
            await db.SaveChangesAsync(ct);
        }
        TempData["Toast"] = action switch
        {
            "plan.add-skill" => "Skill added to the plan.",
            "plan.drop-skill" => "Skill dropped from the plan.",
            "plan.change-target" => "Target saved.",
            "plan.achieve" => "Plan marked achieved.",
            _ => "Plan stopped.",
        };
        return Redirect($"/People/{Employee.Id}/Plan#plan-{plan.Id}");
    }

    async Task<IActionResult> RefusedStartAsync(CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await ProposeAsync(fromGap: false, ct);
        return Page();
    }

    /// <summary>
    /// The track and proposed skills for the answers in <see cref="Start"/>. From the gap when the answers change; a
    /// refused save shows what was typed instead.
    /// </summary>
    async Task ProposeAsync(bool fromGap, CancellationToken ct)
    {
        if (Start.Goal is not { } goal || !Enum.IsDefined(goal)) { Proposals = []; return; }
        var roleId = goal switch { DevelopmentGoal.MoveToAnotherRole => Start.TargetRoleId, DevelopmentGoal.ExtraWorkNextToCurrentRole => Start.AdditionalRoleId, _ => null };
        var role = RoleOptions.FirstOrDefault(r => r.Id == roleId);
        StartTrack = TrackRules.TrackFor(goal, role is null ? null : new JobRole { Id = role.Id, Name = role.Name, CreatedByNewTechnology = role.CreatedByNewTechnology });
        var requirementsRoleId = goal == DevelopmentGoal.BetterInCurrentRole ? Employee.JobRoleId : role?.Id;
        if (requirementsRoleId is not { } rid) { Proposals = []; return; }
        StartScale = await plans.ScaleOfRoleAsync(rid, ct);
        var observed = await plans.LastObservedAsync(Employee.Id, ct);
        var required = await db.RoleRequirements.Where(r => r.JobRoleId == rid).ToDictionaryAsync(r => r.SkillKey, r => r.RequiredLevel, ct);
        if (fromGap)
        {
            var gap = await plans.ProposalsAsync(Employee.Id, rid, ct);
            Start.Skills = gap.Select(g => new ProposedInput { SkillKey = g.SkillKey, Include = true, TargetLevel = g.RequiredLevel, TargetDate = Today.AddMonths(DefaultTargetMonths) }).ToList();
        }
        var names = await SkillNamesAsync(Start.Skills.Select(s => s.SkillKey), ct);
        Proposals = Start.Skills.Select((s, i) => new ProposalLine(i, s.SkillKey, names.GetValueOrDefault(s.SkillKey, "(unknown skill)"),
            observed.TryGetValue(s.SkillKey, out var o) ? o : null, required.TryGetValue(s.SkillKey, out var q) ? q : null, s)).ToList();
    }

    async Task<Dictionary<Guid, string>> SkillNamesAsync(IEnumerable<Guid> keys, CancellationToken ct) =>
        (await rubrics.SkillNamesAsync(keys, ct)).ToDictionary(n => n.Key, n => n.Value.Name);

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var employee = await access.FindAsync(User, id, ct);
        if (employee is null) return false;
        Employee = employee;
        Today = OrganisationClock.Today(Now, org.Value.Zone);
        CanCoach = await authorization.AllowsAsync(User, Policies.Coaches);
        IsSelf = await access.IsThemselfAsync(User, id, ct);
        Plans = await plans.PlansOfAsync(employee, ct);
        RoleOptions = CanCoach ? await plans.RoleOptionsAsync(employee.JobRoleId, ct) : [];
        return true;
    }

    /// <summary>The plan, only when it is this person's: a plan id from another person's page is not found.</summary>
    Task<DevelopmentPlan?> PlanAsync(int employeeId, int planId, CancellationToken ct) =>
        db.DevelopmentPlans.Include(p => p.Skills).Include(p => p.History).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId && p.EmployeeId == employeeId, ct);

    /// <summary>What was typed stays in the field when the change is refused.</summary>
    void Keep(int planId, string field, string? value) => ModelState.SetModelValue(FieldOf(planId, field), value, value);

    /// <summary>A date in the organisation's zone, as the plan page writes dates.</summary>
    public string Day(DateTime utc) => OrganisationClock.ToLocal(utc, org.Value.Zone).ToString("d MMM yyyy");

    DateTime Now => clock.GetUtcNow().UtcDateTime;
}
