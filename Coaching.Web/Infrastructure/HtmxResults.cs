using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Infrastructure;

public enum ToastKind { Success, Info, Warning, Error }

/// <summary>The one way pages answer htmx: a partial for htmx requests, the whole page otherwise, and events through HX-Trigger.</summary>
public static class HtmxResults
{
    /// <summary>The partial for a (non-boosted) htmx request; the full page for a normal request, so every URL still works on its own.</summary>
    public static IActionResult PageOrPartial(this PageModel page, string partialName, object? model = null) =>
        page.WantsPartial() ? page.Partial(partialName, model ?? page) : page.Page();

    /// <summary>
    /// True for a (non-boosted) htmx request, which gets a partial where a browser gets the page. The same URL then
    /// answers two ways, so the response says Vary: HX-Request and no cache hands one the other's answer.
    /// </summary>
    public static bool WantsPartial(this PageModel page)
    {
        page.Response.Htmx(h => h.WithVary());
        return page.Request.IsHtmxNonBoosted();
    }

    /// <summary>Raises a client event (a toast, a counter refresh) through the HX-Trigger header; several calls add up.</summary>
    public static void Trigger(this HttpResponse response, string eventName, object? detail = null) =>
        response.Htmx(h => h.WithTrigger(eventName, detail));

    /// <summary>A short message shown as a toast by the layout's script.</summary>
    public static void Toast(this HttpResponse response, string message, ToastKind kind = ToastKind.Success) =>
        response.Trigger("toast", new { message, kind = kind.ToString().ToLowerInvariant() });
}
