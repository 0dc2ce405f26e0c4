using Coaching.Domain.Development;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>The employee on a 390x844 phone chooses skills and rates their confidence; their manager sees it on a tablet.</summary>
public class MyDevelopmentTests(LiveApp app) : IClassFixture<LiveApp>
{
    async Task<IPage> PhoneAsync(string email)
    {
        var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 3, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await LiveApp.SignInAsync(page, email);
        return page;
    }

    /// <summary>The skills of the person's role rubric are choosable; gives them in the rubric's order, with the person's id.</summary>
    async Task<(int EmployeeId, (Guid Key, string Name)[] Skills)> ChoosableSkillsOfAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var person = await db.Employees.Include(e => e.JobRole).SingleAsync(e => e.Email == email);
        await Coaching.Tests.Development.FollowUpSeed.ClearDevelopmentAsync(db, person.Id); // what the demo tells of them aside
        var version = await db.Rubrics.Where(r => r.Id == person.JobRole!.DefaultRubricId).Select(r => r.CurrentVersionId!.Value).SingleAsync();
        var skills = await db.Skills.Where(s => s.RubricVersionId == version).OrderBy(s => s.Order).Select(s => new ValueTuple<Guid, string>(s.Key, s.Name)).ToArrayAsync();
        var marked = await db.ChoosableSkills.Select(c => c.SkillKey).ToListAsync();
        db.ChoosableSkills.AddRange(skills.Where(s => !marked.Contains(s.Item1)).Select(s => new ChoosableSkill { SkillKey = s.Item1, MarkedAtUtc = DateTime.UtcNow, MarkedByUserId = "test" }));
        await db.SaveChangesAsync();
        return (person.Id, skills);
    }

    async Task ChooseInDatabaseAsync(int employeeId, IEnumerable<Guid> keys)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        db.SkillChoices.AddRange(keys.Select(k => new SkillChoice { EmployeeId = employeeId, SkillKey = k, ChosenAtUtc = DateTime.UtcNow }));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task On_a_phone_the_employee_chooses_a_skill_sees_it_listed_and_rates_their_confidence_which_stays_saved()
    {
        var (_, skills) = await ChoosableSkillsOfAsync("ana.ruiz@demo.local");
        var page = await PhoneAsync("ana.ruiz@demo.local");
        await page.GotoAsync("/MyDevelopment");

        await page.GetByLabel("Choose a skill").SelectOptionAsync(new SelectOptionValue { Label = skills[1].Name });
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose", Exact = true }).TapAsync();

        var chosen = page.GetByTestId("chosen-skills").Locator($"[data-skill='{skills[1].Name}']");
        await Assertions.Expect(chosen).ToBeVisibleAsync();
        await Assertions.Expect(chosen).ToContainTextAsync("chosen ");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Drop {skills[1].Name}" })).ToBeVisibleAsync();

        var form = page.Locator($"form.confidence-form[data-skill='{skills[1].Name}']");
        await Assertions.Expect(form.GetByRole(AriaRole.Group, new() { Name = skills[1].Name })).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("Not rated yet.");
        var level = form.GetByText("4 confident", new() { Exact = true });
        var box = (await level.BoundingBoxAsync())!;
        Assert.True(box.Height >= 44 && box.Width >= 200, $"the level is {box.Width}x{box.Height}: too small a target on a phone");
        await level.TapAsync();

        await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("Last rated");
        await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync(": confident.");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"form.confidence-form[data-skill='{skills[1].Name}']").GetByLabel("4 confident")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator($"form.confidence-form[data-skill='{skills[1].Name}']").GetByRole(AriaRole.Status)).ToContainTextAsync("Last rated");
    }

    [Fact]
    public async Task Over_the_limit_the_employee_sees_why_beside_the_field_and_nothing_is_chosen()
    {
        var (zoe, skills) = await ChoosableSkillsOfAsync(Coaching.Web.Demo.DemoSeeder.EmailFor("Zoë Łukasiewicz"));
        await ChooseInDatabaseAsync(zoe, skills.Take(3).Select(s => s.Key));
        var page = await PhoneAsync(Coaching.Web.Demo.DemoSeeder.EmailFor("Zoë Łukasiewicz"));
        await page.GotoAsync("/MyDevelopment");

        await page.GetByLabel("Choose a skill").SelectOptionAsync(new SelectOptionValue { Label = skills[3].Name });
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose", Exact = true }).TapAsync();

        var problem = page.Locator("#skillKey-problem");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await Assertions.Expect(problem).ToHaveTextAsync("You have chosen 3 skills, the most your organisation allows: drop one first.");
        await Assertions.Expect(page.GetByLabel("Choose a skill")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(skills[3].Name, await page.GetByLabel("Choose a skill").EvaluateAsync<string>("s => s.options[s.selectedIndex].text"));
        await Assertions.Expect(page.GetByTestId("chosen-skills").Locator("[data-skill]")).ToHaveCountAsync(3);
        var chosenBox = (await page.GetByLabel("Choose a skill").BoundingBoxAsync())!;
        var problemBox = (await problem.BoundingBoxAsync())!;
        Assert.True(problemBox.Y >= chosenBox.Y + chosenBox.Height - 1 && problemBox.Y - (chosenBox.Y + chosenBox.Height) < 60, "the message is not right under the field");
    }

    [Fact]
    public async Task The_manager_on_a_tablet_sees_the_choice_on_the_My_team_tile()
    {
        var (tom, skills) = await ChoosableSkillsOfAsync("tom.becker@demo.local");
        await ChooseInDatabaseAsync(tom, [skills[2].Key]);
        var page = await app.NewTabletPageAsync(768, 1024);
        await LiveApp.SignInAsync(page, "manager@demo.local");
        await page.GotoAsync("/Team");

        var tile = page.Locator($"[data-employee-id='{tom}']");
        await Assertions.Expect(tile.GetByTestId("chosen-skills")).ToBeVisibleAsync();
        await Assertions.Expect(tile.GetByTestId("chosen-skills")).ToHaveTextAsync($"Chose to learn: {skills[2].Name}");
    }
}
