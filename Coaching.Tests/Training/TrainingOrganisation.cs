using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Domain.Time;
using Coaching.Domain.Training;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coaching.Tests.Training;

/// <summary>
/// The real app on its own SQLite file with training events whose every number is known. A workshop on Scanning and
/// Greeting, held on <see cref="HeldOn"/> (20 organisation days ago), attended by Ana and Ben (North) and Cal (South);
/// Dee (North) and Eve (South) are cashiers who did not attend (the comparison group); Gus, a cashier who left, and Fay,
/// a barista, must not be in it. A second event, mentoring for Fay alone, has no comparison group (nobody else is a barista).
/// Observations are at noon UTC, so each lies on the organisation day (London) it is named for.
/// </summary>
public class TrainingOrganisation : ArrangedOrganisation<TrainingOrganisation>
{
    public TrainingOrganisation() { }
    protected TrainingOrganisation(TestDatabase database) : base(database) { }

    public const string Password = "Training-org-2026";
    public DateOnly HeldOn { get; private set; }
    public int Workshop { get; private set; }
    public int Mentoring { get; private set; }
    public Guid Scanning { get; private set; }
    public Guid Greeting { get; private set; }
    public Dictionary<string, int> People { get; } = [];

    protected override async Task ArrangeAsync(IServiceProvider sp, CoachingDbContext db, UserManager<AppUser> users)
    {
        async Task<AppUser> User(string email, string name, string role, int? employeeId = null)
        {
            var u = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, EmployeeId = employeeId };
            var result = await users.CreateAsync(u, Password);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(u, role);
            return u;
        }
        var hr = await User("hr@training.test", "Hana HR", Roles.HR);
        var north = await User("north@training.test", "Nora North", Roles.Manager);
        var south = await User("south@training.test", "Sam South", Roles.Manager);

        var now = DateTime.UtcNow;
        HeldOn = OrganisationClock.Today(now, sp.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone).AddDays(-20);
        var version = new RubricVersion
        {
            Number = 1, Status = RubricVersionStatus.Published, CreatedAtUtc = now.AddDays(-400), PublishedAtUtc = now.AddDays(-400),
            Levels = [new() { Value = 1, Name = "Beginning" }, new() { Value = 2, Name = "Developing" }, new() { Value = 3, Name = "Proficient" }, new() { Value = 4, Name = "Expert" }],
            Skills = [new() { Key = Guid.NewGuid(), Name = "Scanning", Order = 0 }, new() { Key = Guid.NewGuid(), Name = "Greeting", Order = 1 }],
        };
        var rubric = new Rubric { Name = "Till", Versions = [version] };
        db.Rubrics.Add(rubric);
        await db.SaveChangesAsync();
        rubric.CurrentVersionId = version.Id;
        var skills = version.Skills.ToDictionary(s => s.Name);
        (Scanning, Greeting) = (skills["Scanning"].Key, skills["Greeting"].Key);
        var cashier = new JobRole { Name = "Cashier", DefaultRubricId = rubric.Id };
        var barista = new JobRole { Name = "Barista", DefaultRubricId = rubric.Id };
        db.JobRoles.AddRange(cashier, barista);
        var northTeam = new Team { Name = "North", Site = "Alpha", Managers = [new() { UserId = north.Id }] };
        var southTeam = new Team { Name = "South", Site = "Beta", Managers = [new() { UserId = south.Id }] };
        db.Teams.AddRange(northTeam, southTeam);
        Employee Person(string first, Team team, JobRole role, bool active = true)
        {
            var e = new Employee { FirstName = first, LastName = team.Name, JobRole = role, Team = team, HireDate = new DateOnly(2020, 1, 1), IsActive = active };
            db.Employees.Add(e);
            return e;
        }
        var ana = Person("Ana", northTeam, cashier);
        var ben = Person("Ben", northTeam, cashier);
        var cal = Person("Cal", southTeam, cashier);
        var dee = Person("Dee", northTeam, cashier);
        var eve = Person("Eve", southTeam, cashier);
        var gus = Person("Gus", southTeam, cashier, active: false);
        var fay = Person("Fay", southTeam, barista);
        await db.SaveChangesAsync();
        foreach (var e in new[] { ana, ben, cal, dee, eve, gus, fay }) People[e.FirstName] = e.Id;
        await User("ana@training.test", "Ana North", Roles.Employee, ana.Id);

        void Observe(Employee e, int day, params (string Skill, int Level)[] ratings)
        {
            var at = HeldOn.AddDays(day).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            var o = new Observation
            {
                EmployeeId = e.Id, ObserverUserId = e.TeamId == northTeam.Id ? north.Id : south.Id, RubricVersionId = version.Id,
                ObservedAtUtc = at, CreatedAtUtc = at, UpdatedAtUtc = at, Status = ObservationStatus.Draft, Revision = 1,
                Ratings = ratings.Select(r => new Rating { SkillId = skills[r.Skill].Id, SkillKey = skills[r.Skill].Key, Level = r.Level }).ToList(),
            };
            o.Submit(at);
            db.Observations.Add(o);
        }
        // Ana: Scanning 1, 2 before (last 2), 3 on the day (neither side), 3 then 4 after: +1 first, +2 latest. Greeting 2 → 2.
        Observe(ana, -10, ("Scanning", 1));
        Observe(ana, -5, ("Greeting", 2));
        Observe(ana, -3, ("Scanning", 2));
        Observe(ana, 0, ("Scanning", 3));
        Observe(ana, 2, ("Scanning", 3));
        Observe(ana, 3, ("Greeting", 2));
        Observe(ana, 8, ("Scanning", 4));
        // Ben: Scanning 3 → 2 (dropped); Greeting only after (not observed before).
        Observe(ben, -4, ("Scanning", 3));
        Observe(ben, 4, ("Greeting", 3));
        Observe(ben, 5, ("Scanning", 2));
        // Cal: Scanning before and on the day only (not observed after); never on Greeting.
        Observe(cal, -2, ("Scanning", 2));
        Observe(cal, 0, ("Scanning", 4));
        // The comparison group: Dee Scanning 2 → 2, Greeting 1 → 3; Eve Scanning 1 → 3.
        Observe(dee, -6, ("Scanning", 2), ("Greeting", 1));
        Observe(dee, 6, ("Scanning", 2), ("Greeting", 3));
        Observe(eve, -1, ("Scanning", 1));
        Observe(eve, 1, ("Scanning", 3));
        // Not comparable: a leaver, and a barista (another role).
        Observe(gus, -1, ("Scanning", 1));
        Observe(gus, 1, ("Scanning", 4));
        Observe(fay, -1, ("Scanning", 1));
        Observe(fay, 1, ("Scanning", 4));

        var workshop = new TrainingEvent
        {
            Title = "Till refresher", HeldOn = HeldOn, Format = TrainingFormat.Workshop, SkillKeys = [Scanning, Greeting],
            AttendeeIds = [ana.Id, ben.Id, cal.Id], RecordedByUserId = hr.Id, RecordedAtUtc = now,
        };
        var mentoring = new TrainingEvent
        {
            Title = "Barista mentoring", HeldOn = HeldOn, Format = TrainingFormat.Mentoring, SkillKeys = [Scanning],
            AttendeeIds = [fay.Id], RecordedByUserId = hr.Id, RecordedAtUtc = now,
        };
        db.TrainingEvents.AddRange(workshop, mentoring);
        await db.SaveChangesAsync();
        (Workshop, Mentoring) = (workshop.Id, mentoring.Id);
    }
}
