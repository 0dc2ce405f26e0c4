namespace Coaching.Web.Features.Observations;

/// <summary>
/// ASP.NET Core refuses to read a url-encoded form that holds a NUL character (InvalidDataException), so nothing
/// binds and every field looks empty: without this check an observation save would answer "that employee is not
/// in your teams". observation.js strips such characters before sending; this is the answer when one gets through.
/// </summary>
public static class UnreadableForm
{
    public const string Message = "Not saved: the form holds a hidden control character (such as NUL, pasted from another system) that cannot be read. Remove it or type that text again; what was saved before is kept.";

    public static async Task<bool> IsUnreadableFormAsync(this HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return false;
        try
        {
            await request.ReadFormAsync(ct);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }
}
