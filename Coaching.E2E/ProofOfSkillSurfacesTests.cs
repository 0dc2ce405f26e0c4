using Coaching.Domain.SignOffs;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>
/// Proof of skill where HR and the employee read it: an expiring sign-off flagged on Insights → Sign-offs, and the same
/// sign-off due for renewal on the employee's My summary, on a phone.
/// </summary>
public class ProofOfSkillSurfacesTests(LiveApp app) : IClassFixture<LiveApp>
{
    sealed record Arranged(int EmployeeId, int TeamId, string Skill, DateOnly ExpiresOn, DateOnly Today);

    /// <summary>
    /// Ana Ruiz's first required skill signed off by her manager a year ago, expiring in 10 days (the sign-off pages are
    /// another lane's: the row goes in through the database, as a manager's sign-off would put it).
    /// </summary>
    async Task<Arranged> AnaSignedOffExpiringIn10DaysAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var zone = scope.ServiceProvider.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone;
        var today = OrganisationClock.Today(DateTime.UtcNow, zone);
        var ana = await db.Employees.Include(e => e.JobRole!).ThenInclude(r => r.Requirements).SingleAsync(e => e.Email == "ana.ruiz@demo.local");
        var versionId = await db.Rubrics.Where(r => r.Id == ana.JobRole!.DefaultRubricId).Select(r => r.CurrentVersionId!.Value).SingleAsync();
        var skill = await db.Skills.Where(s => s.RubricVersionId == versionId && ana.JobRole!.Requirements.Select(q => q.SkillKey).Contains(s.Key))
            .OrderBy(s => s.Order).FirstAsync();
        var manager = await db.TeamManagers.Where(m => m.TeamId == ana.TeamId).Select(m => m.UserId).FirstAsync();
        var expires = today.AddDays(10);
        if (!await db.SignOffs.AnyAsync(s => s.EmployeeId == ana.Id && s.SkillKey == skill.Key && s.ExpiresOn == expires))
        {
            db.SignOffs.RemoveRange(db.SignOffs.Where(s => s.EmployeeId == ana.Id && s.SkillKey == skill.Key));
            db.SignOffs.Add(new SignOff { EmployeeId = ana.Id, SkillKey = skill.Key, SignedByUserId = manager, SignedAtUtc = DateTime.UtcNow.AddDays(-355), ExpiresOn = expires });
            await db.SaveChangesAsync();
        }
        return new Arranged(ana.Id, ana.TeamId, skill.Name, expires, today);
    }

    static string Day(DateOnly d, string format) => d.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task HR_sees_an_expiring_sign_off_flagged_with_its_date_on_Insights_Sign_offs_and_opens_the_people_behind_the_count()
    {
        var a = await AnaSignedOffExpiringIn10DaysAsync();
        var page = await app.NewTabletPageAsync(1024, 768);
        await LiveApp.SignInAsync(page, "hr@demo.local");
        await page.GotoAsync("/Insights/Coverage");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign-offs", Exact = true }).TapAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign-offs", Exact = true })).ToBeVisibleAsync();
        await page.Locator("#team").SelectOptionAsync(new SelectOptionValue { Value = a.TeamId.ToString() });
        await page.WaitForURLAsync($"**team={a.TeamId}**");

        var row = page.Locator($"#expiring-next tr[data-employee-id='{a.EmployeeId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("a.employee-link")).ToHaveTextAsync("Ana Ruiz");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(a.Skill);
        await Assertions.Expect(row.Locator(".expires")).ToHaveTextAsync($"Expiring {Day(a.ExpiresOn, "d MMM yyyy")}");
        await Assertions.Expect(row.Locator(".expires .badge")).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".days-left")).ToHaveTextAsync("10");

        await page.Locator("#signoff-totals .expiring a").TapAsync();
        var person = page.Locator($"#signoff-people-list tr[data-employee-id='{a.EmployeeId}']");
        await Assertions.Expect(person).ToBeVisibleAsync();
        await Assertions.Expect(person).ToContainTextAsync($"{Day(a.ExpiresOn, "d MMM yyyy")} (10 days left)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_employee_sees_their_sign_off_due_for_renewal_on_My_summary_on_a_phone()
    {
        var a = await AnaSignedOffExpiringIn10DaysAsync();
        var lastSunday = IsoWeek.Of(a.Today).Previous.Sunday;
        var page = await app.NewTabletPageAsync(390, 844);
        await LiveApp.SignInAsync(page, "ana.ruiz@demo.local");

        await page.GotoAsync("/MySummary");

        var proof = page.GetByRole(AriaRole.Region, new() { Name = "Proof of skill" });
        await Assertions.Expect(proof.GetByRole(AriaRole.Heading, new() { Name = "Due for renewal" })).ToBeVisibleAsync();
        var due = proof.Locator(".my-due li");
        await Assertions.Expect(due).ToBeVisibleAsync();
        var daysLeft = a.ExpiresOn.DayNumber - lastSunday.DayNumber;
        await Assertions.Expect(due).ToHaveTextAsync($"{a.Skill}: expires on {Day(a.ExpiresOn, "d MMMM yyyy")} ({daysLeft} days left). Ask your manager to observe you again.");
        // Readable on the phone: the line fits the screen's width.
        var box = (await due.BoundingBoxAsync())!;
        Assert.True(box.X + box.Width <= 390, $"the line ends at {box.X + box.Width}px on a 390px screen");
        await page.Context.CloseAsync();
    }
}
