using System.ComponentModel.DataAnnotations;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Coaching.Web.Features.Account;

/// <summary>
/// "Forgot password" (and "send me a new link"): the same answer whether or not the address has an account, so the page
/// cannot be used to find out who works here. Someone invited but not yet signed up gets a fresh invitation instead.
/// </summary>
public class ForgotPasswordModel(UserManager<AppUser> users, AccountInvitations invitations, IMemoryCache recent,
    ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com."), Display(Name = "Email")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        // One link a minute per account at most: the page cannot be used to flood someone's inbox.
        if (user is not null && recent.Get($"password-link:{user.Id}") is null)
        {
            recent.Set($"password-link:{user.Id}", true, TimeSpan.FromMinutes(1));
            try { await invitations.SendLinkAsync(user, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The answer stays the same: saying "could not send" would tell a stranger the address exists.
                logger.LogError(e, "Could not send a password link to account {User}", user.Id);
            }
        }
        Sent = true;
        return Page();
    }
}
