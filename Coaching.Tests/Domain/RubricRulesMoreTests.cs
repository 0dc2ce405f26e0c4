using Coaching.Domain.Rubrics;

namespace Coaching.Tests.Domain;

public class RubricRulesMoreTests
{
    static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    static List<RubricLevel> Levels(int count) =>
        Enumerable.Range(1, count).Select(i => new RubricLevel { Value = i, Name = $"Level name {i}" }).ToList();

    static Skill Skill(int id, string name, int levels, string text = "Does it") => new()
    {
        Id = id, Key = Guid.NewGuid(), Name = name,
        Descriptors = Enumerable.Range(1, levels).Select(l => new LevelDescriptor { Level = l, Text = $"{text} {l}" }).ToList(),
    };

    static RubricVersion Version(int levels, params Skill[] skills) => new()
    {
        Id = 5, RubricId = 1, Number = 2, Status = RubricVersionStatus.Draft, Levels = Levels(levels), Skills = [.. skills],
    };

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void A_rubric_has_two_to_seven_levels_both_ends_included(int levels, bool ok)
    {
        var problems = RubricRules.Check(Version(levels, Skill(1, "Greeting", levels)));
        Assert.Equal(ok, problems.Count == 0);
        if (!ok) Assert.Equal(new RubricProblem("Levels", "A rubric has between 2 and 7 levels."), Assert.Single(problems));
    }

    [Fact]
    public void Every_level_needs_a_short_name_of_its_own()
    {
        var version = Version(4, Skill(1, "Greeting", 4));
        version.Levels[0].Name = " ";
        version.Levels[1].Name = new string('x', 41);
        version.Levels[2].Name = new string('y', 40);
        version.Levels[3].Name = new string('Y', 40);

        Assert.Equal(
        [
            new RubricProblem("Level1", "Level 1 needs a name."),
            new RubricProblem("Level2", "Level names are at most 40 characters."),
            new RubricProblem("Level4", $"Two levels are called \"{new string('y', 40)}\"; level names are unique within a rubric."),
        ], RubricRules.Check(version));
    }

    [Fact]
    public void A_rubric_without_skills_cannot_be_published() =>
        Assert.Equal([new RubricProblem("Skills", "Add at least one skill.")], RubricRules.Check(Version(3)));

    [Fact]
    public void Skill_names_are_unique_ignoring_case_and_spaces_and_the_later_skill_is_the_one_pointed_at()
    {
        var problems = RubricRules.Check(Version(2, Skill(1, "Greeting", 2), Skill(2, "Till", 2), Skill(3, " greeting ", 2)));
        Assert.Equal([new RubricProblem("Skill3", "Two skills are called \"Greeting\"; skill names are unique within a rubric.")], problems);
    }

    [Fact]
    public void A_skill_needs_a_name_of_at_most_80_characters_and_descriptors_of_at_most_600()
    {
        var unnamed = Skill(1, "  ", 2);
        var longName = Skill(2, new string('n', 81), 2);
        var longDescriptor = Skill(3, "Refunds", 2);
        longDescriptor.Descriptors[1].Text = new string('d', 601);
        var justFits = Skill(4, new string('m', 80), 2);
        justFits.Descriptors[0].Text = new string('d', 600);

        var problems = RubricRules.Check(Version(2, unnamed, longName, longDescriptor, justFits));

        Assert.Equal(
        [
            new RubricProblem("Skill1", "A skill needs a name."),
            new RubricProblem("Skill2", "Skill names are at most 80 characters."),
            new RubricProblem("Skill3", "The descriptor for level 2 of \"Refunds\" is over 600 characters."),
        ], problems);
        Assert.Null(RubricRules.SkillNameProblem(" " + new string('m', 80) + " "));
        Assert.Equal("A skill needs a name.", RubricRules.SkillNameProblem(null));
        Assert.Equal("Descriptors are at most 600 characters.", RubricRules.DescriptorProblem(new string('d', 601)));
        Assert.Null(RubricRules.DescriptorProblem(new string('d', 600)));
        Assert.Null(RubricRules.DescriptorProblem(null));
    }

    [Fact]
    public void A_missing_descriptor_is_named_by_skill_and_level_in_level_order()
    {
        var skill = Skill(7, "Greeting", 1);
        var problems = RubricRules.Check(Version(3, skill));
        Assert.Equal(
        [
            new RubricProblem("Descriptor7-2", "\"Greeting\" has no descriptor for level 2 Level name 2."),
            new RubricProblem("Descriptor7-3", "\"Greeting\" has no descriptor for level 3 Level name 3."),
        ], problems);
    }

    [Fact]
    public void A_skill_name_is_taken_by_another_skill_whatever_the_case_but_not_by_the_skill_itself()
    {
        var version = Version(2, Skill(1, "Greeting", 2), Skill(2, "Till", 2));
        Assert.True(RubricRules.IsSkillNameTaken(version, " GREETING "));
        Assert.True(RubricRules.IsSkillNameTaken(version, "greeting", exceptSkillId: 2));
        Assert.False(RubricRules.IsSkillNameTaken(version, "Greeting", exceptSkillId: 1));
        Assert.False(RubricRules.IsSkillNameTaken(version, "Refunds"));
    }

    [Fact]
    public void Publishing_supersedes_only_the_published_version_and_leaves_other_drafts_alone()
    {
        var v1 = Version(2, Skill(1, "Greeting", 2));
        v1.Id = 1; v1.Number = 1; v1.Status = RubricVersionStatus.Published;
        var old = Version(2, Skill(1, "Greeting", 2));
        old.Id = 0; old.Number = 0; old.Status = RubricVersionStatus.Superseded;
        var draft = Version(2, Skill(1, "Greeting", 2));
        draft.Id = 2;
        var otherDraft = Version(2, Skill(1, "Greeting", 2));
        otherDraft.Id = 3; otherDraft.Number = 3;
        var rubric = new Rubric { Id = 1, Name = "Barista", Versions = [old, v1, draft, otherDraft], CurrentVersionId = 1, CurrentVersion = v1 };

        Assert.Empty(RubricEditing.Publish(rubric, draft, Now));

        Assert.Equal([RubricVersionStatus.Superseded, RubricVersionStatus.Superseded, RubricVersionStatus.Published, RubricVersionStatus.Draft],
            rubric.Versions.Select(v => v.Status));
        Assert.Equal((2, Now), (rubric.CurrentVersionId!.Value, draft.PublishedAtUtc!.Value));
        Assert.Null(otherDraft.PublishedAtUtc);
    }

    [Fact]
    public void A_draft_with_problems_is_not_published_and_nothing_changes()
    {
        var v1 = Version(2, Skill(1, "Greeting", 2));
        v1.Id = 1; v1.Number = 1; v1.Status = RubricVersionStatus.Published;
        var draft = Version(2);
        var rubric = new Rubric { Id = 1, Name = "Barista", Versions = [v1, draft], CurrentVersionId = 1, CurrentVersion = v1 };

        Assert.Equal([new RubricProblem("Skills", "Add at least one skill.")], RubricEditing.Publish(rubric, draft, Now));
        Assert.Equal((RubricVersionStatus.Published, RubricVersionStatus.Draft), (v1.Status, draft.Status));
        Assert.Same(v1, rubric.CurrentVersion);
        Assert.Null(draft.PublishedAtUtc);
        Assert.Equal("Only a draft can be published; published versions never change.",
            Assert.Single(RubricEditing.Publish(rubric, v1, Now)).Message);
    }

    [Fact]
    public void A_draft_copies_levels_categories_skills_and_descriptors_without_sharing_them()
    {
        var category = new SkillCategory { Id = 40, Name = "Service", Order = 2 };
        var skill = Skill(1, "Greeting", 2);
        skill.CategoryId = 40;
        skill.Order = 3;
        var loose = Skill(2, "Till", 2);
        loose.CategoryId = 99; // a category that is not in the version: the copy has none
        var v1 = Version(2, skill, loose);
        v1.Number = 4; v1.Status = RubricVersionStatus.Published; v1.Categories = [category];
        var rubric = new Rubric { Id = 9, Name = "Barista", Versions = [] };

        var draft = RubricEditing.StartDraft(rubric, v1, Now);

        Assert.Equal((9, 5, RubricVersionStatus.Draft, Now), (draft.RubricId, draft.Number, draft.Status, draft.CreatedAtUtc));
        Assert.Equal(v1.Levels.Select(l => (l.Value, l.Name)), draft.Levels.Select(l => (l.Value, l.Name)));
        Assert.DoesNotContain(draft.Levels, l => v1.Levels.Contains(l));
        var copiedCategory = Assert.Single(draft.Categories);
        Assert.Equal(("Service", 2), (copiedCategory.Name, copiedCategory.Order));
        Assert.NotSame(category, copiedCategory);
        Assert.Same(copiedCategory, draft.Skills[0].Category);
        Assert.Null(draft.Skills[1].Category);
        Assert.Equal(("Greeting", 3, skill.Key), (draft.Skills[0].Name, draft.Skills[0].Order, draft.Skills[0].Key));
        Assert.Equal(skill.Descriptors.Select(d => (d.Level, d.Text)), draft.Skills[0].Descriptors.Select(d => (d.Level, d.Text)));
        Assert.DoesNotContain(draft.Skills[0].Descriptors, d => skill.Descriptors.Contains(d));
    }

    [Fact]
    public void A_draft_is_numbered_after_the_highest_version_of_the_rubric()
    {
        var v1 = Version(2); v1.Number = 1;
        var v6 = Version(2); v6.Number = 6;
        var rubric = new Rubric { Id = 1, Name = "Barista", Versions = [v6, v1] };
        Assert.Equal(7, RubricEditing.StartDraft(rubric, v1, Now).Number);
        var empty = RubricEditing.StartEmptyDraft(rubric, Now);
        Assert.Equal((7, 1, RubricVersionStatus.Draft, Now), (empty.Number, empty.RubricId, empty.Status, empty.CreatedAtUtc));
        Assert.Equal([(1, "Beginning"), (2, "Developing"), (3, "Proficient"), (4, "Expert")], empty.Levels.Select(l => (l.Value, l.Name)));
    }

    [Fact]
    public void A_version_is_superseded_when_the_next_published_one_was_published()
    {
        var v1 = Version(2); v1.Number = 1; v1.Status = RubricVersionStatus.Superseded; v1.PublishedAtUtc = Now.AddDays(-30);
        var v2 = Version(2); v2.Number = 2; v2.Status = RubricVersionStatus.Superseded; v2.PublishedAtUtc = Now.AddDays(-20);
        var v3 = Version(2); v3.Number = 3; v3.Status = RubricVersionStatus.Published; v3.PublishedAtUtc = Now.AddDays(-10);
        var draft = Version(2); draft.Number = 4;
        var rubric = new Rubric { Id = 1, Name = "Barista", Versions = [draft, v3, v2, v1] };

        Assert.Equal(Now.AddDays(-20), RubricEditing.SupersededAtUtc(rubric, v1));
        Assert.Equal(Now.AddDays(-10), RubricEditing.SupersededAtUtc(rubric, v2));
        Assert.Null(RubricEditing.SupersededAtUtc(rubric, v3));
    }

    [Fact]
    public void A_versions_levels_read_in_order_with_their_names()
    {
        var version = Version(0);
        Assert.Equal((1, 0), (version.MinLevel, version.MaxLevel));
        version.Levels = [new RubricLevel { Value = 3, Name = "Proficient" }, new RubricLevel { Value = 2, Name = "Developing" }];
        Assert.Equal([2, 3], version.LevelsInOrder().Select(l => l.Value));
        Assert.Equal((2, 3), (version.MinLevel, version.MaxLevel));
        Assert.Equal("Developing", version.LevelName(2));
        Assert.Equal("5", version.LevelName(5));
        Assert.True(version.IsEditable);
        version.Status = RubricVersionStatus.Published;
        Assert.False(version.IsEditable);
        Assert.Null(Skill(1, "Greeting", 2).DescriptorFor(3));
    }
}
