using System.Net;
using Coaching.Domain.Observations;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Observations;

public class LoggingAnObservationTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    const string Save = "/Observations/Log?handler=Save";
    const string Submit = "/Observations/Log?handler=Submit";

    async Task<Browser> ManagerAsync() => await Browser.SignedInAsync(factory, "manager@demo.local");

    [Fact]
    public async Task The_form_opens_on_the_employees_rubric_with_a_tap_target_per_level()
    {
        var ana = await factory.PersonAsync("Ana Ruiz");
        var page = await (await ManagerAsync()).GetDocumentAsync($"/Observations/Log?employeeId={ana.Id}");

        Assert.Contains("Ana Ruiz", page.QuerySelector("h1")!.TextContent);
        var rows = page.QuerySelectorAll(".skill-row");
        Assert.Equal(ana.SkillIds.Length, rows.Length);
        Assert.Equal(4, rows[0].QuerySelectorAll("input[type=radio]").Length);
        Assert.All(page.QuerySelectorAll("input[type=radio]"), r => Assert.NotNull(page.QuerySelector($"label[for='{r.Id}']")));
        Assert.Contains("Proficient", rows[0].TextContent);
    }

    [Fact]
    public async Task Each_change_autosaves_a_draft_and_submit_makes_it_count()
    {
        var tom = await factory.PersonAsync("Tom Becker");
        var manager = await ManagerAsync();
        var form = new ObservationPost(tom).Rate(0, 2);

        var saved = await manager.PostAsync(Save, form.Fields, htmx: true);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var status = await Browser.ParseAsync(saved);
        Assert.Equal("Saved", status.QuerySelector("#save-status")!.TextContent.Trim());
        Assert.Equal("1", status.QuerySelector("#obs-revision")!.GetAttribute("value"));
        var draft = Assert.Single(await factory.ObservationsOfAsync(tom.Id), o => o.DraftKey == form.DraftKey);
        Assert.Equal(ObservationStatus.Draft, draft.Status);

        var submitted = await manager.PostAsync(Submit, form.Rate(1, 3).NextStep(0, "Shadow Grace on the online-order desk", DateTime.UtcNow.AddDays(45).ToString("yyyy-MM-dd")).Revision(1).Fields, htmx: true);

        Assert.Equal($"/People/{tom.Id}", submitted.Headers.GetValues("HX-Redirect").Single());
        var observation = Assert.Single(await factory.ObservationsOfAsync(tom.Id), o => o.DraftKey == form.DraftKey);
        Assert.Equal(ObservationStatus.Submitted, observation.Status);
        Assert.Equal([2, 3], observation.Ratings.OrderBy(r => r.SkillId).Select(r => r.Level!.Value));
        Assert.All(observation.Ratings, r => Assert.True(r.IsSubmitted && r.EmployeeId == tom.Id));

        var profile = await manager.GetDocumentAsync($"/People/{tom.Id}");
        Assert.Contains("Shadow Grace on the online-order desk", profile.QuerySelector("#open-steps")!.TextContent);
        Assert.Contains("Scanning and tendering accuracy: 2", profile.QuerySelector(".observation")!.TextContent);
        var team = await manager.GetDocumentAsync("/Team?q=Tom");
        Assert.Contains("Observed today", team.QuerySelector("[data-employee-id]")!.TextContent);
    }

    [Fact]
    public async Task A_double_tap_on_submit_creates_one_observation()
    {
        var priya = await factory.PersonAsync("Priya Nair");
        var manager = await ManagerAsync();
        var form = new ObservationPost(priya).Rate(2, 4);
        var before = (await factory.ObservationsOfAsync(priya.Id)).Count;

        var taps = await Task.WhenAll(manager.PostAsync(Submit, form.Fields, htmx: true), manager.PostAsync(Submit, form.Fields, htmx: true));
        var third = await manager.PostAsync(Submit, form.Fields, htmx: true);

        Assert.All(taps.Append(third), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before + 1, (await factory.ObservationsOfAsync(priya.Id)).Count);
    }

    [Fact]
    public async Task The_later_save_from_a_second_device_does_not_overwrite_the_newer_one()
    {
        var liam = await factory.PersonAsync("Liam O'Connor");
        var tablet = await ManagerAsync();
        var phone = await ManagerAsync();
        var form = new ObservationPost(liam).Rate(0, 1);
        await tablet.PostAsync(Save, form.Fields, htmx: true);                 // revision 1, both devices have it open
        await tablet.PostAsync(Save, form.Rate(0, 3).Revision(1).Fields, htmx: true); // tablet moves on to revision 2

        var stale = await phone.PostAsync(Save, form.Rate(0, 4).Revision(1).Fields, htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await Browser.ParseAsync(stale);
        Assert.Contains("changed on another device", page.QuerySelector("#notice")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[type=radio][value='3'][checked]"));
        var stored = Assert.Single(await factory.ObservationsOfAsync(liam.Id), o => o.DraftKey == form.DraftKey);
        Assert.Equal(3, stored.Ratings.Single().Level);
        Assert.Equal(2, stored.Revision);
    }

    [Fact]
    public async Task Amending_after_submission_is_kept_in_the_audit_trail_for_24_hours_only()
    {
        var grace = await factory.PersonAsync("Grace Mensah");
        var manager = await ManagerAsync();
        var form = new ObservationPost(grace).Rate(0, 2).Set("Form.WentWell", "Calm at the till");
        await manager.PostAsync(Submit, form.Fields, htmx: true);
        var observation = Assert.Single(await factory.ObservationsOfAsync(grace.Id), o => o.DraftKey == form.DraftKey);

        var amended = await manager.PostAsync(Save, form.Rate(0, 3).Revision(observation.Revision).Set("Form.WasSubmitted", "true").Fields, htmx: true);

        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var changes = await factory.WithDbAsync(db => db.ObservationChanges.Where(c => c.ObservationId == observation.Id).ToListAsync());
        var change = Assert.Single(changes);
        Assert.Equal("Scanning and tendering accuracy", change.Field);
        Assert.Equal("Level 2", change.OldValue);
        Assert.Equal("Level 3", change.NewValue);
        var shown = (await manager.GetDocumentAsync($"/People/{grace.Id}")).QuerySelectorAll(".observation")
            .Single(o => o.GetAttribute("data-observation-id") == observation.Id.ToString());
        Assert.Contains("Scanning and tendering accuracy: Level 2 → Level 3", shown.QuerySelector(".amendments")!.TextContent);

        await factory.WithDbAsync(db => db.Observations.Where(o => o.Id == observation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SubmittedAtUtc, DateTime.UtcNow.AddHours(-25))));
        var late = await manager.PostAsync(Save, form.Rate(0, 4).Revision(observation.Revision + 1).Fields, htmx: true);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Observations/Log?id={observation.Id}")).StatusCode);
    }

    [Fact]
    public async Task More_action_items_can_be_added_than_the_form_starts_with()
    {
        var ella = await factory.PersonAsync("Ella Novak");
        var manager = await Browser.SignedInAsync(factory, "manager4@demo.local");

        var row = await Browser.ParseAsync(await manager.GetAsync("/Observations/Log?handler=ActionItemRow&index=3", htmx: true));
        Assert.NotNull(row.QuerySelector("input[name='Form.ActionItems[3].Text']"));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/Observations/Log?handler=ActionItemRow&index=500", htmx: true)).StatusCode);

        var form = new ObservationPost(ella).Rate(0, 2);
        for (var i = 0; i < 4; i++) form.NextStep(i, $"Step {i + 1}");
        await manager.PostAsync(Submit, form.Fields, htmx: true);

        var stored = Assert.Single(await factory.ObservationsOfAsync(ella.Id), o => o.DraftKey == form.DraftKey);
        Assert.Equal(["Step 1", "Step 2", "Step 3", "Step 4"], stored.ActionItems.OrderBy(a => a.Id).Select(a => a.Text));
    }

    [Fact]
    public async Task An_unfinished_draft_is_picked_up_again()
    {
        var oskar = await factory.PersonAsync("Oskar Lindqvist");
        var manager = await ManagerAsync();
        await manager.PostAsync(Save, new ObservationPost(oskar).Rate(1, 2).Set("Form.Context", "Self-checkout").Fields, htmx: true);

        var page = await manager.GetDocumentAsync($"/Observations/Log?employeeId={oskar.Id}");

        Assert.Contains("unfinished observation", page.QuerySelector("#notice")!.TextContent);
        Assert.Equal("Self-checkout", page.QuerySelector("#context")!.GetAttribute("value"));
    }
}
