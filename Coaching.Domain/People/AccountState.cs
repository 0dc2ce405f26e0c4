namespace Coaching.Domain.People;

/// <summary>Where a person's sign-in stands, as an administrator needs to know it.</summary>
public enum AccountState { None, Invited, Active, Locked, Deactivated }

public static class AccountStates
{
    /// <summary>
    /// Deactivated wins over everything (a leaver stays out even with a password); an account without a password is
    /// waiting for its invitation to be used, or has none yet if it was never sent (a manager the import created);
    /// a lockout in the future is a lock.
    /// </summary>
    public static AccountState Of(bool hasAccount, bool hasPassword, DateTime? invitedAtUtc, DateTimeOffset? lockoutEnd, DateTime? deactivatedAtUtc, DateTimeOffset now) =>
        !hasAccount ? AccountState.None
        : deactivatedAtUtc is not null ? AccountState.Deactivated
        : !hasPassword ? invitedAtUtc is null ? AccountState.None : AccountState.Invited
        : lockoutEnd > now ? AccountState.Locked
        : AccountState.Active;

    public static string Label(this AccountState state) => state switch
    {
        AccountState.None => "no account",
        AccountState.Invited => "invited",
        AccountState.Active => "active",
        AccountState.Locked => "locked",
        _ => "deactivated",
    };
}
