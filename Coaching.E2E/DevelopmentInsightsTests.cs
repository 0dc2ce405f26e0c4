using System.Text.RegularExpressions;
using Coaching.Domain.Development;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Coaching.E2E;

public partial class DevelopmentInsightsTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task HR_sees_the_conversation_rate_and_after_a_conversation_is_logged_the_rate_and_the_people_without_one_change()
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/Insights/Coverage");
        await page.GetByRole(AriaRole.Link, new() { Name = "Development", Exact = true }).TapAsync();
        var rate = page.Locator("#conversation-rate");
        await Assertions.Expect(rate).ToContainTextAsync("had a development conversation within the target (every"); // 90 days unless the other test changed it
        var (people, without) = await CountsAsync(page);
        Assert.True(without > 0, "the demo organisation has someone without a conversation");

        await page.GetByRole(AriaRole.Link, new() { Name = "Everyone without a conversation" }).TapAsync();
        var first = page.Locator("#without-people tbody tr").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        var name = (await first.Locator("a.employee-link").TextContentAsync())!;
        var employeeId = int.Parse((await first.GetAttributeAsync("data-employee-id"))!);

        await LogConversationAsync(employeeId);
        await page.ReloadAsync();

        var expected = $"{Math.Round((people - without + 1) * 100.0 / people):0}%";
        await Assertions.Expect(rate.Locator(".target-share")).ToHaveTextAsync(expected);
        await Assertions.Expect(page.Locator("#conversation-windows .without")).ToHaveTextAsync((without - 1).ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Everyone without a conversation" }).TapAsync();
        await Assertions.Expect(page.Locator("#without h2")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#without-people a.employee-link", new() { HasTextString = name })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HR_changes_the_conversation_target_a_bad_value_gets_its_message_beside_the_field_and_the_page_measures_against_the_new_target()
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/Insights/Development");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the target" }).TapAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Development settings" })).ToBeVisibleAsync();

        var target = page.GetByLabel("Everyone has a development conversation at least every … days");
        await target.FillAsync("400");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).TapAsync();

        var problem = page.Locator("#ConversationTargetDays-problem");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await Assertions.Expect(problem).ToHaveTextAsync("Enter a number of days from 7 to 365.");
        await Assertions.Expect(target).ToHaveValueAsync("400");
        await Assertions.Expect(target).ToHaveAttributeAsync("aria-invalid", "true");
        // Beside the field: the message sits right under its input, not at the top of the page.
        var inputBox = (await target.BoundingBoxAsync())!;
        var problemBox = (await problem.BoundingBoxAsync())!;
        Assert.InRange(problemBox.Y - (inputBox.Y + inputBox.Height), 0, 60);
        await Assertions.Expect(page.Locator("#SkillChoiceLimit-problem")).ToBeEmptyAsync();

        await target.FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).TapAsync();
        await Assertions.Expect(page.GetByText("Development settings saved.")).ToBeVisibleAsync();
        await Assertions.Expect(target).ToHaveValueAsync("30");
        await page.GetByRole(AriaRole.Link, new() { Name = "See how development conversations are going" }).TapAsync();
        await Assertions.Expect(page.Locator("#conversation-rate")).ToContainTextAsync("within the target (every 30 days)");
        await Assertions.Expect(page.Locator("#by-team th", new() { HasTextString = "Target (every 30 days)" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    static async Task<(int People, int Without)> CountsAsync(IPage page)
    {
        var text = (await page.Locator("#conversation-rate").TextContentAsync())!;
        var people = int.Parse(ActivePeople().Match(text).Groups[1].Value);
        var without = int.Parse((await page.Locator("#conversation-windows .without").TextContentAsync())!);
        return (people, without);
    }

    /// <summary>The conversation page is another feature's: the test logs one the way it will, through the domain and the database.</summary>
    async Task LogConversationAsync(int employeeId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var zone = scope.ServiceProvider.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone;
        var now = DateTime.UtcNow;
        var today = OrganisationClock.Today(now, zone);
        var teamId = await db.Employees.Where(e => e.Id == employeeId).Select(e => e.TeamId).SingleAsync();
        var manager = await db.TeamManagers.Where(m => m.TeamId == teamId).Select(m => m.UserId).FirstAsync();
        var log = DevelopmentConversation.Log(employeeId, manager, today, "What they want to learn next", ["Shadow a colleague on returns"], null, today, now);
        Assert.Empty(log.Problems);
        db.DevelopmentConversations.Add(log.Conversation!);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"of (\d+) active people")] private static partial Regex ActivePeople();
}
