using System.Net;
using Coaching.Domain.Development;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Development;

/// <summary>
/// Skills people choose and their confidence, through the real pages: HR marks skills choosable, the employee chooses
/// (up to the limit), drops and rates their confidence on My development; the profile shows it against what was observed.
/// </summary>
public class ChoicesAndConfidenceTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    const string Page = "/MyDevelopment";

    /// <summary>The skills of the person's role rubric, in order, by key and name.</summary>
    async Task<(Guid Key, string Name)[]> SkillsOfAsync(string person)
    {
        var p = await factory.PersonAsync(person);
        return await factory.WithDbAsync(db => db.Skills.Where(s => s.RubricVersionId == p.RubricVersionId).OrderBy(s => s.Order)
            .Select(s => new ValueTuple<Guid, string>(s.Key, s.Name)).ToArrayAsync());
    }

    /// <summary>HR ticks exactly these skills on the Choosable skills page.</summary>
    async Task<HttpResponseMessage> MarkChoosableAsync(params Guid[] keys)
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        await hr.GetAsync("/Development/ChoosableSkills");
        return await hr.PostAsync("/Development/ChoosableSkills", keys.Select((k, i) => ($"keys[{i}]", k.ToString())).ToDictionary(x => x.Item1, x => x.Item2));
    }

    async Task<Browser> EmployeeAsync(string name)
    {
        await factory.PersonStartingDevelopmentAsync(name);
        var browser = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor(name));
        await browser.GetAsync(Page);
        return browser;
    }

    Task<List<SkillChoice>> ChoicesOfAsync(int employeeId) =>
        factory.WithDbAsync(db => db.SkillChoices.AsNoTracking().Where(c => c.EmployeeId == employeeId).OrderBy(c => c.Id).ToListAsync());

    static Task<HttpResponseMessage> ChooseAsync(Browser b, Guid key, bool htmx = false) =>
        b.PostAsync($"{Page}?handler=Choose", new() { ["skillKey"] = key.ToString() }, htmx);

    [Fact]
    public async Task HR_marks_skills_choosable_and_sees_them_ticked_with_how_many_chose_each_and_an_audit_entry()
    {
        var skills = await SkillsOfAsync("Ana Ruiz");
        await MarkChoosableAsync(); // from nothing, whatever other tests marked

        var saved = await MarkChoosableAsync(skills[0].Key, skills[1].Key);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var page = await hr.GetDocumentAsync("/Development/ChoosableSkills");
        Assert.NotNull(page.QuerySelector($"input[type=checkbox][value='{skills[0].Key}'][checked]"));
        Assert.NotNull(page.QuerySelector($"input[type=checkbox][value='{skills[1].Key}'][checked]"));
        Assert.Null(page.QuerySelector($"input[type=checkbox][value='{skills[2].Key}'][checked]"));
        Assert.NotNull(page.QuerySelector($"label[for='skill-{skills[2].Key}']"));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "skills.choosable").OrderBy(a => a.Id).LastAsync());
        Assert.Contains(skills[0].Name, audit.Details);
        Assert.DoesNotContain(skills[0].Key.ToString(), audit.Details);

        // Someone chooses one: HR sees the count next to it.
        var tom = await EmployeeAsync("Tom Becker");
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(tom, skills[0].Key)).StatusCode);
        page = await hr.GetDocumentAsync("/Development/ChoosableSkills");
        // Other tests' people may have chosen it too: the page counts everyone who has it chosen now.
        var choosers = await factory.WithDbAsync(db => db.SkillChoices.CountAsync(c => c.SkillKey == skills[0].Key && c.DroppedAtUtc == null));
        Assert.True(choosers >= 1);
        Assert.Equal(choosers == 1 ? "· chosen by 1 person" : $"· chosen by {choosers} people",
            page.QuerySelector($"[data-skill='{skills[0].Name}'] .chosen-count")!.TextContent.Trim());

        // A key that is not a published skill: refused, nothing changes.
        await hr.GetAsync("/Development/ChoosableSkills");
        var tampered = await hr.PostAsync("/Development/ChoosableSkills", new() { ["keys[0]"] = Guid.NewGuid().ToString(), ["keys[1]"] = "not-a-key" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tampered.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.ChoosableSkills.CountAsync()));

        // Only HR and Admin open the page.
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync("/Development/ChoosableSkills", new() { ["keys[0]"] = skills[3].Key.ToString() })).StatusCode);
    }

    [Fact]
    public async Task An_employee_chooses_up_to_the_limit_is_refused_beyond_it_beside_the_field_then_drops_one_and_chooses_again()
    {
        var skills = await SkillsOfAsync("Priya Nair");
        await MarkChoosableAsync(skills.Take(4).Select(s => s.Key).ToArray());
        var priya = await factory.PersonAsync("Priya Nair");
        var browser = await EmployeeAsync("Priya Nair");

        foreach (var s in skills.Take(3))
            Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(browser, s.Key)).StatusCode);
        var refused = await ChooseAsync(browser, skills[3].Key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await Browser.ParseAsync(refused);
        Assert.Equal("You have chosen 3 skills, the most your organisation allows: drop one first.", page.QuerySelector("#skillKey-problem")!.TextContent.Trim());
        Assert.Equal("skillKey-problem", page.QuerySelector("#skillKey")!.GetAttribute("aria-describedby"));
        Assert.Equal(skills[3].Key.ToString(), page.QuerySelector("#skillKey option[selected]")!.GetAttribute("value"));
        Assert.Equal(3, (await ChoicesOfAsync(priya.Id)).Count);

        // The same answer for htmx: the section, with the message beside the field.
        var htmx = await ChooseAsync(browser, skills[3].Key, htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, htmx.StatusCode);
        Assert.Contains("the most your organisation allows", (await Browser.ParseAsync(htmx)).QuerySelector("#skillKey-problem")!.TextContent);

        var first = (await ChoicesOfAsync(priya.Id))[0];
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"{Page}?handler=Drop", new() { ["choiceId"] = first.Id.ToString() })).StatusCode);
        var again = await ChooseAsync(browser, skills[3].Key, htmx: true);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var listed = (await Browser.ParseAsync(again)).QuerySelectorAll("[data-testid=chosen-skills] [data-skill]").Select(e => e.GetAttribute("data-skill")).ToList();
        Assert.Equal([skills[1].Name, skills[2].Name, skills[3].Name], listed);
        var all = await ChoicesOfAsync(priya.Id);
        Assert.Equal(4, all.Count);
        Assert.NotNull(all.Single(c => c.Id == first.Id).DroppedAtUtc);
        Assert.Equal(3, all.Count(c => c.IsActive));
        Assert.Contains(await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == "Priya Nair").Select(a => a.Action).ToListAsync()), a => a == "skill.drop");

        // Their manager sees the choices on the team tile.
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        var tile = (await manager.GetDocumentAsync("/Team")).QuerySelector($"[data-employee-id='{priya.Id}'] [data-testid=chosen-skills]")!;
        Assert.Equal($"Chose to learn: {skills[1].Name}, {skills[2].Name}, {skills[3].Name}", tile.TextContent.Trim());
    }

    [Fact]
    public async Task Choosing_a_skill_that_is_not_choosable_or_is_no_skill_at_all_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var skills = await SkillsOfAsync("Liam O'Connor");
        await MarkChoosableAsync(skills[0].Key);
        var liam = await factory.PersonAsync("Liam O'Connor");
        var browser = await EmployeeAsync("Liam O'Connor");

        var notChoosable = await ChooseAsync(browser, skills[1].Key);
        var noSkill = await browser.PostAsync($"{Page}?handler=Choose", new() { ["skillKey"] = "1 OR 1=1" });
        var nothing = await browser.PostAsync($"{Page}?handler=Choose", new() { ["skillKey"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notChoosable.StatusCode);
        Assert.Equal("That skill is not one of the skills you can choose.", (await Browser.ParseAsync(notChoosable)).QuerySelector("#skillKey-problem")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noSkill.StatusCode);
        Assert.Equal("Choose a skill from the list.", (await Browser.ParseAsync(nothing)).QuerySelector("#skillKey-problem")!.TextContent.Trim());
        Assert.Empty(await ChoicesOfAsync(liam.Id));
    }

    [Fact]
    public async Task Confidence_from_the_employee_is_saved_and_the_latest_shows_on_the_profile_next_to_the_observed_level_with_a_mismatch_flag()
    {
        var grace = await factory.PersonAsync("Grace Mensah");
        // A skill of her role with a required level and an observed one, so there is something to compare.
        var (key, name, observed, required) = await factory.WithDbAsync(async db =>
        {
            var role = await db.Employees.Where(e => e.Id == grace.Id).Select(e => e.JobRoleId).SingleAsync();
            var req = await db.RoleRequirements.Where(r => r.JobRoleId == role).ToListAsync();
            var rated = await db.Ratings.Where(r => r.EmployeeId == grace.Id && r.IsSubmitted && r.Level != null).ToListAsync();
            var latest = rated.GroupBy(r => r.SkillKey).ToDictionary(g => g.Key, g => g.OrderBy(r => r.ObservedAtUtc).Last().Level!.Value);
            var pick = req.First(r => latest.ContainsKey(r.SkillKey));
            var skillName = await db.Skills.Where(s => s.Key == pick.SkillKey).OrderByDescending(s => s.Id).Select(s => s.Name).FirstAsync();
            return (pick.SkillKey, skillName, latest[pick.SkillKey], pick.RequiredLevel);
        });
        await MarkChoosableAsync(key);
        var browser = await EmployeeAsync("Grace Mensah");
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(browser, key)).StatusCode);
        var (level, flag) = observed < required ? (5, "confident, observed low") : (1, "observed high, not confident");

        var first = await browser.PostAsync($"{Page}?handler=Confidence", new() { ["skillKey"] = key.ToString(), ["level"] = "3" }, htmx: true);
        var second = await browser.PostAsync($"{Page}?handler=Confidence", new() { ["skillKey"] = key.ToString(), ["level"] = level.ToString() }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var form = await Browser.ParseAsync(second);
        Assert.Equal(level.ToString(), form.QuerySelector("input[name=level][checked]")!.GetAttribute("value"));
        Assert.Contains($"Last rated", form.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains(ConfidenceRules.LevelLabel(level), form.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains($"Observed level {observed}", form.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains(flag, form.QuerySelector(".confidence-prompt")!.TextContent);
        Assert.Equal([3, level], (await factory.WithDbAsync(db => db.ConfidenceRatings.Where(r => r.EmployeeId == grace.Id).OrderBy(r => r.Id).Select(r => r.Level).ToListAsync())));

        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        var row = (await manager.GetDocumentAsync($"/People/{grace.Id}")).QuerySelector($".confidence-table tr[data-skill='{name}']")!;
        Assert.StartsWith($"{level} {ConfidenceRules.LevelLabel(level)}", row.QuerySelector(".confidence")!.TextContent.Trim());
        Assert.Equal(observed.ToString(), row.QuerySelector(".observed")!.TextContent.Trim());
        Assert.Equal(flag, row.QuerySelector(".mismatch .badge")!.TextContent.Trim());
        var chosen = (await manager.GetDocumentAsync($"/People/{grace.Id}")).QuerySelector($"[data-testid=profile-chosen] [data-skill='{name}']")!;
        Assert.Equal($"/People/{grace.Id}/Plan", chosen.QuerySelector("a")!.GetAttribute("href"));

        // No level, or one off the scale: the message beside the skill, nothing saved.
        var none = await browser.PostAsync($"{Page}?handler=Confidence", new() { ["skillKey"] = key.ToString() }, htmx: true);
        var off = await browser.PostAsync($"{Page}?handler=Confidence", new() { ["skillKey"] = key.ToString(), ["level"] = "9" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal("Choose how confident you feel.", (await Browser.ParseAsync(none)).QuerySelector(".field-problem")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, off.StatusCode);
        Assert.Contains("Confidence is from 1", (await Browser.ParseAsync(off)).QuerySelector($"#confidence-{key}-problem")!.TextContent);
        // A skill she neither chose nor has in a plan: refused.
        var other = await browser.PostAsync($"{Page}?handler=Confidence", new() { ["skillKey"] = grace.Id == 0 ? "" : Guid.NewGuid().ToString(), ["level"] = "3" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.ConfidenceRatings.CountAsync(r => r.EmployeeId == grace.Id)));
    }

    [Fact]
    public async Task A_manager_or_HR_cannot_set_someones_confidence_or_choose_for_them()
    {
        var skills = await SkillsOfAsync("Oskar Lindqvist");
        await MarkChoosableAsync(skills[0].Key);
        var oskar = await factory.PersonAsync("Oskar Lindqvist");
        var own = await EmployeeAsync("Oskar Lindqvist");
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(own, skills[0].Key)).StatusCode);
        var choice = (await ChoicesOfAsync(oskar.Id)).Single();

        foreach (var email in new[] { "manager@demo.local", "hr@demo.local", "admin@demo.local" })
        {
            var coach = await Browser.SignedInAsync(factory, email);
            Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync($"{Page}?employeeId={oskar.Id}")).StatusCode);
            var forms = new (string Handler, Dictionary<string, string> Form)[]
            {
                ("Confidence", new() { ["employeeId"] = oskar.Id.ToString(), ["skillKey"] = skills[0].Key.ToString(), ["level"] = "5" }),
                ("Confidence", new() { ["skillKey"] = skills[0].Key.ToString(), ["level"] = "5" }),
                ("Choose", new() { ["employeeId"] = oskar.Id.ToString(), ["skillKey"] = skills[0].Key.ToString() }),
                ("Drop", new() { ["employeeId"] = oskar.Id.ToString(), ["choiceId"] = choice.Id.ToString() }),
            };
            foreach (var (handler, form) in forms)
                Assert.Equal(HttpStatusCode.NotFound, (await coach.PostAsync($"{Page}?handler={handler}", form, htmx: true)).StatusCode);
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.ConfidenceRatings.CountAsync(r => r.EmployeeId == oskar.Id)));
        Assert.True((await ChoicesOfAsync(oskar.Id)).Single().IsActive);
    }

    [Fact]
    public async Task An_employee_cannot_act_for_another_employee_with_tampered_ids_on_any_handler()
    {
        var skills = await SkillsOfAsync("Fatima Haddad");
        await MarkChoosableAsync(skills[0].Key, skills[1].Key);
        var fatima = await factory.PersonAsync("Fatima Haddad");
        var victim = await EmployeeAsync("Fatima Haddad");
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(victim, skills[0].Key)).StatusCode);
        var herChoice = (await ChoicesOfAsync(fatima.Id)).Single();
        var zoe = await factory.PersonAsync("Zoë Łukasiewicz");
        var other = await EmployeeAsync("Zoë Łukasiewicz");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Page}?employeeId={fatima.Id}")).StatusCode);
        var tampered = new (string Handler, Dictionary<string, string> Form)[]
        {
            ("Choose", new() { ["employeeId"] = fatima.Id.ToString(), ["skillKey"] = skills[1].Key.ToString() }),
            ("Drop", new() { ["employeeId"] = fatima.Id.ToString(), ["choiceId"] = herChoice.Id.ToString() }),
            ("Drop", new() { ["choiceId"] = herChoice.Id.ToString() }),
            ("Drop", new() { ["employeeId"] = zoe.Id.ToString(), ["choiceId"] = herChoice.Id.ToString() }),
            ("Confidence", new() { ["employeeId"] = fatima.Id.ToString(), ["skillKey"] = skills[0].Key.ToString(), ["level"] = "2" }),
        };
        foreach (var (handler, form) in tampered)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{Page}?handler={handler}", form)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{Page}?handler={handler}", form, htmx: true)).StatusCode);
        }
        // Her own skill is not Zoë's to rate either, even without an employee id.
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await other.PostAsync($"{Page}?handler=Confidence", new() { ["skillKey"] = skills[0].Key.ToString(), ["level"] = "2" })).StatusCode);

        Assert.Equal([(skills[0].Key, true)], (await ChoicesOfAsync(fatima.Id)).Select(c => (c.SkillKey, c.IsActive)));
        Assert.Empty(await ChoicesOfAsync(zoe.Id));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ConfidenceRatings.CountAsync(r => r.EmployeeId == fatima.Id || r.EmployeeId == zoe.Id)));
    }
}
