using Coaching.Domain.People;

namespace Coaching.Domain.SignOffs;

/// <summary>
/// How long a sign-off of one skill holds, as HR sets it (e.g. 12 months for vaccine administration). A skill without
/// one never expires.
/// </summary>
public class SkillExpiry
{
    public const int MaxMonths = 120;
    public const string MonthsField = "Months";

    public int Id { get; set; }
    public Guid SkillKey { get; set; }
    public int Months { get; set; }

    public static IReadOnlyList<FieldProblem> Check(int? months) =>
        months is not { } m || m < 1 || m > MaxMonths
            ? [new(MonthsField, $"Enter how many months a sign-off holds, from 1 to {MaxMonths}.")]
            : [];

    /// <summary>The day a sign-off given on <paramref name="signedOn"/> expires (from that day it no longer counts).</summary>
    public DateOnly ExpiresOn(DateOnly signedOn) => signedOn.AddMonths(Months);
}
