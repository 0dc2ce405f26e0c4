using System.Globalization;
using System.Net;
using Coaching.Domain.Observations;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Development;

/// <summary>Follow-up while observing, through the observation form: what was agreed last time, where each skill stood, the plan first.</summary>
public class FollowUpTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    const string FollowUp = "/Observations/Log?handler=FollowUp";

    Task<FollowUpSeed.Seeded> SeedAsync(string name, string tag) => factory.WithDbAsync(db => FollowUpSeed.SeedAsync(db, name, tag));

    static Dictionary<string, string> Mark(FollowUpSeed.Seeded s, string kind, int stepId, bool done) => new()
    {
        ["employeeId"] = s.EmployeeId.ToString(CultureInfo.InvariantCulture), ["kind"] = kind,
        ["stepId"] = stepId.ToString(CultureInfo.InvariantCulture), ["done"] = done ? "true" : "false",
    };

    [Fact]
    public async Task The_form_lists_this_persons_open_next_steps_and_agreed_steps_only()
    {
        var liam = await SeedAsync("Liam O'Connor", "for Liam 4417");
        var fatima = await SeedAsync("Fatima Haddad", "for Fatima 4418");
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");

        var page = await manager.GetDocumentAsync($"/Observations/Log?employeeId={liam.EmployeeId}");

        var followUp = page.QuerySelector("#follow-up")!;
        Assert.Contains("Next step for Liam 4417", followUp.TextContent);
        Assert.Contains("Agreed step for Liam 4417", followUp.TextContent);
        Assert.DoesNotContain("Fatima 4418", page.Body!.TextContent);
        Assert.NotNull(followUp.QuerySelector($"#follow-n{liam.ActionItemId} button[aria-label='Done: Next step for Liam 4417']"));
        Assert.NotNull(followUp.QuerySelector($"#follow-a{liam.AgreedStepId} button[aria-label='Not yet: Agreed step for Liam 4417']"));
        Assert.Null(followUp.GetAttribute("open")); // collapsed: the ratings stay where they were
        Assert.Contains("open steps", followUp.QuerySelector("summary")!.TextContent);
    }

    [Fact]
    public async Task Plan_skills_come_first_marked_and_each_skill_shows_its_last_observed_and_expected_level()
    {
        var ana = await SeedAsync("Ana Ruiz", "for Ana");
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        var (developing, beginning, proficient, required) = await factory.WithDbAsync(async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == ana.EmployeeId);
            var versionId = await db.Rubrics.Where(r => r.Id == db.JobRoles.Where(j => j.Id == e.JobRoleId).Select(j => j.DefaultRubricId).Single()).Select(r => r.CurrentVersionId!.Value).SingleAsync();
            var names = await db.RubricLevels.Where(l => l.RubricVersionId == versionId).ToDictionaryAsync(l => l.Value, l => l.Name);
            var firstKey = await db.Skills.Where(s => s.RubricVersionId == versionId).OrderBy(s => s.Order).Select(s => s.Key).FirstAsync();
            var req = await db.RoleRequirements.Where(r => r.JobRoleId == e.JobRoleId && r.SkillKey == firstKey).Select(r => r.RequiredLevel).SingleAsync();
            return (names[2], names[1], names[3], $"{names[req]} ({req})");
        });

        var page = await manager.GetDocumentAsync($"/Observations/Log?employeeId={ana.EmployeeId}");

        var rows = page.QuerySelectorAll(".skill-row");
        var first = rows[0];
        Assert.Equal(ana.PlanSkill, first.QuerySelector(".skill-name")!.TextContent.Trim());
        Assert.Equal("In the development plan", first.Closest("fieldset")!.QuerySelector("legend")!.TextContent.Trim());
        var targetDate = ana.TargetDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        Assert.Equal($"In plan: target Level 3 by {targetDate}", first.QuerySelector(".plan-mark")!.TextContent.Trim());
        Assert.StartsWith($"Last: {beginning} (1)", first.QuerySelector(".last-observed")!.TextContent.Trim());
        Assert.Contains($"Target: {proficient} (3)", first.QuerySelector(".skill-context")!.TextContent);

        var observedFirst = rows.Single(r => r.QuerySelector(".skill-name")!.TextContent.Trim() == ana.FirstSkill);
        Assert.Null(observedFirst.QuerySelector(".plan-mark"));
        Assert.StartsWith($"Last: {developing} (2), ", observedFirst.QuerySelector(".last-observed")!.TextContent.Trim());
        Assert.Contains($"Required: {required}", observedFirst.QuerySelector(".skill-context")!.TextContent);
        // Every rating button is still there, named by its skill row: the plan group changes the order, not the fields.
        Assert.Equal(rows.Length, page.QuerySelectorAll("input[type=hidden][name$='.SkillId']").Length);
    }

    [Fact]
    public async Task Done_closes_a_next_step_and_not_yet_keeps_an_agreed_step_open_with_the_follow_up_recorded()
    {
        var priya = await SeedAsync("Priya Nair", "for Priya");
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");

        var done = await manager.PostAsync(FollowUp, Mark(priya, "NextStep", priya.ActionItemId, done: true), htmx: true);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Marked done.", done.Headers.GetValues("HX-Trigger").Single());
        var afterDone = await Browser.ParseAsync(done);
        Assert.DoesNotContain("Next step for Priya", afterDone.Body!.TextContent);
        Assert.Contains("Agreed step for Priya", afterDone.Body!.TextContent);

        var notYet = await manager.PostAsync(FollowUp, Mark(priya, "AgreedStep", priya.AgreedStepId, done: false), htmx: true);
        Assert.Equal(HttpStatusCode.OK, notYet.StatusCode);
        var afterNotYet = await Browser.ParseAsync(notYet);
        var step = afterNotYet.QuerySelector($"#follow-a{priya.AgreedStepId}")!;
        Assert.Contains("Not yet (followed up", step.TextContent);

        var (item, agreed, audit) = await factory.WithDbAsync(async db => (
            await db.ActionItems.AsNoTracking().SingleAsync(a => a.Id == priya.ActionItemId),
            await db.AgreedSteps.AsNoTracking().SingleAsync(a => a.Id == priya.AgreedStepId),
            await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("Followed up")).Select(a => a.Action + ": " + a.Details).ToListAsync()));
        Assert.True(item.IsDone);
        Assert.NotNull(item.DoneAtUtc);
        Assert.NotNull(item.FollowedUpAtUtc);
        Assert.False(agreed.IsDone);
        Assert.NotNull(agreed.FollowedUpAtUtc);
        Assert.Contains("Followed up: done: Next step for Priya", audit);
        Assert.Contains("Followed up: not yet: Agreed step for Priya", audit);

        // The profile's open next steps agree: done there too.
        var profile = await manager.GetDocumentAsync($"/People/{priya.EmployeeId}");
        Assert.DoesNotContain("Next step for Priya", profile.QuerySelector("#open-steps")!.TextContent);
    }

    [Fact]
    public async Task Not_yet_does_not_reopen_a_step_the_employee_marked_done_meanwhile()
    {
        var oskar = await SeedAsync("Oskar Lindqvist", "for Oskar");
        await factory.WithDbAsync(async db =>
        {
            var conversation = await db.DevelopmentConversations.Include(c => c.Steps).SingleAsync(c => c.Steps.Any(s => s.Id == oskar.AgreedStepId));
            conversation.MarkStep(oskar.AgreedStepId, true, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");

        var response = await manager.PostAsync(FollowUp, Mark(oskar, "AgreedStep", oskar.AgreedStepId, done: false), htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already marked done", response.Headers.GetValues("HX-Trigger").Single());
        Assert.True(await factory.WithDbAsync(db => db.AgreedSteps.Where(s => s.Id == oskar.AgreedStepId).Select(s => s.DoneAtUtc != null).SingleAsync()));
    }

    [Fact]
    public async Task Another_teams_manager_tampered_ids_and_an_employee_are_refused_and_nothing_changes()
    {
        var tom = await SeedAsync("Tom Becker", "for Tom");
        var zoe = await SeedAsync("Zoë Łukasiewicz", "for Zoe");
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        var otherManager = await Browser.SignedInAsync(factory, "manager2@demo.local");
        var employee = await Browser.SignedInAsync(factory, "zoe.lukasiewicz@demo.local");

        // Another team's manager: the person is not theirs.
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsync(FollowUp, Mark(tom, "NextStep", tom.ActionItemId, true), htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsync(FollowUp, Mark(tom, "AgreedStep", tom.AgreedStepId, false), htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/Observations/Log?employeeId={tom.EmployeeId}")).StatusCode);
        // Tampered: Tom's page, Zoë's steps (both in the manager's team), and steps that do not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(FollowUp, Mark(tom, "NextStep", zoe.ActionItemId, true), htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(FollowUp, Mark(tom, "AgreedStep", zoe.AgreedStepId, true), htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(FollowUp, Mark(tom, "AgreedStep", tom.ActionItemId + 100_000, true), htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync(FollowUp, Mark(tom, "Anything", tom.ActionItemId, true), htmx: true)).StatusCode);
        // The employee, even for their own steps.
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsync(FollowUp, Mark(zoe, "AgreedStep", zoe.AgreedStepId, true), htmx: true)).StatusCode);
        // Without the antiforgery token.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync(FollowUp, Mark(tom, "NextStep", tom.ActionItemId, true), htmx: true, withToken: false)).StatusCode);

        var untouched = await factory.WithDbAsync(async db =>
            await db.ActionItems.CountAsync(a => (a.Id == tom.ActionItemId || a.Id == zoe.ActionItemId) && (a.IsDone || a.FollowedUpAtUtc != null))
            + await db.AgreedSteps.CountAsync(a => (a.Id == tom.AgreedStepId || a.Id == zoe.AgreedStepId) && (a.DoneAtUtc != null || a.FollowedUpAtUtc != null)));
        Assert.Equal(0, untouched);
    }

    [Fact]
    public async Task A_plain_form_post_without_htmx_marks_the_step_and_comes_back_to_the_form()
    {
        var grace = await SeedAsync("Grace Mensah", "plain post");
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");

        var response = await manager.PostAsync(FollowUp, Mark(grace, "NextStep", grace.ActionItemId, true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Observations/Log?employeeId={grace.EmployeeId}", response.Headers.Location!.OriginalString);
        Assert.True(await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Id == grace.ActionItemId).Select(a => a.IsDone).SingleAsync()));
    }

    [Fact]
    public async Task The_employee_sees_their_plan_chosen_skill_confidence_and_agreed_step_on_My_summary()
    {
        var zoe = await factory.WithDbAsync(db => FollowUpSeed.SeedAsync(db, "Zoë Łukasiewicz", "summary 5521", observedAtUtc: DateTime.UtcNow.AddDays(-20)));
        var employee = await Browser.SignedInAsync(factory, "zoe.lukasiewicz@demo.local");

        var page = await employee.GetDocumentAsync("/MySummary");

        var development = page.QuerySelector(".my-development")!.TextContent;
        Assert.Contains("Upskilling plan", development);
        Assert.Contains(zoe.PlanSkill, page.QuerySelector(".my-plan-skills")!.TextContent);
        Assert.Contains("target", page.QuerySelector(".my-plan-skills")!.TextContent);
        Assert.Contains(zoe.ChosenSkill, development);
        Assert.Contains("you feel fully confident (5 of 5)", page.QuerySelector(".my-confidence")!.TextContent);
        Assert.Contains("Agreed step summary 5521", page.QuerySelector(".my-agreed-steps")!.TextContent);
    }

    [Fact]
    public async Task A_newer_version_loaded_by_htmx_brings_the_heading_above_the_follow_up_list_out_of_band()
    {
        var fatima = await factory.PersonAsync("Fatima Haddad");
        var tablet = await Browser.SignedInAsync(factory, "manager@demo.local");
        var phone = await Browser.SignedInAsync(factory, "manager@demo.local");
        var form = new ObservationPost(fatima).Rate(0, 1);
        await tablet.PostAsync("/Observations/Log?handler=Save", form.Fields, htmx: true);
        await tablet.PostAsync("/Observations/Log?handler=Save", form.Rate(0, 3).Revision(1).Fields, htmx: true);

        var stale = await phone.PostAsync("/Observations/Log?handler=Save", form.Rate(0, 4).Revision(1).Fields, htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var answer = await Browser.ParseAsync(stale);
        var heading = answer.QuerySelector("#observation-heading")!;
        Assert.Equal("true", heading.GetAttribute("hx-swap-oob"));
        Assert.Contains("Fatima Haddad", heading.QuerySelector("h1")!.TextContent);
        // The ordinary page has one heading, without the out-of-band marker.
        var page = await tablet.GetDocumentAsync($"/Observations/Log?employeeId={fatima.Id}");
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Null(page.QuerySelector("#observation-heading")!.GetAttribute("hx-swap-oob"));
    }
}
