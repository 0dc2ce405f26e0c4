using Coaching.Domain.People;

namespace Coaching.Domain.Development;

/// <summary>
/// The organisation's development settings, which HR edits: one row (<see cref="SingleId"/>); until HR saves it the
/// defaults apply.
/// </summary>
public class DevelopmentSettings
{
    public const int SingleId = 1;
    public const int DefaultChoiceLimit = 3;
    public const int DefaultConversationTargetDays = 90;
    public const int MaxChoiceLimit = 20;
    public const int MinConversationTargetDays = 7;
    public const int MaxConversationTargetDays = 365;

    public int Id { get; set; } = SingleId;
    /// <summary>How many skills an employee may have chosen at a time.</summary>
    public int SkillChoiceLimit { get; set; } = DefaultChoiceLimit;
    /// <summary>Everyone should have a development conversation at least every this many days.</summary>
    public int ConversationTargetDays { get; set; } = DefaultConversationTargetDays;
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedByUserId { get; set; }

    public static IReadOnlyList<FieldProblem> Check(int? skillChoiceLimit, int? conversationTargetDays)
    {
        var problems = new List<FieldProblem>();
        if (skillChoiceLimit is not { } limit || limit < 1 || limit > MaxChoiceLimit)
            problems.Add(new(nameof(SkillChoiceLimit), $"Enter how many skills a person may choose, from 1 to {MaxChoiceLimit}."));
        if (conversationTargetDays is not { } days || days < MinConversationTargetDays || days > MaxConversationTargetDays)
            problems.Add(new(nameof(ConversationTargetDays), $"Enter a number of days from {MinConversationTargetDays} to {MaxConversationTargetDays}."));
        return problems;
    }

    /// <summary>HR saves new values; nothing changes when they are refused.</summary>
    public IReadOnlyList<FieldProblem> Change(int? skillChoiceLimit, int? conversationTargetDays, string userId, DateTime nowUtc)
    {
        var problems = Check(skillChoiceLimit, conversationTargetDays);
        if (problems.Count > 0) return problems;
        SkillChoiceLimit = skillChoiceLimit!.Value;
        ConversationTargetDays = conversationTargetDays!.Value;
        UpdatedAtUtc = nowUtc;
        UpdatedByUserId = userId;
        return problems;
    }
}
