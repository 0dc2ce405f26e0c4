using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>
/// What a manager sees when the observation form refuses something: the message beside the field, on screen, with
/// what was typed kept; Submit takes them to the first field to fix. Also the live counters and removing a next step.
/// </summary>
public class ObservationFormMessagesTests(LiveApp app) : IClassFixture<LiveApp>
{
    async Task<IPage> OpenFormAsync(string firstName, int width = 768, int height = 1024)
    {
        var page = await app.NewTabletPageAsync(width, height);
        await LiveApp.SignInAsync(page, "manager@demo.local");
        var id = await WithDb(db => db.Employees.Where(e => e.FirstName == firstName).Select(e => e.Id).SingleAsync());
        await page.GotoAsync($"/Observations/Log?employeeId={id}");
        return page;
    }

    ILocator Status(IPage page) => page.Locator("#save-status");
    ILocator SubmitButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true });

    [Fact]
    public async Task Submitting_an_empty_form_says_what_is_missing_beside_submit_and_goes_to_the_first_skill()
    {
        var page = await OpenFormAsync("Ana");

        await SubmitButton(page).TapAsync();

        var message = page.Locator("#err-Form");
        await Assertions.Expect(message).ToHaveTextAsync("Rate at least one skill or write what went well before submitting.");
        await Assertions.Expect(message).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator(".skill-row").First.Locator("input[type=radio]").First).ToBeFocusedAsync();
        await Assertions.Expect(Status(page)).ToHaveTextAsync("Not saved: see the marked fields");
        await Assertions.Expect(Status(page)).ToBeInViewportAsync();
        Assert.Contains("/Observations/Log", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Five_thousand_characters_in_what_went_well_are_kept_counted_and_refused_beside_the_field()
    {
        var page = await OpenFormAsync("Zoë");
        var wentWell = page.GetByLabel("What went well");
        var text = string.Concat(Enumerable.Repeat("Greets every customer. ", 218)).Substring(0, 5000);

        await wentWell.FillAsync(text);

        var message = page.Locator("#err-Form_WentWell");
        await Assertions.Expect(message).ToHaveTextAsync("Notes are at most 4,000 characters (this has 5,000).");
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#count-went-well")).ToContainTextAsync("1,000 over the limit");
        await Assertions.Expect(wentWell).ToHaveValueAsync(text);
        await Assertions.Expect(wentWell).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#err-Form")).ToHaveTextAsync("");  // not the bare "Not saved." of before

        await page.Mouse.WheelAsync(0, -5000);
        await SubmitButton(page).TapAsync();
        await Assertions.Expect(wentWell).ToBeFocusedAsync();
        await Assertions.Expect(message).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_cleared_when_is_asked_for_beside_the_field_and_submit_goes_there()
    {
        var page = await OpenFormAsync("Tom");
        await page.Locator(".skill-row").First.Locator("label.level-button").Nth(1).TapAsync();
        await Assertions.Expect(Status(page)).ToHaveTextAsync("Saved");

        await page.GetByLabel("When").FillAsync("");

        var message = page.Locator("#err-Form_ObservedAt");
        await Assertions.Expect(message).ToHaveTextAsync("Say when you observed this.");
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(Status(page)).ToHaveTextAsync("Not saved: see the marked fields");
        await page.Mouse.WheelAsync(0, -5000);
        await SubmitButton(page).TapAsync();
        await Assertions.Expect(page.GetByLabel("When")).ToBeFocusedAsync();
        await Assertions.Expect(message).ToBeInViewportAsync();
        Assert.Contains("/Observations/Log", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_due_date_without_text_or_in_the_past_is_refused_beside_the_row_and_the_date_is_kept()
    {
        var page = await OpenFormAsync("Priya");
        var yesterday = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd");
        var later = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd");

        await page.GetByLabel("Due date for action item 1", new() { Exact = true }).FillAsync(later);
        await Assertions.Expect(page.Locator("#err-Form_ActionItems_0__Text")).ToHaveTextAsync("Say what the next step is, or clear its due date.");
        await Assertions.Expect(page.Locator("#err-Form_ActionItems_0__Text")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Due date for action item 1", new() { Exact = true })).ToHaveValueAsync(later);

        await page.GetByLabel("Action item 2", new() { Exact = true }).FillAsync("Practise refunds");
        await page.GetByLabel("Due date for action item 2", new() { Exact = true }).FillAsync(yesterday);
        await Assertions.Expect(page.Locator("#err-Form_ActionItems_1__DueDate")).ToContainTextAsync("The due date is in the past");
        await Assertions.Expect(page.Locator("#err-Form_ActionItems_1__DueDate")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Due date for action item 2", new() { Exact = true })).ToHaveValueAsync(yesterday);
        await Assertions.Expect(page.GetByLabel("Action item 2", new() { Exact = true })).ToHaveValueAsync("Practise refunds");

        await SubmitButton(page).TapAsync();
        await Assertions.Expect(page.GetByLabel("Action item 1", new() { Exact = true })).ToBeFocusedAsync();
        var employeeId = await WithDb(db => db.Employees.Where(e => e.FirstName == "Priya").Select(e => e.Id).SingleAsync());
        Assert.False(await WithDb(db => db.ActionItems.AnyAsync(a => a.EmployeeId == employeeId && a.Text == "Practise refunds")));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Long_evidence_is_never_cut_the_counter_says_how_far_over_it_is()
    {
        var page = await OpenFormAsync("Liam");
        var row = page.Locator(".skill-row").First;
        await row.Locator("label.level-button").Nth(2).TapAsync();
        await row.Locator("summary").TapAsync();
        var evidence = row.Locator("textarea");
        var pasted = new string('e', 4500);

        await evidence.FillAsync(pasted);

        await Assertions.Expect(evidence).ToHaveValueAsync(pasted);
        await Assertions.Expect(row.Locator(".char-count")).ToHaveTextAsync("4,500 / 4,000 characters: 500 over the limit, shorten it to save");
        var message = row.Locator(".field-error[id$='__Evidence']");
        await Assertions.Expect(message).ToContainTextAsync("at most 4,000 characters");
        await Assertions.Expect(message).ToBeVisibleAsync();
        await evidence.FillAsync("Scanned quickly");
        await Assertions.Expect(row.Locator(".char-count")).ToHaveTextAsync("15 / 4,000 characters");
        await Assertions.Expect(Status(page)).ToHaveTextAsync("Saved");
        await Assertions.Expect(message).ToBeEmptyAsync(); // put right: the message goes
        await Assertions.Expect(evidence).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_next_step_row_can_be_removed_and_autosave_forgets_it()
    {
        var page = await OpenFormAsync("Grace");
        await page.GetByLabel("Action item 1", new() { Exact = true }).FillAsync("Shadow the supervisor");
        await page.GetByLabel("Action item 2", new() { Exact = true }).FillAsync("Learn the coupon flow");
        await Assertions.Expect(Status(page)).ToHaveTextAsync("Saved");
        var remove = page.GetByRole(AriaRole.Button, new() { Name = "Remove action item 1", Exact = true });
        var box = (await remove.BoundingBoxAsync())!;
        Assert.True(box.Height >= 44 && box.Width >= 44, $"Remove is {box.Width}x{box.Height}");

        await remove.TapAsync();

        await Assertions.Expect(page.Locator("#action-items .action-item")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("Action item 1", new() { Exact = true })).ToHaveValueAsync("Learn the coupon flow");
        await Assertions.Expect(Status(page)).ToHaveTextAsync("Saved");
        var employeeId = await WithDb(db => db.Employees.Where(e => e.FirstName == "Grace").Select(e => e.Id).SingleAsync());
        var stored = await WithDb(db => db.ActionItems.Where(a => a.EmployeeId == employeeId && a.Observation!.Status == Coaching.Domain.Observations.ObservationStatus.Draft).Select(a => a.Text).ToListAsync());
        Assert.Equal(["Learn the coupon flow"], stored);

        await page.GetByLabel("Action item 2", new() { Exact = true }).FillAsync("Restock the till rolls");
        for (var wait = 0; wait < 50 && stored.Count < 2; wait++)
        {
            await Task.Delay(100); // the autosave waits for a pause in typing
            stored = await WithDb(db => db.ActionItems.Where(a => a.EmployeeId == employeeId && a.Observation!.Status == Coaching.Domain.Observations.ObservationStatus.Draft).OrderBy(a => a.Id).Select(a => a.Text).ToListAsync());
        }
        Assert.Equal(["Learn the coupon flow", "Restock the till rolls"], stored);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_NUL_pasted_into_a_note_is_taken_out_with_a_message_and_the_rest_is_saved()
    {
        var page = await OpenFormAsync("Oskar");
        var wentWell = page.GetByLabel("What went well");

        await wentWell.EvaluateAsync("(el) => { el.value = 'Calm\\u0000 at the till'; el.dispatchEvent(new Event('input', { bubbles: true })); }");

        await Assertions.Expect(Status(page)).ToHaveTextAsync("Saved");
        await Assertions.Expect(page.Locator("#note-went-well")).ToContainTextAsync("hidden control character");
        await Assertions.Expect(page.Locator("#note-went-well")).ToBeVisibleAsync();
        await Assertions.Expect(wentWell).ToHaveValueAsync("Calm at the till");
        var employeeId = await WithDb(db => db.Employees.Where(e => e.FirstName == "Oskar").Select(e => e.Id).SingleAsync());
        Assert.Equal("Calm at the till", await WithDb(db => db.Observations.Where(o => o.EmployeeId == employeeId && o.Status == Coaching.Domain.Observations.ObservationStatus.Draft).Select(o => o.WentWell).SingleAsync()));
        await page.Context.CloseAsync();
    }

    async Task<T> WithDb<T>(Func<CoachingDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }
}
