using System.Net;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Observations;

/// <summary>What comes back when the form carries something it should not: a message beside the field, nothing saved, never a 500.</summary>
public class BadInputAndAccessTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    const string Save = "/Observations/Log?handler=Save";
    const string Submit = "/Observations/Log?handler=Submit";

    async Task<(Browser Manager, Demo.Person Ana)> ArrangeAsync() =>
        (await Browser.SignedInAsync(factory, "manager@demo.local"), await factory.PersonAsync("Ana Ruiz"));

    async Task AssertNothingSavedAsync(ObservationPost form) =>
        Assert.False(await factory.WithDbAsync(db => db.Observations.AnyAsync(o => o.DraftKey == form.DraftKey)));

    [Theory]
    [InlineData("9", "Choose a level from 1 to 4.")]
    [InlineData("0", "Choose a level from 1 to 4.")]
    [InlineData("three", "That value could not be read.")]
    public async Task A_level_outside_the_scale_is_refused_beside_the_skill(string level, string message)
    {
        var (manager, ana) = await ArrangeAsync();
        var form = new ObservationPost(ana).Rate(1, 2).Set("Form.Ratings[0].Level", level);

        var response = await manager.PostAsync(Save, form.Fields, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var answer = await Browser.ParseAsync(response);
        Assert.Equal(message, answer.QuerySelector("#err-Form_Ratings_0__Level")!.TextContent.Trim());
        Assert.Contains("Not saved", answer.QuerySelector("#save-status")!.TextContent);
        await AssertNothingSavedAsync(form);
    }

    [Fact]
    public async Task A_skill_from_another_rubric_is_refused()
    {
        var (manager, ana) = await ArrangeAsync();
        var jose = await factory.PersonAsync("José Núñez"); // contact-centre rubric
        var form = new ObservationPost(ana).Set("Form.Ratings[0].SkillId", jose.SkillIds[0].ToString()).Rate(0, 3);

        var response = await manager.PostAsync(Save, form.Fields, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not in this observation's rubric", (await Browser.ParseAsync(response)).QuerySelector("#err-Form")!.TextContent);
        await AssertNothingSavedAsync(form);
    }

    [Fact]
    public async Task Notes_over_4000_characters_are_refused_and_the_plain_form_keeps_what_was_typed()
    {
        var (manager, ana) = await ArrangeAsync();
        var longNote = new string('x', 4001);
        var form = new ObservationPost(ana).Rate(0, 3).Set("Form.WentWell", longNote).Set("Form.Context", "Till 3");

        var response = await manager.PostAsync(Save, form.Fields); // without htmx: the whole page comes back

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("at most 4,000 characters", page.QuerySelector("#err-Form_WentWell")!.TextContent);
        Assert.Equal(longNote, page.QuerySelector("#went-well")!.TextContent);
        Assert.Equal("Till 3", page.QuerySelector("#context")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[type=radio][value='3'][checked]"));
        await AssertNothingSavedAsync(form);
    }

    [Fact]
    public async Task An_observation_time_in_the_future_is_refused()
    {
        var (manager, ana) = await ArrangeAsync();
        var form = new ObservationPost(ana).Rate(0, 3).Set("Form.ObservedAt", DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm"));

        var response = await manager.PostAsync(Submit, form.Fields, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("The observation time is in the future.", (await Browser.ParseAsync(response)).QuerySelector("#err-Form_ObservedAt")!.TextContent.Trim());
        await AssertNothingSavedAsync(form);
    }

    [Fact]
    public async Task Submitting_nothing_at_all_asks_for_a_rating()
    {
        var (manager, ana) = await ArrangeAsync();
        var form = new ObservationPost(ana);

        var response = await manager.PostAsync(Submit, form.Fields, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Rate at least one skill", (await Browser.ParseAsync(response)).QuerySelector("#err-Form")!.TextContent);
    }

    [Theory]
    [InlineData("José Núñez")]   // manager2's contact-centre team
    [InlineData(null)]           // nobody at all
    public async Task Another_teams_or_an_unknown_employee_is_not_found_whatever_the_id(string? someoneElse)
    {
        var (manager, ana) = await ArrangeAsync();
        var targetId = someoneElse is null ? 987654 : (await factory.PersonAsync(someoneElse)).Id;
        var form = new ObservationPost(ana).Rate(0, 3).Set("Form.EmployeeId", targetId.ToString());

        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(Save, form.Fields, htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(Submit, form.Fields, htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Observations/Log?employeeId={targetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/People/{targetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/People/{targetId}?handler=History&skip=0", htmx: true)).StatusCode);
        await AssertNothingSavedAsync(form);
    }

    [Fact]
    public async Task A_manager_cannot_touch_another_managers_observation_or_next_step_by_id()
    {
        var (manager, _) = await ArrangeAsync();
        var jose = await factory.PersonAsync("José Núñez");
        var (observationId, stepId) = await factory.WithDbAsync(async db =>
        {
            var teamId = await db.Employees.Where(e => e.Id == jose.Id).Select(e => e.TeamId).SingleAsync();
            var o = await db.Observations.Include(x => x.ActionItems)
                .FirstAsync(x => db.Employees.Any(e => e.Id == x.EmployeeId && e.TeamId == teamId) && x.ActionItems.Any(a => !a.IsDone));
            return (o.Id, o.ActionItems.First(a => !a.IsDone).Id);
        });
        var employeeOfStep = await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Id == stepId).Select(a => a.EmployeeId).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Observations/Log?id={observationId}")).StatusCode);
        var done = await manager.PostAsync($"/People/{employeeOfStep}?handler=Done", new() { ["stepId"] = stepId.ToString() }, htmx: true);
        Assert.Equal(HttpStatusCode.NotFound, done.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Id == stepId).Select(a => a.IsDone).SingleAsync()));
    }

    [Fact]
    public async Task An_employee_sees_only_their_own_submitted_observations()
    {
        var ana = await factory.PersonAsync("Ana Ruiz");
        var zoe = await factory.PersonAsync("Zoë Łukasiewicz");
        var employee = await Browser.SignedInAsync(factory, "zoe.lukasiewicz@demo.local");

        var me = await employee.GetAsync("/Me");
        Assert.Equal($"/People/{zoe.Id}", me.Headers.Location!.OriginalString);
        var own = await employee.GetDocumentAsync($"/People/{zoe.Id}");
        Assert.Contains("Zoë Łukasiewicz", own.QuerySelector("h1")!.TextContent);
        Assert.Null(own.QuerySelector("a[href^='/Observations/Log']"));
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync($"/People/{ana.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/Observations/Log?employeeId={zoe.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/Team")).StatusCode);
    }

    [Fact]
    public async Task A_role_without_a_rubric_gets_a_clear_message_instead_of_a_form()
    {
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        var newcomerId = await factory.WithDbAsync(async db =>
        {
            var role = new Coaching.Domain.Organisation.JobRole { Name = "Night-shift replenishment" };
            var team = await db.Teams.SingleAsync(t => t.Name == "Front End");
            var e = new Coaching.Domain.Organisation.Employee { FirstName = "Nia", LastName = "Okoro", JobRole = role, TeamId = team.Id, HireDate = new DateOnly(2026, 11, 1) };
            db.Employees.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });

        var page = await manager.GetDocumentAsync($"/Observations/Log?employeeId={newcomerId}");

        Assert.Contains("has no published rubric yet", page.QuerySelector("#notice")!.TextContent);
        Assert.Null(page.QuerySelector("#observation"));
    }

    [Fact]
    public async Task Drafts_do_not_show_on_the_profile_until_submitted()
    {
        var (manager, _) = await ArrangeAsync();
        var fatima = await factory.PersonAsync("Fatima Haddad");
        var form = new ObservationPost(fatima).Rate(0, 1).Set("Form.WentWell", "Draft-only note 7781");
        await manager.PostAsync(Save, form.Fields, htmx: true);

        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var profile = await hr.GetDocumentAsync($"/People/{fatima.Id}");

        Assert.DoesNotContain("Draft-only note 7781", profile.Body!.TextContent);
    }
}
