using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Infrastructure;

public enum ToastKind { Success, Info, Warning, Error }

/// <summary>The one way pages answer htmx: a partial for htmx requests, the whole page otherwise, and events through HX-Trigger.</summary>
public static class HtmxResults
{
    /// <summary>The partial for a (non-boosted) htmx request; the full page for a normal request, so every URL still works on its own.</summary>
    public static IActionResult PageOrPartial(this PageModel page, string partialName, object? model = null) =>
        page.Request.IsHtmxNonBoosted() ? page.Partial(partialName, model ?? page) : page.Page();

    /// <summary>Raises a client event (a toast, a counter refresh) through the HX-Trigger header; several calls add up.</summary>
    public static void Trigger(this HttpResponse response, string eventName, object? detail = null)
    {
        var events = response.HttpContext.Items[nameof(HtmxResults)] as Dictionary<string, object?> ?? [];
        events[eventName] = detail ?? "";
        response.HttpContext.Items[nameof(HtmxResults)] = events;
        response.Headers["HX-Trigger"] = JsonSerializer.Serialize(events);
    }

    /// <summary>A short message shown as a toast by the layout's script.</summary>
    public static void Toast(this HttpResponse response, string message, ToastKind kind = ToastKind.Success) =>
        response.Trigger("toast", new { message, kind = kind.ToString().ToLowerInvariant() });
}
