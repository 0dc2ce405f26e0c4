using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Coaching.Web.Access;

/// <summary>
/// Which folder of pages needs which policy. A page outside these folders needs a signed-in person (the fallback
/// policy); only the sign-in pages and the error page are open to anyone.
/// </summary>
public static class AccessConventions
{
    public static readonly IReadOnlyDictionary<string, string> FolderPolicies = new Dictionary<string, string>
    {
        ["/Team"] = Policies.Managers,
        ["/Observations"] = Policies.Managers,
        ["/Rubrics"] = Policies.HumanResources,
        ["/People"] = Policies.HumanResources,
        ["/Summaries"] = Policies.HumanResources,
        ["/Insights"] = Policies.Insights,
        ["/Admin"] = Policies.Admins,
    };

    public static PageConventionCollection AuthorizeByFolder(this PageConventionCollection conventions)
    {
        conventions.AllowAnonymousToFolder("/Account");
        conventions.AllowAnonymousToPage("/Error");
        foreach (var (folder, policy) in FolderPolicies)
            conventions.AuthorizeFolder(folder, policy);
        return conventions;
    }
}
