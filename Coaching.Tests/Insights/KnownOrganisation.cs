using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Insights;

/// <summary>
/// The real app on its own SQLite file with a small organisation whose every number is known:
/// two teams, one rubric of three skills (one never observed), a lenient and a strict observer.
/// </summary>
public class KnownOrganisation : ArrangedOrganisation<KnownOrganisation>
{
    public KnownOrganisation() { }
    protected KnownOrganisation(TestDatabase database) : base(database) { }

    public const string Password = "Known-org-2026";
    public int North { get; private set; }
    public int South { get; private set; }
    public Guid Scanning { get; private set; }
    public Guid Greeting { get; private set; }
    public Guid Safety { get; private set; }
    public int Cashier { get; private set; }

    protected override async Task ArrangeAsync(IServiceProvider sp, CoachingDbContext db, UserManager<AppUser> users)
    {
        async Task<AppUser> User(string email, string name, string role)
        {
            var u = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var result = await users.CreateAsync(u, Password);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(u, role);
            return u;
        }
        await User("hr@known.test", "Hana HR", Roles.HR);
        var lenient = await User("north@known.test", "Nora Lenient", Roles.Manager);
        var strict = await User("south@known.test", "Sam Strict", Roles.Manager);

        var now = DateTime.UtcNow;
        var version = new RubricVersion
        {
            Number = 1, Status = RubricVersionStatus.Published, CreatedAtUtc = now.AddDays(-400), PublishedAtUtc = now.AddDays(-400),
            Levels = [new() { Value = 1, Name = "Beginning" }, new() { Value = 2, Name = "Developing" }, new() { Value = 3, Name = "Proficient" }, new() { Value = 4, Name = "Expert" }],
            Skills = [new() { Key = Guid.NewGuid(), Name = "Scanning", Order = 0 }, new() { Key = Guid.NewGuid(), Name = "Greeting", Order = 1 }, new() { Key = Guid.NewGuid(), Name = "Safety", Order = 2 }],
        };
        var rubric = new Rubric { Name = "Till", Versions = [version] };
        db.Rubrics.Add(rubric);
        await db.SaveChangesAsync();
        rubric.CurrentVersionId = version.Id;
        var skills = version.Skills.ToDictionary(s => s.Name);
        (Scanning, Greeting, Safety) = (skills["Scanning"].Key, skills["Greeting"].Key, skills["Safety"].Key);
        var cashier = new JobRole
        {
            Name = "Cashier", DefaultRubricId = rubric.Id,
            Requirements = [new() { SkillKey = Scanning, RequiredLevel = 3 }, new() { SkillKey = Greeting, RequiredLevel = 2 }, new() { SkillKey = Safety, RequiredLevel = 2 }],
        };
        db.JobRoles.Add(cashier);
        var north = new Team { Name = "North", Site = "Alpha", Managers = [new() { UserId = lenient.Id }] };
        var south = new Team { Name = "South", Site = "Beta", Managers = [new() { UserId = strict.Id }] };
        db.Teams.AddRange(north, south);
        Employee Person(string first, string last, Team team, bool active = true)
        {
            var e = new Employee { FirstName = first, LastName = last, JobRole = cashier, Team = team, HireDate = new DateOnly(2020, 1, 1), IsActive = active };
            db.Employees.Add(e);
            return e;
        }
        var ana = Person("Ana", "North", north);
        var ben = Person("Ben", "North", north);
        var cy = Person("=HYPERLINK(\"x\")", "O'Neil, Jr", north); // only a draft: never observed; a name that must be guarded in CSV
        Person("Dee", "Gone", north, active: false);
        var eve = Person("Eve", "South", south);
        var fay = Person("Fay", "South", south);
        await db.SaveChangesAsync();
        (North, South, Cashier) = (north.Id, south.Id, cashier.Id);

        void Observe(Employee e, AppUser by, double daysAgo, (string Skill, int Level)[] ratings, bool submitted = true)
        {
            var at = now.AddDays(-daysAgo);
            var o = new Observation
            {
                EmployeeId = e.Id, ObserverUserId = by.Id, RubricVersionId = version.Id, ObservedAtUtc = at, CreatedAtUtc = at, UpdatedAtUtc = at,
                Status = ObservationStatus.Draft, Revision = 1,
                Ratings = ratings.Select(r => new Rating { SkillId = skills[r.Skill].Id, SkillKey = skills[r.Skill].Key, Level = r.Level }).ToList(),
            };
            if (submitted) o.Submit(at); else o.SyncRatings();
            db.Observations.Add(o);
        }
        Observe(ana, lenient, 5, [("Scanning", 4), ("Greeting", 4)]);
        Observe(ana, lenient, 40, [("Scanning", 2)]);               // inside 90 days, outside 30
        Observe(ben, lenient, 3, [("Scanning", 4)]);
        for (var i = 0; i < 10; i++) Observe(ben, lenient, 6, [("Greeting", 4)]);
        Observe(cy, lenient, 2, [("Scanning", 1)], submitted: false); // a draft counts nowhere
        Observe(eve, strict, 4, [("Scanning", 2), ("Greeting", 2)]);
        for (var i = 0; i < 10; i++) Observe(fay, strict, 7, [("Greeting", 1)]);
        await db.SaveChangesAsync();
    }
}
