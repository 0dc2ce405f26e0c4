using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;

namespace Coaching.Tests.Domain;

public class TrackRulesTests
{
    static readonly JobRole Agent = new() { Id = 2, Name = "Contact centre agent" };
    static readonly JobRole Prompter = new() { Id = 3, Name = "AI prompt reviewer", CreatedByNewTechnology = true };

    [Fact]
    public void The_goal_decides_the_track_and_a_role_new_technology_created_makes_it_newskilling()
    {
        Assert.Equal(DevelopmentTrack.Upskilling, TrackRules.TrackFor(DevelopmentGoal.BetterInCurrentRole, null));
        Assert.Equal(DevelopmentTrack.Upskilling, TrackRules.TrackFor(DevelopmentGoal.BetterInCurrentRole, Prompter));
        Assert.Equal(DevelopmentTrack.Reskilling, TrackRules.TrackFor(DevelopmentGoal.MoveToAnotherRole, Agent));
        Assert.Equal(DevelopmentTrack.Reskilling, TrackRules.TrackFor(DevelopmentGoal.MoveToAnotherRole, null));
        Assert.Equal(DevelopmentTrack.Newskilling, TrackRules.TrackFor(DevelopmentGoal.MoveToAnotherRole, Prompter));
        Assert.Equal(DevelopmentTrack.CrossTraining, TrackRules.TrackFor(DevelopmentGoal.ExtraWorkNextToCurrentRole, Prompter));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackRules.TrackFor((DevelopmentGoal)9, null));
    }

    [Fact]
    public void Each_track_answers_one_goal_in_words()
    {
        Assert.Equal(DevelopmentGoal.BetterInCurrentRole, TrackRules.GoalOf(DevelopmentTrack.Upskilling));
        Assert.Equal(DevelopmentGoal.MoveToAnotherRole, TrackRules.GoalOf(DevelopmentTrack.Reskilling));
        Assert.Equal(DevelopmentGoal.MoveToAnotherRole, TrackRules.GoalOf(DevelopmentTrack.Newskilling));
        Assert.Equal(DevelopmentGoal.ExtraWorkNextToCurrentRole, TrackRules.GoalOf(DevelopmentTrack.CrossTraining));
        Assert.Equal("Get better in the current role", DevelopmentGoal.BetterInCurrentRole.Label());
        Assert.Equal("Move to another role", DevelopmentGoal.MoveToAnotherRole.Label());
        Assert.Equal("Take on extra work next to the current role", DevelopmentGoal.ExtraWorkNextToCurrentRole.Label());
    }

    [Theory]
    [InlineData(DevelopmentTrack.Upskilling, null, null, "")]
    [InlineData(DevelopmentTrack.Upskilling, 2, null, "TargetRoleId")]
    [InlineData(DevelopmentTrack.Upskilling, null, 2, "AdditionalRoleId")]
    [InlineData(DevelopmentTrack.Reskilling, 2, null, "")]
    [InlineData(DevelopmentTrack.Reskilling, null, null, "TargetRoleId")]
    [InlineData(DevelopmentTrack.Reskilling, 1, null, "TargetRoleId")]
    [InlineData(DevelopmentTrack.Reskilling, 2, 3, "AdditionalRoleId")]
    [InlineData(DevelopmentTrack.Newskilling, null, null, "TargetRoleId")]
    [InlineData(DevelopmentTrack.Newskilling, 3, null, "")]
    [InlineData(DevelopmentTrack.CrossTraining, null, 2, "")]
    [InlineData(DevelopmentTrack.CrossTraining, null, null, "AdditionalRoleId")]
    [InlineData(DevelopmentTrack.CrossTraining, null, 1, "AdditionalRoleId")]
    [InlineData(DevelopmentTrack.CrossTraining, 2, 3, "TargetRoleId")]
    public void Each_track_names_its_own_role_and_never_the_current_one(DevelopmentTrack track, int? target, int? additional, string field)
    {
        var problems = TrackRules.CheckRoles(track, currentRoleId: 1, target, additional);
        Assert.Equal(field, string.Join(",", problems.Select(p => p.Field)));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void The_messages_say_what_to_choose()
    {
        Assert.Equal("Choose the role the person is moving to.", TrackRules.CheckRoles(DevelopmentTrack.Reskilling, 1, null, null).Single().Message);
        Assert.StartsWith("That is the person's current role", TrackRules.CheckRoles(DevelopmentTrack.Reskilling, 1, 1, null).Single().Message);
        Assert.Equal("Choose the role whose work the person will also cover.", TrackRules.CheckRoles(DevelopmentTrack.CrossTraining, 1, null, null).Single().Message);
        Assert.StartsWith("That is the person's current role", TrackRules.CheckRoles(DevelopmentTrack.CrossTraining, 1, null, 1).Single().Message);
    }
}

public class DevelopmentPlanTests
{
    static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    static readonly DateOnly Today = new(2026, 11, 25);
    static readonly Guid Greeting = Guid.NewGuid(), Upselling = Guid.NewGuid();
    static readonly JobRole Cashier = new() { Id = 1, Name = "Cashier" };
    static readonly JobRole Picker = new() { Id = 2, Name = "Online-order picker" };
    static readonly JobRole Prompter = new() { Id = 3, Name = "AI prompt reviewer", CreatedByNewTechnology = true };

    static DevelopmentPlan Started(DevelopmentGoal goal = DevelopmentGoal.BetterInCurrentRole, JobRole? role = null) =>
        DevelopmentPlan.Start(7, Cashier.Id, goal, role, [], "mgr", Now).Plan!;

    [Fact]
    public void Starting_from_each_goal_sets_the_track_the_roles_and_the_first_history_line()
    {
        var up = Started();
        Assert.Equal((DevelopmentTrack.Upskilling, (int?)null, (int?)null, PlanStatus.Active), (up.Track, up.TargetRoleId, up.AdditionalRoleId, up.Status));
        Assert.Equal((7, Now, "mgr", Now, "mgr", (DateTime?)null), (up.EmployeeId, up.CreatedAtUtc, up.CreatedByUserId, up.UpdatedAtUtc, up.UpdatedByUserId, up.EndedAtUtc));
        Assert.Equal("Started an upskilling plan.", up.History.Single().What);
        Assert.Equal((Now, "mgr"), (up.History[0].AtUtc, up.History[0].UserId));

        var cross = Started(DevelopmentGoal.ExtraWorkNextToCurrentRole, Picker);
        Assert.Equal((DevelopmentTrack.CrossTraining, (int?)null, (int?)2), (cross.Track, cross.TargetRoleId, cross.AdditionalRoleId));
        Assert.Equal("Started a cross-training plan (also covering Online-order picker).", cross.History.Single().What);

        var res = Started(DevelopmentGoal.MoveToAnotherRole, Picker);
        Assert.Equal((DevelopmentTrack.Reskilling, (int?)2, (int?)null), (res.Track, res.TargetRoleId, res.AdditionalRoleId));
        Assert.Equal("Started a reskilling plan (moving to Online-order picker).", res.History.Single().What);

        var news = Started(DevelopmentGoal.MoveToAnotherRole, Prompter);
        Assert.Equal((DevelopmentTrack.Newskilling, (int?)3), (news.Track, news.TargetRoleId));
    }

    [Fact]
    public void Starting_without_the_role_the_goal_needs_or_with_the_current_role_is_refused()
    {
        var noRole = DevelopmentPlan.Start(7, 1, DevelopmentGoal.MoveToAnotherRole, null, [], "mgr", Now);
        Assert.Null(noRole.Plan);
        Assert.Equal("TargetRoleId", noRole.Problems.Single().Field);
        var same = DevelopmentPlan.Start(7, 1, DevelopmentGoal.ExtraWorkNextToCurrentRole, Cashier, [], "mgr", Now);
        Assert.Equal("AdditionalRoleId", same.Problems.Single().Field);
        var otherRoleForBetter = DevelopmentPlan.Start(7, 1, DevelopmentGoal.BetterInCurrentRole, Picker, [], "mgr", Now);
        Assert.Equal("Goal", otherRoleForBetter.Problems.Single().Field);
        Assert.NotNull(DevelopmentPlan.Start(7, 1, DevelopmentGoal.BetterInCurrentRole, Cashier, [], "mgr", Now).Plan);
    }

    [Fact]
    public void One_active_plan_per_track_but_another_track_or_an_ended_plan_or_another_person_does_not_block()
    {
        var up = Started();
        var second = DevelopmentPlan.Start(7, 1, DevelopmentGoal.BetterInCurrentRole, null, [up], "mgr", Now);
        Assert.Null(second.Plan);
        Assert.Equal(("Goal", "There is already an active upskilling plan; achieve or stop it before starting another."),
            (second.Problems.Single().Field, second.Problems.Single().Message));

        Assert.NotNull(DevelopmentPlan.Start(7, 1, DevelopmentGoal.ExtraWorkNextToCurrentRole, Picker, [up], "mgr", Now).Plan);
        Assert.NotNull(DevelopmentPlan.Start(8, 1, DevelopmentGoal.BetterInCurrentRole, null, [up], "mgr", Now).Plan);
        up.Achieve("mgr", Now);
        Assert.NotNull(DevelopmentPlan.Start(7, 1, DevelopmentGoal.BetterInCurrentRole, null, [up], "mgr", Now).Plan);
        Assert.Null(TrackRules.SecondActivePlanProblem(DevelopmentTrack.Upskilling, [up]));
    }

    [Fact]
    public void Adding_a_skill_records_its_target_and_the_history()
    {
        var plan = Started();
        var later = Now.AddHours(1);
        Assert.Empty(plan.AddSkill(Greeting, "Greeting", 3, Today.AddMonths(3), 1, 4, Today, "hr", later));
        var skill = plan.Skills.Single();
        Assert.Equal((Greeting, 3, Today.AddMonths(3), later, "hr", (DateTime?)null), (skill.SkillKey, skill.TargetLevel, skill.TargetDate, skill.AddedAtUtc, skill.AddedByUserId, skill.DroppedAtUtc));
        Assert.Equal("Added Greeting: level 3 by 25 Feb 2027.", plan.History.Last().What);
        Assert.Equal((later, "hr"), (plan.UpdatedAtUtc, plan.UpdatedByUserId));
    }

    [Theory]
    [InlineData(0, 0, "TargetLevel")]
    [InlineData(5, 0, "TargetLevel")]
    [InlineData(1, 0, "")]
    [InlineData(4, 0, "")]
    [InlineData(3, -1, "TargetDate")]
    [InlineData(3, 1097, "TargetDate")] // 26 Nov 2029: three years (2028 is a leap year) and a day ahead
    [InlineData(3, 1096, "")]
    public void A_target_is_on_the_rubric_scale_and_within_three_years(int level, int daysAhead, string field)
    {
        var plan = Started();
        var problems = plan.AddSkill(Greeting, "Greeting", level, Today.AddDays(daysAhead), 1, 4, Today, "mgr", Now);
        Assert.Equal(field, string.Join(",", problems.Select(p => p.Field)));
        Assert.Equal(field == "" ? 1 : 0, plan.Skills.Count);
    }

    [Fact]
    public void A_missing_date_a_duplicate_skill_and_a_target_message()
    {
        var plan = Started();
        Assert.Equal("Choose the date to reach the target by.", plan.AddSkill(Greeting, "Greeting", 3, null, 1, 4, Today, "mgr", Now).Single().Message);
        plan.AddSkill(Greeting, "Greeting", 3, Today, 1, 4, Today, "mgr", Now);
        var twice = plan.AddSkill(Greeting, "Greeting", 2, Today, 1, 4, Today, "mgr", Now);
        Assert.Equal(("SkillKey", "Greeting is already in the plan."), (twice.Single().Field, twice.Single().Message));
        Assert.Equal("Choose a target level from 1 to 4.", DevelopmentPlan.TargetProblems(9, Today, 1, 4, Today, null).Single().Message);
        Assert.Equal("The target date is in the past; choose 25 Nov 2026 or later.", DevelopmentPlan.TargetProblems(2, Today.AddDays(-1), 1, 4, Today, null).Single().Message);
        Assert.Equal("Choose a target date within 3 years (by 25 Nov 2029).", DevelopmentPlan.TargetProblems(2, Today.AddYears(4), 1, 4, Today, null).Single().Message);
        Assert.Empty(DevelopmentPlan.TargetProblems(2, Today.AddDays(-10), 1, 4, Today, stored: Today.AddDays(-10)));
    }

    [Fact]
    public void A_dropped_skill_stays_with_its_date_and_can_be_added_again()
    {
        var plan = Started();
        plan.AddSkill(Greeting, "Greeting", 3, Today.AddDays(30), 1, 4, Today, "mgr", Now);
        plan.AddSkill(Upselling, "Upselling", 2, Today.AddDays(30), 1, 4, Today, "mgr", Now);
        var later = Now.AddDays(2);
        Assert.Empty(plan.DropSkill(Greeting, "Greeting", "mgr", later));
        Assert.Equal(2, plan.Skills.Count);
        Assert.Equal(later, plan.Skills[0].DroppedAtUtc);
        Assert.True(plan.Skills[0].IsDropped);
        Assert.Equal([Upselling], plan.CurrentSkills.Select(s => s.SkillKey));
        Assert.Equal("Dropped Greeting.", plan.History.Last().What);
        Assert.Equal(("SkillKey", "Greeting is not in the plan."), (plan.DropSkill(Greeting, "Greeting", "mgr", later).Single().Field, plan.DropSkill(Greeting, "Greeting", "mgr", later).Single().Message));
        Assert.Empty(plan.AddSkill(Greeting, "Greeting", 4, Today.AddDays(60), 1, 4, Today, "mgr", later));
        Assert.Equal(3, plan.Skills.Count);
    }

    [Fact]
    public void Changing_a_target_records_old_and_new_and_an_unchanged_target_records_nothing()
    {
        var plan = Started();
        plan.AddSkill(Greeting, "Greeting", 2, Today.AddDays(30), 1, 4, Today, "mgr", Now);
        var events = plan.History.Count;
        Assert.Empty(plan.ChangeTarget(Greeting, "Greeting", 2, Today.AddDays(30), 1, 4, Today, "hr", Now));
        Assert.Equal(events, plan.History.Count);
        Assert.Empty(plan.ChangeTarget(Greeting, "Greeting", 3, Today.AddDays(60), 1, 4, Today, "hr", Now));
        Assert.Equal((3, Today.AddDays(60)), (plan.Skills[0].TargetLevel, plan.Skills[0].TargetDate));
        Assert.Equal("Changed Greeting: level 2 by 25 Dec 2026 → level 3 by 24 Jan 2027.", plan.History.Last().What);
        Assert.Empty(plan.ChangeTarget(Greeting, "Greeting", 4, Today.AddDays(60), 1, 4, Today, "hr", Now));
        Assert.Equal("Changed Greeting: level 3 by 24 Jan 2027 → level 4 by 24 Jan 2027.", plan.History.Last().What);
        Assert.Empty(plan.ChangeTarget(Greeting, "Greeting", 3, Today.AddDays(60), 1, 4, Today, "hr", Now));
        Assert.Equal(("SkillKey", "Upselling is not in the plan."), (plan.ChangeTarget(Upselling, "Upselling", 3, Today, 1, 4, Today, "hr", Now).Single().Field, plan.ChangeTarget(Upselling, "Upselling", 3, Today, 1, 4, Today, "hr", Now).Single().Message));
        Assert.Equal("TargetLevel", plan.ChangeTarget(Greeting, "Greeting", 7, Today, 1, 4, Today, "hr", Now).Single().Field);
        Assert.Equal(3, plan.Skills[0].TargetLevel);
    }

    [Fact]
    public void Stopping_needs_a_reason_and_an_ended_plan_no_longer_changes()
    {
        var plan = Started();
        Assert.Equal(("StopReason", "Say why the plan stops."), (plan.Stop("  ", "mgr", Now).Single().Field, plan.Stop(null, "mgr", Now).Single().Message));
        Assert.Equal(("StopReason", "The reason is at most 500 characters (this has 501)."), (plan.Stop(new string('x', 501), "mgr", Now).Single().Field, plan.Stop(new string('x', 501), "mgr", Now).Single().Message));
        Assert.Equal("StopReason", plan.Stop("left\u0000", "mgr", Now).Single().Field);
        Assert.Equal(PlanStatus.Active, plan.Status);
        Assert.Null(plan.EndedAtUtc);

        var later = Now.AddDays(40);
        Assert.Empty(plan.Stop(" Moved to another store ", "mgr", later));
        Assert.Equal((PlanStatus.Stopped, "Moved to another store", (DateTime?)later, false), (plan.Status, plan.StopReason, plan.EndedAtUtc, plan.IsActive));
        Assert.Equal("Stopped the plan: Moved to another store", plan.History.Last().What);

        var refused = plan.AddSkill(Greeting, "Greeting", 2, Today, 1, 4, Today, "mgr", later);
        Assert.Equal(("Status", "This plan was stopped and no longer changes; start a new one."), (refused.Single().Field, refused.Single().Message));
        Assert.Equal("Status", plan.Achieve("mgr", later).Single().Field);
        Assert.Equal("Status", plan.Stop("again", "mgr", later).Single().Field);
        Assert.Equal("Status", plan.DropSkill(Greeting, "Greeting", "mgr", later)[0].Field);
        Assert.Equal("Status", plan.ChangeTarget(Greeting, "Greeting", 2, Today, 1, 4, Today, "mgr", later)[0].Field);
        Assert.Empty(plan.Skills);
        // the limit itself is allowed
        Assert.Empty(Started().Stop(new string('x', 500), "mgr", Now));
    }

    [Fact]
    public void Achieving_ends_the_plan_and_says_so()
    {
        var plan = Started();
        var later = Now.AddDays(90);
        Assert.Empty(plan.Achieve("hr", later));
        Assert.Equal((PlanStatus.Achieved, (DateTime?)later, "hr"), (plan.Status, plan.EndedAtUtc, plan.UpdatedByUserId));
        Assert.Equal("Marked the plan achieved.", plan.History.Last().What);
        Assert.Equal("This plan was achieved and no longer changes; start a new one.", plan.Achieve("hr", later).Single().Message);
    }

    [Fact]
    public void An_observation_belongs_to_the_plans_active_when_it_was_made()
    {
        var up = Started();
        var cross = DevelopmentPlan.Start(7, 1, DevelopmentGoal.ExtraWorkNextToCurrentRole, Picker, [], "mgr", Now.AddDays(10)).Plan!;
        up.Stop("done with it", "mgr", Now.AddDays(20));

        Assert.Empty(DevelopmentPlan.ActiveAt([up, cross], Now.AddTicks(-1)));
        Assert.Equal([up], DevelopmentPlan.ActiveAt([up, cross], Now));
        Assert.Equal([up, cross], DevelopmentPlan.ActiveAt([up, cross], Now.AddDays(10)));
        Assert.Equal([up, cross], DevelopmentPlan.ActiveAt([up, cross], Now.AddDays(20).AddTicks(-1)));
        Assert.Equal([cross], DevelopmentPlan.ActiveAt([up, cross], Now.AddDays(20)));
        Assert.Equal([cross], DevelopmentPlan.ActiveAt([up, cross], Now.AddYears(3)));
    }

    [Fact]
    public void Skills_are_measured_against_the_current_role_for_upskilling_and_the_named_role_otherwise()
    {
        Assert.Equal(1, Started().RequirementsRoleId(1));
        Assert.Equal(2, Started(DevelopmentGoal.ExtraWorkNextToCurrentRole, Picker).RequirementsRoleId(1));
        Assert.Equal(2, Started(DevelopmentGoal.MoveToAnotherRole, Picker).RequirementsRoleId(1));
        Assert.Equal(3, Started(DevelopmentGoal.MoveToAnotherRole, Prompter).RequirementsRoleId(1));
        Assert.Equal(1, new DevelopmentPlan { Track = DevelopmentTrack.Reskilling, CreatedByUserId = "", UpdatedByUserId = "" }.RequirementsRoleId(1));
        Assert.Equal(1, new DevelopmentPlan { Track = DevelopmentTrack.CrossTraining, CreatedByUserId = "", UpdatedByUserId = "" }.RequirementsRoleId(1));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void A_plan_skill_is_reached_at_or_above_its_target(int? observed, bool reached) =>
        Assert.Equal(reached, new PlanSkill { TargetLevel = 3 }.IsReachedBy(observed));

    [Fact]
    public void A_very_long_history_line_is_cut_to_what_the_database_keeps()
    {
        var plan = Started();
        plan.Stop(new string('r', 500), "mgr", Now);
        Assert.Equal(DevelopmentPlan.MaxEventLength, plan.History.Last().What.Length);
    }

    [Fact]
    public void A_role_leads_to_other_roles_but_not_to_itself_or_twice()
    {
        var cashier = new JobRole { Id = 1, Name = "Cashier" };
        var picker = new JobRole { Id = 2, Name = "Picker" };
        Assert.Equal("A role cannot lead to itself.", cashier.WhyNotLeadTo(cashier));
        Assert.Null(cashier.WhyNotLeadTo(picker));
        cashier.LeadsTo.Add(picker);
        Assert.Equal("Cashier already leads to Picker.", cashier.WhyNotLeadTo(picker));
    }
}
