using Coaching.Domain.Time;

namespace Coaching.Domain.Summaries;

public enum DeliveryStatus { Pending = 0, Sent = 1, Failed = 2, Skipped = 3 }

/// <summary>The weekly summary of one employee for one ISO week: exactly one per pair, so nobody gets a week twice.</summary>
public class SummaryDelivery
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    /// <summary>ISO week as "2026-W47".</summary>
    public required string Week { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public DateTime? NextAttemptAtUtc { get; set; }
    /// <summary>Which run holds the row while sending, and since when; a stale claim is taken over by the next run.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedAtUtc { get; set; }
    public int Revision { get; set; }

    public IsoWeek IsoWeek => IsoWeek.Parse(Week);
}
