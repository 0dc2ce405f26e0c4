using System.ComponentModel.DataAnnotations;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Features.Account;

/// <summary>Where an invitation or reset link lands: choose a password, or be told the link is spent and get a new one.</summary>
public class SetPasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountInvitations invitations) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty] public PasswordForm Form { get; set; } = new();

    public bool LinkIsValid { get; private set; }
    public string? Email { get; private set; }

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Choose a password."), DataType(DataType.Password), Display(Name = "New password")]
        public string NewPassword { get; set; } = "";
        [Required(ErrorMessage = "Type the password again."), DataType(DataType.Password), Display(Name = "Type it again")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";
    }

    PasswordLinkKind LinkKind => string.Equals(Kind, "reset", StringComparison.OrdinalIgnoreCase) ? PasswordLinkKind.Reset : PasswordLinkKind.Invite;

    async Task<AppUser?> AccountAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token)) return null;
        var user = await users.FindByIdAsync(UserId);
        if (user is null || !await invitations.IsValidAsync(user, Token, LinkKind)) return null;
        return user;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await AccountAsync();
        LinkIsValid = user is not null;
        Email = user?.Email;
        if (!LinkIsValid) Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await AccountAsync();
        if (user is null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        LinkIsValid = true;
        Email = user.Email;
        if (!ModelState.IsValid) return Refuse();
        var result = await invitations.SetPasswordAsync(user, Token!, LinkKind, Form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.NewPassword)}", error.Description);
            return Refuse();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Toast"] = "Your password is set. Welcome.";
        return LocalRedirect("/");
    }

    IActionResult Refuse()
    {
        Form = new(); // passwords are never sent back into the page
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
