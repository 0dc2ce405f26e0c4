using Coaching.Domain.Rubrics;

namespace Coaching.Tests.Domain;

/// <summary>A draft edits itself: each refused edit names the field it belongs beside and leaves the draft as it was.</summary>
public class RubricDraftEditingTests
{
    /// <summary>Levels 1–4 (Beginning…Expert), categories 10 "Service" and 11 "Safety", skills 1 "Greeting" (Service) and 2 "Refunds", each with a descriptor per level.</summary>
    static RubricVersion Draft(RubricVersionStatus status = RubricVersionStatus.Draft)
    {
        var service = new SkillCategory { Id = 10, Name = "Service", Order = 0 };
        var safety = new SkillCategory { Id = 11, Name = "Safety", Order = 1 };
        Skill Skill(int id, string name, int order, SkillCategory? category) => new()
        {
            Id = id, Key = Guid.NewGuid(), Name = name, Order = order, CategoryId = category?.Id, Category = category,
            Descriptors = Enumerable.Range(1, 4).Select(l => new LevelDescriptor { Level = l, Text = $"{name} at {l}" }).ToList(),
        };
        return new RubricVersion
        {
            Id = 5, RubricId = 1, Number = 2, Status = status,
            Levels = RubricRules.DefaultLevelNames.Select((n, i) => new RubricLevel { Value = i + 1, Name = n }).ToList(),
            Categories = [service, safety],
            Skills = [Skill(1, "Greeting", 0, service), Skill(2, "Refunds", 1, null)],
        };
    }

    static string Names(RubricVersion v) => string.Join(",", v.LevelsInOrder().Select(l => l.Name));

    [Theory]
    [InlineData("beginning")]
    [InlineData("  BEGINNING ")]
    public void Two_levels_cannot_share_a_name_whatever_the_case_or_spaces(string typed)
    {
        var draft = Draft();
        var problems = draft.Apply(new RubricEdit.RenameLevel(3, typed));
        Assert.Equal([new RubricProblem("Level3", "Two levels cannot share a name.")], problems);
        Assert.Equal("Beginning,Developing,Proficient,Expert", Names(draft));
    }

    [Fact]
    public void A_level_keeps_its_own_name_in_another_case_and_names_are_trimmed()
    {
        var draft = Draft();
        Assert.Empty(draft.Apply(new RubricEdit.RenameLevel(3, "PROFICIENT")));
        Assert.Empty(draft.Apply(new RubricEdit.RenameLevel(4, "  Leads others ")));
        Assert.Equal("Beginning,Developing,PROFICIENT,Leads others", Names(draft));
    }

    [Theory]
    [InlineData(null, "A level needs a name.")]
    [InlineData("   ", "A level needs a name.")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Level names are at most 40 characters.")]
    public void A_level_needs_a_short_name(string? typed, string message)
    {
        var draft = Draft();
        Assert.Equal([new RubricProblem("Level2", message)], draft.Apply(new RubricEdit.RenameLevel(2, typed)));
        Assert.Equal("Developing", draft.LevelName(2));
        Assert.Empty(draft.Apply(new RubricEdit.RenameLevel(2, new string('x', 40))));
    }

    [Fact]
    public void Renaming_a_level_that_is_not_in_the_draft_says_so_for_the_whole_draft()
    {
        var draft = Draft();
        Assert.Equal([new RubricProblem(RubricField.Version, "That level is not in this draft.")], draft.Apply(new RubricEdit.RenameLevel(9, "Master")));
        Assert.Equal(4, draft.Levels.Count);
    }

    [Fact]
    public void Publishing_is_refused_while_two_levels_share_a_name_and_the_later_level_is_pointed_at()
    {
        var draft = Draft();
        draft.Levels[1].Name = " expert";
        var problem = Assert.Single(RubricRules.Check(draft));
        Assert.Equal(RubricField.Level(4), problem.Field);
        Assert.Equal("Two levels are called \"expert\"; level names are unique within a rubric.", problem.Message);
    }

    [Fact]
    public void Removing_the_top_level_removes_every_skills_descriptor_for_it_and_no_other()
    {
        var draft = Draft();
        Assert.Empty(draft.Apply(new RubricEdit.RemoveTopLevel()));
        Assert.Equal("Beginning,Developing,Proficient", Names(draft));
        Assert.All(draft.Skills, s => Assert.Equal([1, 2, 3], s.Descriptors.Select(d => d.Level).Order()));
        Assert.Empty(RubricRules.Check(draft));
    }

    [Fact]
    public void The_scale_keeps_two_to_seven_levels_and_a_refused_change_keeps_the_descriptors()
    {
        var draft = Draft();
        Assert.Empty(draft.Apply(new RubricEdit.RemoveTopLevel()));
        Assert.Empty(draft.Apply(new RubricEdit.RemoveTopLevel()));
        Assert.Equal([new RubricProblem("Levels", "A rubric has at least 2 levels.")], draft.Apply(new RubricEdit.RemoveTopLevel()));
        Assert.Equal(2, draft.Levels.Count);
        Assert.All(draft.Skills, s => Assert.Equal([1, 2], s.Descriptors.Select(d => d.Level).Order()));

        for (var i = 0; i < 5; i++) Assert.Empty(draft.Apply(new RubricEdit.AddLevel()));
        Assert.Equal([new RubricProblem("Levels", "A rubric has at most 7 levels.")], draft.Apply(new RubricEdit.AddLevel()));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], draft.LevelsInOrder().Select(l => l.Value));
    }

    [Fact]
    public void A_new_level_is_named_after_its_number_unless_another_level_has_that_name()
    {
        var draft = Draft();
        Assert.Empty(draft.Apply(new RubricEdit.RenameLevel(4, "level 5")));
        Assert.Empty(draft.Apply(new RubricEdit.AddLevel()));
        Assert.Equal("Level 6", draft.LevelName(5));
        Assert.Empty(draft.Apply(new RubricEdit.AddLevel()));
        Assert.Equal("Level 7", draft.LevelName(6));
        Assert.DoesNotContain(RubricRules.Check(draft), p => p.Field.StartsWith("Level"));
    }

    [Fact]
    public void Two_categories_cannot_share_a_name_when_added_or_renamed()
    {
        var draft = Draft();
        Assert.Equal([new RubricProblem("NewCategory", "There is already a category with this name.")], draft.Apply(new RubricEdit.AddCategory(" SERVICE ")));
        Assert.Equal([new RubricProblem("Category11", "There is already a category with this name.")], draft.Apply(new RubricEdit.RenameCategory(11, "service")));
        Assert.Equal(["Service", "Safety"], draft.Categories.Select(c => c.Name));

        Assert.Empty(draft.Apply(new RubricEdit.RenameCategory(11, "SAFETY")));
        Assert.Empty(draft.Apply(new RubricEdit.AddCategory(" Digital ")));
        Assert.Equal(["Service", "SAFETY", "Digital"], draft.Categories.OrderBy(c => c.Order).Select(c => c.Name));
    }

    [Theory]
    [InlineData("", "A category needs a name.")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Category names are at most 60 characters.")]
    public void A_category_needs_a_short_name(string typed, string message)
    {
        var draft = Draft();
        Assert.Equal([new RubricProblem("NewCategory", message)], draft.Apply(new RubricEdit.AddCategory(typed)));
        Assert.Equal([new RubricProblem("Category10", message)], draft.Apply(new RubricEdit.RenameCategory(10, typed)));
        Assert.Equal([new RubricProblem(RubricField.Version, "That category is not in this draft.")], draft.Apply(new RubricEdit.RenameCategory(99, "Digital")));
        Assert.Equal(["Service", "Safety"], draft.Categories.Select(c => c.Name));
    }

    [Fact]
    public void Publishing_is_refused_while_two_categories_share_a_name()
    {
        var draft = Draft();
        draft.Categories[0].Name = "safety ";
        Assert.Equal([new RubricProblem("Category11", "Two categories are called \"safety\"; category names are unique within a rubric.")], RubricRules.Check(draft));
    }

    [Fact]
    public void Removing_a_category_keeps_its_skills_without_a_category_and_removing_it_again_is_no_problem()
    {
        var draft = Draft();
        Assert.Empty(draft.Apply(new RubricEdit.RemoveCategory(10)));
        Assert.Equal(["Safety"], draft.Categories.Select(c => c.Name));
        Assert.Equal(2, draft.Skills.Count);
        Assert.All(draft.Skills, s => { Assert.Null(s.CategoryId); Assert.Null(s.Category); });
        Assert.Empty(draft.Apply(new RubricEdit.RemoveCategory(10)));
    }

    [Fact]
    public void Skills_are_filed_only_under_the_drafts_own_categories()
    {
        var draft = Draft();
        Assert.Empty(draft.Apply(new RubricEdit.AddSkill("Upselling", 11)));
        Assert.Empty(draft.Apply(new RubricEdit.AddSkill("Card payments", 99)));
        Assert.Equal((11, 2), (draft.Skills[2].CategoryId!.Value, draft.Skills[2].Order));
        Assert.Null(draft.Skills[3].CategoryId);

        Assert.Empty(draft.Apply(new RubricEdit.FileSkill(1, 11)));
        Assert.Equal((11, "Safety"), (draft.Skills[0].CategoryId!.Value, draft.Skills[0].Category!.Name));
        Assert.Empty(draft.Apply(new RubricEdit.FileSkill(1, 99)));
        Assert.Null(draft.Skills[0].CategoryId);
        Assert.Null(draft.Skills[0].Category);
        Assert.Equal([new RubricProblem(RubricField.Version, "That skill is not in this draft.")], draft.Apply(new RubricEdit.FileSkill(42, 10)));
    }

    [Fact]
    public void Two_skills_cannot_share_a_name_when_added_or_renamed()
    {
        var draft = Draft();
        Assert.Equal([new RubricProblem("NewSkill", "This rubric already has a skill called \"greeting\".")], draft.Apply(new RubricEdit.AddSkill(" greeting", null)));
        Assert.Equal([new RubricProblem("Skill2", "This rubric already has a skill called \"GREETING\".")], draft.Apply(new RubricEdit.RenameSkill(2, "GREETING")));
        Assert.Equal([new RubricProblem("Skill2", "A skill needs a name.")], draft.Apply(new RubricEdit.RenameSkill(2, " ")));
        Assert.Equal([new RubricProblem(RubricField.Version, "That skill is not in this draft.")], draft.Apply(new RubricEdit.RenameSkill(42, "Tills")));
        Assert.Equal(["Greeting", "Refunds"], draft.Skills.Select(s => s.Name));
        Assert.Empty(draft.Apply(new RubricEdit.RenameSkill(1, " GREETING ")));
        Assert.Equal("GREETING", draft.Skills[0].Name);
    }

    [Fact]
    public void Moving_stops_at_the_ends_and_renumbers_the_order()
    {
        var draft = Draft();
        Assert.Empty(draft.Apply(new RubricEdit.MoveSkill(1, -1)));
        Assert.Equal(["Greeting", "Refunds"], draft.Skills.OrderBy(s => s.Order).Select(s => s.Name));
        Assert.Empty(draft.Apply(new RubricEdit.MoveSkill(1, 5)));
        Assert.Equal(["Refunds", "Greeting"], draft.Skills.OrderBy(s => s.Order).Select(s => s.Name));
        Assert.Equal([0, 1], draft.Skills.Select(s => s.Order).Order());
        Assert.Empty(draft.Apply(new RubricEdit.MoveCategory(11, -1)));
        Assert.Equal(["Safety", "Service"], draft.Categories.OrderBy(c => c.Order).Select(c => c.Name));
        Assert.Empty(draft.Apply(new RubricEdit.MoveSkill(42, 1)));
    }

    [Fact]
    public void Moving_follows_the_stored_order_not_the_list_order()
    {
        var draft = Draft();
        Assert.Empty(draft.Apply(new RubricEdit.AddSkill("Tills", null)));
        Assert.Empty(draft.Apply(new RubricEdit.AddCategory("Digital")));
        Assert.Equal((2, 2), (draft.Skills[2].Order, draft.Categories[2].Order));
        Assert.Empty(draft.Apply(new RubricEdit.MoveSkill(draft.Skills[2].Id, -1)));
        Assert.Equal(["Greeting", "Tills", "Refunds"], draft.Skills.OrderBy(s => s.Order).Select(s => s.Name));
        draft.Categories[2].Id = 12;
        Assert.Empty(draft.Apply(new RubricEdit.MoveCategory(12, -1)));
        Assert.Equal(["Service", "Digital", "Safety"], draft.Categories.OrderBy(c => c.Order).Select(c => c.Name));
    }

    [Fact]
    public void The_first_skill_and_category_of_an_empty_draft_come_first()
    {
        var draft = Draft();
        draft.Skills.Clear();
        draft.Categories.Clear();
        Assert.Empty(draft.Apply(new RubricEdit.AddSkill("Tills", null)));
        Assert.Empty(draft.Apply(new RubricEdit.AddCategory("Digital")));
        Assert.Equal((0, 0), (draft.Skills.Single().Order, draft.Categories.Single().Order));
    }

    [Fact]
    public void Removing_a_category_unfiles_the_skills_filed_under_it_by_id_or_by_reference_and_no_others()
    {
        var draft = Draft();
        var safety = draft.Categories[1];
        draft.Skills[1].CategoryId = 11; // filed by id only, as loaded from the database
        draft.Skills.Add(new Skill { Id = 3, Name = "Tills", Category = safety }); // filed by reference, not saved yet
        Assert.Empty(draft.Apply(new RubricEdit.RemoveCategory(99)));
        Assert.Equal(11, draft.Skills[1].CategoryId);
        Assert.Same(safety, draft.Skills[2].Category);

        Assert.Empty(draft.Apply(new RubricEdit.RemoveCategory(11)));
        Assert.Null(draft.Skills[1].CategoryId);
        Assert.Null(draft.Skills[2].Category);
        Assert.Equal(10, draft.Skills[0].CategoryId);
        Assert.Equal("Service", draft.Skills[0].Category!.Name);
    }

    [Fact]
    public void Removing_a_skill_takes_its_descriptors_and_removing_it_again_is_no_problem()
    {
        var draft = Draft();
        Assert.Empty(draft.Apply(new RubricEdit.RemoveSkill(1)));
        Assert.Equal(["Refunds"], draft.Skills.Select(s => s.Name));
        Assert.Empty(draft.Apply(new RubricEdit.RemoveSkill(1)));
    }

    [Fact]
    public void A_descriptor_is_set_trimmed_removed_when_blank_and_refused_when_too_long_or_not_in_the_draft()
    {
        var draft = Draft();
        var refunds = draft.Skills[1];
        Assert.Empty(draft.Apply(new RubricEdit.SetDescriptor(2, 3, "  Refunds without help ")));
        Assert.Equal("Refunds without help", refunds.DescriptorFor(3));
        Assert.Empty(draft.Apply(new RubricEdit.SetDescriptor(2, 3, " ")));
        Assert.Null(refunds.DescriptorFor(3));
        Assert.Empty(draft.Apply(new RubricEdit.SetDescriptor(2, 3, "Back again")));
        Assert.Equal("Back again", refunds.DescriptorFor(3));

        Assert.Equal([new RubricProblem("Descriptor2-4", "Descriptors are at most 600 characters.")], draft.Apply(new RubricEdit.SetDescriptor(2, 4, new string('d', 601))));
        Assert.Equal("Refunds at 4", refunds.DescriptorFor(4));
        Assert.Equal([new RubricProblem(RubricField.Version, "That descriptor is not in this draft.")], draft.Apply(new RubricEdit.SetDescriptor(2, 5, "Teaches")));
        Assert.Equal([new RubricProblem(RubricField.Version, "That descriptor is not in this draft.")], draft.Apply(new RubricEdit.SetDescriptor(42, 1, "Teaches")));
        Assert.Equal(4, refunds.Descriptors.Count);
    }

    [Fact]
    public void A_published_version_refuses_every_edit_and_stays_as_it_was()
    {
        var published = Draft(RubricVersionStatus.Published);
        RubricEdit[] edits = [new RubricEdit.RenameLevel(1, "Novice"), new RubricEdit.AddLevel(), new RubricEdit.RemoveTopLevel(),
            new RubricEdit.AddCategory("Digital"), new RubricEdit.RemoveCategory(10), new RubricEdit.AddSkill("Tills", null),
            new RubricEdit.RemoveSkill(1), new RubricEdit.MoveSkill(2, -1), new RubricEdit.SetDescriptor(1, 1, "Changed")];
        foreach (var edit in edits)
            Assert.Equal([new RubricProblem(RubricField.Version, "This version is published and never changes. Start a new draft with Edit.")], published.Apply(edit));
        Assert.Equal("Beginning,Developing,Proficient,Expert", Names(published));
        Assert.Equal((2, 2, "Greeting at 1"), (published.Categories.Count, published.Skills.Count, published.Skills[0].DescriptorFor(1)));
    }

    [Fact]
    public void Discarding_deletes_the_rubric_only_when_it_was_never_published_and_has_no_other_version()
    {
        var draft = Draft();
        var fresh = new Rubric { Name = "Forklift operator", Versions = [draft] };
        Assert.True(RubricEditing.DiscardDeletesRubric(fresh, draft));
        var published = new RubricVersion { Id = 4, Number = 1, Status = RubricVersionStatus.Published };
        Assert.False(RubricEditing.DiscardDeletesRubric(new Rubric { Name = "Barista", CurrentVersionId = 4, Versions = [published, draft] }, draft));
        Assert.False(RubricEditing.DiscardDeletesRubric(new Rubric { Name = "Stranded", Versions = [published, draft] }, draft));
    }

    [Fact]
    public void Field_keys_are_the_ones_publish_problems_use()
    {
        Assert.Equal(["Level3", "Skill7", "Category8", "Descriptor7-3"], [RubricField.Level(3), RubricField.Skill(7), RubricField.Category(8), RubricField.Descriptor(7, 3)]);
        Assert.Equal(RubricField.Descriptor(7, 3), RubricRules.DescriptorField(new Skill { Id = 7, Name = "Greeting" }, 3));
    }
}
