using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Coaching.Web.Access;

/// <summary>
/// Which folder or page needs which policy. A page outside these needs a signed-in person (the fallback policy) and
/// asks <see cref="EmployeeAccess"/> whose data it shows; only the sign-in pages and the error page are open to anyone.
/// </summary>
public static class AccessConventions
{
    public static readonly IReadOnlyDictionary<string, string> FolderPolicies = new Dictionary<string, string>
    {
        ["/Team"] = Policies.Managers,
        ["/Observations"] = Policies.Managers,
        ["/Rubrics"] = Policies.HumanResources,
        ["/Insights"] = Policies.Insights,
        ["/Admin"] = Policies.Admins,
    };

    /// <summary>
    /// Pages named one by one where a folder holds one noun for several people: a person's profile and "my summary"
    /// sit with People and Summaries but are open to the manager and the employee themselves.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PagePolicies = new Dictionary<string, string>
    {
        ["/People/Index"] = Policies.HumanResources,
        ["/People/Edit"] = Policies.HumanResources,
        ["/People/Import"] = Policies.HumanResources,
        ["/Summaries/Index"] = Policies.HumanResources,
        ["/Summaries/Preview"] = Policies.HumanResources,
        ["/Development/ChoosableSkills"] = Policies.HumanResources,
        ["/Development/Settings"] = Policies.HumanResources,
        // Training: finding trainers is for coaches, bands for HR; a person's peer training page asks EmployeeAccess.
        ["/Training/Trainers"] = Policies.Coaches,
        ["/Training/Bands"] = Policies.HumanResources,
        ["/SignOffs/Rules"] = Policies.HumanResources,
        ["/Training/Events/Index"] = Policies.Coaches,
        ["/Training/Events/Record"] = Policies.Coaches,
        ["/Training/Events/Details"] = Policies.Coaches,
    };

    /// <summary>The policy a page needs beyond being signed in, if any.</summary>
    public static string? PolicyOf(string page) =>
        PagePolicies.GetValueOrDefault(page)
        ?? FolderPolicies.Where(f => page.StartsWith(f.Key + "/", StringComparison.Ordinal)).Select(f => f.Value).SingleOrDefault();

    public static PageConventionCollection AuthorizeByFolder(this PageConventionCollection conventions)
    {
        conventions.AllowAnonymousToFolder("/Account");
        conventions.AllowAnonymousToPage("/Error");
        foreach (var (folder, policy) in FolderPolicies)
            conventions.AuthorizeFolder(folder, policy);
        foreach (var (page, policy) in PagePolicies)
            conventions.AuthorizePage(page, policy);
        return conventions;
    }
}
