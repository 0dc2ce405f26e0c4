using System.Net.Mail;
using Coaching.Web.Data;
using Coaching.Web.Features.Account;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>accounts create-admin --email owner@example.org [--name "Olu Owner"]</c>: the first administrator of an empty
/// organisation (or a way back in for an operator). Prints a one-time link, valid 24 hours, where that person sets a password.
/// </summary>
public sealed class CreateAdminCommand(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AccountInvitations invitations, AuditTrail audit, CoachingDbContext db) : IOperatorCommand
{
    public string Name => "accounts create-admin";
    public string Usage => "accounts create-admin --email <address> [--name <display name>]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        string? email = null, name = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i].ToLowerInvariant())
            {
                case "--email" when value is not null: email = value.Trim(); i++; break;
                case "--name" when value is not null: name = value.Trim(); i++; break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete option \"{args[i]}\". Usage: {Usage}");
                    return 2;
            }
        }
        if (email is null || !MailAddress.TryCreate(email, out _))
        {
            Console.Error.WriteLine($"Give the administrator's email address: {Usage}");
            return 2;
        }
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, DisplayName = name ?? email, LockoutEnabled = true };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                Console.Error.WriteLine($"Could not create the account: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                return 1;
            }
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin)) await users.AddToRoleAsync(user, Roles.Admin);
        user.DeactivatedAtUtc = null;
        user.LockoutEnd = null;
        await users.UpdateAsync(user);
        audit.Record("operator", "operator command", "account.create-admin", email, "Administrator created (or restored) from the command line.");
        await db.SaveChangesAsync(ct);

        // A reset-kind link: it lasts 24 hours and works once (the password changes the security stamp).
        var link = await invitations.LinkAsync(user, PasswordLinkKind.Reset);
        Console.WriteLine($"Administrator {email} is ready. Open this link within 24 hours to set the password (it works once):");
        Console.WriteLine(link);
        return 0;
    }
}
