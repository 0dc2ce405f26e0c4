using System.ComponentModel.DataAnnotations;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Features.Account;

public class LoginModel(SignInManager<AppUser> signIn, SignInLimits limits, ILogger<LoginModel> logger) : PageModel
{
    /// <summary>The one answer for a wrong password, an unknown email and a locked account: it must not tell which.</summary>
    public const string NoMatch = "That email and password do not match an account we can sign you in to.";
    public const string TooManyAttempts = "Too many sign-in attempts. Wait a minute, then try again.";

    [BindProperty] public LoginForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class LoginForm
    {
        [Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.com."), Display(Name = "Email")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Enter your password."), DataType(DataType.Password), Display(Name = "Password")]
        public string Password { get; set; } = "";
        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        // A checkbox only ever sends "true"; anything else means unticked. Left in ModelState, "maybe" would make the
        // checkbox tag helper throw while re-rendering the form (a 500).
        if (ModelState.Remove($"{nameof(Form)}.{nameof(Form.RememberMe)}")) Form.RememberMe = false;
        if (!ModelState.IsValid) return Page();

        var email = Form.Email.Trim();
        var client = HttpContext.Connection.RemoteIpAddress;
        if (!limits.MayTry(client, email))
        {
            // No email address in logs: they are kept and shipped where personal data should not go.
            logger.LogWarning("Sign-in refused by the attempt limits from {Client}", client);
            return Refused(TooManyAttempts, StatusCodes.Status429TooManyRequests);
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            // Same work and the same answer as a wrong password, so neither timing nor text reveals who has an account.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), limits.DummyPasswordHash, Form.Password);
            limits.CountFailure(client, email);
            return Refused(NoMatch, StatusCodes.Status200OK);
        }

        // No lockout on failure: the attempt limits slow guessing, and a stranger cannot lock a manager out for 15 minutes.
        var check = await signIn.CheckPasswordSignInAsync(user, Form.Password, lockoutOnFailure: false);
        if (!check.Succeeded)
        {
            // A locked or not-allowed account is refused before its password is checked: pay the same time anyway.
            if (check.IsLockedOut || check.IsNotAllowed)
                signIn.UserManager.PasswordHasher.VerifyHashedPassword(user, limits.DummyPasswordHash, Form.Password);
            limits.CountFailure(client, email);
            return Refused(NoMatch, StatusCodes.Status200OK);
        }
        await signIn.SignInAsync(user, Form.RememberMe);
        logger.LogInformation("Account {User} signed in", user.Id);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    IActionResult Refused(string message, int status)
    {
        ModelState.AddModelError(string.Empty, message);
        Form.Password = "";
        Response.StatusCode = status;
        return Page();
    }
}
