using System.Security.Claims;
using Coaching.Web.Data;

namespace Coaching.Web.Infrastructure;

/// <summary>Navigation by role. Each feature adds its entry here when its page exists.</summary>
public static class NavigationMenu
{
    public sealed record Item(string Label, string Href, params string[] Roles);

    public static readonly List<Item> Items =
    [
        new("Admin", "/Admin", Data.Roles.Admin),
        new("My team", "/Team", Data.Roles.Manager),
        new("Rubrics", "/Rubrics", Data.Roles.HR, Data.Roles.Admin),
        new("Coverage", "/Insights/Coverage", Data.Roles.HR, Data.Roles.Admin, Data.Roles.Manager),
        new("People", "/People", Data.Roles.HR, Data.Roles.Admin),
        new("Summaries", "/Summaries", Data.Roles.HR, Data.Roles.Admin),
        new("My development", "/Me", Data.Roles.Employee),
        new("My summary", "/MySummary", Data.Roles.Employee),
        new("Teams", "/Admin/Teams", Data.Roles.Admin),
        new("Accounts", "/Admin/Accounts", Data.Roles.Admin),
        new("Audit", "/Admin/Audit", Data.Roles.Admin),
    ];

    public static IEnumerable<Item> For(ClaimsPrincipal user) => Items.Where(i => i.Roles.Any(user.IsInRole));
}
