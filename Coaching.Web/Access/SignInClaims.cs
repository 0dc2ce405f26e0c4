using System.Security.Claims;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Access;

/// <summary>
/// What the sign-in cookie says about a person: their id, sign-in name, roles and security stamp, under short claim
/// names. The cookie rides on every request, the tablet's autosaves included; Identity's default names (schema URLs of
/// 60-odd characters each) and a second copy of the email made it about 1 KB.
/// </summary>
public sealed class SignInClaims(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string SecurityStamp = "stamp";

    public static void Configure(ClaimsIdentityOptions o)
    {
        o.UserIdClaimType = UserId;
        o.UserNameClaimType = Name;
        o.RoleClaimType = Role;
        o.SecurityStampClaimType = SecurityStamp;
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // The sign-in name is the email address: carrying it twice only makes the cookie longer.
        if (identity.FindFirst(Options.ClaimsIdentity.EmailClaimType) is { } email && email.Value == user.UserName) identity.RemoveClaim(email);
        return identity;
    }

    /// <summary>A principal as the sign-in cookie carries it, for commands and tests that act as someone without signing in.</summary>
    public static ClaimsPrincipal For(string userId, params string[] roleNames) =>
        new(new ClaimsIdentity([new Claim(UserId, userId), new Claim(Name, userId), .. roleNames.Select(r => new Claim(Role, r))], "SignInClaims", Name, Role));
}
