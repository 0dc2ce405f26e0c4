namespace Coaching.Web.Infrastructure;

/// <summary>
/// The headers every response carries, pages, partials, static files and error pages alike.
/// The CSP allows only this app's own files: no inline script or style attribute, no eval, no framing
/// (clickjacking), no form posting elsewhere. Markup must use classes in site.css and behaviour in wwwroot/js.
/// Script, style, font and connect sources fall back to default-src, so they are not repeated: every partial and
/// autosave carries this header. No Referer leaves the browser: nothing here reads it, and URLs name employees.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PdfPolicy = "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the response starts, not now: the exception handler clears headers before it renders the error page.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // Chromium shows a PDF through a built-in viewer that object-src 'none' and style-src 'self' would block
            // ("This content is blocked"); a PDF runs no script of ours, so it only keeps the framing rule.
            headers.ContentSecurityPolicy = context.Response.ContentType?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true
                ? PdfPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate CSP 2
            return Task.CompletedTask;
        });
        return next(context);
    });
}
