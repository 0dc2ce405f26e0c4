using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Coaching.Web.Infrastructure;

/// <summary>
/// The one wording for a value the framework could not bind (letters typed for a level, a date that is not one). Its
/// own ("The value 'abc' is not valid for Level.") names properties rather than the fields people see.
/// </summary>
public static class BindingMessages
{
    public const string CouldNotRead = "That value could not be read.";

    /// <summary>
    /// Rewords every error the binding left, in place (so the error count stays what binding made it): the field's own
    /// message from <paramref name="messageFor"/> when it has one, else <see cref="CouldNotRead"/>. Call it before the
    /// rules add their messages.
    /// </summary>
    public static void UsePlainBindingMessages(this ModelStateDictionary modelState, Func<string, string?>? messageFor = null)
    {
        foreach (var (key, entry) in modelState)
            for (var i = 0; i < entry.Errors.Count; i++)
                entry.Errors[i] = new ModelError(messageFor?.Invoke(key) ?? CouldNotRead);
    }
}
