using Coaching.Domain.Observations;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>What a person sees of the access rules: the actions their policy allows, and the sign-in page when the session ended.</summary>
public class AccessTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task HR_marks_a_next_step_done_and_sees_the_toast_the_employee_sees_no_button()
    {
        var (employeeId, text, name) = await OpenStepInFrontEndAsync();
        var hr = await app.NewTabletPageAsync();
        await LiveApp.SignInAsync(hr, "hr@demo.local");
        await hr.GotoAsync($"/People/{employeeId}");

        await hr.GetByRole(AriaRole.Button, new() { Name = $"Mark done: {text}" }).First.ClickAsync();

        await Assertions.Expect(hr.Locator("#toasts")).ToContainTextAsync("Next step marked done.");
        await Assertions.Expect(hr.Locator("#open-steps")).Not.ToContainTextAsync(text);
        var employee = await app.NewTabletPageAsync(390, 844);
        await LiveApp.SignInAsync(employee, Coaching.Web.Demo.DemoSeeder.EmailFor(name));
        await employee.GotoAsync($"/People/{employeeId}");
        await Assertions.Expect(employee.Locator("#open-steps")).ToBeVisibleAsync();
        await Assertions.Expect(employee.GetByRole(AriaRole.Button, new() { NameRegex = new("^Mark done") })).ToHaveCountAsync(0);
        await Assertions.Expect(employee.GetByRole(AriaRole.Link, new() { Name = "New observation" })).ToHaveCountAsync(0);
        await hr.Context.CloseAsync();
        await employee.Context.CloseAsync();
    }

    [Fact]
    public async Task When_the_session_has_ended_an_htmx_action_takes_the_person_to_the_sign_in_page()
    {
        var (employeeId, text, _) = await OpenStepInFrontEndAsync();
        var manager = await app.NewTabletPageAsync();
        await LiveApp.SignInAsync(manager, "manager@demo.local");
        await manager.GotoAsync($"/People/{employeeId}");
        var done = manager.GetByRole(AriaRole.Button, new() { Name = $"Mark done: {text}" }).First;
        await Assertions.Expect(done).ToBeVisibleAsync();

        // The session ends (expired, or signed out in another tab) while the page stays open.
        await manager.Context.ClearCookiesAsync(new() { Name = "coaching.auth" });
        await done.ClickAsync();

        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Contains("/Account/Login", manager.Url);
        Assert.Contains($"ReturnUrl=%2FPeople%2F{employeeId}", manager.Url);
        await manager.Context.CloseAsync();
    }

    /// <summary>An open next step of someone in manager@demo.local's team (Front End), each call a different one.</summary>
    async Task<(int EmployeeId, string Text, string Name)> OpenStepInFrontEndAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var steps = await (
            from a in db.ActionItems
            join e in db.Employees on a.EmployeeId equals e.Id
            where e.Team!.Name == "Front End" && !a.IsDone && a.Observation!.Status == ObservationStatus.Submitted
            orderby a.Id
            select new { a.EmployeeId, a.Text, e.FirstName, e.LastName }).ToListAsync();
        var step = steps[Interlocked.Increment(ref taken) - 1];
        return (step.EmployeeId, step.Text, $"{step.FirstName} {step.LastName}");
    }

    static int taken;
}
