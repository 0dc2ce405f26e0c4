using Coaching.Domain.Observations;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>
/// One manager, one draft, two devices (two browser contexts signed in as the same person). The device that falls
/// behind is told, sees the newer version, and keeps what it typed that is not in it, to use again.
/// </summary>
public class TwoDevicesOneDraftTests(LiveApp app) : IClassFixture<LiveApp>
{
    async Task<(IPage Tablet, IPage Phone, int EmployeeId)> OpenOnBothAsync(string firstName)
    {
        var id = await WithDb(db => db.Employees.Where(e => e.FirstName == firstName).Select(e => e.Id).SingleAsync());
        var tablet = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(tablet, "manager@demo.local");
        await tablet.GotoAsync($"/Observations/Log?employeeId={id}");
        await tablet.Locator(".skill-row").Nth(0).Locator("label.level-button").Nth(1).TapAsync();
        await Assertions.Expect(tablet.Locator("#save-status")).ToHaveTextAsync("Saved");

        var phone = await app.NewTabletPageAsync(768, 1024);
        await LiveApp.SignInAsync(phone, "manager@demo.local");
        await phone.GotoAsync($"/Observations/Log?employeeId={id}");
        await Assertions.Expect(phone.Locator("#notice")).ToContainTextAsync("unfinished observation");
        return (tablet, phone, id);
    }

    [Fact]
    public async Task The_stale_device_is_told_loads_the_newer_version_and_can_use_what_it_typed_again()
    {
        var (tablet, phone, employeeId) = await OpenOnBothAsync("Fatima");
        await phone.Locator(".skill-row").Nth(1).Locator("label.level-button").Nth(3).TapAsync();
        await Assertions.Expect(phone.Locator("#save-status")).ToHaveTextAsync("Saved");

        await tablet.GetByLabel("What went well").FillAsync("Greeted every customer by name");

        var notice = tablet.Locator("#notice");
        await Assertions.Expect(notice).ToContainTextAsync("changed on another device");
        await Assertions.Expect(notice).ToBeInViewportAsync();
        var unsaved = tablet.Locator("#unsaved");
        await Assertions.Expect(unsaved).ToContainTextAsync("What went well: Greeted every customer by name");
        await Assertions.Expect(tablet.Locator(".skill-row").Nth(1).Locator("input[type=radio]").Nth(3)).ToBeCheckedAsync(); // the phone's rating
        await Assertions.Expect(tablet.Locator("#save-status")).ToContainTextAsync("Newer version loaded");

        await unsaved.GetByRole(AriaRole.Button, new() { Name = "Use this: What went well" }).TapAsync();

        await Assertions.Expect(tablet.GetByRole(AriaRole.Textbox, new() { Name = "What went well" })).ToHaveValueAsync("Greeted every customer by name");
        await Assertions.Expect(tablet.Locator("#save-status")).ToHaveTextAsync("Saved");
        // In the order of the form, which puts skills in the person's plan first (the demo gives Fatima a plan).
        var formOrder = await tablet.Locator(".skill-row input[name$='.SkillId']").EvaluateAllAsync<int[]>("els => els.map(e => Number(e.value))");
        var stored = await WithDb(db => db.Observations.Where(o => o.EmployeeId == employeeId && o.Status == ObservationStatus.Draft)
            .Select(o => new { o.WentWell, Ratings = o.Ratings.Select(r => new { r.SkillId, r.Level }).ToList() }).SingleAsync());
        Assert.Equal("Greeted every customer by name", stored.WentWell);
        Assert.Equal([2, 4], stored.Ratings.OrderBy(r => Array.IndexOf(formOrder, r.SkillId)).Select(r => r.Level));
        await tablet.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task After_the_other_device_submits_submit_on_the_stale_one_says_so_and_keeps_what_was_typed()
    {
        var (tablet, phone, employeeId) = await OpenOnBothAsync("Grace");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).TapAsync();
        await phone.WaitForURLAsync(url => url.Contains($"/People/{employeeId}"));

        await tablet.GetByLabel("Next steps").FillAsync("Practise the coupon flow");
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).TapAsync();

        var notice = tablet.Locator("#notice");
        await Assertions.Expect(notice).ToContainTextAsync("submitted from another device");
        await Assertions.Expect(notice).ToBeInViewportAsync();
        await Assertions.Expect(tablet.Locator("#unsaved")).ToContainTextAsync("Next steps: Practise the coupon flow");
        Assert.Contains("/Observations/Log", tablet.Url);
        await Assertions.Expect(tablet.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToBeVisibleAsync();

        await tablet.GetByRole(AriaRole.Button, new() { Name = "Use this: Next steps" }).TapAsync();
        await Assertions.Expect(tablet.Locator("#save-status")).ToHaveTextAsync("Saved");
        var stored = await WithDb(db => db.Observations.Where(o => o.EmployeeId == employeeId && o.Status == ObservationStatus.Submitted)
            .OrderByDescending(o => o.Id).Select(o => new { o.Id, o.NextSteps }).FirstAsync());
        Assert.Equal("Practise the coupon flow", stored.NextSteps);
        Assert.True(await WithDb(db => db.ObservationChanges.AnyAsync(c => c.ObservationId == stored.Id && c.Field == "Next steps")));
        await tablet.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    async Task<T> WithDb<T>(Func<CoachingDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }
}
