using System.Security.Claims;

namespace Coaching.Web.Access;

/// <summary>Navigation by role. Each feature adds its entry here when its page exists.</summary>
public static class NavigationMenu
{
    public sealed record Item(string Label, string Href, params string[] Roles);

    public static readonly List<Item> Items =
    [
        new("Admin", "/Admin", Roles.Admin),
        new("My team", "/Team", Roles.Manager),
        new("Rubrics", "/Rubrics", Roles.HR, Roles.Admin),
        new("Coverage", "/Insights/Coverage", Roles.HR, Roles.Admin, Roles.Manager),
        new("People", "/People", Roles.HR, Roles.Admin),
        new("Summaries", "/Summaries", Roles.HR, Roles.Admin),
        new("My development", "/MyDevelopment", Roles.Employee),
        new("My summary", "/MySummary", Roles.Employee),
        new("Choosable skills", "/Development/ChoosableSkills", Roles.HR, Roles.Admin),
        new("Teams", "/Admin/Teams", Roles.Admin),
        new("Accounts", "/Admin/Accounts", Roles.Admin),
        new("Audit", "/Admin/Audit", Roles.Admin),
        new("Development settings", "/Development/Settings", Roles.HR),
        new("Peer trainers", "/Training/Trainers", Roles.Manager, Roles.HR), // Admin reaches it by URL: their menu is full
        new("Tenure bands", "/Training/Bands", Roles.HR),
        new("Sign-off rules", "/SignOffs/Rules", Roles.HR),
        new("Training", "/Training/Events", Roles.HR, Roles.Manager), // Admin opens it by address: its bar is full at 1024px
    ];

    public static IEnumerable<Item> For(ClaimsPrincipal user) => Items.Where(i => i.Roles.Any(user.IsInRole));
}
