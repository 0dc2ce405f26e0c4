using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.SignOffs;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.SignOffs;

/// <summary>
/// A new person in a demo team (so no demo story touches them), their role's first required skill, and submitted
/// observations of it by the team's manager and HR: the sign-off tests arrange exactly the evidence they judge.
/// </summary>
public static class SignOffSeed
{
    public const string HrEmail = "hr@demo.local";

    public sealed record Person(int EmployeeId, string Name, Guid SkillKey, string SkillName, int RequiredLevel, int VersionId, int SkillId,
        string ManagerUserId, string HrUserId);

    /// <summary>Someone new in the team; the role's rubric gets the default rule and the skill no expiry.</summary>
    public static async Task<Person> NewPersonAsync(CoachingDbContext db, string teamName, string firstName, string lastName)
    {
        var team = await db.Teams.SingleAsync(t => t.Name == teamName);
        var roleId = await db.Employees.Where(e => e.TeamId == team.Id).Select(e => e.JobRoleId).FirstAsync();
        var role = await db.JobRoles.Include(r => r.Requirements).SingleAsync(r => r.Id == roleId);
        var versionId = await db.Rubrics.Where(r => r.Id == role.DefaultRubricId).Select(r => r.CurrentVersionId!.Value).SingleAsync();
        var skills = await db.Skills.Where(s => s.RubricVersionId == versionId).OrderBy(s => s.Order).ToListAsync();
        var (skill, required) = skills.Select(s => (Skill: s, Requirement: role.Requirements.FirstOrDefault(r => r.SkillKey == s.Key)))
            .First(x => x.Requirement is not null);
        // Whatever the demo set, the rubric's rule is the default and the skill does not expire: the tests say otherwise themselves.
        await db.SignOffRules.Where(r => r.RubricId == role.DefaultRubricId).ExecuteDeleteAsync();
        await db.SkillExpiries.Where(e => e.SkillKey == skill.Key).ExecuteDeleteAsync();
        var employee = new Employee { FirstName = firstName, LastName = lastName, JobRoleId = role.Id, TeamId = team.Id, HireDate = new DateOnly(2022, 3, 1) };
        db.Employees.Add(employee);
        await db.SaveChangesAsync();
        var manager = await db.TeamManagers.Where(m => m.TeamId == team.Id).Select(m => m.UserId).FirstAsync();
        var hr = await db.Users.Where(u => u.Email == HrEmail).Select(u => u.Id).SingleAsync();
        return new Person(employee.Id, employee.FullName, skill.Key, skill.Name, required!.RequiredLevel, versionId, skill.Id, manager, hr);
    }

    /// <summary>A submitted observation rating only this skill.</summary>
    public static async Task<int> ObserveAsync(CoachingDbContext db, Person p, string observerUserId, int level, DateTime atUtc, string evidence)
    {
        var observation = new Observation
        {
            EmployeeId = p.EmployeeId, ObserverUserId = observerUserId, RubricVersionId = p.VersionId, ObservedAtUtc = atUtc, CreatedAtUtc = atUtc,
            Ratings = [new Rating { SkillId = p.SkillId, SkillKey = p.SkillKey, Level = level, Evidence = evidence }],
        };
        observation.Submit(atUtc);
        db.Observations.Add(observation);
        await db.SaveChangesAsync();
        return observation.Id;
    }

    /// <summary>Ready under the default rule: at the required level 30, 20 and 10 days ago, by the manager, HR, the manager.</summary>
    public static async Task<Person> ReadyAsync(CoachingDbContext db, string teamName, string firstName, string lastName)
    {
        var p = await NewPersonAsync(db, teamName, firstName, lastName);
        var now = DateTime.UtcNow;
        await ObserveAsync(db, p, p.ManagerUserId, p.RequiredLevel, now.AddDays(-30), $"{firstName} handled a busy queue without help");
        await ObserveAsync(db, p, p.HrUserId, p.RequiredLevel, now.AddDays(-20), $"{firstName} explained the steps to a new starter");
        await ObserveAsync(db, p, p.ManagerUserId, p.RequiredLevel, now.AddDays(-10), $"{firstName} did it right at the end of a long shift");
        return p;
    }

    /// <summary>The organisation's today, as the app counts it.</summary>
    public static DateOnly TodayIn(IServiceProvider services) =>
        Coaching.Domain.Time.OrganisationClock.Today(DateTime.UtcNow,
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Options.IOptions<Coaching.Web.Infrastructure.OrganisationOptions>>(services).Value.Zone);

    /// <summary>A sign-off given <paramref name="daysAgo"/> days ago that expires on <paramref name="expiresOn"/> (null: never).</summary>
    public static async Task<SignOff> SignedOffAsync(CoachingDbContext db, Person p, int daysAgo, DateOnly? expiresOn)
    {
        var signOff = new SignOff
        {
            EmployeeId = p.EmployeeId, SkillKey = p.SkillKey, SignedByUserId = p.ManagerUserId, SignedAtUtc = DateTime.UtcNow.AddDays(-daysAgo), ExpiresOn = expiresOn,
        };
        db.SignOffs.Add(signOff);
        await db.SaveChangesAsync();
        return signOff;
    }
}
