namespace Coaching.Web.Infrastructure;

public static class Antiforgery
{
    /// <summary>The header the layout's <c>hx-headers</c> sends the token in, on every htmx request.</summary>
    public const string HeaderName = "RequestVerificationToken";
}
