using System.Net;
using System.Threading.RateLimiting;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Coaching.Web.Infrastructure;

/// <summary>
/// Slows password guessing without letting a stranger lock someone out. Only failed sign-ins count, in two sliding
/// one-minute windows: per client address (one machine trying many accounts) and per account (many machines trying
/// one account). While either is spent every attempt is refused with 429, the right password too (otherwise the
/// limit would not slow guessing), but the window is short: an account is usable again a minute after the last
/// counted failure, instead of Identity's 15-minute lockout that anyone who knew an email address could trigger.
/// Successful sign-ins never count, so a whole shift signing in behind one NAT address is not throttled.
/// </summary>
public sealed class SignInLimits : IDisposable
{
    readonly PartitionedRateLimiter<string> clients;
    readonly PartitionedRateLimiter<string> accounts;

    public SignInLimits(IConfiguration config)
    {
        clients = Sliding(config.GetValue("SignIn:FailuresPerClientPerMinute", 20));
        accounts = Sliding(config.GetValue("SignIn:FailuresPerAccountPerMinute", 5));
        // A real PBKDF2 hash to check unknown emails against, so they cost what a real account costs (~60 ms) and
        // the answer's timing does not tell which emails have accounts.
        DummyPasswordHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString());
    }

    public string DummyPasswordHash { get; }

    static PartitionedRateLimiter<string> Sliding(int failures) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, failures), Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
        }));

    static string AccountKey(string email) => email.Trim().ToUpperInvariant();

    // Without an address (only in-process test hosts) there is no client to tell apart; the account limit still holds.
    static string? ClientKey(IPAddress? address) => address?.ToString();

    /// <summary>Whether another attempt may be checked now (asks for zero permits: looking does not count).</summary>
    public bool MayTry(IPAddress? client, string email)
    {
        using var account = accounts.AttemptAcquire(AccountKey(email), 0);
        if (!account.IsAcquired) return false;
        if (ClientKey(client) is not { } key) return true;
        using var fromClient = clients.AttemptAcquire(key, 0);
        return fromClient.IsAcquired;
    }

    public void CountFailure(IPAddress? client, string email)
    {
        accounts.AttemptAcquire(AccountKey(email)).Dispose();
        if (ClientKey(client) is { } key) clients.AttemptAcquire(key).Dispose();
    }

    public void Dispose()
    {
        clients.Dispose();
        accounts.Dispose();
    }
}
