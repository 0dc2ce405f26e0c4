using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Development;

/// <summary>
/// Someone with something to follow up, made through the domain as the plan and conversation pages would: an
/// observation an hour ago (first skill Developing, last skill Beginning) with an open next step, a conversation a month
/// ago with an open agreed step, an upskilling plan with the rubric's last skill (target 3), a chosen skill and a
/// confidence rating.
/// </summary>
public static class FollowUpSeed
{
    /// <summary>Clears what the demo tells of someone's development (plans, choices, confidence, conversations), for a test that starts it from nothing.</summary>
    public static async Task ClearDevelopmentAsync(CoachingDbContext db, int employeeId)
    {
        await db.AgreedSteps.Where(s => s.EmployeeId == employeeId).ExecuteDeleteAsync();
        await db.DevelopmentConversations.Where(c => c.EmployeeId == employeeId).ExecuteDeleteAsync();
        await db.SkillChoices.Where(c => c.EmployeeId == employeeId).ExecuteDeleteAsync();
        await db.ConfidenceRatings.Where(c => c.EmployeeId == employeeId).ExecuteDeleteAsync();
        var plans = db.DevelopmentPlans.Where(p => p.EmployeeId == employeeId).Select(p => p.Id);
        await db.PlanSkills.Where(s => plans.Contains(s.DevelopmentPlanId)).ExecuteDeleteAsync();
        await db.PlanEvents.Where(e => plans.Contains(e.DevelopmentPlanId)).ExecuteDeleteAsync();
        await db.DevelopmentPlans.Where(p => p.EmployeeId == employeeId).ExecuteDeleteAsync();
    }

    public sealed record Seeded(int EmployeeId, int ActionItemId, int AgreedStepId, string FirstSkill, string PlanSkill, DateOnly TargetDate,
        string NextStep, string AgreedStep, string ChosenSkill);

    public static async Task<Seeded> SeedAsync(CoachingDbContext db, string fullName, string tag, DateTime? observedAtUtc = null)
    {
        var now = DateTime.UtcNow;
        var monthAgo = now.AddDays(-30);
        var monthAgoDay = DateOnly.FromDateTime(monthAgo);
        var e = await db.Employees.SingleAsync(x => x.FirstName + " " + x.LastName == fullName);
        await ClearDevelopmentAsync(db, e.Id);
        var manager = await db.TeamManagers.Where(m => m.TeamId == e.TeamId).Select(m => m.UserId).FirstAsync();
        var versionId = await db.JobRoles.Where(r => r.Id == e.JobRoleId)
            .Select(r => db.Rubrics.Where(x => x.Id == r.DefaultRubricId).Select(x => x.CurrentVersionId!.Value).Single()).SingleAsync();
        var skills = await db.Skills.Where(s => s.RubricVersionId == versionId).OrderBy(s => s.Order).ToListAsync();
        var (first, planned, chosen) = (skills[0], skills[^1], skills[1]);

        var observation = new Observation
        {
            EmployeeId = e.Id, ObserverUserId = manager, RubricVersionId = versionId, ObservedAtUtc = observedAtUtc ?? now.AddMinutes(-2), CreatedAtUtc = now.AddMinutes(-2),
            Ratings = [new Rating { SkillId = first.Id, SkillKey = first.Key, Level = 2 }, new Rating { SkillId = planned.Id, SkillKey = planned.Key, Level = 1 }],
            ActionItems = [new ActionItem { EmployeeId = e.Id, Text = $"Next step {tag}" }],
        };
        observation.Submit(now.AddMinutes(-2));

        var conversation = DevelopmentConversation.Log(e.Id, manager, monthAgoDay, $"Talked about {tag}", [$"Agreed step {tag}"], null, monthAgoDay, monthAgo).Conversation!;

        var existing = await db.DevelopmentPlans.Include(p => p.Skills).Where(p => p.EmployeeId == e.Id).ToListAsync();
        var plan = DevelopmentPlan.Start(e.Id, e.JobRoleId, DevelopmentGoal.BetterInCurrentRole, null, existing, manager, monthAgo).Plan
            ?? existing.Single(p => p.IsActive && p.Track == DevelopmentTrack.Upskilling);
        var targetDate = monthAgoDay.AddDays(120);
        plan.AddSkill(planned.Key, planned.Name, 3, targetDate, 1, 4, monthAgoDay, manager, monthAgo);
        if (plan.Id == 0) db.DevelopmentPlans.Add(plan);

        db.Observations.Add(observation);
        db.DevelopmentConversations.Add(conversation);
        db.SkillChoices.Add(new SkillChoice { EmployeeId = e.Id, SkillKey = chosen.Key, ChosenAtUtc = monthAgo });
        db.ConfidenceRatings.Add(new ConfidenceRating { EmployeeId = e.Id, SkillKey = planned.Key, Level = 5, RatedAtUtc = monthAgo });
        await db.SaveChangesAsync();
        return new Seeded(e.Id, observation.ActionItems[0].Id, conversation.Steps[0].Id, first.Name, planned.Name, targetDate,
            $"Next step {tag}", $"Agreed step {tag}", chosen.Name);
    }
}
