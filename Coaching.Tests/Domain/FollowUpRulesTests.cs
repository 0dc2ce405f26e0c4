using Coaching.Domain.Development;
using Coaching.Domain.Observations;

namespace Coaching.Tests.Domain;

public class FollowUpRulesTests
{
    static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    static readonly DateOnly Today = new(2026, 11, 25);
    static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    static ActionItem Step(ObservationStatus status = ObservationStatus.Submitted, bool done = false) => new()
    {
        Text = "Practise refunds", IsDone = done, DoneAtUtc = done ? Now.AddDays(-1) : null,
        Observation = new Observation { ObserverUserId = "m", Status = status },
    };

    static DevelopmentConversation Conversation(bool done = false)
    {
        var c = DevelopmentConversation.Log(1, "m", Today.AddDays(-3), "Refunds", ["Shadow Grace"], null, Today, Now.AddDays(-3)).Conversation!;
        c.Steps[0].Id = 7;
        if (done) c.Steps[0].DoneAtUtc = Now.AddDays(-1);
        return c;
    }

    [Fact]
    public void Done_closes_a_next_step_and_records_the_follow_up()
    {
        var step = Step();
        Assert.Equal(FollowUpOutcome.MarkedDone, FollowUpRules.Mark(step, done: true, Now));
        Assert.True(step.IsDone);
        Assert.Equal(Now, step.DoneAtUtc);
        Assert.Equal(Now, step.FollowedUpAtUtc);
    }

    [Fact]
    public void Not_yet_records_the_follow_up_and_leaves_the_next_step_open()
    {
        var step = Step();
        Assert.Equal(FollowUpOutcome.NotYet, FollowUpRules.Mark(step, done: false, Now));
        Assert.False(step.IsDone);
        Assert.Null(step.DoneAtUtc);
        Assert.Equal(Now, step.FollowedUpAtUtc);
    }

    [Fact]
    public void A_next_step_already_done_stays_done_and_one_in_a_draft_is_not_found()
    {
        var done = Step(done: true);
        Assert.Equal(FollowUpOutcome.AlreadyDone, FollowUpRules.Mark(done, done: false, Now));
        Assert.True(done.IsDone);
        Assert.Null(done.FollowedUpAtUtc);
        var draft = Step(ObservationStatus.Draft);
        Assert.Equal(FollowUpOutcome.NotFound, FollowUpRules.Mark(draft, done: true, Now));
        Assert.False(draft.IsDone);
    }

    [Fact]
    public void Agreed_steps_follow_the_same_rules_through_the_conversation()
    {
        var done = Conversation();
        Assert.Equal(FollowUpOutcome.MarkedDone, FollowUpRules.Mark(done, 7, true, Now));
        Assert.Equal(Now, done.Steps[0].DoneAtUtc);
        Assert.Equal(Now, done.Steps[0].FollowedUpAtUtc);

        var notYet = Conversation();
        Assert.Equal(FollowUpOutcome.NotYet, FollowUpRules.Mark(notYet, 7, false, Now));
        Assert.False(notYet.Steps[0].IsDone);
        Assert.Equal(Now, notYet.Steps[0].FollowedUpAtUtc);

        var already = Conversation(done: true);
        Assert.Equal(FollowUpOutcome.AlreadyDone, FollowUpRules.Mark(already, 7, false, Now));
        Assert.True(already.Steps[0].IsDone);
        Assert.Equal(FollowUpOutcome.NotFound, FollowUpRules.Mark(Conversation(), 8, true, Now));
    }

    static DevelopmentPlan Plan(DevelopmentGoal goal, Coaching.Domain.Organisation.JobRole? role, DateTime startedUtc, params (Guid Key, int Target, int Days)[] skills)
    {
        var plan = DevelopmentPlan.Start(1, 10, goal, role, [], "m", startedUtc).Plan!;
        foreach (var (key, target, days) in skills) Assert.Empty(plan.AddSkill(key, "Skill", target, Today.AddDays(days), 1, 4, DateOnly.FromDateTime(startedUtc), "m", startedUtc));
        return plan;
    }

    [Fact]
    public void Active_plan_skills_leave_out_dropped_skills_and_ended_plans_and_take_the_sooner_target()
    {
        var upskilling = Plan(DevelopmentGoal.BetterInCurrentRole, null, Now.AddDays(-10), (A, 3, 60), (B, 2, 30), (C, 4, 90));
        upskilling.DropSkill(C, "C", "m", Now.AddDays(-1));
        var cross = Plan(DevelopmentGoal.ExtraWorkNextToCurrentRole, new Coaching.Domain.Organisation.JobRole { Id = 11, Name = "Picker" }, Now.AddDays(-5), (A, 4, 20));
        var stopped = Plan(DevelopmentGoal.ExtraWorkNextToCurrentRole, new Coaching.Domain.Organisation.JobRole { Id = 12, Name = "Baker" }, Now.AddDays(-20), (C, 2, 10));
        stopped.Stop("Moved", "m", Now.AddDays(-15));

        var skills = FollowUpRules.ActivePlanSkills([upskilling, cross, stopped], Now);

        Assert.Equal(new[] { A, B }.Order(), skills.Keys.Order());
        Assert.Equal(4, skills[A].TargetLevel); // the cross-training plan's target is the sooner one
        Assert.Equal(Today.AddDays(20), skills[A].TargetDate);
        Assert.Empty(FollowUpRules.ActivePlanSkills([upskilling], Now.AddDays(-11))); // not started yet
    }

    [Fact]
    public void Plan_skills_come_first_soonest_target_first_then_the_rest_in_their_order()
    {
        var plan = Plan(DevelopmentGoal.BetterInCurrentRole, null, Now.AddDays(-1), (C, 3, 60), (B, 2, 30));
        var planSkills = FollowUpRules.ActivePlanSkills([plan], Now);
        var d = Guid.NewGuid();

        Assert.Equal([B, C, A, d], FollowUpRules.PlanSkillsFirst([A, B, C, d], k => k, planSkills));
        Assert.Equal([A, d], FollowUpRules.PlanSkillsFirst([A, d], k => k, planSkills));
    }

    [Fact]
    public void The_expected_level_is_the_plans_target_else_the_roles_requirement()
    {
        var plan = Plan(DevelopmentGoal.BetterInCurrentRole, null, Now.AddDays(-1), (A, 4, 60));
        var planSkills = FollowUpRules.ActivePlanSkills([plan], Now);
        var required = new Dictionary<Guid, int> { [A] = 2, [B] = 3 };

        Assert.Equal(4, FollowUpRules.ExpectedLevel(A, required, planSkills));
        Assert.Equal(3, FollowUpRules.ExpectedLevel(B, required, planSkills));
        Assert.Null(FollowUpRules.ExpectedLevel(C, required, planSkills));
        Assert.Equal($"In plan: target Level 4 by {Today.AddDays(60):d MMM yyyy}", FollowUpRules.PlanMark(planSkills[A]));
    }

    [Fact]
    public void The_last_observed_level_is_the_latest_rating_of_each_skill()
    {
        var last = FollowUpRules.LastObserved([new RatedLevel(A, 3, Now.AddDays(-1)), new RatedLevel(A, 1, Now.AddDays(-9)), new RatedLevel(B, 2, Now.AddDays(-5))],
            r => r.SkillKey, r => r.ObservedAtUtc);
        Assert.Equal(3, last[A].Level);
        Assert.Equal(2, last[B].Level);
        Assert.False(last.ContainsKey(C));
    }
}
