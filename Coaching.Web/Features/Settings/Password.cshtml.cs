using System.ComponentModel.DataAnnotations;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Features.Settings;

/// <summary>A signed-in person changes their password; their other devices are signed out (the security stamp changes).</summary>
public class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public PasswordForm Form { get; set; } = new();

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password), Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";
        [Required(ErrorMessage = "Choose a new password."), DataType(DataType.Password), Display(Name = "New password")]
        public string NewPassword { get; set; } = "";
        [Required(ErrorMessage = "Type the new password again."), DataType(DataType.Password), Display(Name = "Type the new password again")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Form.CurrentPassword, Form.NewPassword);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                TempData["Toast"] = "Your password is changed. Other devices will need to sign in again.";
                return RedirectToPage();
            }
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? $"{nameof(Form)}.{nameof(Form.CurrentPassword)}" : $"{nameof(Form)}.{nameof(Form.NewPassword)}",
                    error.Code == "PasswordMismatch" ? "That is not your current password." : error.Description);
        }
        Form = new();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
