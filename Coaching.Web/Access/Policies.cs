using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Coaching.Web.Access;

/// <summary>
/// What a kind of person may do, by name. Folders are mapped to these in AccessConventions; a page that shows or
/// allows something to fewer people than its folder asks a policy here (never a role) through IAuthorizationService.
/// Which employees a person may see is EmployeeAccess's rule, not a policy's.
/// </summary>
public static class Policies
{
    /// <summary>The floor: managers (and Admin) see their teams and log observations.</summary>
    public const string Managers = "Managers";
    public const string HumanResources = "HumanResources";
    public const string Admins = "Admins";
    /// <summary>Coverage and gaps: HR and Admin see everything, managers their own teams.</summary>
    public const string Insights = "Insights";
    /// <summary>
    /// Acting on someone's development (marking a next step done, a plan, a conversation): their managers, HR and
    /// Admin; not the employee. Which employee is still EmployeeAccess's answer.
    /// </summary>
    public const string Coaches = "Coaches";

    /// <summary>Every page needs a signed-in person unless AccessConventions lets it be anonymous; then the named policies.</summary>
    public static IServiceCollection AddCoachingPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Managers, p => p.RequireRole(Roles.Manager, Roles.Admin))
            .AddPolicy(HumanResources, p => p.RequireRole(Roles.HR, Roles.Admin))
            .AddPolicy(Admins, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Insights, p => p.RequireRole(Roles.Manager, Roles.HR, Roles.Admin))
            .AddPolicy(Coaches, p => p.RequireRole(Roles.Manager, Roles.HR, Roles.Admin));
        return services;
    }

    /// <summary>Whether the user meets the policy; for what a page shows or refuses inside a folder it may already open.</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string policy) =>
        (await authorization.AuthorizeAsync(user, policy)).Succeeded;
}
