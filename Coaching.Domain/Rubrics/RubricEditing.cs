namespace Coaching.Domain.Rubrics;

/// <summary>How a rubric moves from one version to the next.</summary>
public static class RubricEditing
{
    /// <summary>
    /// A new draft that starts as a copy of <paramref name="from"/>; skills keep their keys so that
    /// history and requirements carry over.
    /// </summary>
    public static RubricVersion StartDraft(Rubric rubric, RubricVersion from, DateTime nowUtc)
    {
        var nextNumber = rubric.Versions.Count == 0 ? from.Number + 1 : rubric.Versions.Max(v => v.Number) + 1;
        var draft = new RubricVersion
        {
            RubricId = rubric.Id,
            Number = nextNumber,
            Status = RubricVersionStatus.Draft,
            CreatedAtUtc = nowUtc,
            Levels = from.Levels.Select(l => new RubricLevel { Value = l.Value, Name = l.Name }).ToList(),
        };
        var categories = from.Categories.ToDictionary(c => c.Id, c => new SkillCategory { Name = c.Name, Order = c.Order });
        draft.Categories = categories.Values.ToList();
        draft.Skills = from.Skills.Select(s => new Skill
        {
            Key = s.Key,
            Name = s.Name,
            Order = s.Order,
            Category = s.CategoryId is { } cid && categories.TryGetValue(cid, out var c) ? c : null,
            Descriptors = s.Descriptors.Select(d => new LevelDescriptor { Level = d.Level, Text = d.Text }).ToList(),
        }).ToList();
        return draft;
    }

    /// <summary>
    /// An empty draft on the default scale, for a rubric that has nothing published to copy (a new rubric, or one
    /// whose only draft was discarded).
    /// </summary>
    public static RubricVersion StartEmptyDraft(Rubric rubric, DateTime nowUtc) => new()
    {
        RubricId = rubric.Id,
        Number = rubric.Versions.Count == 0 ? 1 : rubric.Versions.Max(v => v.Number) + 1,
        Status = RubricVersionStatus.Draft,
        CreatedAtUtc = nowUtc,
        Levels = RubricRules.DefaultLevelNames.Select((n, i) => new RubricLevel { Value = i + 1, Name = n }).ToList(),
    };

    /// <summary>
    /// When <paramref name="version"/> stopped being current: the day the next version was published. A version's own
    /// publish date says when it started, not when it was superseded.
    /// </summary>
    public static DateTime? SupersededAtUtc(Rubric rubric, RubricVersion version) =>
        version.Status != RubricVersionStatus.Superseded ? null
        : rubric.Versions.Where(v => v.Number > version.Number && v.PublishedAtUtc is not null)
            .OrderBy(v => v.Number).Select(v => v.PublishedAtUtc).FirstOrDefault();

    /// <summary>
    /// Discarding a draft keeps the published versions. A rubric that was never published has nothing else, so
    /// discarding its only draft deletes the rubric too, instead of leaving an empty shell.
    /// </summary>
    public static bool DiscardDeletesRubric(Rubric rubric, RubricVersion draft) =>
        rubric.CurrentVersionId is null && rubric.Versions.All(v => v == draft);

    /// <summary>Publishes <paramref name="draft"/> as the rubric's current version, superseding the previous one.</summary>
    public static IReadOnlyList<RubricProblem> Publish(Rubric rubric, RubricVersion draft, DateTime nowUtc)
    {
        if (draft.Status != RubricVersionStatus.Draft)
            return [new RubricProblem("Version", "Only a draft can be published; published versions never change.")];
        var problems = RubricRules.Check(draft);
        if (problems.Count > 0) return problems;
        foreach (var v in rubric.Versions.Where(v => v.Status == RubricVersionStatus.Published && v != draft))
            v.Status = RubricVersionStatus.Superseded;
        draft.Status = RubricVersionStatus.Published;
        draft.PublishedAtUtc = nowUtc;
        rubric.CurrentVersionId = draft.Id;
        rubric.CurrentVersion = draft;
        return [];
    }
}
