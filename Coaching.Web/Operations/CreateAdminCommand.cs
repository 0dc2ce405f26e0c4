using System.CommandLine;
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
public sealed class CreateAdminCommand(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AccountInvitations invitations, AuditTrail audit, CoachingDbContext db) : Operation
{
    public static Command Command(IServiceProvider services)
    {
        var email = new Option<string>("--email") { Description = "The administrator's email address", Required = true };
        email.Validators.Add(r => { if (!MailAddress.TryCreate(r.GetValueOrDefault<string>()?.Trim(), out _)) r.AddError("The option --email needs an email address such as owner@example.org."); });
        var name = new Option<string?>("--name") { Description = "The name shown in the app (default: the address)" };
        return OperatorCommandLine.Verb<CreateAdminCommand>(services, "create-admin", "Create (or restore) an administrator and print a one-time link to set the password.",
            developmentOnly: false, [email, name], (c, p, ct) => c.RunAsync(p.GetRequiredValue(email).Trim(), p.GetValue(name)?.Trim(), ct));
    }

    public async Task<int> RunAsync(string email, string? name, CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, DisplayName = name ?? email, LockoutEnabled = true };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                Error.WriteLine($"Could not create the account: {string.Join("; ", created.Errors.Select(e => e.Description))}");
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
        Out.WriteLine($"Administrator {email} is ready. Open this link within 24 hours to set the password (it works once):");
        Out.WriteLine(link);
        return 0;
    }
}
