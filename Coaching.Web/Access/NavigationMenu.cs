using System.Security.Claims;

namespace Coaching.Web.Access;

/// <summary>Navigation by role. Each feature adds its entry here when its page exists.</summary>
public static class NavigationMenu
{
    public sealed record Item(string Label, string Href, params string[] Roles);

    // The bar holds at most seven entries (Admin's, at 1024px): related pages are reached from tabs on their section's
    // pages (Training, Settings, Administration) rather than each taking a place on the bar.
    public static readonly List<Item> Items =
    [
        new("Admin", "/Admin", Roles.Admin),
        new("My team", "/Team", Roles.Manager),
        new("Rubrics", "/Rubrics", Roles.HR, Roles.Admin),
        new("Coverage", "/Insights/Coverage", Roles.HR, Roles.Admin, Roles.Manager),
        new("People", "/People", Roles.HR, Roles.Admin),
        new("Summaries", "/Summaries", Roles.HR, Roles.Admin),
        new("Training", "/Training/Events", Roles.HR, Roles.Admin, Roles.Manager),
        new("Settings", "/Development/Settings", Roles.HR, Roles.Admin),
        new("My development", "/MyDevelopment", Roles.Employee),
        new("My summary", "/MySummary", Roles.Employee),
    ];

    /// <summary>The tabs of a section: the pages that share one entry on the bar.</summary>
    public sealed record Tabs(string Label, IReadOnlyList<Item> Items)
    {
        public IEnumerable<Item> For(ClaimsPrincipal user) => Items.Where(i => i.Roles.Any(user.IsInRole));
    }

    public static readonly Tabs Training = new("Training",
    [
        new("Training events", "/Training/Events", Roles.HR, Roles.Admin, Roles.Manager),
        new("Peer trainers", "/Training/Trainers", Roles.HR, Roles.Admin, Roles.Manager),
        new("Tenure bands", "/Training/Bands", Roles.HR, Roles.Admin),
    ]);

    public static readonly Tabs Settings = new("Settings",
    [
        new("Development settings", "/Development/Settings", Roles.HR, Roles.Admin),
        new("Choosable skills", "/Development/ChoosableSkills", Roles.HR, Roles.Admin),
        new("Sign-off rules", "/SignOffs/Rules", Roles.HR, Roles.Admin),
    ]);

    public static IEnumerable<Item> For(ClaimsPrincipal user) => Items.Where(i => i.Roles.Any(user.IsInRole));
}
