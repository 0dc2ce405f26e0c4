using Coaching.Domain.Development;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>Development conversations in Chromium: the manager logs one on a tablet, the employee reflects on a phone.</summary>
public class ConversationsTests(LiveApp app) : IClassFixture<LiveApp>
{
    static async Task OpenConversationsFromTheTeamAsync(IPage page, string name)
    {
        await page.GotoAsync("/Team");
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).TapAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Conversations", Exact = true }).TapAsync();
        await page.WaitForURLAsync("**/People/*/Conversations");
    }

    ILocator Tile(IPage page, string name) => page.Locator("article.tile").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    [Fact]
    public async Task A_manager_on_a_tablet_logs_a_conversation_with_two_agreed_steps_and_the_tile_says_conversation_today()
    {
        var page = await app.NewTabletPageAsync(768, 1024);
        await app.StartDevelopmentFromNothingAsync("Grace Mensah");
        await LiveApp.SignInAsync(page, "manager@demo.local");
        await Assertions.Expect(Tile(page, "Grace Mensah").Locator(".last-conversation")).ToHaveTextAsync("No conversation yet · due");
        await OpenConversationsFromTheTeamAsync(page, "Grace Mensah");
        await Assertions.Expect(page.Locator("#no-conversations")).ToBeVisibleAsync();

        await page.GetByLabel("What was discussed").FillAsync("Grace would like to pick online orders two mornings a week.");
        await page.GetByLabel("Agreed step 1").FillAsync("Shadow Oskar on the click-and-collect shift");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another step" }).TapAsync();
        await Assertions.Expect(page.GetByLabel("Agreed step 2")).ToBeFocusedAsync();
        await page.GetByLabel("Agreed step 2").FillAsync("Learn the picking app");
        await page.GetByLabel("Plan changes").FillAsync("Start a cross-training plan for online-order fulfilment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log conversation" }).TapAsync();

        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync("Conversation logged.");
        var logged = page.Locator(".conversation").First;
        await Assertions.Expect(logged).ToBeVisibleAsync();
        await Assertions.Expect(logged.Locator(".conversation-discussed")).ToHaveTextAsync("Grace would like to pick online orders two mornings a week.");
        await Assertions.Expect(logged.Locator(".step-text")).ToHaveTextAsync(["Shadow Oskar on the click-and-collect shift", "Learn the picking app"]);
        await Assertions.Expect(logged.Locator(".step-state")).ToHaveTextAsync(["Not yet", "Not yet"]);
        await Assertions.Expect(logged).ToContainTextAsync("with Maya Okafor");
        // The form is ready for the next conversation.
        await Assertions.Expect(page.GetByLabel("What was discussed")).ToHaveValueAsync("");

        await page.GotoAsync("/Team");
        await Assertions.Expect(Tile(page, "Grace Mensah").Locator(".last-conversation")).ToHaveTextAsync("Conversation today");
        await Assertions.Expect(Tile(page, "Grace Mensah")).ToContainTextAsync("days since last observation"); // the demo observation, unchanged: a conversation is not an observation
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Logging_without_saying_what_was_discussed_shows_the_message_beside_it_and_keeps_the_typed_steps()
    {
        var page = await app.NewTabletPageAsync(768, 1024);
        await app.StartDevelopmentFromNothingAsync("Priya Nair");
        await LiveApp.SignInAsync(page, "manager@demo.local");
        await OpenConversationsFromTheTeamAsync(page, "Priya Nair");

        await page.GetByLabel("Agreed step 1").FillAsync("Practise the cash-up on Friday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another step" }).TapAsync();
        await page.GetByLabel("Agreed step 2").FillAsync("Ask Tom about the refunds screen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log conversation" }).TapAsync();

        await Assertions.Expect(page.Locator("#err-discussed")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#err-discussed")).ToHaveTextAsync("Say what was discussed.");
        await Assertions.Expect(page.GetByLabel("What was discussed")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("Agreed step 1")).ToHaveValueAsync("Practise the cash-up on Friday");
        await Assertions.Expect(page.GetByLabel("Agreed step 2")).ToHaveValueAsync("Ask Tom about the refunds screen");
        await Assertions.Expect(page.Locator("#no-conversations")).ToBeVisibleAsync();

        // Put right, the same form logs it.
        await page.GetByLabel("What was discussed").FillAsync("Priya's confidence at the till");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log conversation" }).TapAsync();
        await Assertions.Expect(page.Locator(".conversation .step-text")).ToHaveTextAsync(["Practise the cash-up on Friday", "Ask Tom about the refunds screen"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_employee_on_a_phone_adds_a_reflection_and_marks_an_agreed_step_done()
    {
        await app.StartDevelopmentFromNothingAsync("Tom Becker");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
            var zone = scope.ServiceProvider.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone;
            var tom = await db.Employees.SingleAsync(e => e.FirstName == "Tom" && e.LastName == "Becker");
            var manager = await db.Users.SingleAsync(u => u.Email == "manager@demo.local");
            var today = OrganisationClock.Today(DateTime.UtcNow, zone);
            db.DevelopmentConversations.Add(DevelopmentConversation.Log(tom.Id, manager.Id, today.AddDays(-2), "Tom wants to train new cashiers",
                ["Run the next induction till session", "Write down the three most asked questions"], null, today, DateTime.UtcNow).Conversation!);
            await db.SaveChangesAsync();
        }
        var page = await app.NewTabletPageAsync(390, 844);
        await LiveApp.SignInAsync(page, "tom.becker@demo.local"); // an employee starts on My development
        await page.GetByRole(AriaRole.Link, new() { Name = "My conversations", Exact = true }).TapAsync();
        await page.WaitForURLAsync("**/People/*/Conversations");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log conversation" })).ToHaveCountAsync(0);

        await page.GetByLabel("Your reflection on this conversation").FillAsync("Excited, but I want to watch one induction first.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reflection" }).TapAsync();
        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync("Reflection saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done: Run the next induction till session" }).TapAsync();

        var steps = page.Locator(".conversation .step-state");
        await Assertions.Expect(steps.First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Done \\d{1,2} \\w{3} \\d{4}$"));
        await Assertions.Expect(steps.Nth(1)).ToHaveTextAsync("Not yet");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark not yet: Run the next induction till session" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Your reflection on this conversation")).ToHaveValueAsync("Excited, but I want to watch one induction first.");
        await Assertions.Expect(page.Locator(".conversation .step-state").First).ToContainTextAsync("Done");
        // Nothing spills sideways on the phone.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390px");
        await page.Context.CloseAsync();
    }
}
