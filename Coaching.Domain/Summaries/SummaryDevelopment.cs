using Coaching.Domain.Development;
using Coaching.Domain.Observations;

namespace Coaching.Domain.Summaries;

/// <summary>
/// The person's development as the summary tells it (loaded as of the end of the week): their active plans, the
/// skills they chose, their latest confidence per skill, and the open steps agreed in their latest conversation.
/// </summary>
public sealed record DevelopmentSource(
    IReadOnlyList<DevelopmentSource.Plan> Plans,
    IReadOnlyList<DevelopmentSource.NamedSkill> ChosenSkills,
    IReadOnlyList<DevelopmentSource.Confidence> Confidences,
    DateOnly? LastConversationOn,
    IReadOnlyList<string> OpenAgreedSteps)
{
    public sealed record Plan(DevelopmentTrack Track, string? RoleName, IReadOnlyList<PlanSkill> Skills);
    public sealed record PlanSkill(Guid SkillKey, string SkillName, int TargetLevel, DateOnly TargetDate);
    public sealed record NamedSkill(Guid SkillKey, string SkillName);
    public sealed record Confidence(Guid SkillKey, string SkillName, int Level);

    public static readonly DevelopmentSource None = new([], [], [], null, []);
}

/// <summary>The development part of a weekly summary: what the PDF and My summary show under "Your development".</summary>
public sealed record SummaryDevelopment(
    IReadOnlyList<SummaryDevelopment.PlanPart> Plans,
    IReadOnlyList<string> ChosenSkills,
    IReadOnlyList<SummaryDevelopment.ConfidenceLine> Confidence,
    DateOnly? AgreedOn,
    IReadOnlyList<string> AgreedSteps)
{
    /// <summary>A plan as the summary says it: "Cross-training plan: also covering Online order picker".</summary>
    public sealed record PlanPart(DevelopmentTrack Track, string? RoleName, IReadOnlyList<PlanSkillProgress> Skills)
    {
        public string Title => $"{Track.Label()} plan" + (RoleName is null ? "" : Track switch
        {
            DevelopmentTrack.CrossTraining => $": also covering {RoleName}",
            DevelopmentTrack.Upskilling => "",
            _ => $": moving to {RoleName}",
        });
    }

    /// <summary>A plan skill's progress: the last observed level up to the week's end against the target.</summary>
    public sealed record PlanSkillProgress(string SkillName, int? Observed, string? ObservedName, int Target, DateOnly TargetDate, bool Reached);

    /// <summary>
    /// The person's own confidence next to what was observed; <see cref="Prompt"/> is the mismatch as
    /// <see cref="ConfidenceRules"/> words it (a coaching prompt, not a judgement), null when they agree.
    /// </summary>
    public sealed record ConfidenceLine(string SkillName, int Confidence, int? Observed, string? ObservedName, string? Prompt)
    {
        public string ConfidenceLabel => ConfidenceRules.LevelLabel(Confidence);
    }

    public bool IsEmpty => Plans.Count == 0 && ChosenSkills.Count == 0 && Confidence.Count == 0 && AgreedSteps.Count == 0;
}
