using System.Net;
using Coaching.Tests.Foundation;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.People;

/// <summary>Sign-in follows the person: a leaver is out at once (an open session too), a changed password ends the old one.</summary>
public class LeaversAndPasswordsTests(SecuredApp app) : IClassFixture<SecuredApp>
{
    [Fact]
    public async Task A_person_marked_as_left_is_signed_out_at_once_and_can_sign_in_again_when_brought_back()
    {
        var person = await app.WithDbAsync(db => db.Employees.Where(e => e.Email == "fatima.haddad@demo.local" || e.FirstName == "Fatima").Select(e => new { e.Id, e.Email }).FirstAsync());
        var employee = await Browser.SignedInAsync(app, person.Email!);
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/Settings/Password")).StatusCode);

        var hr = await Browser.SignedInAsync(app, "hr@demo.local");
        await hr.GetAsync($"/People/{person.Id}/Edit");
        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostAsync($"/People/{person.Id}/Edit?handler=Leave", new() { ["left"] = "true" })).StatusCode);

        var afterLeaving = await employee.GetAsync("/Settings/Password");
        Assert.Equal(HttpStatusCode.Redirect, afterLeaving.StatusCode);
        Assert.Contains("/Account/Login", afterLeaving.Headers.Location!.OriginalString);
        Assert.NotEqual(HttpStatusCode.Redirect, (await new Browser(app.NewClient()).SignInAsync(person.Email!, Coaching.Web.Demo.DemoSeeder.Password)).StatusCode);
        Assert.Contains("deactivated", (await hr.GetDocumentAsync($"/People/{person.Id}/Edit")).QuerySelector("#account-state")!.TextContent);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "person.leave")));

        await hr.PostAsync($"/People/{person.Id}/Edit?handler=Leave", new() { ["left"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, (await new Browser(app.NewClient()).SignInAsync(person.Email!, Coaching.Web.Demo.DemoSeeder.Password)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_refuses_a_wrong_current_one_beside_the_field_and_ends_the_other_sessions()
    {
        const string email = "priya.nair@demo.local";
        var phone = await Browser.SignedInAsync(app, email);
        var tablet = await Browser.SignedInAsync(app, email);
        await phone.GetAsync("/Settings/Password");

        var wrong = await phone.PostAsync("/Settings/Password", new() { ["Form.CurrentPassword"] = "not-it", ["Form.NewPassword"] = "New-Password-2026", ["Form.ConfirmPassword"] = "New-Password-2026" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal("That is not your current password.", (await Browser.ParseAsync(wrong)).QuerySelector("[data-valmsg-for='Form.CurrentPassword']")!.TextContent.Trim());

        var changed = await phone.PostAsync("/Settings/Password", new() { ["Form.CurrentPassword"] = Coaching.Web.Demo.DemoSeeder.Password, ["Form.NewPassword"] = "New-Password-2026", ["Form.ConfirmPassword"] = "New-Password-2026" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Settings/Password")).StatusCode); // this device stays signed in
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.GetAsync("/Settings/Password")).StatusCode); // the other is signed out
        Assert.NotEqual(HttpStatusCode.Redirect, (await new Browser(app.NewClient()).SignInAsync(email, Coaching.Web.Demo.DemoSeeder.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await new Browser(app.NewClient()).SignInAsync(email, "New-Password-2026")).StatusCode);
    }
}
