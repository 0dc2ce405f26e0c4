using System.Net;
using Coaching.Domain.Organisation;
using Coaching.Web.Data;
using Coaching.Web.Features.Summaries;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coaching.Web.Features.Account;

/// <summary>Invitation links last a week (people are not at a desk every day); a reset link lasts Identity's default day.</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = AccountInvitations.TokenProvider;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}

public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger);

/// <summary>What a link in an invitation or reset email is for.</summary>
public enum PasswordLinkKind { Invite, Reset }

/// <summary>
/// Accounts for people, and the emails that let them set a password: invitations (7 days) and resets (24 hours).
/// Tokens are Identity's own, bound to the account's security stamp, so a link works once: setting the password
/// changes the stamp. Mail goes the way summaries go (SMTP when configured, the outbox folder otherwise).
/// </summary>
public sealed class AccountInvitations(CoachingDbContext db, UserManager<AppUser> users, SummaryMailer mailer, IConfiguration config,
    IOptions<OrganisationOptions> org, TimeProvider clock, ILogger<AccountInvitations> logger)
{
    public const string TokenProvider = "Invitation";
    const string InvitationPurpose = "SetPassword";

    /// <summary>The portal's public address, for links in emails (Portal:Url, else the summaries' PortalUrl).</summary>
    public string PortalUrl => (config["Portal:Url"] is { Length: > 0 } url ? url : config["Summaries:PortalUrl"] ?? "http://localhost:5080").TrimEnd('/');

    /// <summary>The person's account, created (Employee role, no password) when they have none yet.</summary>
    public async Task<AppUser> EnsureAccountAsync(Employee person)
    {
        var account = await db.Users.FirstOrDefaultAsync(u => u.EmployeeId == person.Id);
        if (account is not null) return account;
        if (person.Email is null) throw new InvalidOperationException($"{person.FullName} has no email address.");
        account = await users.FindByEmailAsync(person.Email);
        if (account is not null)
        {
            account.EmployeeId ??= person.Id;
            await users.UpdateAsync(account);
            return account;
        }
        account = new AppUser { UserName = person.Email, Email = person.Email, DisplayName = person.FullName, EmployeeId = person.Id, LockoutEnabled = true };
        Check(await users.CreateAsync(account), person.Email);
        Check(await users.AddToRoleAsync(account, Roles.Employee), person.Email);
        return account;
    }

    public async Task<string> LinkAsync(AppUser user, PasswordLinkKind kind)
    {
        var token = kind == PasswordLinkKind.Invite
            ? await users.GenerateUserTokenAsync(user, TokenProvider, InvitationPurpose)
            : await users.GeneratePasswordResetTokenAsync(user);
        return $"{PortalUrl}/Account/SetPassword?user={Uri.EscapeDataString(user.Id)}&kind={kind.ToString().ToLowerInvariant()}&token={Uri.EscapeDataString(token)}";
    }

    public Task<bool> IsValidAsync(AppUser user, string token, PasswordLinkKind kind) =>
        user.DeactivatedAtUtc is not null ? Task.FromResult(false)
        : kind == PasswordLinkKind.Invite
            ? user.PasswordHash is null ? users.VerifyUserTokenAsync(user, TokenProvider, InvitationPurpose, token) : Task.FromResult(false)
            : users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);

    /// <summary>Sets the password if the link is still good; the new security stamp makes this link (and any older one) useless.</summary>
    public async Task<IdentityResult> SetPasswordAsync(AppUser user, string token, PasswordLinkKind kind, string password)
    {
        if (!await IsValidAsync(user, token, kind))
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This link has expired or was already used." });
        if (kind == PasswordLinkKind.Reset) return await users.ResetPasswordAsync(user, token, password);
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded) return result;
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        return await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Sends an invitation (no password yet) or a reset link (has one). Deactivated accounts get nothing.</summary>
    /// <param name="session">A mail session to reuse when inviting many people at once; one of its own otherwise.</param>
    public async Task<bool> SendLinkAsync(AppUser user, CancellationToken ct, IMailSession? session = null)
    {
        if (user.DeactivatedAtUtc is not null || user.Email is null) return false;
        var kind = user.PasswordHash is null ? PasswordLinkKind.Invite : PasswordLinkKind.Reset;
        var link = await LinkAsync(user, kind);
        var message = AccountEmail.Build(kind, user.DisplayName is { Length: > 0 } name ? name : user.Email, link, org.Value.Name, mailer.From, new MailboxAddress(user.DisplayName, user.Email));
        if (session is not null) await session.SendAsync(message, ct);
        else await using (var own = mailer.Open()) await own.SendAsync(message, ct);
        if (kind == PasswordLinkKind.Invite)
        {
            user.InvitedAtUtc = clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
        }
        logger.LogInformation("Sent a {Kind} link to {User}", kind, user.Id);
        return true;
    }

    /// <summary>Invites every active person with an email who has not signed up and was not invited yet (or only these people).</summary>
    public async Task<int> InviteEveryoneNewAsync(CancellationToken ct, IReadOnlyCollection<int>? only = null)
    {
        var people = await db.Employees.Where(e => e.IsActive && e.Email != null
                && !db.Users.Any(u => (u.EmployeeId == e.Id || u.NormalizedEmail == e.Email!.ToUpper()) && (u.PasswordHash != null || u.InvitedAtUtc != null || u.DeactivatedAtUtc != null)))
            .ToListAsync(ct);
        if (only is not null) people = people.Where(p => only.Contains(p.Id)).ToList();
        var sent = 0;
        await using var session = mailer.Open();
        foreach (var person in people)
        {
            var account = await EnsureAccountAsync(person);
            if (await SendLinkAsync(account, ct, session)) sent++;
        }
        return sent;
    }

    static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Could not create the account of {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}

/// <summary>The invitation and reset emails: HTML that reads on a phone (one column, viewport, language, title) and plain text.</summary>
public static class AccountEmail
{
    public static MimeMessage Build(PasswordLinkKind kind, string name, string link, string organisation, MailboxAddress from, MailboxAddress to)
    {
        var (subject, lead, button, validity) = kind == PasswordLinkKind.Invite
            ? ($"You are invited to Coaching at {organisation}", $"{organisation} uses Coaching for floor observations and your development summaries. Set a password to sign in.", "Set your password", "The link works once and for 7 days.")
            : ("Reset your Coaching password", "Someone (we hope you) asked to reset your Coaching password. If it was not you, ignore this email: nothing changes.", "Choose a new password", "The link works once and for 24 hours.");
        var message = new MimeMessage { Subject = subject };
        message.From.Add(from);
        message.To.Add(to);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        static string E(string v) => WebUtility.HtmlEncode(v);
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(subject)}</title></head>
            <body style="margin:0;padding:0;background:#f4f6f8;">
            <div style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#212529;">
            <p style="margin:0 0 12px 0;">Hello {E(name)},</p>
            <p style="margin:0 0 20px 0;">{E(lead)}</p>
            <p style="margin:0 0 20px 0;"><a href="{E(link)}" style="display:inline-block;background:#0b5e8a;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:4px;">{E(button)}</a></p>
            <p style="margin:0 0 8px 0;font-size:14px;color:#495057;">{E(validity)} If the button does not work, copy this address into your browser:</p>
            <p style="margin:0 0 20px 0;font-size:14px;word-break:break-all;"><a href="{E(link)}" style="color:#0b5e8a;">{E(link)}</a></p>
            <p style="margin:0;font-size:13px;color:#495057;">{E(organisation)}</p>
            </div></body></html>
            """;
        var text = $"Hello {name},\n\n{lead}\n\n{button}: {link}\n\n{validity}\n\n{organisation}\n";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
