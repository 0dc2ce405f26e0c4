using Coaching.Domain.People;

namespace Coaching.Domain.SignOffs;

public enum SignOffStatus
{
    Active = 1,
    /// <summary>Still counts, but expires within the warning days: flagged ahead of time.</summary>
    ExpiringSoon = 2,
    /// <summary>Counts as not signed off.</summary>
    Expired = 3,
    /// <summary>Counts as not signed off.</summary>
    Revoked = 4,
}

public sealed record SignOffResult(SignOff? SignOff, IReadOnlyList<FieldProblem> Problems);

/// <summary>
/// A manager's sign-off of an employee's skill: who, when, the observations it rests on, and an optional expiry date.
/// It can be revoked with a reason; a revoked or expired sign-off counts as not signed off, and the skill can be
/// signed off again.
/// </summary>
public class SignOff
{
    public const int DefaultExpiringSoonDays = 30;
    public const int MaxReasonLength = 1000;
    /// <summary>Refusals about the sign-off as a whole (not ready, already signed off) are keyed on the skill.</summary>
    public const string SkillField = "SkillKey";
    public const string ReasonField = "Reason";

    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Guid SkillKey { get; set; }
    public required string SignedByUserId { get; set; }
    public DateTime SignedAtUtc { get; set; }
    public List<int> EvidenceObservationIds { get; set; } = [];
    /// <summary>From this day on the sign-off no longer counts; null when the skill does not expire.</summary>
    public DateOnly? ExpiresOn { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedByUserId { get; set; }
    public string? RevokeReason { get; set; }
    /// <summary>
    /// Set on an expired sign-off when the skill is signed off again, so at most one sign-off per person and skill is
    /// live (neither revoked nor superseded); the database holds that with a unique index, against a double tap.
    /// </summary>
    public DateTime? SupersededAtUtc { get; set; }

    /// <summary>
    /// The manager signs off. Refused when the skill is not ready, or when one of <paramref name="existing"/> (the
    /// person's sign-offs of this skill) still counts on <paramref name="today"/>. The expiry date follows
    /// <paramref name="expiry"/> counted from <paramref name="today"/>. An expired sign-off it replaces is marked superseded.
    /// </summary>
    public static SignOffResult Sign(int employeeId, Guid skillKey, SignOffReadiness readiness, IEnumerable<SignOff> existing,
        SkillExpiry? expiry, string userId, DateOnly today, DateTime nowUtc)
    {
        if (existing.Any(s => s.EmployeeId == employeeId && s.SkillKey == skillKey && s.CountsOn(today)))
            return new(null, [new(SkillField, "This skill is already signed off.")]);
        if (!readiness.IsReady)
            return new(null, [new(SkillField, "Not ready for sign-off: " + string.Join("; ", readiness.Reasons) + ".")]);
        foreach (var expired in existing.Where(s => s.EmployeeId == employeeId && s.SkillKey == skillKey && s.IsLive))
            expired.SupersededAtUtc = nowUtc;
        return new(new SignOff
        {
            EmployeeId = employeeId, SkillKey = skillKey, SignedByUserId = userId, SignedAtUtc = nowUtc,
            EvidenceObservationIds = [.. readiness.EvidenceObservationIds],
            ExpiresOn = expiry?.ExpiresOn(today),
        }, []);
    }

    /// <summary>Revoking needs a reason; a sign-off is revoked once.</summary>
    public IReadOnlyList<FieldProblem> Revoke(string? reason, string userId, DateTime nowUtc)
    {
        if (RevokedAtUtc is not null) return [new(ReasonField, "This sign-off is already revoked.")];
        var problems = CheckReason(reason, "Say why the sign-off is revoked.");
        if (problems.Count > 0) return problems;
        RevokedAtUtc = nowUtc;
        RevokedByUserId = userId;
        RevokeReason = reason!.Trim();
        return problems;
    }

    /// <summary>Neither revoked nor replaced by a newer sign-off (it may have expired).</summary>
    public bool IsLive => RevokedAtUtc is null && SupersededAtUtc is null;

    public SignOffStatus StatusOn(DateOnly today, int expiringSoonDays = DefaultExpiringSoonDays) =>
        RevokedAtUtc is not null ? SignOffStatus.Revoked
        : ExpiresOn is not { } expires ? SignOffStatus.Active
        : today >= expires ? SignOffStatus.Expired
        : today >= expires.AddDays(-expiringSoonDays) ? SignOffStatus.ExpiringSoon
        : SignOffStatus.Active;

    /// <summary>Whether the skill counts as signed off: an expired or revoked sign-off does not.</summary>
    public bool CountsOn(DateOnly today) => StatusOn(today) is SignOffStatus.Active or SignOffStatus.ExpiringSoon;

    internal static IReadOnlyList<FieldProblem> CheckReason(string? reason, string missing) =>
        string.IsNullOrWhiteSpace(reason) ? [new(ReasonField, missing)]
        : reason.Trim().Length > MaxReasonLength ? [new(ReasonField, $"Keep the reason under {MaxReasonLength} characters.")]
        : [];
}

public sealed record SignOffDeclineResult(SignOffDecline? Decline, IReadOnlyList<FieldProblem> Problems);

/// <summary>A manager reviewed the evidence and did not sign off, with a reason the employee and HR can read.</summary>
public class SignOffDecline
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Guid SkillKey { get; set; }
    public required string DeclinedByUserId { get; set; }
    public DateTime DeclinedAtUtc { get; set; }
    public required string Reason { get; set; }
    /// <summary>The observations the manager reviewed.</summary>
    public List<int> EvidenceObservationIds { get; set; } = [];

    /// <summary>
    /// Whether this decline still answers <paramref name="readiness"/>: no new evidence since the manager reviewed it, so
    /// the skill is not flagged "ready for sign-off" again until a new observation meets the level.
    /// </summary>
    public bool StillStands(SignOffReadiness readiness) => readiness.EvidenceObservationIds.All(EvidenceObservationIds.Contains);

    /// <summary>Declining needs a reason (keyed Reason).</summary>
    public static SignOffDeclineResult Decline(int employeeId, Guid skillKey, SignOffReadiness readiness, string? reason, string userId, DateTime nowUtc)
    {
        var problems = SignOff.CheckReason(reason, "Say why the skill is not signed off yet.");
        if (problems.Count > 0) return new(null, problems);
        return new(new SignOffDecline
        {
            EmployeeId = employeeId, SkillKey = skillKey, DeclinedByUserId = userId, DeclinedAtUtc = nowUtc,
            Reason = reason!.Trim(), EvidenceObservationIds = [.. readiness.EvidenceObservationIds],
        }, []);
    }
}
