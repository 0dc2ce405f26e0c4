using System.Net;
using AngleSharp.Dom;
using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Development;

/// <summary>
/// Development plans through the pages, on the demo organisation: a manager starts one from the goal with the skills the
/// gap proposes, changes and stops it; the employee reads theirs and adds the skills they chose; HR edits the career path.
/// Each test works on its own person, so the one-active-plan-per-track rule never crosses tests.
/// </summary>
public class PlansTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    const string Manager = "manager@demo.local"; // Front End (cashiers)

    /// <summary>The person, with what the demo tells of their development cleared: each test starts it from nothing.</summary>
    async Task<int> IdOfAsync(string fullName) => (await factory.PersonStartingDevelopmentAsync(fullName)).Id;
    Task<int> RoleIdAsync(string name) => factory.WithDbAsync(db => db.JobRoles.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());
    Task<List<DevelopmentPlan>> PlansOfAsync(int employeeId) => factory.WithDbAsync(db =>
        db.DevelopmentPlans.AsNoTracking().Include(p => p.Skills).Include(p => p.History).Where(p => p.EmployeeId == employeeId).ToListAsync());

    /// <summary>The start form as a browser would send it after the answers: the proposals as the page filled them in.</summary>
    static Dictionary<string, string> StartFormOf(IDocument page)
    {
        Assert.NotNull(page.QuerySelector("#plan-start input[name=__RequestVerificationToken]")); // a plain post carries its token
        var form = new Dictionary<string, string>();
        foreach (var field in page.QuerySelectorAll("#plan-start input, #plan-start select"))
        {
            var name = field.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken") continue;
            switch (field)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "radio" or "checkbox" } box:
                    if (box.IsChecked) form[name] = box.Value;
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    form[name] = select.Value ?? "";
                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    form[name] = input.Value;
                    break;
            }
        }
        return form;
    }

    static string Answers(string goal, int? targetRoleId = null, int? additionalRoleId = null) =>
        $"Start.Goal={goal}" + (targetRoleId is { } t ? $"&Start.TargetRoleId={t}" : "") + (additionalRoleId is { } a ? $"&Start.AdditionalRoleId={a}" : "");

    async Task<HttpResponseMessage> StartAsync(Browser browser, int personId, string answers)
    {
        var page = await browser.GetDocumentAsync($"/People/{personId}/Plan?{answers}");
        return await browser.PostAsync($"/People/{personId}/Plan?handler=Start", StartFormOf(page));
    }

    [Fact]
    public async Task Getting_better_in_the_current_role_starts_an_upskilling_plan_with_the_gap_of_the_current_role()
    {
        var tom = await IdOfAsync("Tom Becker");
        var manager = await Browser.SignedInAsync(factory, Manager);
        var cashier = await RoleIdAsync("Cashier");
        var expected = await factory.WithDbAsync(async db =>
        {
            var required = await db.RoleRequirements.Where(r => r.JobRoleId == cashier).ToListAsync();
            var latest = await db.Ratings.Where(r => r.EmployeeId == tom && r.IsSubmitted && r.Level != null)
                .Select(r => new RatedLevel(r.SkillKey, r.Level!.Value, r.ObservedAtUtc)).ToListAsync();
            var last = SkillProgress.From(latest).ToDictionary(p => p.Key, p => p.Value.Latest!.Value);
            return required.Where(r => !last.TryGetValue(r.SkillKey, out var l) || l < r.RequiredLevel).Select(r => (r.SkillKey, r.RequiredLevel)).ToHashSet();
        });

        var form = await manager.GetDocumentAsync($"/People/{tom}/Plan?{Answers("BetterInCurrentRole")}");
        Assert.Equal("Upskilling", form.QuerySelector("#start-track")!.TextContent);
        Assert.Null(form.QuerySelector("#start-role")); // the current role needs no choosing
        var response = await manager.PostAsync($"/People/{tom}/Plan?handler=Start", StartFormOf(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = Assert.Single(await PlansOfAsync(tom));
        Assert.Equal((DevelopmentTrack.Upskilling, (int?)null, (int?)null, PlanStatus.Active), (plan.Track, plan.TargetRoleId, plan.AdditionalRoleId, plan.Status));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, plan.Skills.Select(s => (s.SkillKey, s.TargetLevel)).ToHashSet());
        Assert.All(plan.Skills, s => Assert.True(s.TargetDate > DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2)));
        var shown = await manager.GetDocumentAsync($"/People/{tom}/Plan");
        Assert.Equal(expected.Count, shown.QuerySelectorAll($"#plan-{plan.Id} .plan-skills tbody tr").Length);
        Assert.Contains("Maya Okafor", shown.QuerySelector($"#plan-{plan.Id} .plan-history")!.TextContent);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "plan.start" && a.Subject == "Tom Becker")));
    }

    [Fact]
    public async Task Moving_to_another_role_starts_a_reskilling_plan_proposing_the_target_roles_required_levels()
    {
        var priya = await IdOfAsync("Priya Nair");
        var agent = await RoleIdAsync("Contact centre agent");
        var manager = await Browser.SignedInAsync(factory, Manager);
        // A cashier was never observed against the agent's rubric: every required skill is proposed, at its required level.
        var required = await factory.WithDbAsync(db => (
            from q in db.RoleRequirements
            join s in db.Skills on q.SkillKey equals s.Key
            where q.JobRoleId == agent
            select new { s.Name, q.RequiredLevel }).Distinct().ToListAsync());

        var form = await manager.GetDocumentAsync($"/People/{priya}/Plan?{Answers("MoveToAnotherRole", agent)}");

        Assert.Equal("Reskilling", form.QuerySelector("#start-track")!.TextContent);
        var rows = form.QuerySelectorAll(".proposed-skills tbody tr").Select(r => (
            Name: r.GetAttribute("data-skill")!,
            Target: int.Parse(((AngleSharp.Html.Dom.IHtmlSelectElement)r.QuerySelector("select")!).Value!),
            Ticked: ((AngleSharp.Html.Dom.IHtmlInputElement)r.QuerySelector("input[type=checkbox]")!).IsChecked)).ToList();
        Assert.Equal(required.Select(r => (r.Name, r.RequiredLevel)).OrderBy(r => r.Name), rows.Select(r => (r.Name, r.Target)).OrderBy(r => r.Name));
        Assert.All(rows, r => Assert.True(r.Ticked));

        // Untick one and lower another's target before saving: the plan takes what the form says.
        var post = StartFormOf(form);
        post.Remove("Start.Skills[0].Include");
        post["Start.Skills[1].TargetLevel"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/People/{priya}/Plan?handler=Start", post)).StatusCode);
        var plan = Assert.Single(await PlansOfAsync(priya));
        Assert.Equal((DevelopmentTrack.Reskilling, (int?)agent), (plan.Track, plan.TargetRoleId));
        Assert.Equal(required.Count - 1, plan.Skills.Count);
        Assert.Equal(1, plan.Skills.Single(s => s.SkillKey == Guid.Parse(post["Start.Skills[1].SkillKey"])).TargetLevel);
        Assert.StartsWith("Started a reskilling plan (moving to Contact centre agent)", plan.History.OrderBy(h => h.Id).First().What);
    }

    [Fact]
    public async Task Moving_to_a_role_new_technology_created_is_newskilling_once_HR_flags_the_role()
    {
        var liam = await IdOfAsync("Liam O'Connor");
        var host = await factory.WithDbAsync(async db =>
        {
            var role = new JobRole { Name = "Self-checkout host" };
            db.JobRoles.Add(role);
            await db.SaveChangesAsync();
            return role.Id;
        });
        var manager = await Browser.SignedInAsync(factory, Manager);
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        Assert.Equal("Reskilling", (await manager.GetDocumentAsync($"/People/{liam}/Plan?{Answers("MoveToAnotherRole", host)}")).QuerySelector("#start-track")!.TextContent);

        await hr.GetAsync("/Rubrics/Roles");
        var flagged = await hr.PostAsync("/Rubrics/Roles?handler=NewTechnology", new() { ["roleId"] = $"{host}", ["createdByNewTechnology"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);

        var form = await manager.GetDocumentAsync($"/People/{liam}/Plan?{Answers("MoveToAnotherRole", host)}");
        Assert.Equal("Newskilling", form.QuerySelector("#start-track")!.TextContent);
        Assert.Contains("no gap to propose", form.QuerySelector(".no-proposals")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/People/{liam}/Plan?handler=Start", StartFormOf(form))).StatusCode);
        var plan = Assert.Single(await PlansOfAsync(liam));
        Assert.Equal((DevelopmentTrack.Newskilling, (int?)host), (plan.Track, plan.TargetRoleId));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "role.new-technology" && a.Subject == "Self-checkout host")));
    }

    [Fact]
    public async Task Extra_work_next_to_the_current_role_starts_a_cross_training_plan_and_the_track_follows_the_answer_over_htmx()
    {
        var grace = await IdOfAsync("Grace Mensah");
        var barista = await RoleIdAsync("Barista");
        var manager = await Browser.SignedInAsync(factory, Manager);
        await manager.GetAsync($"/People/{grace}/Plan");

        var choices = await manager.GetAsync($"/People/{grace}/Plan?handler=Choices&Start.Goal=ExtraWorkNextToCurrentRole", htmx: true);
        var partial = await Browser.ParseAsync(choices);
        Assert.Equal("Cross-training", partial.QuerySelector("#start-track")!.TextContent);
        Assert.Null(partial.QuerySelector("h1")); // the partial, not the page
        Assert.Equal("Whose work will the person also cover?", partial.QuerySelector("label[for=start-role]")!.TextContent);
        Assert.Contains("HX-Request", choices.Headers.Vary);

        // Without JavaScript the answers go with a plain post and the page comes back with the track and proposals.
        var plain = await manager.PostAsync($"/People/{grace}/Plan?handler=Answers", new() { ["Start.Goal"] = "ExtraWorkNextToCurrentRole", ["Start.AdditionalRoleId"] = $"{barista}" });
        var plainPage = await Browser.ParseAsync(plain);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("Cross-training", plainPage.QuerySelector("#start-track")!.TextContent);
        Assert.NotEmpty(plainPage.QuerySelectorAll(".proposed-skills tbody tr"));

        var response = await StartAsync(manager, grace, Answers("ExtraWorkNextToCurrentRole", additionalRoleId: barista));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = Assert.Single(await PlansOfAsync(grace));
        Assert.Equal((DevelopmentTrack.CrossTraining, (int?)null, (int?)barista), (plan.Track, plan.TargetRoleId, plan.AdditionalRoleId));
        Assert.NotEmpty(plan.Skills);

        var profile = await manager.GetDocumentAsync($"/People/{grace}");
        var brief = profile.QuerySelector(".profile-plans .plan-brief")!;
        Assert.Equal("Cross-training", brief.GetAttribute("data-track"));
        Assert.Contains("also covering Barista", brief.TextContent);
        Assert.Equal(plan.Skills.Count, brief.QuerySelectorAll("li").Length);
    }

    [Fact]
    public async Task A_second_active_plan_on_the_same_track_is_refused_beside_the_goal_and_nothing_is_saved()
    {
        var oskar = await IdOfAsync("Oskar Lindqvist");
        var manager = await Browser.SignedInAsync(factory, Manager);
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(manager, oskar, Answers("BetterInCurrentRole"))).StatusCode);

        var again = await StartAsync(manager, oskar, Answers("BetterInCurrentRole"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var page = await Browser.ParseAsync(again);
        Assert.Equal("There is already an active upskilling plan; achieve or stop it before starting another.", page.QuerySelector("#goal-problem")!.TextContent);
        Assert.NotNull(page.QuerySelector("#goal-BetterInCurrentRole[checked]")); // the answer is kept
        Assert.Single(await PlansOfAsync(oskar));
        // A plan on another track is allowed next to it.
        var barista = await RoleIdAsync("Barista");
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(manager, oskar, Answers("ExtraWorkNextToCurrentRole", additionalRoleId: barista))).StatusCode);
        Assert.Equal(2, (await PlansOfAsync(oskar)).Count);
    }

    [Fact]
    public async Task A_double_tap_on_start_or_a_second_device_leaves_one_active_plan_per_track_and_no_error_page()
    {
        var ingrid = await IdOfAsync("Ingrid Johansson");
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var form = StartFormOf(await hr.GetDocumentAsync($"/People/{ingrid}/Plan?{Answers("BetterInCurrentRole")}"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => hr.PostAsync($"/People/{ingrid}/Plan?handler=Start", form)));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.UnprocessableEntity, $"answered {a.StatusCode}"));
        Assert.Single(await PlansOfAsync(ingrid), p => p.Track == DevelopmentTrack.Upskilling && p.Status == PlanStatus.Active);
        // The database holds the rule even for a write that skips the page (a second device that saved in between).
        var second = await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDbAsync(async db =>
        {
            db.DevelopmentPlans.Add(new DevelopmentPlan { EmployeeId = ingrid, Track = DevelopmentTrack.Upskilling, Status = PlanStatus.Active, CreatedByUserId = "test", UpdatedByUserId = "test", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        }));
        Assert.Matches("UNIQUE constraint failed|duplicate key value violates unique constraint", second.InnerException!.Message); // SQLite | PostgreSQL
    }

    [Fact]
    public async Task Without_a_goal_or_a_role_the_start_is_refused_beside_the_field_and_bad_targets_beside_the_skill()
    {
        var fatima = await IdOfAsync("Fatima Haddad");
        var manager = await Browser.SignedInAsync(factory, Manager);
        await manager.GetAsync($"/People/{fatima}/Plan");

        var noGoal = await manager.PostAsync($"/People/{fatima}/Plan?handler=Start", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noGoal.StatusCode);
        Assert.Equal("Choose the goal.", (await Browser.ParseAsync(noGoal)).QuerySelector("#goal-problem")!.TextContent);

        var noRole = await manager.PostAsync($"/People/{fatima}/Plan?handler=Start", new() { ["Start.Goal"] = "MoveToAnotherRole" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noRole.StatusCode);
        Assert.Equal("Choose the role the person is moving to.", (await Browser.ParseAsync(noRole)).QuerySelector("#role-problem")!.TextContent);

        var barista = await RoleIdAsync("Barista"); // never observed as one: every required skill is proposed
        var form = StartFormOf(await manager.GetDocumentAsync($"/People/{fatima}/Plan?{Answers("ExtraWorkNextToCurrentRole", additionalRoleId: barista)}"));
        form["Start.Skills[0].TargetDate"] = "2001-01-01";
        form["Start.Skills[1].TargetLevel"] = "nine";
        var bad = await manager.PostAsync($"/People/{fatima}/Plan?handler=Start", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var page = await Browser.ParseAsync(bad);
        Assert.StartsWith("The target date is in the past", page.QuerySelector("#propose-date-0 + .field-problem")!.TextContent);
        Assert.Equal("2001-01-01", page.QuerySelector("#propose-date-0")!.GetAttribute("value"));
        Assert.Equal("That value could not be read.", page.QuerySelector("#propose-level-1 + .field-problem")!.TextContent);
        Assert.Empty(await PlansOfAsync(fatima));
    }

    [Fact]
    public async Task A_coach_adds_drops_retargets_and_stops_only_with_a_reason_and_each_change_is_in_the_history_and_the_audit()
    {
        var zoe = await IdOfAsync("Zoë Łukasiewicz");
        var manager = await Browser.SignedInAsync(factory, Manager);
        var url = $"/People/{zoe}/Plan";
        var start = StartFormOf(await manager.GetDocumentAsync($"{url}?{Answers("ExtraWorkNextToCurrentRole", additionalRoleId: await RoleIdAsync("Barista"))}"));
        start.Remove("Start.Skills[0].Include"); // left out at the start, so it can be added later
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"{url}?handler=Start", start)).StatusCode);
        var planId = (await PlansOfAsync(zoe)).Single().Id;

        // Add a skill not yet in the plan (the page offers only those).
        var page = await manager.GetDocumentAsync(url);
        var option = page.QuerySelectorAll($"#add-skill-{planId} option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var date = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"{url}?handler=AddSkill", new() { ["planId"] = $"{planId}", ["skillKey"] = option, ["targetLevel"] = "2", ["targetDate"] = date })).StatusCode);
        var added = Guid.Parse(option);
        Assert.Contains((await PlansOfAsync(zoe)).Single().Skills, s => s.SkillKey == added && s.TargetLevel == 2);

        var retarget = await manager.PostAsync($"{url}?handler=ChangeTarget", new() { ["planId"] = $"{planId}", ["skillKey"] = option, ["targetLevel"] = "3", ["targetDate"] = date });
        Assert.Equal(HttpStatusCode.Redirect, retarget.StatusCode);
        var badTarget = await manager.PostAsync($"{url}?handler=ChangeTarget", new() { ["planId"] = $"{planId}", ["skillKey"] = option, ["targetLevel"] = "3", ["targetDate"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badTarget.StatusCode);
        Assert.Equal("Choose the date to reach the target by.", (await Browser.ParseAsync(badTarget)).QuerySelector($"#target-date-{planId}-{added:N} + .field-problem")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"{url}?handler=DropSkill", new() { ["planId"] = $"{planId}", ["skillKey"] = option })).StatusCode);
        var shown = await manager.GetDocumentAsync(url);
        var dropped = shown.QuerySelector($"#plan-{planId} tr.plan-skill-dropped")!;
        Assert.NotNull(dropped.QuerySelector("s"));
        Assert.Contains("dropped", dropped.TextContent);

        var noReason = await manager.PostAsync($"{url}?handler=Stop", new() { ["planId"] = $"{planId}", ["stopReason"] = "   " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal("Say why the plan stops.", (await Browser.ParseAsync(noReason)).QuerySelector($"#stop-problem-{planId}")!.TextContent);
        Assert.Equal(PlanStatus.Active, (await PlansOfAsync(zoe)).Single().Status);

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"{url}?handler=Stop", new() { ["planId"] = $"{planId}", ["stopReason"] = "Moving to the night shift" })).StatusCode);
        var stopped = (await PlansOfAsync(zoe)).Single();
        Assert.Equal((PlanStatus.Stopped, "Moving to the night shift"), (stopped.Status, stopped.StopReason));
        var after = await manager.GetDocumentAsync(url);
        Assert.Contains("Moving to the night shift", after.QuerySelector($"#plan-{planId} .plan-stop-reason")!.TextContent);
        Assert.Null(after.QuerySelector($"#plan-{planId} .stop-plan")); // an ended plan no longer changes
        var history = after.QuerySelector($"#plan-{planId} .plan-history")!.TextContent;
        foreach (var what in new[] { "Started a cross-training plan", "Added", "Changed", "Dropped", "Stopped the plan: Moving to the night shift" })
            Assert.Contains(what, history);
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == "Zoë Łukasiewicz").Select(a => a.Action).ToListAsync());
        Assert.Superset(new HashSet<string> { "plan.start", "plan.add-skill", "plan.change-target", "plan.drop-skill", "plan.stop" }, actions.ToHashSet());
    }

    [Fact]
    public async Task The_plan_page_counts_the_observations_made_while_a_plan_was_active_and_lists_the_latest()
    {
        var ana = await IdOfAsync("Ana Ruiz");
        var manager = await Browser.SignedInAsync(factory, Manager);
        var barista = await RoleIdAsync("Barista");
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(manager, ana, Answers("ExtraWorkNextToCurrentRole", additionalRoleId: barista))).StatusCode);
        // The plan began 30 days ago: the demo's observations since then belong to it.
        var since = DateTime.UtcNow.AddDays(-30);
        var (planId, expected) = await factory.WithDbAsync(async db =>
        {
            var plan = await db.DevelopmentPlans.SingleAsync(p => p.EmployeeId == ana && p.Track == DevelopmentTrack.CrossTraining);
            plan.CreatedAtUtc = since;
            await db.SaveChangesAsync();
            return (plan.Id, await db.Observations.CountAsync(o => o.EmployeeId == ana && o.Status == ObservationStatus.Submitted && o.ObservedAtUtc >= since));
        });

        var page = await manager.GetDocumentAsync($"/People/{ana}/Plan");

        Assert.Equal(expected == 1 ? "1 observation" : $"{expected} observations", page.QuerySelector($"#plan-{planId} .plan-observations")!.TextContent);
        var latest = page.QuerySelectorAll($"#plan-{planId} .plan-latest-observations li");
        Assert.Equal(Math.Min(expected, 3), latest.Length);
        Assert.All(latest, li => Assert.Contains("Maya Okafor", li.TextContent));
    }

    [Fact]
    public async Task The_employee_reads_their_plan_and_adds_a_skill_they_chose_but_cannot_start_or_change_it()
    {
        var ana = await IdOfAsync("Ana Ruiz");
        var anaBrowser = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor("Ana Ruiz"));
        var manager = await Browser.SignedInAsync(factory, Manager);
        await StartAsync(manager, ana, Answers("BetterInCurrentRole"));
        var plan = (await PlansOfAsync(ana)).Single(p => p.Track == DevelopmentTrack.Upskilling);
        // Ana chose a skill of the barista rubric (any rubric's skill may be chosen); she did not choose the next one.
        var (chosen, notChosen) = await factory.WithDbAsync(async db =>
        {
            var versionId = await db.JobRoles.Where(j => j.Name == "Barista")
                .Select(j => db.Rubrics.Where(r => r.Id == j.DefaultRubricId).Select(r => r.CurrentVersionId!.Value).First()).SingleAsync();
            var skills = await db.Skills.Where(s => s.RubricVersionId == versionId).OrderBy(s => s.Order).Select(s => s.Key).ToListAsync();
            db.SkillChoices.Add(new SkillChoice { EmployeeId = ana, SkillKey = skills[0], ChosenAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (skills[0], skills[1]);
        });
        var url = $"/People/{ana}/Plan";

        var page = await anaBrowser.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector($"#plan-{plan.Id}"));
        Assert.Null(page.QuerySelector("#plan-start"));
        Assert.Null(page.QuerySelector($"#plan-{plan.Id} .stop-plan"));
        Assert.Null(page.QuerySelector($"#plan-{plan.Id} .change-target"));
        Assert.Equal([chosen.ToString()], page.QuerySelectorAll($"#add-skill-{plan.Id} option").Select(o => o.GetAttribute("value")).Where(v => v != ""));

        var date = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd");
        var refused = await anaBrowser.PostAsync($"{url}?handler=AddSkill", new() { ["planId"] = $"{plan.Id}", ["skillKey"] = $"{notChosen}", ["targetLevel"] = "3", ["targetDate"] = date });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Choose one of the skills you chose to learn.", (await Browser.ParseAsync(refused)).QuerySelector($"#add-skill-{plan.Id} + .field-problem")!.TextContent);
        var added = await anaBrowser.PostAsync($"{url}?handler=AddSkill", new() { ["planId"] = $"{plan.Id}", ["skillKey"] = $"{chosen}", ["targetLevel"] = "3", ["targetDate"] = date });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains((await PlansOfAsync(ana)).Single(p => p.Id == plan.Id).Skills, s => s.SkillKey == chosen);
        var history = (await anaBrowser.GetDocumentAsync(url)).QuerySelector($"#plan-{plan.Id} .plan-history li")!.TextContent;
        Assert.Contains("Ana Ruiz", history);
        Assert.Contains("Added", history);

        foreach (var (handler, form) in new (string, Dictionary<string, string>)[]
        {
            ("Start", new() { ["Start.Goal"] = "ExtraWorkNextToCurrentRole", ["Start.AdditionalRoleId"] = $"{await RoleIdAsync("Barista")}" }),
            ("Stop", new() { ["planId"] = $"{plan.Id}", ["stopReason"] = "I want to" }),
            ("Achieve", new() { ["planId"] = $"{plan.Id}" }),
            ("Answers", new() { ["Start.Goal"] = "BetterInCurrentRole" }),
            ("DropSkill", new() { ["planId"] = $"{plan.Id}", ["skillKey"] = $"{chosen}" }),
            ("ChangeTarget", new() { ["planId"] = $"{plan.Id}", ["skillKey"] = $"{chosen}", ["targetLevel"] = "4", ["targetDate"] = date }),
        })
            Assert.Equal(HttpStatusCode.Forbidden, (await anaBrowser.PostAsync($"{url}?handler={handler}", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anaBrowser.GetAsync($"{url}?handler=Choices&Start.Goal=BetterInCurrentRole", htmx: true)).StatusCode);
        var unchanged = (await PlansOfAsync(ana)).Single(p => p.Id == plan.Id);
        Assert.Equal(PlanStatus.Active, unchanged.Status);
        Assert.Contains(unchanged.CurrentSkills, s => s.SkillKey == chosen);
    }

    [Fact]
    public async Task Every_handler_answers_not_found_for_someone_outside_the_users_reach_or_a_plan_of_another_person()
    {
        var jose = await IdOfAsync("José Núñez"); // contact centre: manager2's team
        var fatima = await IdOfAsync("Fatima Haddad"); // Front End: manager's team
        var hannah = await IdOfAsync("Hannah Schmidt");
        var other = await Browser.SignedInAsync(factory, "manager2@demo.local");
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(other, jose, Answers("MoveToAnotherRole", await RoleIdAsync("Barista")))).StatusCode);
        var josePlan = (await PlansOfAsync(jose)).Single();
        var skill = josePlan.Skills.First().SkillKey;
        var manager = await Browser.SignedInAsync(factory, Manager);
        var anaBrowser = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor("Ana Ruiz"));
        var date = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd");
        Dictionary<string, string> PlanForm() => new() { ["planId"] = $"{josePlan.Id}", ["skillKey"] = $"{skill}", ["targetLevel"] = "2", ["targetDate"] = date, ["stopReason"] = "tampered" };
        var handlers = new[] { "AddSkill", "DropSkill", "ChangeTarget", "Achieve", "Stop" };

        foreach (var browser in new[] { manager, anaBrowser })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/People/{jose}/Plan")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync($"/People/{jose}/Plan?handler=AddSkill", PlanForm())).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anaBrowser.GetAsync($"/People/{fatima}/Plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/People/{jose}/Plan?handler=Choices&Start.Goal=BetterInCurrentRole", htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/People/{jose}/Plan?handler=Start", new() { ["Start.Goal"] = "BetterInCurrentRole" })).StatusCode);
        foreach (var handler in handlers)
        {
            // The manager's own person in the URL, José's plan in the form: still not found.
            Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/People/{jose}/Plan?handler={handler}", PlanForm())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/People/{fatima}/Plan?handler={handler}", PlanForm())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/People/{hannah}/Plan?handler={handler}", PlanForm())).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/People/{fatima}/Plan")).StatusCode);
        var after = (await PlansOfAsync(jose)).Single();
        Assert.Equal((PlanStatus.Active, josePlan.Skills.Count, josePlan.History.Count), (after.Status, after.CurrentSkills.Count(), after.History.Count));
    }

    [Fact]
    public async Task HR_edits_the_career_path_and_the_plan_form_offers_the_roles_a_role_leads_to_first()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var cashier = await RoleIdAsync("Cashier");
        var agent = await RoleIdAsync("Contact centre agent");
        await factory.WithDbAsync(async db => // the demo's career path aside: Cashier leads nowhere yet
        {
            (await db.JobRoles.Include(r => r.LeadsTo).SingleAsync(r => r.Id == cashier)).LeadsTo.Clear();
            return await db.SaveChangesAsync();
        });
        await hr.GetAsync("/Rubrics/Roles");

        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostAsync("/Rubrics/Roles?handler=LeadsTo", new() { ["roleId"] = $"{cashier}", ["nextRoleId"] = $"{agent}" })).StatusCode);
        var twice = await hr.PostAsync("/Rubrics/Roles?handler=LeadsTo", new() { ["roleId"] = $"{cashier}", ["nextRoleId"] = $"{agent}" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Equal("Cashier already leads to Contact centre agent.", (await Browser.ParseAsync(twice)).QuerySelector($"#leads-to-problem-{cashier}")!.TextContent);
        var itself = await hr.PostAsync("/Rubrics/Roles?handler=LeadsTo", new() { ["roleId"] = $"{cashier}", ["nextRoleId"] = $"{cashier}" });
        Assert.Equal("A role cannot lead to itself.", (await Browser.ParseAsync(itself)).QuerySelector($"#leads-to-problem-{cashier}")!.TextContent);
        var roles = await hr.GetDocumentAsync("/Rubrics/Roles");
        Assert.Equal(["Contact centre agent"], roles.QuerySelectorAll($"#career-{cashier} .leads-to li").Select(li => li.GetAttribute("data-next")));

        // A manager starting a plan for a cashier sees the agent role first, under "Where Cashier leads".
        var manager = await Browser.SignedInAsync(factory, Manager);
        var ana = await IdOfAsync("Ana Ruiz");
        var form = await manager.GetDocumentAsync($"/People/{ana}/Plan?{Answers("MoveToAnotherRole")}");
        var groups = form.QuerySelectorAll("#start-role optgroup");
        Assert.Equal("Where Cashier leads", groups[0].GetAttribute("label"));
        Assert.Equal(["Contact centre agent"], groups[0].QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.DoesNotContain("Cashier", groups[1].QuerySelectorAll("option").Select(o => o.TextContent));

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync("/Rubrics/Roles?handler=LeadsTo", new() { ["roleId"] = $"{cashier}", ["nextRoleId"] = $"{agent}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostAsync("/Rubrics/Roles?handler=RemoveLeadsTo", new() { ["roleId"] = $"{cashier}", ["nextRoleId"] = $"{agent}" })).StatusCode);
        Assert.Empty((await hr.GetDocumentAsync("/Rubrics/Roles")).QuerySelectorAll($"#career-{cashier} .leads-to li"));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == "Cashier" && a.Action.StartsWith("role.leads-to")).Select(a => a.Details).ToListAsync());
        Assert.Equal(["Cashier now leads to Contact centre agent.", "Cashier no longer leads to Contact centre agent."], audit);
    }
}
