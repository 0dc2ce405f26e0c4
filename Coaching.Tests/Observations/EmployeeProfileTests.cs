using System.Net;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Observations;

public class EmployeeProfileTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    [Fact]
    public async Task History_is_newest_first_and_loads_more_on_request()
    {
        var manager = await Browser.SignedInAsync(factory, "manager3@demo.local");
        var lucy = await factory.PersonAsync("Lucy Chen");
        // Seven observations newer than anything Lucy has (the demo's fall in working hours on past days, so spacing them
        // by whole days would interleave them at some times of day), the first the newest.
        var latest = await factory.WithDbAsync(db => db.Observations.Where(o => o.EmployeeId == lucy.Id).MaxAsync(o => (DateTime?)o.ObservedAtUtc)) ?? DateTime.UtcNow.AddDays(-30);
        var step = (DateTime.UtcNow - latest) / 8;
        Assert.True(step > TimeSpan.FromMinutes(2), $"Lucy was observed too recently ({latest:u}) to fit seven observations after");
        var zone = new Coaching.Web.Infrastructure.OrganisationOptions().Zone;
        for (var check = 7; check >= 1; check--)
            await manager.PostAsync("/Observations/Log?handler=Submit", new ObservationPost(lucy).Rate(0, 1 + check % 4)
                .Set("Form.ObservedAt", TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow - step * check, zone).ToString("yyyy-MM-ddTHH:mm"))
                .Set("Form.Context", $"History check {check}").Fields, htmx: true);
        var total = await factory.WithDbAsync(db => db.Observations.CountAsync(o => o.EmployeeId == lucy.Id && o.Status == Coaching.Domain.Observations.ObservationStatus.Submitted));

        var profile = await manager.GetDocumentAsync($"/People/{lucy.Id}");
        var first = profile.QuerySelectorAll(".observation");
        Assert.Equal(5, first.Length);
        Assert.Contains("History check 1", first[0].TextContent);
        Assert.Contains("History check 2", first[1].TextContent);
        var more = profile.QuerySelector("#load-more button")!.GetAttribute("data-hx-get")!;

        var next = await Browser.ParseAsync(await manager.GetAsync(more, htmx: true));
        var rest = next.QuerySelectorAll(".observation");
        Assert.Equal(Math.Min(5, total - 5), rest.Length);
        Assert.Contains("History check 6", rest[0].TextContent);
    }

    [Fact]
    public async Task A_next_step_is_marked_done_in_place_with_a_toast()
    {
        var manager = await Browser.SignedInAsync(factory, "manager3@demo.local");
        var noah = await factory.PersonAsync("Noah Williams");
        await manager.PostAsync("/Observations/Log?handler=Submit", new ObservationPost(noah).Rate(1, 2).NextStep(0, "Observe three venepunctures", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd")).Fields, htmx: true);
        // Time passes: the step falls due (a past due date cannot be entered any more).
        await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Text == "Observe three venepunctures").ExecuteUpdateAsync(a => a.SetProperty(x => x.DueDate, new DateOnly(2020, 1, 1))));
        var profile = await manager.GetDocumentAsync($"/People/{noah.Id}");
        var step = profile.QuerySelectorAll(".open-step").Single(s => s.TextContent.Contains("Observe three venepunctures"));
        Assert.Contains("Overdue", step.TextContent);
        var stepId = step.QuerySelector("input[name=stepId]")!.GetAttribute("value")!;

        var done = await manager.PostAsync($"/People/{noah.Id}?handler=Done", new() { ["stepId"] = stepId }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("toast", done.Headers.GetValues("HX-Trigger").Single());
        Assert.DoesNotContain("Observe three venepunctures", await done.Content.ReadAsStringAsync());
        Assert.True(await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Id == int.Parse(stepId)).Select(a => a.IsDone).SingleAsync()));
    }

    [Fact]
    public async Task Each_skill_shows_its_latest_level_the_gap_and_a_trend()
    {
        var manager = await Browser.SignedInAsync(factory, "manager3@demo.local");
        var samuel = await factory.PersonAsync("Samuel Adeyemi");
        // skill 4 is "Infection prevention and control" (required 4) in the clinical rubric
        await manager.PostAsync("/Observations/Log?handler=Submit", new ObservationPost(samuel).Rate(4, 1).Set("Form.ObservedAt", DateTime.UtcNow.AddMinutes(-40).ToString("yyyy-MM-ddTHH:mm")).Fields, htmx: true);
        await manager.PostAsync("/Observations/Log?handler=Submit", new ObservationPost(samuel).Rate(4, 2).Fields, htmx: true);

        var row = (await manager.GetDocumentAsync($"/People/{samuel.Id}")).QuerySelector("tr[data-skill='Infection prevention and control']")!;

        Assert.Equal("2", row.QuerySelector(".latest")!.TextContent.Trim());
        Assert.Equal("4", row.QuerySelector(".required")!.TextContent.Trim());
        Assert.Contains("2 below", row.QuerySelector(".gap")!.TextContent);
        Assert.EndsWith("1, 2", row.QuerySelector("svg.trend")!.GetAttribute("aria-label"));
    }
}
