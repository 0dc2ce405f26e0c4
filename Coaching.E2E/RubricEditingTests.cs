using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>HR editing rubrics and roles in Chromium: every refusal is visible beside its field, and nothing irreversible happens without a yes.</summary>
public class RubricEditingTests(LiveApp app) : IClassFixture<LiveApp>
{
    static async Task<IPage> OpenEditorAsync(LiveApp app, string rubric)
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/Rubrics");
        await page.GetByRole(AriaRole.Link, new() { Name = rubric, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("draft v2");
        return page;
    }

    /// <summary>Leaves a field (its change posts) and waits for the editor to come back.</summary>
    static Task LeaveAsync(IPage page, ILocator field) =>
        page.RunAndWaitForResponseAsync(() => field.PressAsync("Tab"), r => r.Url.Contains("/Rubrics/Edit/") && r.Request.Method == "POST");

    [Fact]
    public async Task A_blank_or_duplicate_skill_name_shows_a_message_beside_the_field_and_keeps_what_was_typed()
    {
        var page = await OpenEditorAsync(app, "Medical assistant — clinical");
        var names = page.Locator(".skill-editor input[name='name']");
        var firstName = await names.Nth(0).InputValueAsync();
        var second = page.Locator("#" + await names.Nth(1).GetAttributeAsync("id"));

        await second.FillAsync("");
        await LeaveAsync(page, second);

        var message = page.Locator("#" + await second.GetAttributeAsync("id") + "-error");
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(message).ToHaveTextAsync("A skill needs a name.");
        await Assertions.Expect(second).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(second).ToBeFocusedAsync();
        await Assertions.Expect(message).ToBeInViewportAsync();

        await second.FillAsync(firstName.ToUpperInvariant());
        await LeaveAsync(page, second);
        await Assertions.Expect(message).ToContainTextAsync($"already has a skill called \"{firstName.ToUpperInvariant()}\"");
        await Assertions.Expect(second).ToHaveValueAsync(firstName.ToUpperInvariant());

        var newSkill = page.GetByLabel("New skill name");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Add skill" }).ClickAsync(), r => r.Url.Contains("handler=AddSkill"));
        await Assertions.Expect(page.Locator("#new-skill-error")).ToHaveTextAsync("A skill needs a name.");
        await Assertions.Expect(page.Locator("#new-skill-error")).ToBeVisibleAsync();
        await Assertions.Expect(newSkill).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_level_renamed_to_another_levels_name_shows_a_message_beside_it_and_keeps_what_was_typed()
    {
        var page = await OpenEditorAsync(app, "Barista");
        var third = page.GetByLabel("Level 3", new() { Exact = true });
        await Assertions.Expect(third).ToHaveValueAsync("Proficient");

        await third.FillAsync("EXPERT");
        await LeaveAsync(page, third);

        var message = page.Locator("#level-3-error");
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(message).ToHaveTextAsync("Two levels cannot share a name.");
        await Assertions.Expect(message).ToBeInViewportAsync();
        await Assertions.Expect(third).ToHaveValueAsync("EXPERT");
        await Assertions.Expect(third).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(third).ToBeFocusedAsync();
        // Nothing was saved: the descriptors still name level 3 by its old name.
        await Assertions.Expect(page.GetByLabel("3 Proficient").First).ToBeVisibleAsync();

        await third.FillAsync("Skilled");
        await LeaveAsync(page, third);
        await Assertions.Expect(page.Locator("#level-3-error")).ToBeEmptyAsync();
        await Assertions.Expect(page.GetByLabel("3 Skilled").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Publishing_with_empty_descriptors_says_which_and_then_asks_before_publishing()
    {
        var page = await OpenEditorAsync(app, "Contact centre agent");
        await page.GetByLabel("New skill name").FillAsync("Co-browsing");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Add skill" }).ClickAsync(), r => r.Url.Contains("handler=AddSkill"));
        var skill = page.Locator(".skill-editor[data-skill='Co-browsing']");
        await Assertions.Expect(skill).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish v2…" }).ClickAsync();

        var problems = page.Locator("#publish-problems");
        await Assertions.Expect(problems).ToBeVisibleAsync();
        await Assertions.Expect(problems).ToBeFocusedAsync();
        await Assertions.Expect(problems.Locator("li")).ToHaveTextAsync([
            "\"Co-browsing\" has no descriptor for level 1 Beginning.", "\"Co-browsing\" has no descriptor for level 2 Developing.",
            "\"Co-browsing\" has no descriptor for level 3 Proficient.", "\"Co-browsing\" has no descriptor for level 4 Expert."]);
        await Assertions.Expect(skill.Locator(".field-problem[id$='-3-error']")).ToBeVisibleAsync();
        await Assertions.Expect(skill.Locator(".field-problem[id$='-3-error']")).ToHaveTextAsync("\"Co-browsing\" has no descriptor for level 3 Proficient.");

        string[] texts = ["Needs help to start a session", "Starts a session, guides with prompts", "Guides the customer to the end", "Teaches colleagues co-browsing"];
        for (var i = 0; i < texts.Length; i++)
        {
            var box = page.Locator(".skill-editor[data-skill='Co-browsing'] textarea").Nth(i);
            await box.FillAsync(texts[i]);
            await LeaveAsync(page, box);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish v2…" }).ClickAsync();

        var confirm = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Publish v2 of Contact centre agent?" });
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await Assertions.Expect(confirm).ToContainTextAsync("v1 is superseded; observations already made with it keep it.");
        await Assertions.Expect(page.Locator("#publish-problems")).ToHaveCountAsync(0);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, publish v2" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/Rubrics/Details/\\d+$"));
        var today = DateTime.UtcNow.ToString("d MMM yyyy");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Versions" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync([$"v2 · published {today}", $"v1 · superseded {today}"]);
        await Assertions.Expect(page.Locator("tr[data-skill='Co-browsing']")).ToContainTextAsync("Teaches colleagues co-browsing");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Setting_a_roles_rubric_to_None_says_what_will_be_removed_and_waits_for_a_yes()
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/Rubrics/Roles");
        var card = page.Locator(".role-card[data-role='Medical assistant']");
        var required = await card.Locator("select[name^='required']").CountAsync();
        var set = 0;
        foreach (var select in await card.Locator("select[name^='required']").AllAsync())
            if (await select.InputValueAsync() != "") set++;

        await card.GetByLabel("Default rubric").SelectOptionAsync(new SelectOptionValue { Label = "None" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        card = page.Locator(".role-card[data-role='Medical assistant']");
        var confirm = card.Locator(".role-confirm");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await Assertions.Expect(confirm).ToContainTextAsync($"Not saved yet. Setting Medical assistant's rubric to None removes its {set} required levels");
        await Assertions.Expect(card.Locator("select[name^='required']")).ToHaveCountAsync(required); // still as saved

        await confirm.GetByRole(AriaRole.Button, new() { Name = $"Change and remove {set} required levels" }).ClickAsync();

        await Assertions.Expect(card.Locator(".role-confirm")).ToHaveCountAsync(0);
        await Assertions.Expect(card.Locator("select[name^='required']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Medical assistant saved; {set} required levels removed." })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".role-card[data-role='Medical assistant']").GetByLabel("Default rubric")).ToHaveValueAsync("");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Discarding_the_first_draft_of_a_new_rubric_asks_and_deletes_the_rubric()
    {
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/Rubrics");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Forklift operator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Forklift operator draft v1");

        string? asked = null;
        page.Dialog += async (_, dialog) => { asked = dialog.Message; await dialog.AcceptAsync(); };
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard draft and delete rubric" }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/Rubrics"));
        Assert.Equal("Discard this draft? Forklift operator has never been published, so the whole rubric is deleted.", asked);
        await Assertions.Expect(page.GetByText("Forklift operator was never published; it is deleted.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Forklift operator" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
