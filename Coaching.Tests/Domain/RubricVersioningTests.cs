using Coaching.Domain.Rubrics;

namespace Coaching.Tests.Domain;

public class RubricVersioningTests
{
    static (Rubric Rubric, RubricVersion Published) PublishedBarista()
    {
        var v1 = new RubricVersion
        {
            Id = 1, Number = 1, Status = RubricVersionStatus.Published,
            Levels = RubricRules.DefaultLevelNames.Select((n, i) => new RubricLevel { Value = i + 1, Name = n }).ToList(),
            Skills = [new Skill { Id = 10, Key = Guid.NewGuid(), Name = "Milk texturing", Descriptors = [new() { Level = 1, Text = "Scalded" }, new() { Level = 2, Text = "Foamy" }, new() { Level = 3, Text = "Silky" }, new() { Level = 4, Text = "Latte art" }] }],
        };
        return (new Rubric { Id = 1, Name = "Barista", Versions = [v1], CurrentVersionId = 1 }, v1);
    }

    [Fact]
    public void A_draft_copies_the_published_version_and_keeps_skill_keys()
    {
        var (rubric, v1) = PublishedBarista();

        var draft = RubricEditing.StartDraft(rubric, v1, DateTime.UtcNow);

        Assert.Equal(2, draft.Number);
        Assert.Equal(RubricVersionStatus.Draft, draft.Status);
        Assert.Equal(v1.Skills[0].Key, draft.Skills[0].Key);
        Assert.NotSame(v1.Skills[0], draft.Skills[0]);
        Assert.Equal("Scalded", draft.Skills[0].DescriptorFor(1));
    }

    [Fact]
    public void Publishing_supersedes_the_old_version_and_a_published_version_cannot_be_published_again()
    {
        var (rubric, v1) = PublishedBarista();
        var draft = RubricEditing.StartDraft(rubric, v1, DateTime.UtcNow);
        rubric.Versions.Add(draft);

        Assert.Empty(RubricEditing.Publish(rubric, draft, DateTime.UtcNow));
        Assert.Equal(RubricVersionStatus.Superseded, v1.Status);
        Assert.Same(draft, rubric.CurrentVersion);
        Assert.NotEmpty(RubricEditing.Publish(rubric, draft, DateTime.UtcNow));
    }

    [Fact]
    public void A_rubric_needs_two_to_seven_levels_and_unique_skill_names()
    {
        var (rubric, v1) = PublishedBarista();
        var draft = RubricEditing.StartDraft(rubric, v1, DateTime.UtcNow);
        draft.Levels = [new RubricLevel { Value = 1, Name = "Only" }];
        draft.Skills.Add(new Skill { Id = 11, Key = Guid.NewGuid(), Name = " milk TEXTURING " });

        var problems = RubricRules.Check(draft);

        Assert.Contains(problems, p => p.Field == "Levels");
        Assert.Contains(problems, p => p.Message.Contains("unique"));
    }
}
