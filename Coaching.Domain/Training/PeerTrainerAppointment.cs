using Coaching.Domain.People;
using Coaching.Domain.SignOffs;

namespace Coaching.Domain.Training;

/// <summary>
/// Someone made a peer trainer for a skill by a manager or HR. Only a person whose sign-off of the skill counts can
/// be made one; a trainer whose sign-off later expires or is revoked is no longer suggested (see
/// <see cref="IsAvailableOn"/>). Ending an appointment keeps it for the record.
/// </summary>
public sealed class PeerTrainerAppointment
{
    public const string EmployeeField = "EmployeeId", SkillField = "SkillKey";

    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Guid SkillKey { get; set; }
    public required string AppointedByUserId { get; set; }
    public DateTime AppointedAtUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }
    public string? EndedByUserId { get; set; }

    public bool IsCurrent => EndedAtUtc is null;

    /// <summary>
    /// Refused when the person's sign-off of the skill does not count on <paramref name="today"/>, or when they are
    /// already a current peer trainer for it (a double tap makes one appointment).
    /// </summary>
    public static (PeerTrainerAppointment? Appointment, IReadOnlyList<FieldProblem> Problems) Appoint(int employeeId, Guid skillKey,
        IEnumerable<SignOff> signOffs, IEnumerable<PeerTrainerAppointment> appointments, string userId, DateOnly today, DateTime nowUtc)
    {
        if (appointments.Any(a => a.EmployeeId == employeeId && a.SkillKey == skillKey && a.IsCurrent))
            return (null, [new(SkillField, "Already a peer trainer for this skill.")]);
        if (!signOffs.Any(s => s.EmployeeId == employeeId && s.SkillKey == skillKey && s.CountsOn(today)))
            return (null, [new(SkillField, "Only someone signed off on this skill can train it; sign the skill off first.")]);
        return (new PeerTrainerAppointment { EmployeeId = employeeId, SkillKey = skillKey, AppointedByUserId = userId, AppointedAtUtc = nowUtc }, []);
    }

    /// <summary>Ends a current appointment; ending twice changes nothing.</summary>
    public void End(string userId, DateTime nowUtc)
    {
        if (!IsCurrent) return;
        EndedAtUtc = nowUtc;
        EndedByUserId = userId;
    }

    /// <summary>A current trainer whose sign-off still counts: the people suggested for a trainee.</summary>
    public bool IsAvailableOn(DateOnly today, IEnumerable<SignOff> signOffs) =>
        IsCurrent && signOffs.Any(s => s.EmployeeId == EmployeeId && s.SkillKey == SkillKey && s.CountsOn(today));
}
