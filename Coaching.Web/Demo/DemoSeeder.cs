using System.Globalization;
using System.Text;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Demo;

/// <summary>
/// Seeds the demo organisation (four sites, their teams, rubrics and eight weeks of observations) into an empty database,
/// then its development stories (DemoSeeder.Stories.cs) and its proof of skill (DemoSeeder.Proof.cs).
/// </summary>
public sealed partial class DemoSeeder(CoachingDbContext db, IPasswordHasher<AppUser> hasher, TimeProvider clock, IOptions<OrganisationOptions> organisation)
{
    public const string Password = "Coaching!2026";

    sealed record TeamSpec(string Name, string Site, string Role, string ManagerEmail, string ManagerName, string[] People);

    static readonly TeamSpec[] Teams =
    [
        new("Front End", "Riverside Grocery", "Cashier", "manager@demo.local", "Maya Okafor",
            ["Ana Ruiz", "Zoë Łukasiewicz", "Tom Becker", "Priya Nair", "Liam O'Connor", "Grace Mensah", "Oskar Lindqvist", "Fatima Haddad"]),
        new("Retail Banking Contact Centre", "Harbour Bank", "Contact centre agent", "manager2@demo.local", "Daniel Brooks",
            ["José Núñez", "Emily Carter", "Kwame Asante", "Sofia Rossi", "Hannah Schmidt", "Ravi Gupta", "Chloé Dubois"]),
        new("Clinical Support", "Elm Street Primary Care", "Medical assistant", "manager3@demo.local", "Aisha Rahman",
            ["Marta Kowalska", "Jamal Wright", "Lucy Chen", "Noah Williams", "Ingrid Johansson", "Samuel Adeyemi"]),
        new("Morning Crew", "Canal Street Coffee", "Barista", "manager4@demo.local", "Leo Martins",
            ["Mia Thompson", "Yusuf Demir", "Ella Novak", "Ben Clarke", "Aroha Ngata", "Carlos Mendes", "Isla Fraser"]),
    ];

    public static string AccountsBanner =>
        "Demo accounts (password " + Password + "): admin@demo.local (Admin), hr@demo.local (HR), " +
        string.Join(", ", Teams.Append(BranchTeam).Select(t => $"{t.ManagerEmail} (Manager, {t.Name})")) +
        ", and one per employee as firstname.lastname@demo.local, e.g. " + EmailFor("Ana Ruiz");

    public static string EmailFor(string fullName)
    {
        var parts = fullName.Split(' ', 2);
        return $"{Ascii(parts[0])}.{Ascii(parts[1])}@demo.local";
    }

    static string Ascii(string s)
    {
        var decomposed = s.Replace("Ł", "L").Replace("ł", "l").Replace("'", "").Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct) || await db.Teams.AnyAsync(ct)) return false;
        await SeedAsync(ct);
        return true;
    }

    async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var random = new Random(2026);

        // Roles may already be there (the app creates them in every database); the rest are added.
        var existing = await db.Roles.ToDictionaryAsync(r => r.Name!, ct);
        var roles = Roles.All.ToDictionary(r => r, r => existing.GetValueOrDefault(r) ?? new IdentityRole(r) { NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        db.Roles.AddRange(roles.Values.Where(r => !existing.ContainsKey(r.Name!)));
        // One hash for every demo account: hashing ~40 passwords one by one would slow every test host's start.
        var passwordHash = hasher.HashPassword(new AppUser(), Password);

        AppUser AddUser(string email, string name, string role, int? employeeId = null)
        {
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = name, PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, EmployeeId = employeeId,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role].Id });
            return user;
        }

        AddUser("admin@demo.local", "Alex Admin", Roles.Admin);
        AddUser("hr@demo.local", "Harriet Reid", Roles.HR);

        // Rubrics first: job roles point at them and their requirements follow the skills' keys.
        var rubricsByRole = new Dictionary<string, (Rubric Rubric, RubricVersion Version, Dictionary<string, Skill> Skills)>();
        var jobRoles = new Dictionary<string, JobRole>();
        foreach (var spec in DemoRubrics.All)
        {
            var version = new RubricVersion
            {
                Number = 1, Status = RubricVersionStatus.Published, CreatedAtUtc = now.AddDays(-120), PublishedAtUtc = now.AddDays(-120),
                Levels = RubricRules.DefaultLevelNames.Select((n, i) => new RubricLevel { Value = i + 1, Name = n }).ToList(),
            };
            var categories = spec.Skills.Select(s => s.Category).Distinct()
                .Select((c, i) => new SkillCategory { Name = c, Order = i }).ToDictionary(c => c.Name);
            version.Categories = categories.Values.ToList();
            var skills = new Dictionary<string, Skill>();
            foreach (var (s, i) in spec.Skills.Select((s, i) => (s, i)))
            {
                skills[s.Name] = new Skill
                {
                    Key = Guid.NewGuid(), Name = s.Name, Order = i, Category = categories[s.Category],
                    Descriptors = [new() { Level = 1, Text = s.L1 }, new() { Level = 2, Text = s.L2 }, new() { Level = 3, Text = s.L3 }, new() { Level = 4, Text = s.L4 }],
                };
            }
            version.Skills = skills.Values.ToList();
            var rubric = new Rubric { Name = spec.Name, Description = spec.Description, Versions = [version] };
            db.Rubrics.Add(rubric);
            rubricsByRole[spec.Role] = (rubric, version, skills);
            jobRoles[spec.Role] = new JobRole
            {
                Name = spec.Role,
                Requirements = spec.Skills.Select(s => new RoleRequirement { SkillKey = skills[s.Name].Key, RequiredLevel = s.Required }).ToList(),
            };
        }
        await db.SaveChangesAsync(ct); // ids first: a rubric and its current version point at each other
        foreach (var (role, jobRole) in jobRoles)
        {
            rubricsByRole[role].Rubric.CurrentVersionId = rubricsByRole[role].Version.Id;
            jobRole.DefaultRubricId = rubricsByRole[role].Rubric.Id;
            db.JobRoles.Add(jobRole);
        }
        await db.SaveChangesAsync(ct);

        var observed = new List<(Employee Employee, AppUser Manager, string Role)>();
        var tenureDays = new[] { 20, 45, 90, 200, 400, 800, 1500, 2600, 4000, 5400 };
        var n = 0;
        foreach (var t in Teams)
        {
            var team = new Team { Name = t.Name, Site = t.Site };
            db.Teams.Add(team);
            var manager = AddUser(t.ManagerEmail, t.ManagerName, Roles.Manager);
            team.Managers.Add(new TeamManager { UserId = manager.Id });
            foreach (var person in t.People)
            {
                var names = person.Split(' ', 2);
                var employee = new Employee
                {
                    EmployeeNumber = $"E{1000 + n}", FirstName = names[0], LastName = names[1], Email = EmailFor(person), JobRole = jobRoles[t.Role], Team = team,
                    HireDate = today.AddDays(-tenureDays[n++ % tenureDays.Length] - random.Next(0, 15)), IsActive = true,
                };
                db.Employees.Add(employee);
                observed.Add((employee, manager, t.Role));
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (e, _, _) in observed)
            AddUser(e.Email!, e.FullName, Roles.Employee, e.Id);

        // Eight weeks of coaching: most people observed a few times with levels creeping up; some never observed.
        var wentWell = new[]
        {
            "Stayed calm and friendly with a long queue.", "Clear explanation, checked the customer understood.",
            "Followed every step of the procedure without prompting.", "Helped a new colleague without being asked.",
            "Good recovery after a mistake: owned it and fixed it.",
        };
        var steps = new[]
        {
            "Practise the full procedure twice with a peer trainer.", "Shadow a senior colleague for one shift.",
            "Use the checklist on every transaction this week.", "Ask one open question before offering a solution.",
        };
        var contexts = new[] { "Morning peak", "Quiet period", "Closing shift", "Weekend rush", "Training session" };
        foreach (var (employee, manager, role) in observed)
        {
            if (random.NextDouble() < 0.2) continue; // never observed: shows up as due on the floor view
            var (_, version, skills) = rubricsByRole[role];
            var skillList = skills.Values.ToList();
            var baseLevel = Math.Clamp(1 + (int)((today.DayNumber - employee.HireDate.DayNumber) / 700.0), 1, 3);
            var count = random.Next(1, 6);
            for (var i = 0; i < count; i++)
            {
                var at = now.AddDays(-random.Next(1, 56)).AddHours(-random.Next(0, 8)).AddMinutes(-random.Next(0, 60));
                var observation = new Observation
                {
                    DraftKey = Guid.NewGuid(), Employee = employee, ObserverUserId = manager.Id, RubricVersionId = version.Id, ObservedAtUtc = at,
                    Context = contexts[random.Next(contexts.Length)], WentWell = wentWell[random.Next(wentWell.Length)],
                    NextSteps = steps[random.Next(steps.Length)], Status = ObservationStatus.Submitted,
                    Track = random.Next(4) switch { 0 => DevelopmentTrack.Upskilling, 1 => DevelopmentTrack.CrossTraining, 2 => DevelopmentTrack.Reskilling, _ => null },
                    CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at.AddMinutes(5), Revision = 1,
                };
                foreach (var skill in skillList.OrderBy(_ => random.Next()).Take(random.Next(3, 7)))
                {
                    var level = Math.Clamp(baseLevel + random.Next(-1, 2) + (56 - (now - at).Days) / 28, 1, 4);
                    observation.Ratings.Add(new Rating
                    {
                        SkillId = skill.Id, SkillKey = skill.Key, Level = level,
                        Evidence = random.Next(3) == 0 ? $"Seen during {observation.Context!.ToLowerInvariant()}." : null,
                    });
                }
                var due = DateOnly.FromDateTime(at).AddDays(14);
                var done = due < today && random.Next(2) == 0;
                observation.ActionItems.Add(new ActionItem
                {
                    EmployeeId = 0, Text = observation.NextSteps!, DueDate = due, IsDone = done, DoneAtUtc = done ? at.AddDays(7) : null,
                });
                db.Observations.Add(observation);
            }
        }
        // Action items carry the employee id for the floor view's open-step counts.
        foreach (var o in db.ChangeTracker.Entries<Observation>().Select(e => e.Entity))
        {
            o.EmployeeId = o.Employee!.Id;
            foreach (var a in o.ActionItems) a.EmployeeId = o.EmployeeId;
            o.SyncRatings();
        }
        await db.SaveChangesAsync(ct);

        // Added after everything above, with random numbers of their own, so the people and observations above stay
        // exactly as they were before the stories existed (tests name them).
        var versionsByRole = rubricsByRole.ToDictionary(r => r.Key, r => (r.Value.Version, r.Value.Skills));
        await SeedStoriesAsync(now, AddUser, versionsByRole, jobRoles, ct);
        await SeedProofOfSkillAsync(now, versionsByRole, jobRoles, ct); // DemoSeeder.Proof.cs
    }
}
