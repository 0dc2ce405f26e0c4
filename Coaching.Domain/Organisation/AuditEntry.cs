namespace Coaching.Domain.Organisation;

/// <summary>Who changed what in the organisation and when: every administrative change leaves one, kept in the database.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserId { get; set; }
    /// <summary>The name at the time, so the entry still reads right after the account is renamed or removed.</summary>
    public required string UserName { get; set; }
    /// <summary>What kind of change ("people.import", "account.unlock"): what the audit page filters on.</summary>
    public required string Action { get; set; }
    /// <summary>Whom or what it changed, in words ("Ana Ruiz", "people.csv").</summary>
    public required string Subject { get; set; }
    public string Details { get; set; } = "";
}
