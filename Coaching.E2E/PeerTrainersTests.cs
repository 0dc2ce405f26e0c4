using Coaching.Domain.SignOffs;
using Coaching.Domain.Training;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>
/// Peer trainers in Chromium: a manager makes a signed-off person a peer trainer from the profile, finds a trainer for a
/// trainee in rotation across tenure bands and records the assignment (a bad date first); HR sees the band warning and
/// saves tenure bands (a bad value first). Sign-offs and past trainings are arranged in the database (the sign-off
/// pages are another feature's).
/// </summary>
public class PeerTrainersTests(LiveApp app) : IClassFixture<LiveApp>
{
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    async Task<T> WithDbAsync<T>(Func<CoachingDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }

    /// <summary>A skill the Cashier role requires, by name, with every peer-training row cleared.</summary>
    async Task<(Guid Key, string Name)> FreshCashierSkillAsync() => await WithDbAsync(async db =>
    {
        await db.TrainingAssignments.ExecuteDeleteAsync();
        await db.PeerTrainerAppointments.ExecuteDeleteAsync();
        await db.SignOffs.ExecuteDeleteAsync();
        await db.TenureBandSettings.ExecuteDeleteAsync();
        var keys = await (from r in db.RoleRequirements join j in db.JobRoles on r.JobRoleId equals j.Id where j.Name == "Cashier" select r.SkillKey).ToListAsync();
        var skill = await db.Skills.Where(s => keys.Contains(s.Key)).OrderBy(s => s.Name).Select(s => new { s.Key, s.Name }).FirstAsync();
        return (skill.Key, skill.Name);
    });

    Task<int> PersonAsync(string name, DateOnly? hired = null, Guid? signedOffOn = null, bool trainer = false) => WithDbAsync(async db =>
    {
        var person = db.Employees.AsEnumerable().Single(e => e.FullName == name);
        if (hired is { } h) person.HireDate = h;
        var by = await db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.Id).SingleAsync();
        if (signedOffOn is { } skill)
        {
            db.SignOffs.Add(new SignOff { EmployeeId = person.Id, SkillKey = skill, SignedByUserId = by, SignedAtUtc = DateTime.UtcNow.AddDays(-20) });
            if (trainer) db.PeerTrainerAppointments.Add(new PeerTrainerAppointment { EmployeeId = person.Id, SkillKey = skill, AppointedByUserId = by, AppointedAtUtc = DateTime.UtcNow.AddDays(-10) });
        }
        await db.SaveChangesAsync();
        return person.Id;
    });

    Task TrainedAsync(int trainer, int trainee, Guid skill, int daysAgo) => WithDbAsync(async db =>
    {
        db.TrainingAssignments.Add(new TrainingAssignment { TrainerId = trainer, TraineeId = trainee, SkillKey = skill, StartsOn = Today.AddDays(-daysAgo), AssignedByUserId = "e2e", AssignedAtUtc = DateTime.UtcNow });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_manager_makes_a_signed_off_person_a_peer_trainer_then_finds_a_trainer_for_a_trainee_in_band_rotation_and_records_it()
    {
        var (skill, skillName) = await FreshCashierSkillAsync();
        await PersonAsync("Oskar Lindqvist", hired: Today.AddYears(-3), signedOffOn: skill);
        var fatima = await PersonAsync("Fatima Haddad", hired: Today.AddYears(-12), signedOffOn: skill, trainer: true);
        await TrainedAsync(fatima, await PersonAsync("Tom Becker"), skill, daysAgo: 30);
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "manager@demo.local");

        // From the profile: Oskar is signed off, so he can be made a peer trainer.
        await page.GotoAsync("/Team");
        await page.GetByRole(AriaRole.Link, new() { Name = "Oskar Lindqvist", Exact = true }).TapAsync();
        await page.WaitForURLAsync("**/People/*");
        var section = page.Locator("#peer-training");
        await section.ScrollIntoViewIfNeededAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = $"Make peer trainer for {skillName}" }).TapAsync();
        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync($"Oskar Lindqvist is now a peer trainer for {skillName}.");
        await Assertions.Expect(section.Locator(".peer-skill").Filter(new() { HasText = skillName }).Locator(".badge")).ToHaveTextAsync("Peer trainer");
        await Assertions.Expect(section.GetByRole(AriaRole.Button, new() { Name = $"End peer trainer for {skillName}" })).ToBeVisibleAsync();

        // Find a trainer for Ana: Oskar's band (1–5 years) never trained, Fatima's trained 30 days ago.
        await page.GetByRole(AriaRole.Link, new() { Name = "Training", Exact = true }).First.TapAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Peer trainers" }).First.TapAsync();
        await page.WaitForURLAsync("**/Training/Trainers**");
        await page.GetByLabel("Person to train").SelectOptionAsync(new SelectOptionValue { Label = "Ana Ruiz" });
        await page.GetByLabel("Skill", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = skillName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest trainers" }).TapAsync();
        var suggestions = page.Locator(".suggestions .suggestion");
        await Assertions.Expect(suggestions.Locator("strong")).ToHaveTextAsync(["Oskar Lindqvist", "Fatima Haddad"]);
        await Assertions.Expect(suggestions.Locator(".band")).ToHaveTextAsync(["1–5 years", "10 years and over"]);
        await Assertions.Expect(suggestions.Nth(1)).ToContainTextAsync("1 training given");
        await Assertions.Expect(page.GetByLabel("Oskar Lindqvist")).ToBeCheckedAsync();

        // An end before the start: the message beside the end date, the dates kept.
        var start = Today.ToString("yyyy-MM-dd");
        var badEnd = Today.AddDays(-2).ToString("yyyy-MM-dd");
        await page.GetByLabel("Starts on").FillAsync(start);
        await page.GetByLabel("Ends on (optional)").FillAsync(badEnd);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the assignment" }).TapAsync();
        await Assertions.Expect(page.Locator("#EndsOn-problem")).ToHaveTextAsync("The end date is before the start date.");
        await Assertions.Expect(page.Locator("#EndsOn-problem")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Ends on (optional)")).ToHaveValueAsync(badEnd);
        await Assertions.Expect(page.GetByLabel("Starts on")).ToHaveValueAsync(start);

        await page.GetByLabel("Ends on (optional)").FillAsync(Today.AddDays(14).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the assignment" }).TapAsync();
        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync($"Oskar Lindqvist trains Ana Ruiz on {skillName}.");
        // Oskar's band has now trained most recently: Fatima's band goes next.
        await Assertions.Expect(suggestions.Locator("strong")).ToHaveTextAsync(["Fatima Haddad", "Oskar Lindqvist"]);
        var rotation = page.Locator($"table.rotation[data-skill='{skillName}'] .rotation-row");
        await Assertions.Expect(rotation.Locator("td.trainings")).ToHaveTextAsync(["1", "1"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_second_tablet_making_the_same_peer_trainer_is_told_already_beside_the_skill_and_ending_offers_make_again()
    {
        var (skill, skillName) = await FreshCashierSkillAsync();
        var grace = await PersonAsync("Grace Mensah", signedOffOn: skill);
        var first = await app.NewTabletPageAsync(768, 1024);
        var second = await app.NewTabletPageAsync(768, 1024);
        foreach (var tablet in new[] { first, second })
        {
            await LiveApp.SignInAsync(tablet, "manager@demo.local");
            await tablet.GotoAsync($"/People/{grace}");
        }
        ILocator Make(IPage tablet) => tablet.Locator("#peer-training").GetByRole(AriaRole.Button, new() { Name = $"Make peer trainer for {skillName}" });

        await Make(first).TapAsync();
        await Assertions.Expect(first.Locator("#toasts")).ToContainTextAsync($"Grace Mensah is now a peer trainer for {skillName}.");
        await Make(second).TapAsync();
        await Assertions.Expect(second.Locator(".peer-problem")).ToBeVisibleAsync();
        await Assertions.Expect(second.Locator(".peer-problem")).ToHaveTextAsync(Coaching.Web.Features.Training.PeerTrainersModel.AlreadyATrainer);

        await second.GetByRole(AriaRole.Button, new() { Name = $"End peer trainer for {skillName}" }).TapAsync();
        await Assertions.Expect(second.Locator("#toasts")).ToContainTextAsync($"Grace Mensah is no longer a peer trainer for {skillName}.");
        await Assertions.Expect(Make(second)).ToBeVisibleAsync();
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task Hr_sees_the_warning_when_one_band_gave_more_than_half_and_a_bad_band_value_shows_its_message_with_the_text_kept()
    {
        var (skill, skillName) = await FreshCashierSkillAsync();
        var priya = await PersonAsync("Priya Nair", hired: Today.AddMonths(-5), signedOffOn: skill, trainer: true);
        var fatima = await PersonAsync("Fatima Haddad", hired: Today.AddYears(-12), signedOffOn: skill, trainer: true);
        var tom = await PersonAsync("Tom Becker");
        await TrainedAsync(priya, tom, skill, daysAgo: 20);
        await TrainedAsync(priya, tom, skill, daysAgo: 10);
        await TrainedAsync(fatima, tom, skill, daysAgo: 5);
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Training", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tenure bands" }).First.ClickAsync();
        await page.WaitForURLAsync("**/Training/Bands");
        await Assertions.Expect(page.Locator(".band-warning")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".band-warning")).ToContainTextAsync($"{skillName}: Under 1 year gave 2 of 3 trainings, more than half");

        await page.GetByLabel("Years each band starts").FillAsync("0, 2, ten");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save bands" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Bands-problem")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Bands-problem")).ToContainTextAsync("whole numbers separated by commas");
        await Assertions.Expect(page.GetByLabel("Years each band starts")).ToHaveValueAsync("0, 2, ten");

        await page.GetByLabel("Years each band starts").FillAsync("0, 2, 10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save bands" }).ClickAsync();
        await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync("Tenure bands saved.");
        await Assertions.Expect(page.Locator("table.by-band thead th")).ToHaveTextAsync(["Skill", "Under 2 years", "2–10 years", "10 years and over", "Total"]);
        await WithDbAsync(db => db.TenureBandSettings.ExecuteDeleteAsync());
        await page.Context.CloseAsync();
    }
}
