namespace Coaching.Domain.Summaries;

/// <summary>Whether a failed delivery may succeed if tried again later.</summary>
public enum FailureKind
{
    /// <summary>The server is down, busy or said 4xx ("try again later"): the scheduled retry tries again, with back-off.</summary>
    Temporary = 0,
    /// <summary>The server said 5xx, or the address cannot be mailed: trying again sends the same refusal, so only a person retries.</summary>
    Permanent = 1,
}

/// <summary>When a failed delivery is tried again: the rule that keeps a refusing server from being hammered.</summary>
public static class DeliveryRetry
{
    /// <summary>SMTP's own split: 5xx replies are permanent for that message, 4xx (and no reply at all) temporary.</summary>
    public static FailureKind FromSmtpReply(int? replyCode) => replyCode is >= 500 and < 600 ? FailureKind.Permanent : FailureKind.Temporary;

    /// <summary>
    /// When the scheduled retry may try again after the <paramref name="attempts"/>-th failed attempt, or null when it
    /// never will (a permanent failure, or the attempts are used up): then only "Retry failed" sends it.
    /// </summary>
    public static DateTime? NextAttemptUtc(FailureKind kind, int attempts, int maxAttempts, TimeSpan baseDelay, DateTime nowUtc) =>
        kind == FailureKind.Permanent || attempts >= maxAttempts ? null : nowUtc + SummaryRecipient.RetryDelay(attempts, baseDelay);

    /// <summary>What the delivery log says about the next attempt.</summary>
    public static string Plan(DateTime? nextAttemptUtc) =>
        nextAttemptUtc is null ? "Not retried automatically: fix the cause, then press Retry failed." : "Retried automatically";
}
