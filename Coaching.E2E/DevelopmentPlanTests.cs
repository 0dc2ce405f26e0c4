using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>A manager on a tablet (768x1024) starts and stops development plans from a person's profile.</summary>
public class DevelopmentPlanTests(LiveApp app) : IClassFixture<LiveApp>
{
    static async Task OpenPlanOfAsync(IPage page, string name)
    {
        await page.GotoAsync("/Team");
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/People/*");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a development plan" }).ClickAsync();
        await page.WaitForURLAsync("**/People/*/Plan");
    }

    [Fact]
    public async Task A_manager_starts_a_cross_training_plan_from_the_goal_with_the_proposed_skills_and_sees_it_on_the_profile()
    {
        var page = await app.NewTabletPageAsync(768, 1024);
        await LiveApp.SignInAsync(page, "manager@demo.local");
        await app.StartDevelopmentFromNothingAsync("Ana Ruiz");
        await OpenPlanOfAsync(page, "Ana Ruiz");

        await page.GetByLabel("Take on extra work next to the current role").CheckAsync();

        // The track follows the answer before anything is saved.
        await Assertions.Expect(page.Locator("#start-track")).ToHaveTextAsync("Cross-training");
        var role = page.GetByLabel("Whose work will the person also cover?");
        await Assertions.Expect(role).ToBeVisibleAsync();
        await role.SelectOptionAsync(new SelectOptionValue { Label = "Barista" });
        var proposed = page.Locator(".proposed-skills tbody tr");
        await Assertions.Expect(role).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$")); // the choice survives the answers' swaps
        await Assertions.Expect(proposed.First).ToBeVisibleAsync(new() { Timeout = 15_000 }); // the gap query on a busy CI machine
        Assert.True(await proposed.CountAsync() > 1);
        await Assertions.Expect(proposed.First.Locator("input[type=checkbox]")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#start-track")).ToHaveTextAsync("Cross-training");
        var firstSkill = await proposed.First.GetAttributeAsync("data-skill");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();

        var card = page.Locator(".plan-card").First;
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Name = "Cross-training" })).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".plan-roles")).ToContainTextAsync("Also covering Barista");
        await Assertions.Expect(card.Locator($".plan-skills tr[data-skill='{firstSkill}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#toasts .toast").Filter(new() { HasText = "Cross-training plan started" })).ToBeVisibleAsync();

        await page.Locator(".breadcrumb a").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Plan"));
        var brief = page.Locator(".profile-plans .plan-brief");
        await Assertions.Expect(brief).ToBeVisibleAsync();
        await Assertions.Expect(brief.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Cross-training · also covering Barista");
        await Assertions.Expect(brief.Locator($"li[data-skill='{firstSkill}']")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Stopping_a_plan_without_a_reason_shows_the_message_beside_the_field_and_keeps_the_plan_active()
    {
        var page = await app.NewTabletPageAsync(768, 1024);
        await LiveApp.SignInAsync(page, "manager@demo.local");
        await app.StartDevelopmentFromNothingAsync("Tom Becker");
        await OpenPlanOfAsync(page, "Tom Becker");
        await page.GetByLabel("Get better in the current role").CheckAsync();
        await Assertions.Expect(page.Locator("#start-track")).ToHaveTextAsync("Upskilling");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        var card = page.Locator(".plan-card").First;
        await Assertions.Expect(card.Locator(".plan-status")).ToHaveTextAsync("Active");

        await card.GetByRole(AriaRole.Button, new() { Name = "Stop the plan" }).ClickAsync();

        var reason = page.GetByLabel("Why does the plan stop?");
        var problem = page.Locator(".stop-plan .field-problem");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await Assertions.Expect(problem).ToHaveTextAsync("Say why the plan stops.");
        await Assertions.Expect(reason).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".plan-card").First.Locator(".plan-status")).ToHaveTextAsync("Active");

        await reason.FillAsync("Tom moves to the bakery next month");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".plan-card").First.Locator(".plan-stop-reason")).ToContainTextAsync("Tom moves to the bakery next month");
        await Assertions.Expect(page.Locator(".plan-card").First.Locator(".plan-status")).ToHaveTextAsync("Stopped");
        await page.Context.CloseAsync();
    }
}
