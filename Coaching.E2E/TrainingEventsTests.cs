using Coaching.Domain.Time;
using Coaching.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>Training events in Chromium: HR records one (a refused first try included), reads its before/after and chart, downloads the CSV.</summary>
public class TrainingEventsTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Hr_records_a_training_event_after_a_missing_format_and_sees_its_before_and_after_chart_and_CSV()
    {
        var zone = app.Services.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone;
        var heldOn = OrganisationClock.Today(DateTime.UtcNow, zone).AddDays(-30);
        var page = await app.NewTabletPageAsync();
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/Training/Events");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a training event" }).ClickAsync();
        await page.WaitForURLAsync("**/Training/Events/Record");

        await page.GetByLabel("Title").FillAsync("Till procedures refresher");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(heldOn.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Scanning and tendering accuracy").CheckAsync();
        var find = page.GetByLabel("Find a person or team");
        await find.FillAsync("ana ruiz");
        await Assertions.Expect(page.GetByLabel("Tom Becker")).ToBeHiddenAsync();
        await page.GetByLabel("Ana Ruiz").CheckAsync();
        await find.FillAsync("Tom");
        await page.GetByLabel("Tom Becker").CheckAsync();
        await find.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record training event" }).ClickAsync();

        // The format was left out: the message is beside it, the person is taken there, and nothing typed is lost.
        await Assertions.Expect(page.Locator("#err-format")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#err-format")).ToHaveTextAsync("Choose the format: course, workshop, mentoring, on the job or peer training.");
        await Assertions.Expect(page.GetByLabel("Format")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Till procedures refresher");
        await Assertions.Expect(page.GetByLabel("Date", new() { Exact = true })).ToHaveValueAsync(heldOn.ToString("yyyy-MM-dd"));
        await Assertions.Expect(page.GetByLabel("Scanning and tendering accuracy")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Ana Ruiz")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Tom Becker")).ToBeCheckedAsync();

        await page.GetByLabel("Format").SelectOptionAsync(new SelectOptionValue { Label = "Course" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record training event" }).ClickAsync();

        await page.WaitForURLAsync("**/Training/Events/*");
        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync("Training event recorded.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Till procedures refresher" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#event-day-note")).ToContainTextAsync("count on neither side");
        var group = page.Locator("table.group-changes tr[data-skill='Scanning and tendering accuracy']");
        await Assertions.Expect(group).ToBeVisibleAsync();
        var rows = page.Locator("table.attendee-changes tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "Ana Ruiz" })).ToBeVisibleAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "Tom Becker" })).ToBeVisibleAsync();
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Mean level before and after “Till procedures refresher”" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        foreach (var legend in new[] { "Trained, before", "Trained, first after", "Comparison group, before", "Comparison group, first after" })
            await Assertions.Expect(chart.Locator("g.legend text", new() { HasText = legend })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.EndsWith("-before-after.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("Event,Date,Person,Team,Skill,Level before", csv.TrimStart('\uFEFF'));
        Assert.Contains($"Till procedures refresher,{heldOn:yyyy-MM-dd},Ana Ruiz,Front End,Scanning and tendering accuracy,", csv);

        // The list shows it, and Ana sees it on her own profile, on her phone.
        await page.GotoAsync("/Training/Events");
        await Assertions.Expect(page.Locator("tr[data-event='Till procedures refresher'] .attendee-count")).ToHaveTextAsync("2");
        await page.Context.CloseAsync();
        var phone = await app.NewTabletPageAsync(390, 844);
        await LiveApp.SignInAsync(phone, "ana.ruiz@demo.local");
        await phone.GotoAsync("/Me");
        var attended = phone.Locator("article.attended-event[data-event='Till procedures refresher']");
        await Assertions.Expect(attended).ToBeVisibleAsync();
        await Assertions.Expect(attended.Locator("tr[data-skill='Scanning and tendering accuracy']")).ToBeVisibleAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_picks_attendees_with_the_keyboard_alone_and_sees_only_their_own_people()
    {
        var page = await app.NewTabletPageAsync(768, 1024);
        await LiveApp.SignInAsync(page, "manager@demo.local");
        await page.GotoAsync("/Training/Events/Record");
        await Assertions.Expect(page.GetByLabel("José Núñez")).ToHaveCountAsync(0); // contact centre: not this manager's

        await page.GetByLabel("Find a person or team").FocusAsync();
        await page.Keyboard.TypeAsync("grace");
        await page.Keyboard.PressAsync("Enter"); // narrows the list; does not send the form
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Grace Mensah")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");

        await Assertions.Expect(page.GetByLabel("Grace Mensah")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#err-title")).ToBeEmptyAsync();
        Assert.EndsWith("/Training/Events/Record", page.Url);
        await page.GetByLabel("Find a person or team").FillAsync("nobody by this name");
        await Assertions.Expect(page.GetByText("Nobody matches.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
