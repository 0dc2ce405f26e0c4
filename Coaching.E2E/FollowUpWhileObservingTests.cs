using Coaching.Tests.Development;
using Coaching.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>A manager on a tablet starts an observation from last time: what was agreed, and the plan's skills first.</summary>
public class FollowUpWhileObservingTests(LiveApp app) : IClassFixture<LiveApp>
{
    async Task<FollowUpSeed.Seeded> SeedAsync(string name, string tag)
    {
        using var scope = app.Services.CreateScope();
        return await FollowUpSeed.SeedAsync(scope.ServiceProvider.GetRequiredService<CoachingDbContext>(), name, tag);
    }

    [Theory]
    [InlineData(768, 1024)]
    [InlineData(1024, 768)]
    public async Task A_manager_marks_one_step_done_and_one_not_yet_from_the_observation_form(int width, int height)
    {
        var liam = await SeedAsync("Liam O'Connor", $"{width}");
        var page = await app.NewTabletPageAsync(width, height);
        await LiveApp.SignInAsync(page, "manager@demo.local");
        await page.GotoAsync("/Team");
        await page.GetByRole(AriaRole.Link, new() { Name = "New observation for Liam O'Connor" }).TapAsync();
        await page.WaitForURLAsync("**/Observations/Log**");

        // The plan's skill comes first, marked with its target; each skill says where it stood last time.
        var first = page.Locator(".skill-row").First;
        await Assertions.Expect(first.Locator(".skill-name")).ToHaveTextAsync(liam.PlanSkill);
        await Assertions.Expect(first.Locator(".plan-mark")).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator(".plan-mark")).ToHaveTextAsync($"In plan: target Level 3 by {liam.TargetDate:d MMM yyyy}");
        await Assertions.Expect(first.Locator(".last-observed")).ToContainTextAsync("Last: ");
        await Assertions.Expect(first.Locator(".expected-level")).ToContainTextAsync("Target: ");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "In the development plan" })).ToBeVisibleAsync();

        // Follow-up is collapsed above the form, with its count; opening it shows both steps.
        var followUp = page.Locator("#follow-up");
        await Assertions.Expect(followUp.Locator("summary")).ToContainTextAsync("open steps");
        await Assertions.Expect(followUp.GetByText(liam.NextStep)).Not.ToBeVisibleAsync();
        await followUp.Locator("summary").TapAsync();
        await Assertions.Expect(followUp.GetByText(liam.NextStep)).ToBeVisibleAsync();
        await Assertions.Expect(followUp.GetByText(liam.AgreedStep)).ToBeVisibleAsync();
        var done = followUp.GetByRole(AriaRole.Button, new() { Name = $"Done: {liam.NextStep}" });
        var box = await done.BoundingBoxAsync();
        Assert.True(box!.Height >= 44 && box.Width >= 44, $"Done is {box.Width}x{box.Height}");

        await done.TapAsync();
        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync("Marked done.");
        await Assertions.Expect(followUp.GetByText(liam.NextStep)).ToHaveCountAsync(0);
        await Assertions.Expect(followUp.GetByText(liam.AgreedStep)).ToBeVisibleAsync();

        await followUp.GetByRole(AriaRole.Button, new() { Name = $"Not yet: {liam.AgreedStep}" }).TapAsync();
        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync("Noted: not yet. It stays open.");
        var agreed = followUp.Locator(".follow-up-step").Filter(new() { HasText = liam.AgreedStep });
        await Assertions.Expect(agreed.Locator(".follow-up-not-yet")).ToBeVisibleAsync();
        await Assertions.Expect(agreed.Locator(".follow-up-not-yet")).ToContainTextAsync("Not yet (followed up");

        // The observation itself is untouched by the follow-up: rating still autosaves as before.
        await first.Locator("label.level-button").Nth(1).TapAsync();
        await Assertions.Expect(page.Locator("#save-status")).ToHaveTextAsync("Saved");

        // After a reload the done step is gone and the other still open, marked as followed up.
        await page.ReloadAsync();
        await page.Locator("#follow-up summary").TapAsync();
        await Assertions.Expect(page.Locator("#follow-up").GetByText(liam.NextStep)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#follow-up .follow-up-step").Filter(new() { HasText = liam.AgreedStep }).Locator(".follow-up-not-yet")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_open_follow_up_list_and_the_marked_plan_skill_have_no_serious_accessibility_violation()
    {
        var grace = await SeedAsync("Grace Mensah", "axe");
        var page = await app.NewTabletPageAsync(1024, 768, bypassCsp: true);
        await LiveApp.SignInAsync(page, "manager@demo.local");
        await page.GotoAsync($"/Observations/Log?employeeId={grace.EmployeeId}");
        await page.Locator("#follow-up summary").TapAsync();
        await Assertions.Expect(page.Locator("#follow-up").GetByText(grace.AgreedStep)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "follow-up-form.png"), FullPage = true });

        Assert.Empty(await LiveApp.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_employee_reads_their_plan_and_agreed_step_on_My_summary_on_a_phone()
    {
        Coaching.Tests.Development.FollowUpSeed.Seeded zoe;
        using (var scope = app.Services.CreateScope())
            zoe = await FollowUpSeed.SeedAsync(scope.ServiceProvider.GetRequiredService<CoachingDbContext>(), "Zoë Łukasiewicz", "phone 3391", DateTime.UtcNow.AddDays(-20));
        var page = await app.NewTabletPageAsync(390, 844);
        await LiveApp.SignInAsync(page, "zoe.lukasiewicz@demo.local");
        await page.GotoAsync("/MySummary");

        var development = page.GetByRole(AriaRole.Region, new() { Name = "Your development" });
        await Assertions.Expect(development).ToBeVisibleAsync();
        await Assertions.Expect(development.GetByRole(AriaRole.Heading, new() { Name = "Upskilling plan" })).ToBeVisibleAsync();
        await Assertions.Expect(development.Locator(".my-plan-skills")).ToContainTextAsync(zoe.PlanSkill);
        await Assertions.Expect(development.Locator(".my-confidence")).ToContainTextAsync("you feel fully confident (5 of 5)");
        await Assertions.Expect(development.Locator(".my-agreed-steps")).ToContainTextAsync(zoe.AgreedStep);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "My summary scrolls sideways on a phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "my-summary-development.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
