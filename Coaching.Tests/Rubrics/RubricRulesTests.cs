using Coaching.Domain.Rubrics;

namespace Coaching.Tests.Rubrics;

/// <summary>What stops a draft being published, and how the version history is dated: plain rules, no HTTP.</summary>
public class RubricRulesTests
{
    static RubricVersion Draft(params (int Id, string Name, string?[] Descriptors)[] skills) => new()
    {
        Number = 2, Status = RubricVersionStatus.Draft,
        Levels = RubricRules.DefaultLevelNames.Select((n, i) => new RubricLevel { Value = i + 1, Name = n }).ToList(),
        Skills = skills.Select(s => new Skill
        {
            Id = s.Id, Key = Guid.NewGuid(), Name = s.Name,
            Descriptors = s.Descriptors.Select((t, i) => (t, i)).Where(x => x.t is not null).Select(x => new LevelDescriptor { Level = x.i + 1, Text = x.t! }).ToList(),
        }).ToList(),
    };

    [Fact]
    public void A_skill_with_a_missing_or_blank_descriptor_cannot_be_published_and_the_problem_names_skill_and_level()
    {
        var draft = Draft((7, "Milk texturing", ["Scalded", "Foamy", null, "   "]), (8, "Tamping", ["a", "b", "c", "d"]));

        var problems = RubricRules.Check(draft);

        Assert.Equal(
            ["\"Milk texturing\" has no descriptor for level 3 Proficient.", "\"Milk texturing\" has no descriptor for level 4 Expert."],
            problems.Select(p => p.Message));
        Assert.Equal(["Descriptor7-3", "Descriptor7-4"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Publish_refuses_missing_descriptors_and_leaves_the_current_version_alone()
    {
        var v1 = Draft((1, "Milk texturing", ["a", "b", "c", "d"]));
        v1.Status = RubricVersionStatus.Published;
        v1.Number = 1;
        var draft = Draft((2, "Milk texturing", ["a", "b", "c", null]));
        var rubric = new Rubric { Name = "Barista", Versions = [v1, draft], CurrentVersion = v1 };

        var problems = RubricEditing.Publish(rubric, draft, new DateTime(2026, 3, 1));

        Assert.Single(problems);
        Assert.Equal(RubricVersionStatus.Draft, draft.Status);
        Assert.Equal(RubricVersionStatus.Published, v1.Status);
        Assert.Same(v1, rubric.CurrentVersion);
    }

    [Fact]
    public void Two_levels_cannot_share_a_name()
    {
        var draft = Draft((1, "Tamping", ["a", "b", "c", "d"]));
        draft.Levels[3].Name = " proficient ";

        var problem = Assert.Single(RubricRules.Check(draft));

        Assert.Equal("Level4", problem.Field);
        Assert.Contains("Two levels are called", problem.Message);
    }

    [Fact]
    public void A_superseded_version_is_dated_by_the_publish_of_the_version_that_replaced_it()
    {
        var v1 = Draft((1, "Tamping", ["a", "b", "c", "d"]));
        v1.Number = 1;
        var rubric = new Rubric { Name = "Barista", Versions = [v1] };
        Assert.Empty(RubricEditing.Publish(rubric, v1, new DateTime(2026, 1, 5)));
        var v2 = RubricEditing.StartDraft(rubric, v1, new DateTime(2026, 2, 1));
        rubric.Versions.Add(v2);
        Assert.Empty(RubricEditing.Publish(rubric, v2, new DateTime(2026, 3, 9)));

        Assert.Equal(new DateTime(2026, 3, 9), RubricEditing.SupersededAtUtc(rubric, v1));
        Assert.Null(RubricEditing.SupersededAtUtc(rubric, v2));
    }

    [Fact]
    public void A_rubric_with_nothing_published_starts_an_empty_draft_after_its_last_number()
    {
        var rubric = new Rubric { Name = "Pharmacy technician", Versions = [new RubricVersion { Number = 1, Status = RubricVersionStatus.Superseded }] };

        var draft = RubricEditing.StartEmptyDraft(rubric, new DateTime(2026, 3, 1));

        Assert.Equal(2, draft.Number);
        Assert.Equal(RubricRules.DefaultLevelNames, draft.LevelsInOrder().Select(l => l.Name));
        Assert.Empty(draft.Skills);
    }
}
