using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Development;

/// <summary>The development practice saved to and read back from a real SQLite file, each time through a fresh context.</summary>
public class DevelopmentStorageTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    static readonly DateOnly Today = new(2026, 11, 25);

    async Task<(Employee Person, string ManagerId, Guid[] SkillKeys)> SomeoneAsync() => await factory.WithDbAsync(async db =>
    {
        var person = await db.Employees.OrderBy(e => e.Id).FirstAsync(e => e.IsActive);
        var manager = await db.TeamManagers.Where(m => m.TeamId == person.TeamId).Select(m => m.UserId).FirstAsync();
        var keys = await db.Skills.Select(s => s.Key).Distinct().Take(3).ToArrayAsync();
        return (person, manager, keys);
    });

    [Fact]
    public async Task A_plan_keeps_its_track_roles_skills_dropped_ones_and_history()
    {
        var (person, manager, keys) = await SomeoneAsync();
        var target = await factory.WithDbAsync(async db =>
        {
            var role = new JobRole { Name = "Contact centre agent (test)" };
            db.JobRoles.Add(role);
            await db.SaveChangesAsync();
            return role;
        });

        var planId = await factory.WithDbAsync(async db =>
        {
            var plan = DevelopmentPlan.Start(person.Id, person.JobRoleId, DevelopmentGoal.MoveToAnotherRole, target, [], manager, Now).Plan!;
            Assert.Empty(plan.AddSkill(keys[0], "First", 3, Today.AddDays(60), 1, 4, Today, manager, Now));
            Assert.Empty(plan.AddSkill(keys[1], "Second", 2, Today.AddDays(30), 1, 4, Today, manager, Now));
            Assert.Empty(plan.DropSkill(keys[1], "Second", manager, Now.AddMinutes(1)));
            db.DevelopmentPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

        await factory.WithDbAsync(async db =>
        {
            var plan = await db.DevelopmentPlans.Include(p => p.Skills).Include(p => p.History).SingleAsync(p => p.Id == planId);
            Assert.Equal(planId, plan.Id);
            Assert.Equal((person.Id, DevelopmentTrack.Reskilling, (int?)target.Id, (int?)null, PlanStatus.Active, manager),
                (plan.EmployeeId, plan.Track, plan.TargetRoleId, plan.AdditionalRoleId, plan.Status, plan.CreatedByUserId));
            Assert.Equal(Now, plan.CreatedAtUtc);
            Assert.Equal([keys[0]], plan.CurrentSkills.Select(s => s.SkillKey));
            var dropped = plan.Skills.Single(s => s.SkillKey == keys[1]);
            Assert.Equal((Now.AddMinutes(1), 2, Today.AddDays(30)), (dropped.DroppedAtUtc!.Value, dropped.TargetLevel, dropped.TargetDate));
            Assert.Equal(4, plan.History.Count);
            Assert.Equal("Dropped Second.", plan.History.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Last().What);

            // Stopping later and saving the loaded plan: the window closes, and the observation time decides membership.
            Assert.Empty(plan.Stop("Moved to another store", manager, Now.AddDays(5)));
            await db.SaveChangesAsync();
        });

        var reloaded = await factory.WithDbAsync(db => db.DevelopmentPlans.AsNoTracking().Where(p => p.EmployeeId == person.Id).ToListAsync());
        Assert.Equal(("Moved to another store", (DateTime?)Now.AddDays(5)), (reloaded.Single().StopReason, reloaded.Single().EndedAtUtc));
        Assert.Single(DevelopmentPlan.ActiveAt(reloaded, Now.AddDays(1)));
        Assert.Empty(DevelopmentPlan.ActiveAt(reloaded, Now.AddDays(6)));
    }

    [Fact]
    public async Task A_conversation_keeps_its_steps_done_marks_and_the_reflection()
    {
        var (person, manager, _) = await SomeoneAsync();
        var id = await factory.WithDbAsync(async db =>
        {
            var log = DevelopmentConversation.Log(person.Id, manager, Today.AddDays(-2), "Where next", ["Shadow a colleague", "Read the guide"], "Add refunds", Today, Now);
            db.DevelopmentConversations.Add(log.Conversation!);
            await db.SaveChangesAsync();
            return log.Conversation!.Id;
        });

        await factory.WithDbAsync(async db =>
        {
            var c = await db.DevelopmentConversations.Include(x => x.Steps).SingleAsync(x => x.Id == id);
            Assert.Empty(c.MarkStep(c.Steps.Single(s => s.Order == 0).Id, true, Now.AddDays(1)));
            Assert.Empty(c.AddReflection("Helpful", person.Id, Now.AddDays(1)));
            await db.SaveChangesAsync();
        });

        await factory.WithDbAsync(async db =>
        {
            var c = await db.DevelopmentConversations.Include(x => x.Steps).AsNoTracking().SingleAsync(x => x.Id == id);
            Assert.Equal((manager, Today.AddDays(-2), "Where next", "Add refunds", "Helpful"), (c.ManagerUserId, c.HeldOn, c.Discussed, c.PlanChanges, c.Reflection));
            Assert.Equal(["Shadow a colleague", "Read the guide"], c.Steps.OrderBy(s => s.Order).Select(s => s.Text));
            Assert.Equal([true, false], c.Steps.OrderBy(s => s.Order).Select(s => s.IsDone));
            Assert.Equal(1, await db.AgreedSteps.CountAsync(s => s.EmployeeId == person.Id && s.DoneAtUtc == null));
        });
    }

    [Fact]
    public async Task Choices_confidence_settings_and_the_career_path_are_kept()
    {
        var (person, manager, keys) = await SomeoneAsync();
        var nextRoleId = 0;
        await factory.WithDbAsync(async db =>
        {
            // The demo already opens some skills to choose; a skill is marked once.
            var marked = await db.ChoosableSkills.Select(c => c.SkillKey).ToListAsync();
            db.ChoosableSkills.AddRange(keys.Except(marked).Select(k => new ChoosableSkill { SkillKey = k, MarkedAtUtc = Now, MarkedByUserId = manager }));
            var settings = new DevelopmentSettings();
            Assert.Empty(settings.Change(2, 60, manager, Now));
            db.DevelopmentSettings.Add(settings);
            await db.SaveChangesAsync();

            var choosable = await db.ChoosableSkills.Select(c => c.SkillKey).ToListAsync();
            var limit = (await db.DevelopmentSettings.SingleAsync()).SkillChoiceLimit;
            foreach (var key in keys.Take(2))
            {
                var existing = await db.SkillChoices.Where(c => c.EmployeeId == person.Id).ToListAsync();
                db.SkillChoices.Add(SkillChoiceRules.Choose(person.Id, key, "skill", choosable, existing, limit, Now).Choice!);
                await db.SaveChangesAsync();
            }
            var all = await db.SkillChoices.Where(c => c.EmployeeId == person.Id).ToListAsync();
            Assert.Equal("SkillKey", SkillChoiceRules.Choose(person.Id, keys[2], "Third", choosable, all, limit, Now).Problems.Single().Field);
            all[0].Drop(Now.AddDays(1));

            db.ConfidenceRatings.Add(new ConfidenceRating { EmployeeId = person.Id, SkillKey = keys[0], Level = 2, RatedAtUtc = Now });
            db.ConfidenceRatings.Add(new ConfidenceRating { EmployeeId = person.Id, SkillKey = keys[0], Level = 4, RatedAtUtc = Now.AddDays(1) });

            var roles = await db.JobRoles.OrderBy(r => r.Id).Take(2).ToListAsync();
            roles[0].LeadsTo.Add(roles[1]);
            roles[1].CreatedByNewTechnology = true;
            await db.SaveChangesAsync();
            nextRoleId = roles[1].Id;
        });

        await factory.WithDbAsync(async db =>
        {
            var choices = await db.SkillChoices.AsNoTracking().Where(c => c.EmployeeId == person.Id).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal([false, true], choices.Select(c => c.IsActive));
            Assert.Equal(Now.AddDays(1), choices[0].DroppedAtUtc);
            var latest = ConfidenceRules.Latest(await db.ConfidenceRatings.Where(c => c.EmployeeId == person.Id).ToListAsync());
            Assert.Equal(4, latest[keys[0]].Level);
            var settings = await db.DevelopmentSettings.AsNoTracking().SingleAsync();
            Assert.Equal((DevelopmentSettings.SingleId, 2, 60), (settings.Id, settings.SkillChoiceLimit, settings.ConversationTargetDays));
            var first = await db.JobRoles.Include(r => r.LeadsTo).AsNoTracking().OrderBy(r => r.Id).FirstAsync();
            var next = first.LeadsTo.Single(r => r.Id == nextRoleId); // next to the demo's own career path
            Assert.True(next.CreatedByNewTechnology);
            Assert.Equal(DevelopmentTrack.Newskilling, TrackRules.TrackFor(DevelopmentGoal.MoveToAnotherRole, next));
        });
    }
}
