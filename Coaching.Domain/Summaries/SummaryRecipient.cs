namespace Coaching.Domain.Summaries;

/// <summary>Who can receive a summary, and why someone cannot.</summary>
public static class SummaryRecipient
{
    public const string InactiveReason = "Inactive employee";
    public const string NoEmailReason = "No email address";
    public const string NothingToSayReason = "No observations and no open next steps this week";

    /// <summary>Why the employee gets no summary at all (skipped), or null when they should get one.</summary>
    public static string? SkipReason(bool isActive, string? email) =>
        !isActive ? InactiveReason : string.IsNullOrWhiteSpace(email) ? NoEmailReason : null;

    /// <summary>A clear reason an address cannot be mailed, or null when it looks deliverable (one @, a local part, a dotted domain, no spaces).</summary>
    public static string? EmailProblem(string email)
    {
        var e = email.Trim();
        var at = e.IndexOf('@');
        if (at <= 0 || at != e.LastIndexOf('@') || at == e.Length - 1)
            return $"The email address \"{e}\" is malformed: it needs exactly one @ between a name and a domain.";
        var domain = e[(at + 1)..];
        if (e.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')'))
            return $"The email address \"{e}\" is malformed: it contains spaces or characters an address cannot have.";
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains(".."))
            return $"The email address \"{e}\" is malformed: \"{domain}\" is not a mail domain.";
        return null;
    }

    /// <summary>Waiting time before the next attempt after <paramref name="attempts"/> failed ones: doubling from the base, capped at a day.</summary>
    public static TimeSpan RetryDelay(int attempts, TimeSpan baseDelay)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 16));
        return TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * factor, TimeSpan.FromDays(1).Ticks));
    }
}
