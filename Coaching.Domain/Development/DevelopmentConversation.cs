using Coaching.Domain.Observations;
using Coaching.Domain.People;

namespace Coaching.Domain.Development;

public sealed record ConversationLog(DevelopmentConversation? Conversation, IReadOnlyList<FieldProblem> Problems);

/// <summary>
/// A development conversation a manager held with an employee: when, what was discussed, the agreed next steps,
/// changes to the plan, and the employee's reflection. An observation is not a conversation.
/// </summary>
public class DevelopmentConversation
{
    public const int MaxDiscussedLength = 4000;
    public const int MaxPlanChangesLength = 2000;
    public const int MaxReflectionLength = 2000;
    public const int MaxStepLength = 500;
    public const int MaxSteps = 10;

    public const string HeldOnField = "HeldOn";
    public const string DiscussedField = "Discussed";
    public const string PlanChangesField = "PlanChanges";
    public const string ReflectionField = "Reflection";
    public static string StepField(int index) => $"Steps[{index}]";

    public int Id { get; set; }
    public int EmployeeId { get; set; }
    /// <summary>The account of the manager who held it.</summary>
    public required string ManagerUserId { get; set; }
    /// <summary>The organisation's date it was held on.</summary>
    public DateOnly HeldOn { get; set; }
    public required string Discussed { get; set; }
    public string? PlanChanges { get; set; }
    public string? Reflection { get; set; }
    public DateTime? ReflectedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>
    /// The one-time key of the form it was logged from (unique): a double tap or a resent form after a dropped
    /// connection finds the conversation already saved instead of logging it twice. Null for ones not logged by a form.
    /// </summary>
    public Guid? FormKey { get; set; }
    public List<AgreedStep> Steps { get; set; } = [];

    /// <summary>
    /// The manager logs a conversation. <paramref name="today"/> is the organisation's today: a conversation cannot
    /// be held in the future. Blank steps are ignored; problems are keyed HeldOn, Discussed, Steps[i], PlanChanges.
    /// </summary>
    public static ConversationLog Log(int employeeId, string managerUserId, DateOnly? heldOn, string? discussed,
        IReadOnlyList<string?> steps, string? planChanges, DateOnly today, DateTime nowUtc)
    {
        var problems = new List<FieldProblem>();
        if (heldOn is not { } day) problems.Add(new(HeldOnField, "Enter the date the conversation was held."));
        else if (day > today) problems.Add(new(HeldOnField, "The conversation date is in the future; log it once it has happened."));
        else if (day < today.AddYears(-1)) problems.Add(new(HeldOnField, "The conversation date is more than a year ago."));
        if (string.IsNullOrWhiteSpace(discussed)) problems.Add(new(DiscussedField, "Say what was discussed."));
        else Text(problems, DiscussedField, discussed, MaxDiscussedLength, "What was discussed");
        Text(problems, PlanChangesField, planChanges, MaxPlanChangesLength, "Plan changes");
        var texts = new List<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(steps[i])) continue;
            if (Text(problems, StepField(i), steps[i], MaxStepLength, "A next step")) texts.Add(steps[i]!.Trim());
        }
        if (texts.Count > MaxSteps) problems.Add(new(StepField(MaxSteps), $"Agree at most {MaxSteps} next steps in one conversation."));
        if (problems.Count > 0) return new(null, problems);

        var conversation = new DevelopmentConversation
        {
            EmployeeId = employeeId, ManagerUserId = managerUserId, HeldOn = heldOn!.Value, Discussed = discussed!.Trim(),
            PlanChanges = string.IsNullOrWhiteSpace(planChanges) ? null : planChanges.Trim(),
            CreatedAtUtc = nowUtc, UpdatedAtUtc = nowUtc,
        };
        conversation.Steps.AddRange(texts.Select((t, i) => new AgreedStep { EmployeeId = employeeId, Text = t, Order = i }));
        return new(conversation, []);
    }

    /// <summary>Only the employee the conversation was with adds (or rewrites) the reflection; blank clears it.</summary>
    public IReadOnlyList<FieldProblem> AddReflection(string? text, int? byEmployeeId, DateTime nowUtc)
    {
        var problems = new List<FieldProblem>();
        if (byEmployeeId != EmployeeId) problems.Add(new(ReflectionField, "Only the employee the conversation was with adds a reflection."));
        else Text(problems, ReflectionField, text, MaxReflectionLength, "The reflection");
        if (problems.Count > 0) return problems;
        Reflection = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        ReflectedAtUtc = Reflection is null ? null : nowUtc;
        UpdatedAtUtc = nowUtc;
        return problems;
    }

    /// <summary>Marks an agreed step done, or "not yet" (done = false) again.</summary>
    public IReadOnlyList<FieldProblem> MarkStep(int stepId, bool done, DateTime nowUtc)
    {
        var step = Steps.FirstOrDefault(s => s.Id == stepId);
        if (step is null) return [new("StepId", "That step is not part of this conversation.")];
        if (step.IsDone == done) return [];
        step.DoneAtUtc = done ? nowUtc : null;
        UpdatedAtUtc = nowUtc;
        return [];
    }

    /// <returns>Whether the text is fine.</returns>
    static bool Text(List<FieldProblem> problems, string field, string? text, int max, string what)
    {
        if (text is null) return true;
        var length = text.Trim().Length;
        if (length > max) { problems.Add(new(field, $"{what} is at most {max:N0} characters (this has {length:N0}).")); return false; }
        if (ObservationRules.ControlCharacterProblem(text) is { } control) { problems.Add(new(field, control)); return false; }
        return true;
    }
}

/// <summary>A next step agreed in a development conversation, which the employee (or manager) marks done.</summary>
public class AgreedStep
{
    public int Id { get; set; }
    public int DevelopmentConversationId { get; set; }
    /// <summary>Copied from the conversation so the open steps of a person are one indexed query.</summary>
    public int EmployeeId { get; set; }
    public required string Text { get; set; }
    public int Order { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    /// <summary>When a manager last followed it up while observing ("Done" or "Not yet"); null: never.</summary>
    public DateTime? FollowedUpAtUtc { get; set; }

    public bool IsDone => DoneAtUtc is not null;
}
