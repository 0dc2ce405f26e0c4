using Coaching.Tests.SignOffs;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>
/// Sign-off in Chromium on a tablet (768x1024): a manager sees "Ready for sign-off" on a tile, reviews the evidence and
/// signs off; declining and revoking need a reason, shown beside the field; HR's rule refuses a bad value beside it.
/// Each test arranges its own person in the Front End team (manager@demo.local's).
/// </summary>
public class SignOffTests(LiveApp app) : IClassFixture<LiveApp>
{
    async Task<T> WithDbAsync<T>(Func<CoachingDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }

    static ILocator Tile(IPage page, int employeeId) => page.Locator($"article.tile[data-employee-id='{employeeId}']");
    static ILocator Card(IPage page, SignOffSeed.Person p) => page.Locator($"#skill-{p.SkillKey:N}");

    async Task<IPage> ManagerAsync()
    {
        var page = await app.NewTabletPageAsync(768, 1024);
        await LiveApp.SignInAsync(page, "manager@demo.local");
        return page;
    }

    [Fact]
    public async Task A_manager_sees_ready_for_sign_off_on_the_tile_reviews_the_evidence_signs_off_and_the_profile_shows_it_signed_off()
    {
        var p = await WithDbAsync(db => SignOffSeed.ReadyAsync(db, "Front End", "Selma", "Signoff"));
        var page = await ManagerAsync();
        await page.GotoAsync("/Team");

        var ready = Tile(page, p.EmployeeId).Locator(".tile-signoff-ready");
        await Assertions.Expect(ready).ToBeVisibleAsync();
        await Assertions.Expect(ready).ToHaveTextAsync($"Ready for sign-off: {p.SkillName}");
        await ready.TapAsync();
        await page.WaitForURLAsync($"**/People/{p.EmployeeId}/SignOffs");
        await Assertions.Expect(Card(page, p).Locator(".signoff-state")).ToHaveTextAsync("Ready for sign-off");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Review evidence for {p.SkillName}" }).TapAsync();

        var evidence = Card(page, p).Locator(".signoff-evidence li");
        await Assertions.Expect(evidence).ToHaveCountAsync(3);
        await Assertions.Expect(evidence.First).ToBeVisibleAsync();
        await Assertions.Expect(evidence.First).ToContainTextAsync("Selma did it right at the end of a long shift");
        await Assertions.Expect(evidence.First).ToContainTextAsync("Maya Okafor");
        await Assertions.Expect(evidence.Nth(1)).ToContainTextAsync("Harriet Reid");
        await Assertions.Expect(Card(page, p).Locator(".signoff-evidence-heading")).ToBeFocusedAsync();
        var sign = page.GetByRole(AriaRole.Button, new() { Name = $"Sign off {p.SkillName}" });
        Assert.True((await sign.BoundingBoxAsync())!.Height >= 44);

        await sign.TapAsync();

        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync($"{p.SkillName} signed off.");
        await Assertions.Expect(Card(page, p).Locator(".signoff-state")).ToHaveTextAsync("Signed off");
        await Assertions.Expect(Card(page, p).Locator(".signoff-signed")).ToContainTextAsync("Signed off by Maya Okafor on");
        await Assertions.Expect(Card(page, p).Locator(".signoff-signed")).ToContainTextAsync("does not expire");
        await Assertions.Expect(sign).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = p.Name, Exact = true }).TapAsync();
        await page.WaitForURLAsync($"**/People/{p.EmployeeId}");
        var onProfile = page.Locator($".profile-signoffs li[data-skill='{p.SkillName}']");
        await Assertions.Expect(onProfile).ToBeVisibleAsync();
        await Assertions.Expect(onProfile.Locator(".badge")).ToHaveTextAsync("Signed off");
        await page.GotoAsync("/Team");
        await Assertions.Expect(Tile(page, p.EmployeeId)).ToBeVisibleAsync();
        await Assertions.Expect(Tile(page, p.EmployeeId).Locator(".tile-signoff-ready")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Declining_without_a_reason_shows_the_message_beside_the_field_keeps_what_was_typed_and_with_a_reason_the_tile_flag_goes()
    {
        var p = await WithDbAsync(db => SignOffSeed.ReadyAsync(db, "Front End", "Dario", "Decline"));
        var page = await ManagerAsync();
        await page.GotoAsync($"/People/{p.EmployeeId}/SignOffs");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Review evidence for {p.SkillName}" }).TapAsync();
        var reason = page.GetByLabel("Not yet: why");
        var decline = page.GetByRole(AriaRole.Button, new() { Name = $"Decline sign-off of {p.SkillName}" });

        await decline.TapAsync();

        var message = page.Locator($"#err-decline-{p.SkillKey:N}");
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(message).ToHaveTextAsync("Say why the skill is not signed off yet.");
        await Assertions.Expect(reason).ToBeFocusedAsync();

        var tooLong = "Needs more practice at the till. " + new string('x', 1000);
        await reason.FillAsync(tooLong);
        await decline.TapAsync();
        await Assertions.Expect(message).ToHaveTextAsync("Keep the reason under 1000 characters.");
        await Assertions.Expect(reason).ToHaveValueAsync(tooLong);
        await Assertions.Expect(Card(page, p).Locator(".signoff-evidence li")).ToHaveCountAsync(3); // the evidence stays open

        await reason.FillAsync("Watch one more Saturday rush");
        await decline.TapAsync();

        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync("not signed off, with your reason.");
        await Assertions.Expect(Card(page, p).Locator(".signoff-declined")).ToBeVisibleAsync();
        await Assertions.Expect(Card(page, p).Locator(".signoff-declined")).ToContainTextAsync("Not signed off by Maya Okafor on");
        await Assertions.Expect(Card(page, p).Locator(".signoff-declined")).ToContainTextAsync("Watch one more Saturday rush");
        await Assertions.Expect(Card(page, p).Locator(".signoff-state")).Not.ToContainTextAsync("Ready for sign-off");
        await page.GotoAsync("/Team");
        await Assertions.Expect(Tile(page, p.EmployeeId)).ToBeVisibleAsync();
        await Assertions.Expect(Tile(page, p.EmployeeId).Locator(".tile-signoff-ready")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Revoking_needs_a_reason_beside_the_field_and_then_the_skill_shows_revoked()
    {
        var p = await WithDbAsync(async db =>
        {
            var person = await SignOffSeed.ReadyAsync(db, "Front End", "Rosa", "Revoke");
            await SignOffSeed.SignedOffAsync(db, person, 3, null);
            return person;
        });
        var page = await ManagerAsync();
        await page.GotoAsync($"/People/{p.EmployeeId}/SignOffs");
        await Assertions.Expect(Card(page, p).Locator(".signoff-state")).ToHaveTextAsync("Signed off");

        await Card(page, p).GetByText("Revoke this sign-off").TapAsync();
        var revoke = page.GetByRole(AriaRole.Button, new() { Name = $"Revoke sign-off of {p.SkillName}" });
        await revoke.TapAsync();

        var message = page.Locator($"#err-revoke-{p.SkillKey:N}");
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(message).ToHaveTextAsync("Say why the sign-off is revoked.");
        await Assertions.Expect(page.GetByLabel("Why is it revoked?")).ToBeFocusedAsync();

        await page.GetByLabel("Why is it revoked?").FillAsync("Skipped the age check twice this week");
        await revoke.TapAsync();

        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync("sign-off revoked.");
        await Assertions.Expect(Card(page, p).Locator(".signoff-revoked")).ToBeVisibleAsync();
        await Assertions.Expect(Card(page, p).Locator(".signoff-revoked")).ToContainTextAsync("Revoked by Maya Okafor on");
        await Assertions.Expect(Card(page, p).Locator(".signoff-revoked")).ToContainTextAsync("Skipped the age check twice this week");
        await Assertions.Expect(Card(page, p).Locator(".signoff-state")).ToContainTextAsync("Revoked");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Hr_changes_a_sign_off_rule_with_a_bad_value_sees_the_message_beside_it_and_then_saves()
    {
        var rubricId = await WithDbAsync(db => db.Teams.Where(t => t.Name == "Front End")
            .Select(t => db.Employees.Where(e => e.TeamId == t.Id).Select(e => e.JobRole!.DefaultRubricId!.Value).First()).SingleAsync());
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign-off rules" }).First.ClickAsync();
        await page.WaitForURLAsync("**/SignOffs/Rules");
        var rubric = page.Locator($"#rubric-{rubricId}");
        var observers = rubric.GetByLabel("Different observers");

        await observers.FillAsync("5");
        await rubric.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Save the rule") }).ClickAsync();

        var message = page.Locator($"#rule-{rubricId}-minObservers-problem");
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(message).ToHaveTextAsync("5 different observers need at least 5 observations; needed now: 3.");
        await Assertions.Expect(page.Locator($"#rubric-{rubricId}").GetByLabel("Different observers")).ToHaveValueAsync("5");

        await page.Locator($"#rubric-{rubricId}").GetByLabel("Observations at or above the required level").FillAsync("5");
        await page.Locator($"#rubric-{rubricId}").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Save the rule") }).ClickAsync();

        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync("saved.");
        await Assertions.Expect(page.Locator($"#rule-{rubricId}-minObservations")).ToHaveValueAsync("5");
        await Assertions.Expect(page.Locator($"#rule-{rubricId}-minObservers-problem")).ToBeEmptyAsync();
        await WithDbAsync(db => db.SignOffRules.Where(r => r.RubricId == rubricId).ExecuteDeleteAsync()); // back to the default for the other tests
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The page tour visits the sign-off pages with whatever the demo holds; this arranges the states the tour may not
    /// meet (evidence open, a refused decline, a refused revoke) and runs axe-core on them.
    /// </summary>
    [Fact]
    public async Task Evidence_open_and_refused_reasons_have_no_serious_accessibility_violation()
    {
        var ready = await WithDbAsync(db => SignOffSeed.ReadyAsync(db, "Front End", "Alma", "Axe"));
        var signed = await WithDbAsync(async db =>
        {
            var person = await SignOffSeed.ReadyAsync(db, "Front End", "Axel", "Axe");
            await SignOffSeed.SignedOffAsync(db, person, 3, SignOffSeed.TodayIn(app.Services).AddDays(10));
            return person;
        });
        var page = await app.NewTabletPageAsync(768, 1024, bypassCsp: true);
        await LiveApp.SignInAsync(page, "manager@demo.local");
        var found = new List<string>();

        await page.GotoAsync($"/People/{ready.EmployeeId}/SignOffs");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Review evidence for {ready.SkillName}" }).TapAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Decline sign-off of {ready.SkillName}" }).TapAsync();
        await Assertions.Expect(page.Locator($"#err-decline-{ready.SkillKey:N}")).Not.ToBeEmptyAsync();
        found.AddRange(await AxeAsync(page));
        await page.GotoAsync($"/People/{signed.EmployeeId}/SignOffs");
        await Card(page, signed).GetByText("Revoke this sign-off").TapAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke sign-off of {signed.SkillName}" }).TapAsync();
        await Assertions.Expect(page.Locator($"#err-revoke-{signed.SkillKey:N}")).Not.ToBeEmptyAsync();
        found.AddRange(await AxeAsync(page));
        await page.GotoAsync("/Team");
        found.AddRange(await AxeAsync(page));
        await page.GotoAsync($"/People/{signed.EmployeeId}");
        found.AddRange(await AxeAsync(page));

        Assert.True(found.Count == 0, string.Join("\n", found));
        await page.Context.CloseAsync();
    }

    static async Task<IEnumerable<string>> AxeAsync(IPage page) =>
        (await LiveApp.SeriousAccessibilityViolationsAsync(page)).Select(v => $"{page.Url}: {v}").ToList();
}
