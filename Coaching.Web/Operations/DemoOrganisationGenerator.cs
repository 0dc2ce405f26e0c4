using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Web.Data;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>demo generate --employees 5000 --teams 300 --observations 200000</c>: adds a large, realistic organisation to the
/// app's database so coverage, gaps, calibration and development (conversations, plans, chosen skills, confidence) can be
/// tried (and timed) on a year of data, with proof of skill (sign-offs, peer trainers, trainings given, training events). Rows go in through
/// prepared ADO.NET commands in one transaction: EF change tracking of a million ratings would take minutes.
/// </summary>
public sealed partial class DemoOrganisationGenerator(CoachingDbContext db, DemoSeeder seeder, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Infrastructure.OrganisationOptions> org) : Operation
{
    public const string ManagerEmailDomain = "generated.demo.local";

    static readonly string[] FirstNames = ["Amara", "Ben", "Chen", "Dara", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kai", "Lena", "Mateo", "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Viktor", "Wen", "Xavier", "Yara", "Zane", "Aoife", "Bilal", "Camille", "Dmitri", "Esi", "Farah"];
    static readonly string[] LastNames = ["Abbott", "Bakker", "Costa", "Dlamini", "Eriksen", "Fischer", "Garcia", "Hughes", "Ivanova", "Jensen", "Khan", "Lopez", "Murphy", "Nowak", "Okoro", "Patel", "Quigley", "Rossi", "Singh", "Tanaka", "Usman", "Varga", "Walsh", "Xu", "Yilmaz", "Zielinski"];
    static readonly string[] Towns = ["Leeds", "Bristol", "Cardiff", "Glasgow", "Norwich", "York", "Derby", "Exeter", "Bath", "Hull", "Dundee", "Belfast", "Luton", "Reading", "Swansea"];

    public static Command Command(IServiceProvider services)
    {
        var employees = OperatorCommandLine.Number("--employees", "How many employees", 5000, 1, 1_000_000);
        var teams = OperatorCommandLine.Number("--teams", "How many teams (at most one per employee)", 300, 1, 100_000);
        var observations = OperatorCommandLine.Number("--observations", "How many observations over the last year", 200_000, 1, 10_000_000);
        var seed = OperatorCommandLine.Number("--seed", "The random seed (the same seed gives the same organisation)", 7, 0, int.MaxValue);
        return OperatorCommandLine.Verb<DemoOrganisationGenerator>(services, "generate", "Add a large, realistic organisation with a year of observations to the (SQLite) database.",
            developmentOnly: true, [employees, teams, observations, seed],
            (g, p, ct) => g.RunAsync(p.GetValue(employees), p.GetValue(teams), p.GetValue(observations), p.GetValue(seed), ct));
    }

    public async Task<int> RunAsync(int employeeCount, int teamsWanted, int observationCount, int seed, CancellationToken ct)
    {
        var teamCount = Math.Min(teamsWanted, employeeCount);
        var random = new Random(seed);
        if (!db.Database.IsSqlite())
            return Refuse("demo generate writes with SQLite's bulk path; point ConnectionStrings:Coaching at a SQLite file.");
        var watch = Stopwatch.StartNew();
        await seeder.SeedIfEmptyAsync(ct); // the demo accounts (hr@demo.local sees everything) come first
        if (await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith("@" + ManagerEmailDomain.ToUpperInvariant()), ct))
        {
            Error.WriteLine("This database already holds a generated organisation; delete the file to generate again.");
            return 1;
        }

        var roles = await db.JobRoles.Where(r => r.DefaultRubricId != null)
            .Select(r => new { r.Id, r.Name, Requirements = r.Requirements.Select(q => new { q.SkillKey, q.RequiredLevel }).ToList(), RubricId = r.DefaultRubricId!.Value })
            .ToListAsync(ct);
        var skillsByRubric = await db.Rubrics.Where(r => r.CurrentVersionId != null)
            .Select(r => new { r.Id, VersionId = r.CurrentVersionId!.Value, Skills = r.CurrentVersion!.Skills.Select(s => new { s.Id, s.Key }).ToList() })
            .ToDictionaryAsync(r => r.Id, ct);
        var managerRoleId = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync(ct);
        var passwordHash = await db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.PasswordHash).SingleAsync(ct);
        var hrUserId = await db.Users.Where(u => u.Email == "hr@demo.local").Select(u => u.Id).SingleAsync(ct);
        if (roles.Count == 0) { Error.WriteLine("No job role with a rubric to generate against."); return 1; }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            await using var tx = await connection.BeginTransactionAsync(ct);
            long NextId(string table)
            {
                using var c = connection.CreateCommand();
                c.Transaction = tx;
                c.CommandText = $"SELECT COALESCE(MAX(Id), 0) + 1 FROM {table}";
                return Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            var insertTeam = Prepare(connection, tx, "INSERT INTO Teams (Id, Name, Site) VALUES (@p0, @p1, @p2)", 3);
            var insertUser = Prepare(connection, tx,
                "INSERT INTO AspNetUsers (Id, DisplayName, EmployeeId, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) " +
                "VALUES (@p0, @p1, NULL, @p2, @p3, @p2, @p3, 1, @p4, @p5, @p6, 0, 0, 1, 0)", 7);
            var insertUserRole = Prepare(connection, tx, "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES (@p0, @p1)", 2);
            var insertManager = Prepare(connection, tx, "INSERT INTO TeamManagers (TeamId, UserId) VALUES (@p0, @p1)", 2);
            var insertEmployee = Prepare(connection, tx,
                "INSERT INTO Employees (Id, FirstName, LastName, Email, JobRoleId, TeamId, HireDate, IsActive) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)", 8);
            var insertObservation = Prepare(connection, tx,
                "INSERT INTO Observations (Id, EmployeeId, ObserverUserId, RubricVersionId, ObservedAtUtc, Context, WentWell, NextSteps, Track, Status, CreatedAtUtc, UpdatedAtUtc, SubmittedAtUtc, Revision, DraftKey) " +
                "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, NULL, NULL, NULL, @p6, @p4, @p4, @p7, 1, @p8)", 9);
            var insertRating = Prepare(connection, tx,
                "INSERT INTO Ratings (ObservationId, SkillId, SkillKey, Level, Evidence, EmployeeId, ObserverUserId, ObservedAtUtc, IsSubmitted) " +
                "VALUES (@p0, @p1, @p2, @p3, NULL, @p4, @p5, @p6, @p7)", 8);

            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var teamId = NextId("Teams");
            var employeeId = NextId("Employees");
            var observationId = NextId("Observations");

            // Teams: each works in one role; some are rarely observed, a few very often (the skew HR looks for).
            var teams = new List<GeneratedTeam>();
            var managers = new List<GeneratedManager>();
            for (var t = 0; t < teamCount; t++)
            {
                var role = roles[t % roles.Count];
                var site = $"{role.Name} site {Towns[t % Towns.Length]} {t / Towns.Length / roles.Count + 1}";
                var weight = random.NextDouble() switch { < 0.12 => 0.05, < 0.85 => 1.0, _ => 3.0 };
                var team = new GeneratedTeam(teamId + t, $"Team {t + 1:000} {role.Name}", site, role.Id, role.RubricId, weight, []);
                Run(insertTeam, team.Id, team.Name, team.Site);
                var managerCount = random.NextDouble() < 0.1 ? 2 : 1;
                for (var m = 0; m < managerCount; m++)
                {
                    var email = $"manager{t + 1:000}{(m == 0 ? "" : "b")}@{ManagerEmailDomain}";
                    // Most observers are fair; one in ten is lenient, one in ten strict (what calibration should find).
                    var bias = random.NextDouble() switch { < 0.1 => 1, < 0.2 => -1, _ => 0 };
                    var manager = new GeneratedManager(Guid.NewGuid().ToString(), bias);
                    Run(insertUser, manager.UserId, $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                        email, email.ToUpperInvariant(), passwordHash, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString());
                    Run(insertUserRole, manager.UserId, managerRoleId);
                    Run(insertManager, team.Id, manager.UserId);
                    team.Managers.Add(manager);
                    managers.Add(manager);
                }
                teams.Add(team);
            }

            // Employees spread over the teams; a few have left (inactive) and stay out of coverage shares.
            var people = new List<GeneratedEmployee>();
            for (var e = 0; e < employeeCount; e++)
            {
                var team = teams[e < teamCount ? e : random.Next(teamCount)];
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                var tenureDays = (int)(Math.Pow(random.NextDouble(), 2) * 4000) + random.Next(10, 60);
                var baseLevel = Math.Clamp(1 + tenureDays / 700 + random.Next(0, 2), 1, 4);
                var active = random.NextDouble() >= 0.04;
                var person = new GeneratedEmployee(employeeId + e, team, baseLevel, active, random.NextDouble() < 0.08 ? 0.1 : 1.0);
                Run(insertEmployee, person.Id, first, last, $"{first}.{last}.{person.Id}@{ManagerEmailDomain}".ToLowerInvariant(), team.RoleId, team.Id,
                    today.AddDays(-tenureDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), active ? 1 : 0);
                team.Members.Add(person);
                people.Add(person);
            }

            // Observations, chosen by team weight then member weight, spread over the last 365 days in working hours.
            var pick = new WeightedPick(teams.Select(t => t.Weight * t.Members.Count).ToArray());
            var contexts = new[] { "Morning peak", "Quiet period", "Closing shift", "Weekend rush", "Training session" };
            var ratings = 0L;
            var recentObservations = new Dictionary<long, Queue<long>>(); // the evidence a generated sign-off names
            for (var o = 0; o < observationCount; o++)
            {
                ct.ThrowIfCancellationRequested();
                var team = teams[pick.Next(random)];
                var person = team.Members[random.Next(team.Members.Count)];
                if (person.Weight < 1 && random.NextDouble() > person.Weight) person = team.Members[random.Next(team.Members.Count)];
                // Mostly the team's own manager; now and then a manager covering from elsewhere.
                var observer = random.NextDouble() < 0.93 ? team.Managers[random.Next(team.Managers.Count)] : managers[random.Next(managers.Count)];
                var at = now.AddDays(-random.NextDouble() * 364.5).Date.AddHours(7 + random.Next(0, 11)).AddMinutes(random.Next(0, 60));
                if (at > now) at = now.AddMinutes(-random.Next(1, 600));
                var submitted = random.NextDouble() >= 0.02; // a few drafts still open: they must not count
                var id = observationId + o;
                var rubric = skillsByRubric[team.RubricId];
                var atText = Sqlite(at);
                Run(insertObservation, id, person.Id, observer.UserId, rubric.VersionId, atText, contexts[random.Next(contexts.Length)],
                    submitted ? (int)ObservationStatus.Submitted : (int)ObservationStatus.Draft, submitted ? Sqlite(at.AddMinutes(5)) : null,
                    Guid.NewGuid().ToString().ToUpperInvariant()); // EF stores Guids on SQLite as upper-case text
                if (submitted) RememberEvidence(recentObservations, person.Id, id);
                var growth = (365 - (now - at).TotalDays) / 365.0; // people grow over the year
                var count = Math.Min(rubric.Skills.Count, random.Next(4, 9));
                foreach (var skill in rubric.Skills.OrderBy(_ => random.Next()).Take(count))
                {
                    var level = Math.Clamp((int)Math.Round(person.BaseLevel + growth * 0.8 + observer.Bias + (random.NextDouble() - 0.5) * 1.6), 1, 4);
                    Run(insertRating, id, skill.Id, skill.Key.ToString().ToUpperInvariant(), level, person.Id, observer.UserId, atText, submitted ? 1 : 0);
                    ratings++;
                }
                if (o > 0 && o % 50000 == 0) Out.WriteLine($"  {o:N0} observations, {ratings:N0} ratings ({watch.Elapsed.TotalSeconds:F1} s)");
            }
            var development = GenerateDevelopment(connection, tx, random, now, today, teams, people, roles.Select(r => (r.Id, r.Requirements.Select(q => (q.SkillKey, q.RequiredLevel)).ToList())).ToDictionary(r => r.Id, r => r.Item2),
                skillsByRubric.ToDictionary(r => r.Key, r => r.Value.Skills.Select(k => k.Key).ToList()), hrUserId, ct);
            await tx.CommitAsync(ct);
            Out.WriteLine(development);
            // Its own random numbers, so the organisation above stays what the same seed always gave.
            Out.WriteLine(await GenerateProofOfSkillAsync(new Random(seed + 1), now, today, teams, recentObservations, ct));
            Out.WriteLine($"Generated {teamCount:N0} teams ({managers.Count:N0} manager accounts manager001@{ManagerEmailDomain}…, password {DemoSeeder.Password}), " +
                              $"{employeeCount:N0} employees, {observationCount:N0} observations and {ratings:N0} ratings in {watch.Elapsed.TotalSeconds:F1} s.");
            // The ratings went in around change tracking, so the insights rollups are counted from them in one pass, team by team.
            var rollups = await Data.Rollups.RatingRollups.RebuildAsync(db, org.Value.Zone, ct);
            Out.WriteLine($"Insights rollups: {rollups:N0} rows counted from the ratings ({watch.Elapsed.TotalSeconds:F1} s).");
            var observed = await Data.Rollups.ObservationRollups.RebuildAsync(db, org.Value.Zone, ct);
            Out.WriteLine($"Coverage rollups: {observed:N0} rows counted from the observations ({watch.Elapsed.TotalSeconds:F1} s).");
            var latest = await Data.Rollups.LatestLevels.RebuildAsync(db, ct);
            Out.WriteLine($"Latest levels: {latest:N0} rows found from the ratings ({watch.Elapsed.TotalSeconds:F1} s).");
            await using (var analyze = connection.CreateCommand())
            {
                analyze.CommandText = "ANALYZE;"; // fresh statistics so SQLite's planner picks the covering indexes
                await analyze.ExecuteNonQueryAsync(ct);
            }
            Out.WriteLine($"Statistics refreshed; done in {watch.Elapsed.TotalSeconds:F1} s. Sign in as hr@demo.local to see it all.");
            return 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Development practice at realistic, uneven rates. Each team's manager has a habit: the chance that a person of the
    /// team had a development conversation in the last 90 days. The first team's manager is near 90%, the second's near
    /// 30% (the two stories Insights → Development should show); the rest spread from about 10% to 95%. About a third of
    /// the active people have a plan (mostly upskilling), a third chose skills (a few skills far more often), and people
    /// with a plan rate their confidence in its skills.
    /// </summary>
    string GenerateDevelopment(DbConnection connection, DbTransaction tx, Random random, DateTime now, DateOnly today, List<GeneratedTeam> teams,
        List<GeneratedEmployee> people, Dictionary<int, List<(Guid SkillKey, int RequiredLevel)>> requirements, Dictionary<int, List<Guid>> skillsByRubric,
        string hrUserId, CancellationToken ct)
    {
        var insertConversation = Prepare(connection, tx,
            "INSERT INTO DevelopmentConversations (EmployeeId, ManagerUserId, HeldOn, Discussed, PlanChanges, Reflection, ReflectedAtUtc, CreatedAtUtc, UpdatedAtUtc) " +
            "VALUES (@p0, @p1, @p2, @p3, NULL, NULL, NULL, @p4, @p4)", 5);
        var insertPlan = Prepare(connection, tx,
            "INSERT INTO DevelopmentPlans (Id, EmployeeId, Track, TargetRoleId, AdditionalRoleId, Status, StopReason, CreatedAtUtc, CreatedByUserId, UpdatedAtUtc, UpdatedByUserId, EndedAtUtc) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p8, @p10)", 11);
        var insertPlanSkill = Prepare(connection, tx,
            "INSERT INTO PlanSkills (DevelopmentPlanId, SkillKey, TargetLevel, TargetDate, AddedAtUtc, AddedByUserId, DroppedAtUtc) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, NULL)", 6);
        var insertPlanEvent = Prepare(connection, tx, "INSERT INTO PlanEvents (DevelopmentPlanId, AtUtc, UserId, What) VALUES (@p0, @p1, @p2, @p3)", 4);
        var insertChoosable = Prepare(connection, tx, "INSERT OR IGNORE INTO ChoosableSkills (SkillKey, MarkedAtUtc, MarkedByUserId) VALUES (@p0, @p1, @p2)", 3);
        var insertChoice = Prepare(connection, tx, "INSERT INTO SkillChoices (EmployeeId, SkillKey, ChosenAtUtc, DroppedAtUtc) VALUES (@p0, @p1, @p2, @p3)", 4);
        var insertConfidence = Prepare(connection, tx, "INSERT INTO ConfidenceRatings (EmployeeId, SkillKey, Level, RatedAtUtc) VALUES (@p0, @p1, @p2, @p3)", 4);
        static string Key(Guid key) => key.ToString().ToUpperInvariant();
        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var topics = new[] { "Progress on the plan's skills", "What they want to learn next", "Feedback from the last observations", "A move to another role", "Taking on extra work" };

        // The first five skills of each rubric may be chosen; earlier ones are more popular.
        var choosable = skillsByRubric.ToDictionary(r => r.Key, r => r.Value.Take(5).ToList());
        foreach (var key in choosable.Values.SelectMany(k => k).Distinct()) Run(insertChoosable, Key(key), Sqlite(now.AddDays(-200)), hrUserId);

        var roleIds = requirements.Keys.ToList();
        long planId;
        using (var c = connection.CreateCommand()) { c.Transaction = tx; c.CommandText = "SELECT COALESCE(MAX(Id), 0) + 1 FROM DevelopmentPlans"; planId = Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture); }
        var (conversations, plans, choices, confidences) = (0, 0, 0, 0);
        for (var t = 0; t < teams.Count; t++)
        {
            ct.ThrowIfCancellationRequested();
            var team = teams[t];
            var habit = t switch
            {
                0 => 0.9,
                1 => 0.3,
                _ => random.NextDouble() switch { < 0.25 => 0.85 + random.NextDouble() * 0.1, < 0.8 => 0.5 + random.NextDouble() * 0.3, < 0.95 => 0.25 + random.NextDouble() * 0.2, _ => 0.05 + random.NextDouble() * 0.1 },
            };
            var manager = team.Managers[0].UserId;
            foreach (var person in team.Members.Where(p => p.Active))
            {
                // Conversations: the last one within 90 days with the manager's habit, otherwise perhaps earlier in the year, or never.
                var daysAgo = random.NextDouble() < habit ? random.Next(0, 90) : random.NextDouble() < 0.6 ? random.Next(91, 366) : -1;
                while (daysAgo is >= 0 and <= 365)
                {
                    Run(insertConversation, person.Id, manager, Day(today.AddDays(-daysAgo)), topics[random.Next(topics.Length)], Sqlite(now.AddDays(-daysAgo)));
                    conversations++;
                    daysAgo += random.Next(60, 130);
                    if (random.NextDouble() > habit) break;
                }

                var skills = skillsByRubric.GetValueOrDefault(team.RubricId) ?? [];
                var planSkills = new List<Guid>();
                if (random.NextDouble() < 0.35)
                {
                    var track = random.NextDouble() switch { < 0.55 => DevelopmentTrack.Upskilling, < 0.75 => DevelopmentTrack.CrossTraining, < 0.9 => DevelopmentTrack.Reskilling, _ => DevelopmentTrack.Newskilling };
                    var otherRole = roleIds.Count > 1 ? roleIds.Where(r => r != team.RoleId).ElementAt(random.Next(roleIds.Count - 1)) : team.RoleId;
                    var status = random.NextDouble() switch { < 0.75 => PlanStatus.Active, < 0.9 => PlanStatus.Achieved, _ => PlanStatus.Stopped };
                    var created = now.AddDays(-random.Next(10, 300));
                    DateTime? ended = status == PlanStatus.Active ? null : created.AddDays(random.Next(1, (int)(now - created).TotalDays + 1));
                    Run(insertPlan, planId, person.Id, (int)track,
                        track is DevelopmentTrack.Reskilling or DevelopmentTrack.Newskilling ? otherRole : null, track == DevelopmentTrack.CrossTraining ? otherRole : null,
                        (int)status, status == PlanStatus.Stopped ? "Priorities changed" : null, Sqlite(created), manager, Sqlite(ended ?? created), ended is { } e ? Sqlite(e) : null);
                    Run(insertPlanEvent, planId, Sqlite(created), manager, "Plan started");
                    var wanted = requirements.GetValueOrDefault(track == DevelopmentTrack.Upskilling ? team.RoleId : otherRole) ?? [];
                    foreach (var (skillKey, required) in wanted.OrderBy(_ => random.Next()).Take(random.Next(2, 4)))
                    {
                        Run(insertPlanSkill, planId, Key(skillKey), Math.Min(4, track == DevelopmentTrack.Upskilling ? required + 1 : required),
                            Day(today.AddDays(random.Next(30, 180))), Sqlite(created), manager);
                        if (status == PlanStatus.Active) planSkills.Add(skillKey);
                    }
                    planId++;
                    plans++;
                }

                var options = choosable.GetValueOrDefault(team.RubricId) ?? [];
                if (options.Count > 0 && random.NextDouble() < 0.3)
                {
                    var count = random.Next(1, Math.Min(3, options.Count) + 1);
                    var chosen = new HashSet<Guid>();
                    while (chosen.Count < count) chosen.Add(options[(int)(Math.Pow(random.NextDouble(), 2) * options.Count)]);
                    foreach (var key in chosen)
                    {
                        var at = now.AddDays(-random.Next(1, 200));
                        var dropped = random.NextDouble() < 0.1 ? at.AddDays(random.Next(1, 30)) : (DateTime?)null; // some changed their mind
                        Run(insertChoice, person.Id, Key(key), Sqlite(at), dropped is { } d ? Sqlite(d < now ? d : now) : null);
                        choices++;
                    }
                    planSkills.AddRange(chosen);
                }

                // Confidence in the skills they work on: around their level, now and then far from it.
                foreach (var key in planSkills.Distinct().Where(k => skills.Contains(k) || random.NextDouble() < 0.5))
                {
                    for (var r = random.Next(1, 3); r > 0; r--)
                    {
                        var level = Math.Clamp((int)Math.Round(person.BaseLevel * 1.2 + (random.NextDouble() - 0.5) * 3), 1, 5);
                        Run(insertConfidence, person.Id, Key(key), level, Sqlite(now.AddDays(-random.Next(0, 120)).AddMinutes(r)));
                        confidences++;
                    }
                }
            }
        }
        return $"Development: {conversations:N0} conversations (first team's manager near 90% within 90 days, the second's near 30%), {plans:N0} plans, " +
               $"{choices:N0} chosen skills, {confidences:N0} confidence ratings.";
    }

    static string Sqlite(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    static DbCommand Prepare(DbConnection connection, DbTransaction tx, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"@p{i}";
            command.Parameters.Add(p);
        }
        command.Prepare();
        return command;
    }

    static void Run(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    sealed record GeneratedManager(string UserId, int Bias);
    sealed record GeneratedTeam(long Id, string Name, string Site, int RoleId, int RubricId, double Weight, List<GeneratedManager> Managers)
    {
        public List<GeneratedEmployee> Members { get; } = [];
    }
    sealed record GeneratedEmployee(long Id, GeneratedTeam Team, int BaseLevel, bool Active, double Weight);

    /// <summary>Picks an index with probability proportional to its weight (binary search over cumulative weights).</summary>
    sealed class WeightedPick(double[] weights)
    {
        readonly double[] cumulative = weights.Select((_, i) => weights.Take(i + 1).Sum()).ToArray();
        public int Next(Random random)
        {
            var x = random.NextDouble() * cumulative[^1];
            var i = Array.BinarySearch(cumulative, x);
            return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
        }
    }
}
