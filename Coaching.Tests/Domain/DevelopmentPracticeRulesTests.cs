using Coaching.Domain.Development;
using Coaching.Domain.Organisation;

namespace Coaching.Tests.Domain;

public class ProposedSkillsTests
{
    static readonly Guid Greeting = Guid.NewGuid(), Scanning = Guid.NewGuid(), Refunds = Guid.NewGuid(), Picking = Guid.NewGuid(), Retired = Guid.NewGuid();
    static readonly Dictionary<Guid, string> Names = new() { [Greeting] = "Greeting", [Scanning] = "Scanning", [Refunds] = "Refunds", [Picking] = "Picking" };

    static RoleRequirement Requires(Guid key, int level) => new() { SkillKey = key, RequiredLevel = level };

    [Fact]
    public void Skills_below_the_required_level_and_never_observed_are_proposed_with_the_required_level_as_target()
    {
        var requirements = new[] { Requires(Greeting, 3), Requires(Scanning, 3), Requires(Refunds, 4), Requires(Picking, 2), Requires(Retired, 2) };
        var observed = new Dictionary<Guid, int> { [Greeting] = 3, [Scanning] = 2, [Refunds] = 1, [Retired] = 1 };

        var proposed = ProposedSkills.From(requirements, observed, Names);

        Assert.Equal(["Refunds", "Scanning", "Picking"], proposed.Select(p => p.SkillName));
        Assert.Equal([4, 3, 2], proposed.Select(p => p.RequiredLevel!.Value));
        Assert.Equal([1, 2, (int?)null], proposed.Select(p => p.CurrentLevel));
    }

    [Fact]
    public void A_skill_observed_above_required_or_already_in_the_plan_is_not_proposed_and_ties_go_by_name()
    {
        var requirements = new[] { Requires(Scanning, 2), Requires(Greeting, 2), Requires(Refunds, 3), Requires(Picking, 3) };
        var observed = new Dictionary<Guid, int> { [Scanning] = 1, [Greeting] = 1, [Refunds] = 4 };
        Assert.Equal(["Greeting", "Scanning", "Picking"], ProposedSkills.From(requirements, observed, Names).Select(p => p.SkillName));
        Assert.Equal(["Greeting", "Picking"], ProposedSkills.From(requirements, observed, Names, alreadyInPlan: [Scanning]).Select(p => p.SkillName));
        Assert.Empty(ProposedSkills.From([], observed, Names));
    }
}

public class SkillChoiceRulesTests
{
    static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid(), NotAllowed = Guid.NewGuid();
    static readonly Guid[] Choosable = [A, B, C, D];

    static SkillChoice Chose(Guid key, int employeeId = 7, DateTime? dropped = null) => new() { EmployeeId = employeeId, SkillKey = key, ChosenAtUtc = Now.AddDays(-5), DroppedAtUtc = dropped };

    [Fact]
    public void A_choice_is_made_with_its_date()
    {
        var result = SkillChoiceRules.Choose(7, A, "Latte art", Choosable, [], 3, Now);
        Assert.Empty(result.Problems);
        Assert.Equal((7, A, Now, (DateTime?)null, true), (result.Choice!.EmployeeId, result.Choice.SkillKey, result.Choice.ChosenAtUtc, result.Choice.DroppedAtUtc, result.Choice.IsActive));
    }

    [Fact]
    public void Only_skills_HR_allows_can_be_chosen()
    {
        var result = SkillChoiceRules.Choose(7, NotAllowed, "Till audit", Choosable, [], 3, Now);
        Assert.Null(result.Choice);
        Assert.Equal(("SkillKey", "Till audit is not one of the skills you can choose."), (result.Problems.Single().Field, result.Problems.Single().Message));
    }

    [Fact]
    public void The_same_skill_is_not_chosen_twice_at_a_time_but_can_be_chosen_again_after_dropping()
    {
        Assert.Equal("You already chose Latte art.", SkillChoiceRules.Choose(7, A, "Latte art", Choosable, [Chose(A)], 3, Now).Problems.Single().Message);
        Assert.NotNull(SkillChoiceRules.Choose(7, A, "Latte art", Choosable, [Chose(A, dropped: Now.AddDays(-1))], 3, Now).Choice);
    }

    [Fact]
    public void The_limit_counts_only_active_choices_of_this_person()
    {
        var three = new[] { Chose(A), Chose(B), Chose(C) };
        var full = SkillChoiceRules.Choose(7, D, "Milk steaming", Choosable, three, 3, Now);
        Assert.Equal("You have chosen 3 skills, the most your organisation allows: drop one first.", full.Problems.Single().Message);
        Assert.NotNull(SkillChoiceRules.Choose(7, D, "Milk steaming", Choosable, three, 4, Now).Choice);
        Assert.NotNull(SkillChoiceRules.Choose(7, D, "Milk steaming", Choosable, [Chose(A), Chose(B), Chose(C, dropped: Now)], 3, Now).Choice);
        Assert.NotNull(SkillChoiceRules.Choose(7, D, "Milk steaming", Choosable, [Chose(A), Chose(B), Chose(C, employeeId: 8)], 3, Now).Choice);
        Assert.Equal("You have chosen 1 skill, the most your organisation allows: drop one first.", SkillChoiceRules.Choose(7, D, "Milk steaming", Choosable, [Chose(A)], 1, Now).Problems.Single().Message);
    }

    [Fact]
    public void Dropping_keeps_the_row_and_its_first_drop_date()
    {
        var choice = Chose(A);
        choice.Drop(Now);
        choice.Drop(Now.AddDays(1));
        Assert.Equal((Now, false), (choice.DroppedAtUtc!.Value, choice.IsActive));
    }
}

public class ConfidenceRulesTests
{
    static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, "not yet confident")]
    [InlineData(2, "a little confident")]
    [InlineData(3, "fairly confident")]
    [InlineData(4, "confident")]
    [InlineData(5, "fully confident")]
    public void Each_level_has_words(int level, string label) => Assert.Equal(label, ConfidenceRules.LevelLabel(level));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void There_are_no_other_levels(int level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceRules.LevelLabel(level));
        Assert.Equal("Confidence is from 1 (not yet confident) to 5 (fully confident).", ConfidenceRules.LevelProblem(level));
    }

    [Fact]
    public void A_level_must_be_chosen()
    {
        Assert.Equal("Choose how confident you feel.", ConfidenceRules.LevelProblem(null));
        Assert.Null(ConfidenceRules.LevelProblem(1));
        Assert.Null(ConfidenceRules.LevelProblem(5));
    }

    [Fact]
    public void The_latest_rating_of_each_skill_wins()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var ratings = new[]
        {
            new ConfidenceRating { Id = 1, SkillKey = a, Level = 2, RatedAtUtc = Now },
            new ConfidenceRating { Id = 2, SkillKey = a, Level = 4, RatedAtUtc = Now.AddDays(3) },
            new ConfidenceRating { Id = 3, SkillKey = a, Level = 1, RatedAtUtc = Now.AddDays(1) },
            new ConfidenceRating { Id = 5, SkillKey = b, Level = 5, RatedAtUtc = Now },
            new ConfidenceRating { Id = 4, SkillKey = b, Level = 3, RatedAtUtc = Now },
        };
        var latest = ConfidenceRules.Latest(ratings);
        Assert.Equal(4, latest[a].Level);
        Assert.Equal(5, latest[b].Level);
    }

    [Theory]
    [InlineData(4, 2, 3, ConfidenceMismatch.ConfidentObservedLow)]
    [InlineData(5, 2, 3, ConfidenceMismatch.ConfidentObservedLow)]
    [InlineData(3, 1, 3, ConfidenceMismatch.None)]
    [InlineData(4, 3, 3, ConfidenceMismatch.None)]
    [InlineData(2, 3, 3, ConfidenceMismatch.ObservedHighNotConfident)]
    [InlineData(1, 4, 3, ConfidenceMismatch.ObservedHighNotConfident)]
    [InlineData(2, 2, 3, ConfidenceMismatch.None)]
    [InlineData(3, 4, 3, ConfidenceMismatch.None)]
    [InlineData(null, 1, 3, ConfidenceMismatch.None)]
    [InlineData(5, null, 3, ConfidenceMismatch.None)]
    [InlineData(1, 4, null, ConfidenceMismatch.None)]
    public void Confidence_far_from_what_was_observed_is_flagged(int? confidence, int? observed, int? expected, ConfidenceMismatch mismatch) =>
        Assert.Equal(mismatch, ConfidenceRules.Mismatch(confidence, observed, expected));

    [Fact]
    public void Mismatches_read_as_a_prompt()
    {
        Assert.Equal("confident, observed low", ConfidenceMismatch.ConfidentObservedLow.Label());
        Assert.Equal("observed high, not confident", ConfidenceMismatch.ObservedHighNotConfident.Label());
        Assert.Null(ConfidenceMismatch.None.Label());
    }
}

public class DevelopmentSettingsTests
{
    [Fact]
    public void The_defaults_are_three_choices_and_a_conversation_every_90_days()
    {
        var settings = new DevelopmentSettings();
        Assert.Equal((1, 3, 90, (DateTime?)null), (settings.Id, settings.SkillChoiceLimit, settings.ConversationTargetDays, settings.UpdatedAtUtc));
    }

    [Theory]
    [InlineData(1, 7, "")]
    [InlineData(20, 365, "")]
    [InlineData(0, 90, "SkillChoiceLimit")]
    [InlineData(21, 90, "SkillChoiceLimit")]
    [InlineData(null, 90, "SkillChoiceLimit")]
    [InlineData(3, 6, "ConversationTargetDays")]
    [InlineData(3, 366, "ConversationTargetDays")]
    [InlineData(3, null, "ConversationTargetDays")]
    public void HR_sets_the_limit_and_the_target_within_bounds(int? limit, int? days, string field)
    {
        var settings = new DevelopmentSettings();
        var problems = settings.Change(limit, days, "hr", new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(field, string.Join(",", problems.Select(p => p.Field)));
        if (field == "") Assert.Equal((limit!.Value, days!.Value, "hr"), (settings.SkillChoiceLimit, settings.ConversationTargetDays, settings.UpdatedByUserId));
        else Assert.Equal((3, 90, (string?)null), (settings.SkillChoiceLimit, settings.ConversationTargetDays, settings.UpdatedByUserId));
    }

    [Fact]
    public void The_messages_give_the_bounds()
    {
        var problems = DevelopmentSettings.Check(0, 0);
        Assert.Equal("Enter how many skills a person may choose, from 1 to 20.", problems[0].Message);
        Assert.Equal("Enter a number of days from 7 to 365.", problems[1].Message);
    }
}
