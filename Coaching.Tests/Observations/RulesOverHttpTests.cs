using System.Net;
using Coaching.Domain.Observations;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Observations;

/// <summary>
/// The observation rules, through the real handlers with the antiforgery flow: which rubric starts an observation,
/// which next steps can be marked done, due dates, hidden characters, and what a second device is told.
/// </summary>
public class RulesOverHttpTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    const string Save = "/Observations/Log?handler=Save";
    const string Submit = "/Observations/Log?handler=Submit";

    Task<Browser> ManagerAsync() => Browser.SignedInAsync(factory, "manager@demo.local");

    Task<bool> StoredAsync(ObservationPost form) => factory.WithDbAsync(db => db.Observations.AnyAsync(o => o.DraftKey == form.DraftKey));

    [Fact]
    public async Task A_cashier_cannot_be_observed_against_the_contact_centre_rubric()
    {
        var manager = await ManagerAsync();
        var ana = await factory.PersonAsync("Ana Ruiz");          // Cashier
        var jose = await factory.PersonAsync("José Núñez");       // Contact centre agent
        var form = new ObservationPost(ana).Set("Form.RubricVersionId", jose.RubricVersionId.ToString());
        for (var i = 0; i < jose.SkillIds.Length; i++) form.Set($"Form.Ratings[{i}].SkillId", jose.SkillIds[i].ToString());
        form.Rate(0, 3);

        var saved = await manager.PostAsync(Save, form.Fields, htmx: true);
        var submitted = await manager.PostAsync(Submit, form.Fields, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, saved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submitted.StatusCode);
        Assert.Contains("not Ana Ruiz's", (await Browser.ParseAsync(submitted)).QuerySelector("#err-Form")!.TextContent);
        Assert.False(await StoredAsync(form));
    }

    [Fact]
    public async Task A_form_opened_before_a_new_version_was_published_keeps_its_version_but_a_draft_version_is_refused()
    {
        var manager = await ManagerAsync();
        var liam = await factory.PersonAsync("Liam O'Connor");   // Cashier; the form was opened on this version
        var draftId = await factory.WithDbAsync(async db =>
        {
            var rubric = await db.Rubrics.Include(r => r.Versions).ThenInclude(v => v.Levels)
                .Include(r => r.Versions).ThenInclude(v => v.Categories)
                .Include(r => r.Versions).ThenInclude(v => v.Skills).ThenInclude(x => x.Descriptors)
                .SingleAsync(r => r.Versions.Any(v => v.Id == liam.RubricVersionId));
            var current = rubric.Versions.Single(v => v.Id == liam.RubricVersionId);
            var next = Coaching.Domain.Rubrics.RubricEditing.StartDraft(rubric, current, DateTime.UtcNow);
            rubric.Versions.Add(next);
            await db.SaveChangesAsync();
            Assert.Empty(Coaching.Domain.Rubrics.RubricEditing.Publish(rubric, next, DateTime.UtcNow));
            var another = Coaching.Domain.Rubrics.RubricEditing.StartDraft(rubric, next, DateTime.UtcNow);
            rubric.Versions.Add(another);
            await db.SaveChangesAsync();
            return another.Id;
        });

        var older = new ObservationPost(liam).Rate(0, 3);
        var onDraft = new ObservationPost(liam).Set("Form.RubricVersionId", draftId.ToString()).Rate(0, 3);

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync(Save, older.Fields, htmx: true)).StatusCode);
        Assert.Equal(liam.RubricVersionId, Assert.Single(await factory.ObservationsOfAsync(liam.Id), o => o.DraftKey == older.DraftKey).RubricVersionId);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PostAsync(Save, onDraft.Fields, htmx: true)).StatusCode);
        Assert.False(await StoredAsync(onDraft));
    }

    [Fact]
    public async Task HR_cannot_mark_done_a_next_step_inside_another_managers_draft()
    {
        var manager2 = await Browser.SignedInAsync(factory, "manager2@demo.local");
        var jose = await factory.PersonAsync("José Núñez");
        var draft = new ObservationPost(jose).Rate(0, 2).NextStep(0, "Draft-only step 5512");
        Assert.Equal(HttpStatusCode.OK, (await manager2.PostAsync(Save, draft.Fields, htmx: true)).StatusCode);
        var stepId = await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Text == "Draft-only step 5512").Select(a => a.Id).SingleAsync());
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        await hr.GetAsync($"/People/{jose.Id}");

        var htmxDone = await hr.PostAsync($"/People/{jose.Id}?handler=Done", new() { ["stepId"] = stepId.ToString() }, htmx: true);
        var plainDone = await hr.PostAsync($"/People/{jose.Id}?handler=Done", new() { ["stepId"] = stepId.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, htmxDone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, plainDone.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Id == stepId).Select(a => a.IsDone).SingleAsync()));
    }

    [Theory]
    [InlineData(-1, "The due date is in the past")]
    [InlineData(null, "The due date is in the past")]          // 0001-01-01
    [InlineData(int.MaxValue, "within 2 years")]               // 9999-12-31
    [InlineData(800, "within 2 years")]
    public async Task A_due_date_in_the_past_or_absurdly_far_ahead_is_refused_beside_the_date(int? daysFromToday, string message)
    {
        var manager = await ManagerAsync();
        var tom = await factory.PersonAsync("Tom Becker");
        var due = daysFromToday switch
        {
            null => "0001-01-01",
            int.MaxValue => "9999-12-31",
            { } days => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd"),
        };
        var form = new ObservationPost(tom).Rate(0, 2).NextStep(0, "Practise refunds", due);

        var response = await manager.PostAsync(Submit, form.Fields, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, (await Browser.ParseAsync(response)).QuerySelector("#err-Form_ActionItems_0__DueDate")!.TextContent);
        Assert.False(await StoredAsync(form));
    }

    [Theory]
    [InlineData("Form.WentWell", "err-Form_WentWell")]
    [InlineData("Form.Context", "err-Form_Context")]
    [InlineData("Form.Ratings[1].Evidence", "err-Form_Ratings_1__Evidence")]
    [InlineData("Form.ActionItems[0].Text", "err-Form_ActionItems_0__Text")]
    public async Task A_control_character_in_a_text_field_is_refused_beside_that_field(string field, string errorId)
    {
        var manager = await ManagerAsync();
        var priya = await factory.PersonAsync("Priya Nair");
        var form = new ObservationPost(priya).Rate(0, 2).Set(field, "Pasted\u001bfrom the till system");

        var response = await manager.PostAsync(Save, form.Fields, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("U+001B", (await Browser.ParseAsync(response)).QuerySelector($"#{errorId}")!.TextContent);
        Assert.False(await StoredAsync(form));
    }

    [Theory]
    [InlineData("Form.WentWell")]
    [InlineData("Form.Ratings[1].Evidence")]
    [InlineData("Form.EmployeeId")]
    [InlineData("Form.DraftKey")]
    [InlineData("Form.Revision")]
    [InlineData("Form.RubricVersionId")]
    public async Task A_NUL_character_in_any_field_is_a_bad_request_that_says_so_not_someone_elses_employee(string field)
    {
        var manager = await ManagerAsync();
        var priya = await factory.PersonAsync("Priya Nair");
        var form = new ObservationPost(priya).Rate(0, 2).Set("Form.WentWell", "Calm").Set("Form.Ratings[1].Evidence", "Quick");
        form.Set(field, form.Fields[field] + "\0");
        var before = (await factory.ObservationsOfAsync(priya.Id)).Count;

        var save = await manager.PostAsync(Save, form.Fields, htmx: true);
        var submit = await manager.PostAsync(Submit, form.Fields);

        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Contains("hidden control character", await save.Content.ReadAsStringAsync());
        Assert.Equal(before, (await factory.ObservationsOfAsync(priya.Id)).Count);
    }

    [Fact]
    public async Task A_NUL_character_in_a_mark_done_post_is_a_bad_request()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var ana = await factory.PersonAsync("Ana Ruiz");
        await hr.GetAsync($"/People/{ana.Id}");

        var done = await hr.PostAsync($"/People/{ana.Id}?handler=Done", new() { ["stepId"] = "1\0" }, htmx: true);

        Assert.Equal(HttpStatusCode.BadRequest, done.StatusCode);
    }

    [Fact]
    public async Task The_observation_form_and_the_profile_carry_no_invalid_attributes()
    {
        var manager = await ManagerAsync();
        var grace = await factory.PersonAsync("Grace Mensah");

        var form = await manager.GetDocumentAsync($"/Observations/Log?employeeId={grace.Id}");
        var profile = await manager.GetDocumentAsync($"/People/{grace.Id}");

        Assert.NotEmpty(form.QuerySelectorAll("input[type=radio]"));
        Assert.Empty(form.QuerySelectorAll("input[type=radio][autocomplete], input[type=checkbox][autocomplete], input[type=hidden][autocomplete]"));
        Assert.Empty(profile.QuerySelectorAll("input[type=radio][autocomplete], input[type=hidden][autocomplete]"));
        // htmx reads data-hx-*; bare hx-* attributes are not HTML (the layout's body is another matter).
        Assert.Empty(form.QuerySelectorAll("main *").SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("hx-")).Select(a => a.Name));
        Assert.Empty(profile.QuerySelectorAll("main *").SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("hx-")).Select(a => a.Name));
        Assert.All(form.QuerySelectorAll("textarea, input[type=text], input[type=date], input[type=datetime-local], select"),
            f => Assert.NotNull(form.QuerySelector($"label[for='{f.Id}']")));
    }

    [Fact]
    public async Task A_device_refused_as_stale_is_shown_what_it_typed_that_is_not_in_the_newer_version()
    {
        var tablet = await ManagerAsync();
        var phone = await ManagerAsync();
        var fatima = await factory.PersonAsync("Fatima Haddad");
        var form = new ObservationPost(fatima).Rate(0, 1);
        await tablet.PostAsync(Save, form.Fields, htmx: true);                                  // revision 1 on both devices
        await phone.PostAsync(Save, form.Rate(1, 3).Revision(1).Fields, htmx: true);            // the phone moves on: revision 2

        var stale = await tablet.PostAsync(Save, form.Rate(1, 2).Set("Form.WentWell", "Greeted every customer 4471")
            .Set("Form.Edited", "Form.WentWell").Revision(1).Fields, htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await Browser.ParseAsync(stale);
        var unsaved = page.QuerySelector("#unsaved")!;
        Assert.Contains("Greeted every customer 4471", unsaved.TextContent);
        Assert.DoesNotContain("level", unsaved.TextContent); // the stale level was not typed since the last save: not offered
        Assert.Equal("Form.WentWell", unsaved.QuerySelector("[data-use-field]")!.GetAttribute("data-use-field"));
        Assert.Equal("", page.QuerySelector("#went-well")!.TextContent.Trim()); // the form shows the newer version
    }

    [Fact]
    public async Task After_another_device_submits_the_stale_devices_submit_is_not_taken_as_done()
    {
        var tablet = await ManagerAsync();
        var phone = await ManagerAsync();
        var oskar = await factory.PersonAsync("Oskar Lindqvist");
        var form = new ObservationPost(oskar).Rate(0, 2);
        await tablet.PostAsync(Save, form.Fields, htmx: true);
        Assert.Equal(HttpStatusCode.OK, (await phone.PostAsync(Submit, form.Revision(1).Fields, htmx: true)).StatusCode);

        var stale = await tablet.PostAsync(Submit, form.Set("Form.NextSteps", "Practise the coupon flow 9921").Revision(1).Fields, htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.False(stale.Headers.Contains("HX-Redirect"));
        var page = await Browser.ParseAsync(stale);
        Assert.Contains("submitted from another device", page.QuerySelector("#notice")!.TextContent);
        Assert.Contains("Practise the coupon flow 9921", page.QuerySelector("#unsaved")!.TextContent);
        Assert.Equal("Save changes", page.QuerySelector("[data-submit]")!.TextContent.Trim());
        var stored = Assert.Single(await factory.ObservationsOfAsync(oskar.Id), o => o.DraftKey == form.DraftKey);
        Assert.Null(stored.NextSteps);
    }
}
