using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Demo;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coaching.Tests.Development;

/// <summary>The development stories the demo organisation tells, read back from the seeded SQLite file.</summary>
public class DemoStoriesTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    DateOnly Today()
    {
        var zone = factory.Services.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone));
    }

    Task<List<DevelopmentPlan>> PlansAsync() => factory.WithDbAsync(db => db.DevelopmentPlans
        .Include(p => p.Employee!).ThenInclude(e => e.JobRole).Include(p => p.Skills).Include(p => p.History).AsNoTracking().ToListAsync());

    Task<Dictionary<Guid, string>> SkillNamesAsync() => factory.WithDbAsync(db => db.Skills.ToDictionaryAsync(s => s.Key, s => s.Name));

    [Fact]
    public async Task Grocery_cashiers_cross_train_for_online_order_fulfilment_a_role_new_technology_created()
    {
        var plans = await PlansAsync();
        var (cashier, picker) = await factory.WithDbAsync(async db => (
            await db.JobRoles.Include(r => r.LeadsTo).AsNoTracking().SingleAsync(r => r.Name == "Cashier"),
            await db.JobRoles.Include(r => r.Requirements).AsNoTracking().SingleAsync(r => r.Name == DemoSeeder.OnlineOrderPicker)));
        Assert.True(picker.CreatedByNewTechnology);
        Assert.Contains(cashier.LeadsTo, r => r.Id == picker.Id);

        var crossTraining = plans.Where(p => p.Track == DevelopmentTrack.CrossTraining && p.Employee!.JobRoleId == cashier.Id).ToList();
        Assert.True(crossTraining.Count >= 3, $"{crossTraining.Count} cashiers cross-training");
        Assert.All(crossTraining, p =>
        {
            Assert.Equal(picker.Id, p.AdditionalRoleId);
            Assert.Null(p.TargetRoleId);
            Assert.NotEmpty(p.CurrentSkills);
            // Proposed from the gap to the picker's requirements (one manager added Communication later, on the record).
            Assert.Contains(p.CurrentSkills, s => picker.Requirements.Any(r => r.SkillKey == s.SkillKey && r.RequiredLevel <= s.TargetLevel));
            Assert.StartsWith("Started a cross-training plan (also covering Online-order picker)", p.History.OrderBy(h => h.AtUtc).First().What);
        });
        Assert.Contains(crossTraining, p => p.Skills.Any(s => s.IsDropped) && p.History.Any(h => h.What.StartsWith("Dropped ")));
        Assert.Contains(crossTraining, p => p.History.Any(h => h.What.StartsWith("Changed ")));

        var newskilling = Assert.Single(plans, p => p.Track == DevelopmentTrack.Newskilling);
        Assert.Equal(("Liam O'Connor", (int?)picker.Id), (newskilling.Employee!.FullName, newskilling.TargetRoleId));
    }

    [Fact]
    public async Task The_banks_branch_staff_reskill_into_contact_centre_agents()
    {
        var plans = await PlansAsync();
        var (adviser, agent) = await factory.WithDbAsync(async db => (
            await db.JobRoles.Include(r => r.LeadsTo).AsNoTracking().SingleAsync(r => r.Name == DemoSeeder.BranchAdviser),
            await db.JobRoles.Include(r => r.Requirements).AsNoTracking().SingleAsync(r => r.Name == "Contact centre agent")));
        Assert.Contains(adviser.LeadsTo, r => r.Id == agent.Id);

        var siteOfTeam = await factory.WithDbAsync(db => db.Teams.ToDictionaryAsync(t => t.Id, t => t.Site));
        var reskilling = plans.Where(p => p.Track == DevelopmentTrack.Reskilling && p.TargetRoleId == agent.Id && p.IsActive).ToList();
        Assert.True(reskilling.Count >= 3, $"{reskilling.Count} reskilling to Contact centre agent");
        Assert.All(reskilling, p =>
        {
            Assert.Equal((adviser.Id, "Harbour Bank"), (p.Employee!.JobRoleId, siteOfTeam[p.Employee.TeamId]));
            Assert.All(p.CurrentSkills, s => Assert.Contains(agent.Requirements, r => r.SkillKey == s.SkillKey));
            Assert.All(p.CurrentSkills, s => Assert.True(s.TargetDate > DateOnly.FromDateTime(p.CreatedAtUtc)));
        });
        // Shadow shifts: reskilling observations on the agents' rubric while the plan is active.
        var shadowed = await factory.WithDbAsync(db => db.Observations.Where(o => o.Track == DevelopmentTrack.Reskilling && o.Employee!.JobRoleId == adviser.Id)
            .Select(o => new { o.EmployeeId, o.ObservedAtUtc }).ToListAsync());
        Assert.Contains(shadowed, o => reskilling.Any(p => p.EmployeeId == o.EmployeeId && p.WasActiveAt(o.ObservedAtUtc)));
    }

    [Fact]
    public async Task Medical_assistants_upskill_for_phlebotomy_and_vaccine_administration()
    {
        var plans = await PlansAsync();
        var names = await SkillNamesAsync();
        var upskilling = plans.Where(p => p.Track == DevelopmentTrack.Upskilling && p.IsActive && p.Employee!.JobRole!.Name == "Medical assistant").ToList();
        Assert.True(upskilling.Count >= 3, $"{upskilling.Count} medical assistants upskilling");
        Assert.All(upskilling, p =>
        {
            var skills = p.CurrentSkills.Select(s => names[s.SkillKey]).ToList();
            Assert.Contains("Phlebotomy (venipuncture)", skills);
            Assert.Contains("Vaccine administration", skills);
            Assert.Null(p.TargetRoleId);
            Assert.Null(p.AdditionalRoleId);
        });
    }

    [Fact]
    public async Task The_baristas_have_a_plan_going_one_achieved_and_one_stopped_with_a_reason()
    {
        var baristas = (await PlansAsync()).Where(p => p.Employee!.JobRole!.Name == "Barista").ToList();
        Assert.Contains(baristas, p => p.Status == PlanStatus.Active && p.Track == DevelopmentTrack.Upskilling);
        var achieved = Assert.Single(baristas, p => p.Status == PlanStatus.Achieved);
        Assert.NotNull(achieved.EndedAtUtc);
        Assert.Equal("Marked the plan achieved.", achieved.History.OrderBy(h => h.AtUtc).Last().What);
        var stopped = Assert.Single(baristas, p => p.Status == PlanStatus.Stopped);
        Assert.False(string.IsNullOrWhiteSpace(stopped.StopReason));
        Assert.Equal($"Stopped the plan: {stopped.StopReason}", stopped.History.OrderBy(h => h.AtUtc).Last().What);
    }

    [Fact]
    public async Task People_chose_skills_HR_allows_within_the_limit_and_one_dropped_a_choice()
    {
        var (choosable, choices) = await factory.WithDbAsync(async db => (
            await db.ChoosableSkills.Select(c => c.SkillKey).ToListAsync(), await db.SkillChoices.AsNoTracking().ToListAsync()));
        Assert.True(choosable.Count >= 5);
        Assert.All(choices, c => Assert.Contains(c.SkillKey, choosable));
        var active = choices.Where(c => c.IsActive).GroupBy(c => c.EmployeeId).ToList();
        Assert.True(active.Count >= 4, $"{active.Count} people chose skills");
        Assert.All(active, g => Assert.InRange(g.Count(), 1, DevelopmentSettings.DefaultChoiceLimit));
        Assert.Contains(active, g => g.Count() == DevelopmentSettings.DefaultChoiceLimit);
        var dropped = Assert.Single(choices, c => !c.IsActive);
        Assert.True(dropped.DroppedAtUtc > dropped.ChosenAtUtc);
        Assert.Contains(active, g => g.Key == dropped.EmployeeId); // and chose another one
    }

    [Fact]
    public async Task Confidence_was_rated_over_time_and_shows_both_kinds_of_mismatch_with_what_was_observed()
    {
        var plans = (await PlansAsync()).Where(p => p.IsActive).ToList();
        var (confidence, ratings) = await factory.WithDbAsync(async db => (
            await db.ConfidenceRatings.AsNoTracking().ToListAsync(),
            await db.Ratings.Where(r => r.IsSubmitted && r.Level != null).Select(r => new { r.EmployeeId, r.SkillKey, r.Level, r.ObservedAtUtc }).ToListAsync()));
        Assert.Contains(confidence.GroupBy(c => (c.EmployeeId, c.SkillKey)), g => g.Select(c => c.RatedAtUtc.Date).Distinct().Count() >= 3);
        Assert.All(confidence, c => Assert.InRange(c.Level, ConfidenceRules.Lowest, ConfidenceRules.Highest));

        var mismatches = new List<ConfidenceMismatch>();
        foreach (var byPerson in confidence.GroupBy(c => c.EmployeeId))
        {
            var latest = ConfidenceRules.Latest(byPerson);
            foreach (var skill in plans.Where(p => p.EmployeeId == byPerson.Key).SelectMany(p => p.CurrentSkills))
            {
                var observed = ratings.Where(r => r.EmployeeId == byPerson.Key && r.SkillKey == skill.SkillKey).MaxBy(r => r.ObservedAtUtc)?.Level;
                mismatches.Add(ConfidenceRules.Mismatch(latest.GetValueOrDefault(skill.SkillKey)?.Level, observed, skill.TargetLevel));
            }
        }
        Assert.Contains(ConfidenceMismatch.ConfidentObservedLow, mismatches);
        Assert.Contains(ConfidenceMismatch.ObservedHighNotConfident, mismatches);
        Assert.True(mismatches.Count(m => m == ConfidenceMismatch.None) > mismatches.Count / 2, "most confidence follows what was observed");
    }

    [Fact]
    public async Task Conversations_happen_at_an_uneven_rate_per_manager_with_steps_reflections_and_plan_changes()
    {
        var today = Today();
        var byManager = await factory.WithDbAsync(async db =>
        {
            var last = await db.DevelopmentConversations.GroupBy(c => c.EmployeeId).Select(g => new { EmployeeId = g.Key, Last = g.Max(c => c.HeldOn) }).ToDictionaryAsync(x => x.EmployeeId, x => x.Last);
            var people = await db.Employees.Where(e => e.IsActive).Select(e => new { e.Id, e.TeamId }).ToListAsync();
            var managers = await db.TeamManagers.ToListAsync();
            return managers.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => ConversationRate.For(
                people.Where(p => g.Any(m => m.TeamId == p.TeamId)).Select(p => last.TryGetValue(p.Id, out var d) ? d : (DateOnly?)null), today, 90));
        });
        Assert.True(byManager.Count >= 4);
        Assert.InRange(byManager.Values.Max(r => r.Share), 0.8, 1.0);
        Assert.InRange(byManager.Values.Min(r => r.Share), 0.0, 0.4);
        Assert.True(byManager.Values.Count(r => r.Share >= 0.8) >= 2, "some managers near 90%");

        var conversations = await factory.WithDbAsync(db => db.DevelopmentConversations.Include(c => c.Steps).AsNoTracking().ToListAsync());
        Assert.All(conversations, c => Assert.InRange(c.HeldOn, today.AddYears(-1), today));
        Assert.Contains(conversations, c => c.HeldOn < today.AddDays(-180));
        var steps = conversations.SelectMany(c => c.Steps).ToList();
        Assert.Contains(steps, s => s.IsDone);
        Assert.Contains(steps, s => !s.IsDone);
        Assert.Contains(conversations, c => c.Reflection is not null && c.ReflectedAtUtc is not null);
        Assert.True(conversations.Count(c => c.PlanChanges is not null) >= 3);
        // Every conversation is with one of the manager's own people.
        var teamOf = await factory.WithDbAsync(db => db.Employees.ToDictionaryAsync(e => e.Id, e => e.TeamId));
        var managed = await factory.WithDbAsync(db => db.TeamManagers.ToListAsync());
        Assert.All(conversations, c => Assert.Contains(managed, m => m.UserId == c.ManagerUserId && m.TeamId == teamOf[c.EmployeeId]));
    }

    [Fact]
    public async Task Starting_again_on_the_seeded_database_adds_nothing()
    {
        Task<int[]> CountsAsync() => factory.WithDbAsync(async db => new[]
        {
            await db.Users.CountAsync(), await db.Employees.CountAsync(), await db.JobRoles.CountAsync(), await db.Observations.CountAsync(),
            await db.DevelopmentPlans.CountAsync(), await db.PlanEvents.CountAsync(), await db.ChoosableSkills.CountAsync(), await db.SkillChoices.CountAsync(),
            await db.ConfidenceRatings.CountAsync(), await db.DevelopmentConversations.CountAsync(), await db.AgreedSteps.CountAsync(),
        });
        var before = await CountsAsync();
        Assert.All(before, n => Assert.True(n > 0));

        using (var scope = factory.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync());

        Assert.Equal(before, await CountsAsync());
    }
}
