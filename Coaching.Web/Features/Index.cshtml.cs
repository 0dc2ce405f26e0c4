using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Features;

/// <summary>Sends each person to where their work starts.</summary>
public class HomeModel : PageModel
{
    public IActionResult OnGet()
    {
        var first = NavigationMenu.For(User).FirstOrDefault();
        return first is null ? Page() : Redirect(first.Href);
    }
}
