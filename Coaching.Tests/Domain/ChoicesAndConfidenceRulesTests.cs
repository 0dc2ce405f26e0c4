using Coaching.Domain.Development;

namespace Coaching.Tests.Domain;

public class ChoosableSkillChangesTests
{
    static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), Gone = Guid.NewGuid();

    [Fact]
    public void Saving_marks_the_newly_ticked_skills_and_unmarks_the_unticked_ones()
    {
        var (marked, unmarked) = ChoosableSkill.Changes(current: [A, B], wanted: [B, C], shown: [A, B, C]);

        Assert.Equal([C], marked);
        Assert.Equal([A], unmarked);
    }

    [Fact]
    public void A_mark_on_a_skill_HR_was_not_shown_stays_and_a_key_not_shown_cannot_be_marked()
    {
        var (marked, unmarked) = ChoosableSkill.Changes(current: [A, Gone], wanted: [Guid.NewGuid()], shown: [A, B]);

        Assert.Empty(marked);
        Assert.Equal([A], unmarked);
    }
}

public class ConfidenceRateTests
{
    static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    static readonly Guid PlanSkill = Guid.NewGuid(), Other = Guid.NewGuid();

    [Fact]
    public void A_rating_of_a_skill_of_the_plan_or_a_chosen_one_is_kept_with_its_time()
    {
        var (rating, problems) = ConfidenceRules.Rate(7, PlanSkill, 4, [PlanSkill], Now);

        Assert.Empty(problems);
        Assert.Equal((7, PlanSkill, 4, Now), (rating!.EmployeeId, rating.SkillKey, rating.Level, rating.RatedAtUtc));
    }

    [Fact]
    public void A_skill_outside_the_plan_and_the_choices_or_a_level_outside_1_to_5_is_refused_beside_its_field()
    {
        Assert.Equal(("SkillKey", "Rate a skill of your plan or one you chose."), Problem(ConfidenceRules.Rate(7, Other, 3, [PlanSkill], Now)));
        Assert.Equal(("Level", "Choose how confident you feel."), Problem(ConfidenceRules.Rate(7, PlanSkill, null, [PlanSkill], Now)));
        Assert.Equal("Level", Problem(ConfidenceRules.Rate(7, PlanSkill, 6, [PlanSkill], Now)).Field);
        Assert.Equal("Level", Problem(ConfidenceRules.Rate(7, PlanSkill, 0, [PlanSkill], Now)).Field);
    }

    static (string Field, string Message) Problem((ConfidenceRating? Rating, IReadOnlyList<Coaching.Domain.People.FieldProblem> Problems) result)
    {
        Assert.Null(result.Rating);
        var p = Assert.Single(result.Problems);
        return (p.Field, p.Message);
    }
}
