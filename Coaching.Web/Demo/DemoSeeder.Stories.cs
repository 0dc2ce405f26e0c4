using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.People;
using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Demo;

/// <summary>
/// The demo's development stories: the grocery cashiers cross-training for online-order fulfilment, the bank's branch
/// staff reskilling into contact-centre agents, the clinic's medical assistants upskilling for phlebotomy and vaccine
/// administration, the coffee shop's baristas (one plan active, one achieved, one stopped), skills people chose,
/// their confidence, and development conversations at an uneven rate per manager. Everything goes through the domain's
/// rules (a refusal stops the seeding: the demo must never hold what the app would refuse).
/// </summary>
public sealed partial class DemoSeeder
{
    public const string OnlineOrderPicker = "Online-order picker";
    public const string BranchAdviser = "Branch customer adviser";

    static readonly TeamSpec BranchTeam = new("Branch Counter", "Harbour Bank", BranchAdviser, "manager5@demo.local", "Nadia Farouk",
        ["Owen Pryce", "Mariam Siddiqui", "Tomasz Wiśniewski", "Ruth Adebayo", "Declan Byrne", "Anjali Mehta"]);

    /// <summary>
    /// Days ago of each person's development conversations over the last year (newest first). The share of each
    /// manager's people with one in the last 90 days is deliberately uneven: Front End 7/8, Clinical Support 5/6,
    /// Branch Counter 5/6, Contact Centre 4/7, Morning Crew 2/7.
    /// </summary>
    static readonly Dictionary<string, int[]> ConversationDays = new()
    {
        ["Ana Ruiz"] = [12], ["Zoë Łukasiewicz"] = [9, 38], ["Tom Becker"] = [21, 75, 160], ["Priya Nair"] = [30, 95, 200],
        ["Liam O'Connor"] = [6, 27, 120, 280], ["Grace Mensah"] = [45, 130, 300], ["Oskar Lindqvist"] = [140, 330], ["Fatima Haddad"] = [16, 88, 190],
        ["José Núñez"] = [50, 180], ["Emily Carter"] = [20, 41, 150], ["Kwame Asante"] = [15], ["Sofia Rossi"] = [110, 280],
        ["Hannah Schmidt"] = [85, 240], ["Ravi Gupta"] = [160], ["Chloé Dubois"] = [],
        ["Marta Kowalska"] = [10, 60, 140, 250], ["Jamal Wright"] = [25, 70, 150], ["Lucy Chen"] = [33, 120], ["Noah Williams"] = [18, 80, 170, 300],
        ["Ingrid Johansson"] = [200], ["Samuel Adeyemi"] = [8],
        ["Mia Thompson"] = [], ["Yusuf Demir"] = [35, 140], ["Ella Novak"] = [170, 290], ["Ben Clarke"] = [230], ["Aroha Ngata"] = [],
        ["Carlos Mendes"] = [60, 310], ["Isla Fraser"] = [130],
        ["Owen Pryce"] = [7, 50, 100], ["Mariam Siddiqui"] = [14, 63], ["Tomasz Wiśniewski"] = [28, 90], ["Ruth Adebayo"] = [40, 98],
        ["Declan Byrne"] = [180], ["Anjali Mehta"] = [5, 44],
    };

    sealed record Talk(string Discussed, string[] Steps);

    static readonly Dictionary<string, Talk[]> Talks = new()
    {
        ["Front End"] =
        [
            new("How the first weeks on the online-order team went: pick path, scanning every item, what the customers say about substitutions.",
                ["Do two pick runs with Fatima on Saturday morning", "Scan every item before bagging for a week"]),
            new("Balancing the till with picking shifts; which part of online fulfilment feels hardest and what help would make it easier.",
                ["Read the substitution guide and bring two questions", "Agree a fixed picking slot with the rota"]),
            new("Progress against the plan: picking accuracy, freshness checks and safe lifting with full totes.",
                ["Ask for feedback from the van driver on two orders", "Practise the tote weight check at every pick"]),
            new("Where you want to be in a year, and whether online fulfilment is part of it.",
                ["Look at the online-order picker role description", "Try one closing shift on the online team"]),
        ],
        ["Retail Banking Contact Centre"] =
        [
            new("Complaint handling at first contact: what went well this month and the calls that were transferred.",
                ["Listen back to two complaint calls with Daniel", "Use the complaint summary template on every complaint"]),
            new("Case notes: whether the next agent can follow them; a look at three recent cases together.",
                ["Write the outcome and next action on every case", "Pair with José for an afternoon on notes"]),
            new("Long-term goals: team leader path or specialist (vulnerable customers).",
                ["Read the vulnerable customers guidance refresh", "Sit in on one specialist team huddle"]),
        ],
        ["Clinical Support"] =
        [
            new("Phlebotomy progress: supervised draws so far, order of draw and labelling, how anxious patients were reassured.",
                ["Complete five supervised draws with the practice nurse", "Revise the order of draw chart"]),
            new("Vaccine administration: the five rights, site selection, documenting lot and site; the flu clinic rota.",
                ["Shadow the Saturday flu clinic", "Complete the anaphylaxis e-learning"]),
            new("Cold chain: what to do when the fridge is out of range, and who to call.",
                ["Do the fridge check with Ingrid for a week", "Read the out-of-range procedure aloud at huddle"]),
            new("How the upskilling is going overall, and what would help fit the training around clinics.",
                ["Block two training sessions in the diary", "Ask the practice manager about the phlebotomy course"]),
        ],
        ["Morning Crew"] =
        [
            new("Milk texturing and flat whites at peak: what slips when the queue is long.",
                ["Texture ten flat whites with Leo before opening", "Taste one drink per hour at peak"]),
            new("Where you would like to go next in the café and what you would like to learn.",
                ["Try the dial-in on two mornings", "Choose one skill to focus on in the app"]),
        ],
        ["Branch Counter"] =
        [
            new("Moving to the contact centre: how the shadow shifts went, identity verification on the phone compared with the counter.",
                ["Shadow two more shifts in the contact centre", "Practise the phone verification script with Nadia"]),
            new("Call control and empathy: listening back to a recorded practice call.",
                ["Do three practice calls with a buddy", "Read the call-flow guide"]),
            new("Case notes and the CRM: what the contact centre expects from every case.",
                ["Complete the CRM e-learning", "Write notes for five practice cases and compare with a model answer"]),
            new("How the reskilling feels so far and what worries you about the move.",
                ["Meet Daniel Brooks about the contact-centre rota", "Note one question after each shadow shift"]),
        ],
    };

    static readonly string[] Reflections =
    [
        "Helpful to hear what is going well. I feel more confident about the next steps.",
        "I was nervous about this but it makes sense now. I'd like more practice before I'm observed again.",
        "Good chat. I've booked the shadow shift already.",
        "I'm not sure the target date is realistic with my hours, but I'll try.",
        "Thanks for the time. I want to focus on one thing at a time.",
    ];

    const int LowestLevel = 1;
    static int HighestLevel => RubricRules.DefaultLevelNames.Count;

    /// <summary>
    /// The organisation's zone for the demo's dates. A misconfigured zone is the pages' error to report (they need it);
    /// the demo still seeds, with dates in UTC, rather than stopping the app from starting.
    /// </summary>
    TimeZoneInfo OrganisationZoneOrUtc()
    {
        try { return organisation.Value.Zone; }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }

    readonly record struct Seen(int EmployeeId, Guid SkillKey, int Level, DateTime ObservedAtUtc);

    async Task SeedStoriesAsync(DateTime now, Func<string, string, string, int?, AppUser> addUser,
        Dictionary<string, (RubricVersion Version, Dictionary<string, Skill> Skills)> rubricsByRole, Dictionary<string, JobRole> jobRoles, CancellationToken ct)
    {
        var random = new Random(11);
        var zone = OrganisationZoneOrUtc();
        DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        DateTime At(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
        var today = DayOf(now);
        DateTime DaysAgo(int days, int hour = 10) => At(today.AddDays(-days), hour);

        // Career path: cashiers can move to online-order picking (a role online ordering created), branch staff to the
        // contact centre. The picker is observed on the cashier rubric, which already has the picking skills.
        var cashierSkills = rubricsByRole["Cashier"].Skills;
        var picker = new JobRole
        {
            Name = OnlineOrderPicker, CreatedByNewTechnology = true, DefaultRubricId = jobRoles["Cashier"].DefaultRubricId,
            Requirements =
            [
                new() { SkillKey = cashierSkills["Online order picking accuracy"].Key, RequiredLevel = 3 },
                new() { SkillKey = cashierSkills["Substitutions and freshness"].Key, RequiredLevel = 3 },
                new() { SkillKey = cashierSkills["Manual handling"].Key, RequiredLevel = 3 },
                new() { SkillKey = cashierSkills["Adaptability"].Key, RequiredLevel = 3 },
            ],
        };
        db.JobRoles.Add(picker);
        jobRoles[OnlineOrderPicker] = picker;
        foreach (var (from, to) in new[] { ("Cashier", OnlineOrderPicker), (BranchAdviser, "Contact centre agent") })
        {
            if (jobRoles[from].WhyNotLeadTo(jobRoles[to]) is { } why) throw new InvalidOperationException(why);
            jobRoles[from].LeadsTo.Add(jobRoles[to]);
        }

        // The branch counter team: its people, and observations at the counter (and, for those reskilling, on shadow
        // shifts in the contact centre against that rubric).
        var branch = new Team { Name = BranchTeam.Name, Site = BranchTeam.Site };
        db.Teams.Add(branch);
        var nadia = addUser(BranchTeam.ManagerEmail, BranchTeam.ManagerName, Roles.Manager, null);
        branch.Managers.Add(new TeamManager { UserId = nadia.Id });
        var branchTenure = new[] { 400, 2600, 900, 5200, 6100, 160 };
        var branchPeople = BranchTeam.People.Select((person, i) =>
        {
            var names = person.Split(' ', 2);
            var employee = new Employee
            {
                EmployeeNumber = $"E{2000 + i}", FirstName = names[0], LastName = names[1], Email = EmailFor(person), JobRole = jobRoles[BranchAdviser],
                Team = branch, HireDate = today.AddDays(-branchTenure[i] - random.Next(0, 15)), IsActive = true,
            };
            db.Employees.Add(employee);
            return employee;
        }).ToList();
        await db.SaveChangesAsync(ct);
        foreach (var e in branchPeople) addUser(e.Email!, e.FullName, Roles.Employee, e.Id);

        void Observe(Employee employee, AppUser observer, RubricVersion version, IEnumerable<Skill> skills, DateTime at, int level, DevelopmentTrack? track, string context, string wentWell, string step)
        {
            var observation = new Observation
            {
                DraftKey = Guid.NewGuid(), Employee = employee, EmployeeId = employee.Id, ObserverUserId = observer.Id, RubricVersionId = version.Id,
                ObservedAtUtc = at, Context = context, WentWell = wentWell, NextSteps = step, Status = ObservationStatus.Submitted, Track = track,
                CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at.AddMinutes(5), Revision = 1,
            };
            foreach (var skill in skills)
                observation.Ratings.Add(new Rating { SkillId = skill.Id, SkillKey = skill.Key, Level = Math.Clamp(level + random.Next(-1, 2), LowestLevel, HighestLevel) });
            var due = DayOf(at).AddDays(14);
            var done = due < today && random.Next(2) == 0;
            observation.ActionItems.Add(new ActionItem { EmployeeId = employee.Id, Text = step, DueDate = due, IsDone = done, DoneAtUtc = done ? at.AddDays(7) : null });
            observation.SyncRatings();
            db.Observations.Add(observation);
        }
        var (branchVersion, branchSkills) = rubricsByRole[BranchAdviser];
        foreach (var (e, i) in branchPeople.Select((e, i) => (e, i)))
            for (var k = 0; k < 2 + i % 3; k++)
                Observe(e, nadia, branchVersion, branchSkills.Values.OrderBy(_ => random.Next()).Take(4), now.AddDays(-random.Next(2, 56)).AddHours(-random.Next(0, 6)),
                    2 + i % 2, null, "Lunchtime queue", "Kept the queue informed and balanced first time.", "Use the scam checklist on every large withdrawal.");
        await db.SaveChangesAsync(ct);

        var people = await db.Employees.Include(e => e.Team).ToDictionaryAsync(e => e.FullName, ct);
        var managers = Teams.Append(BranchTeam).ToDictionary(t => t.Name, t => db.Users.Local.Single(u => u.Email == t.ManagerEmail));
        AppUser ManagerOf(Employee e) => managers[e.Team!.Name];
        var hr = db.Users.Local.Single(u => u.Email == "hr@demo.local");
        var skillNames = rubricsByRole.Values.SelectMany(r => r.Skills.Values).ToDictionary(s => s.Key, s => s.Name);
        Skill SkillOf(string role, string name) => rubricsByRole[role].Skills[name];
        // Never before the person joined (a few joined weeks ago).
        int NotBeforeHire(Employee e, int daysAgo, int afterHire = 7) => Math.Min(daysAgo, today.DayNumber - e.HireDate.DayNumber - afterHire);

        static void Must(IReadOnlyList<FieldProblem> problems, string what)
        {
            if (problems.Count > 0) throw new InvalidOperationException($"Demo {what}: {string.Join("; ", problems.Select(p => p.Message))}");
        }

        // HR opens some skills to choose, from every rubric.
        var choosableAt = DaysAgo(160, 9);
        var choosable = new (string Role, string Skill)[]
        {
            ("Cashier", "Online order picking accuracy"), ("Cashier", "Substitutions and freshness"),
            ("Contact centre agent", "Complaint handling"), ("Contact centre agent", "Call control and empathy"),
            ("Medical assistant", "Phlebotomy (venipuncture)"), ("Medical assistant", "Vaccine administration"), ("Medical assistant", "Patient communication"),
            ("Barista", "Milk texturing"), ("Barista", "Espresso extraction"),
        }.Select(c => SkillOf(c.Role, c.Skill).Key).ToList();
        db.ChoosableSkills.AddRange(choosable.Select(k => new ChoosableSkill { SkillKey = k, MarkedAtUtc = choosableAt, MarkedByUserId = hr.Id }));

        // Plans. The last observed level per skill before a moment decides what a new plan proposes.
        var ratings = await db.Ratings.Where(r => r.IsSubmitted && r.Level != null)
            .Select(r => new Seen(r.EmployeeId, r.SkillKey, r.Level!.Value, r.ObservedAtUtc)).ToListAsync(ct);
        Dictionary<Guid, int> LastObserved(Employee e, DateTime before) => ratings.Where(r => r.EmployeeId == e.Id && r.ObservedAtUtc < before)
            .GroupBy(r => r.SkillKey).ToDictionary(g => g.Key, g => g.OrderBy(r => r.ObservedAtUtc).Last().Level);
        var plans = new List<DevelopmentPlan>();

        DevelopmentPlan Start(string person, DevelopmentGoal goal, string? role, int daysAgo)
        {
            var e = people[person];
            var at = DaysAgo(NotBeforeHire(e, daysAgo), 11);
            var result = DevelopmentPlan.Start(e.Id, e.JobRoleId, goal, role is null ? null : jobRoles[role], plans, ManagerOf(e).Id, at);
            Must(result.Problems, $"plan for {person}");
            var plan = result.Plan!;
            plan.Employee = e;
            plans.Add(plan);
            db.DevelopmentPlans.Add(plan);
            return plan;
        }
        DateOnly StartDay(DevelopmentPlan plan) => DayOf(plan.CreatedAtUtc);
        void Add(DevelopmentPlan plan, Guid key, int level, int weeks, int minutesAfterStart = 1)
        {
            var at = plan.CreatedAtUtc.AddMinutes(minutesAfterStart);
            Must(plan.AddSkill(key, skillNames[key], level, StartDay(plan).AddDays(7 * weeks), LowestLevel, HighestLevel,
                DayOf(at), ManagerOf(plan.Employee!).Id, at), $"skill for {plan.Employee!.FullName}");
        }
        // The skills a new plan proposes: the gap to the role it is measured against, largest first.
        IReadOnlyList<SkillGap> Proposed(DevelopmentPlan plan)
        {
            var e = plan.Employee!;
            var role = jobRoles.Values.Single(r => r.Id == plan.RequirementsRoleId(e.JobRoleId));
            return ProposedSkills.From(role.Requirements, LastObserved(e, plan.CreatedAtUtc), skillNames, plan.CurrentSkills.Select(s => s.SkillKey));
        }
        // The manager takes the proposals it prefers (in the proposed order otherwise), each with the required level as target.
        void AddProposed(DevelopmentPlan plan, int count, int firstWeeks, params string[] preferred)
        {
            var proposals = Proposed(plan);
            var chosen = proposals.OrderBy(p => Array.IndexOf(preferred, p.SkillName) is var i && i >= 0 ? i : preferred.Length).Take(count).ToList();
            foreach (var (gap, i) in chosen.Select((g, i) => (g, i)))
                Add(plan, gap.SkillKey, gap.RequiredLevel ?? 3, firstWeeks + 4 * i, 1 + i);
        }
        await db.SaveChangesAsync(ct); // role ids: the plans name them

        // Grocery: cashiers cross-train for online-order fulfilment (the picker's skills, proposed from their gap);
        // Liam moves to the online team for good (a role new technology created: newskilling).
        foreach (var (person, days) in new[] { ("Zoë Łukasiewicz", 40), ("Tom Becker", 48), ("Priya Nair", 45), ("Grace Mensah", 52), ("Fatima Haddad", 35) })
            AddProposed(Start(person, DevelopmentGoal.ExtraWorkNextToCurrentRole, OnlineOrderPicker, days), 3, 12, "Online order picking accuracy", "Substitutions and freshness", "Manual handling");
        var liam = Start("Liam O'Connor", DevelopmentGoal.MoveToAnotherRole, OnlineOrderPicker, 30);
        AddProposed(liam, 4, 12);

        // Bank: branch counter staff reskill into contact-centre agents; an agent upskills on complaints.
        foreach (var (person, days) in new[] { ("Owen Pryce", 105), ("Mariam Siddiqui", 70), ("Tomasz Wiśniewski", 95), ("Ruth Adebayo", 100), ("Anjali Mehta", 50) })
            AddProposed(Start(person, DevelopmentGoal.MoveToAnotherRole, "Contact centre agent", days), 4, 16,
                "Identity verification", "Call control and empathy", "Case notes and CRM", "Vulnerable customers and disclosures");
        var emily = Start("Emily Carter", DevelopmentGoal.BetterInCurrentRole, null, 45);
        Add(emily, SkillOf("Contact centre agent", "Complaint handling").Key, 4, 12);
        Add(emily, SkillOf("Contact centre agent", "Case notes and CRM").Key, 4, 16, 2);

        // Clinic: medical assistants upskill for phlebotomy and vaccine administration (one level beyond what was last
        // observed, at least what the role requires).
        foreach (var (person, days) in new[] { ("Marta Kowalska", 150), ("Jamal Wright", 120), ("Noah Williams", 130), ("Samuel Adeyemi", 60) })
        {
            var plan = Start(person, DevelopmentGoal.BetterInCurrentRole, null, days);
            var last = LastObserved(plan.Employee!, plan.CreatedAtUtc);
            foreach (var (name, i) in new[] { "Phlebotomy (venipuncture)", "Vaccine administration" }.Select((n, i) => (n, i)))
            {
                var key = SkillOf("Medical assistant", name).Key;
                Add(plan, key, Math.Clamp(Math.Max(3, (last.TryGetValue(key, out var l) ? l : 0) + 1), LowestLevel, HighestLevel), 24 + 8 * i, 1 + i);
            }
        }
        Add(plans.Single(p => p.Employee!.FullName == "Jamal Wright"), SkillOf("Medical assistant", "Cold chain and vaccine storage").Key, 4, 20, 3);

        // Café: Yusuf upskilling now, Ella achieved hers, Ben's stopped.
        var yusuf = Start("Yusuf Demir", DevelopmentGoal.BetterInCurrentRole, null, 40);
        Add(yusuf, SkillOf("Barista", "Milk texturing").Key, 3, 10);
        Add(yusuf, SkillOf("Barista", "Espresso extraction").Key, 3, 14, 2);
        var ella = Start("Ella Novak", DevelopmentGoal.BetterInCurrentRole, null, 300);
        Add(ella, SkillOf("Barista", "Drink quality and consistency").Key, 4, 20);
        Add(ella, SkillOf("Barista", "Cleanliness and food safety").Key, 4, 24, 2);
        var ben = Start("Ben Clarke", DevelopmentGoal.BetterInCurrentRole, null, 240);
        Add(ben, SkillOf("Barista", "Espresso extraction").Key, 3, 12);
        Add(ben, SkillOf("Barista", "Customer warmth").Key, 3, 12, 2);

        // Shadow shifts in the contact centre: the reskilling branch staff observed against the agents' rubric, on their plan skills.
        var (agentVersion, agentSkills) = rubricsByRole["Contact centre agent"];
        foreach (var (person, level) in new[] { ("Owen Pryce", 2), ("Mariam Siddiqui", 3), ("Tomasz Wiśniewski", 2), ("Ruth Adebayo", 3) })
        {
            var e = people[person];
            var keys = plans.Single(p => p.EmployeeId == e.Id).CurrentSkills.Select(s => s.SkillKey).ToHashSet();
            for (var k = 0; k < 2; k++)
            {
                var at = DaysAgo(6 + 15 * k + random.Next(0, 5), 14);
                Observe(e, nadia, agentVersion, agentSkills.Values.Where(s => keys.Contains(s.Key)), at, level - k, DevelopmentTrack.Reskilling,
                    "Shadow shift, contact centre", "Verified every caller fully before discussing the account.", "Listen back to one call with a buddy and note the call flow.");
            }
        }
        ratings.AddRange(db.ChangeTracker.Entries<Observation>().Where(o => o.State == EntityState.Added)
            .SelectMany(o => o.Entity.Ratings.Select(r => new Seen(o.Entity.EmployeeId, r.SkillKey, r.Level!.Value, o.Entity.ObservedAtUtc))));

        // Changes over time, each recorded in the plan's history and told in the conversation where it was agreed.
        var planChanges = new Dictionary<(string Person, int DaysAgo), string>();
        void Change(string person, int conversationDaysAgo, string text, Action<DevelopmentPlan, DateTime, string, DateOnly> change, DevelopmentTrack? track = null)
        {
            var plan = plans.Single(p => p.Employee!.FullName == person && (track is null || p.Track == track) && p.IsActive);
            var at = DaysAgo(conversationDaysAgo, 16).AddMinutes(20);
            change(plan, at, ManagerOf(plan.Employee!).Id, DayOf(at));
            planChanges[(person, conversationDaysAgo)] = text;
        }
        Guid Key(string role, string skill) => SkillOf(role, skill).Key;
        var zoeFirst = skillNames[plans.Single(p => p.Employee!.FullName == "Zoë Łukasiewicz").CurrentSkills.First().SkillKey];
        Change("Zoë Łukasiewicz", 9, $"{zoeFirst}: target raised one level; Zoë wants to lead the Saturday picking.", (p, at, by, day) =>
        {
            var skill = p.CurrentSkills.First();
            Must(p.ChangeTarget(skill.SkillKey, skillNames[skill.SkillKey], Math.Min(HighestLevel, skill.TargetLevel + 1), skill.TargetDate, LowestLevel, HighestLevel, day, by, at), "target change");
        });
        var tomLast = skillNames[plans.Single(p => p.Employee!.FullName == "Tom Becker").CurrentSkills.Last().SkillKey];
        Change("Tom Becker", 21, $"Dropped {tomLast} for now; added Communication for handing orders over to customers.", (p, at, by, day) =>
        {
            var skill = p.CurrentSkills.Last();
            Must(p.DropSkill(skill.SkillKey, skillNames[skill.SkillKey], by, at), "drop");
            Must(p.AddSkill(Key("Cashier", "Communication"), "Communication", 3, day.AddDays(56), LowestLevel, HighestLevel, day, by, at.AddMinutes(1)), "add");
        });
        Change("Owen Pryce", 50, "Case notes target moved back four weeks: the CRM course was cancelled.", (p, at, by, day) =>
        {
            var key = Key("Contact centre agent", "Case notes and CRM");
            var skill = p.CurrentSkills.Single(s => s.SkillKey == key);
            Must(p.ChangeTarget(key, skillNames[key], skill.TargetLevel, skill.TargetDate.AddDays(28), LowestLevel, HighestLevel, day, by, at), "target change");
        });
        Change("Marta Kowalska", 60, "Phlebotomy target date moved back a month to fit the course; cold chain added.", (p, at, by, day) =>
        {
            var key = Key("Medical assistant", "Phlebotomy (venipuncture)");
            var skill = p.CurrentSkills.Single(s => s.SkillKey == key);
            Must(p.ChangeTarget(key, skillNames[key], skill.TargetLevel, skill.TargetDate.AddDays(30), LowestLevel, HighestLevel, day, by, at), "target change");
            Must(p.AddSkill(Key("Medical assistant", "Cold chain and vaccine storage"), "Cold chain and vaccine storage", 4, day.AddDays(90), LowestLevel, HighestLevel, day, by, at.AddMinutes(1)), "add");
        });
        Change("Jamal Wright", 25, "Dropped cold chain for now: the vaccine sessions come first.", (p, at, by, day) =>
        {
            var key = Key("Medical assistant", "Cold chain and vaccine storage");
            Must(p.DropSkill(key, skillNames[key], by, at), "drop");
        });
        Must(ella.Achieve(ManagerOf(ella.Employee!).Id, DaysAgo(170, 16).AddMinutes(20)), "achieve");
        planChanges[("Ella Novak", 170)] = "Plan achieved: drinks to standard at peak and closing clean signed off.";
        Must(ben.Stop("Ben moved to weekend shifts only during his exams; we will pick this up when he is back on weekdays.", ManagerOf(ben.Employee!).Id, DaysAgo(230, 16).AddMinutes(20)), "stop");
        planChanges[("Ben Clarke", 230)] = "Plan stopped until Ben is back on weekday shifts.";

        // Skills people chose (the default limit of three); Mia dropped one and chose another.
        var choices = new List<SkillChoice>();
        void Choose(string person, string role, string skill, int daysAgo)
        {
            var e = people[person];
            var result = SkillChoiceRules.Choose(e.Id, Key(role, skill), skill, choosable, choices, DevelopmentSettings.DefaultChoiceLimit, DaysAgo(NotBeforeHire(e, daysAgo, 2), 20));
            Must(result.Problems, $"choice for {person}");
            choices.Add(result.Choice!);
        }
        Choose("Zoë Łukasiewicz", "Cashier", "Online order picking accuracy", 44);
        Choose("Zoë Łukasiewicz", "Cashier", "Substitutions and freshness", 44);
        Choose("Priya Nair", "Cashier", "Substitutions and freshness", 60);
        Choose("Kwame Asante", "Contact centre agent", "Complaint handling", 10);
        Choose("Owen Pryce", "Contact centre agent", "Call control and empathy", 120);
        Choose("Owen Pryce", "Contact centre agent", "Complaint handling", 120);
        Choose("Lucy Chen", "Medical assistant", "Phlebotomy (venipuncture)", 90);
        Choose("Lucy Chen", "Medical assistant", "Vaccine administration", 90);
        Choose("Lucy Chen", "Medical assistant", "Patient communication", 34);
        Choose("Ingrid Johansson", "Medical assistant", "Vaccine administration", 150);
        Choose("Mia Thompson", "Barista", "Milk texturing", 40);
        choices.Single(c => c.EmployeeId == people["Mia Thompson"].Id).Drop(DaysAgo(12, 19));
        Choose("Mia Thompson", "Barista", "Espresso extraction", 12);
        Choose("Aroha Ngata", "Barista", "Milk texturing", 25);
        Choose("Aroha Ngata", "Barista", "Espresso extraction", 25);
        db.SkillChoices.AddRange(choices);

        // Confidence on plan skills, rated a few times as the plan goes; it usually follows what was observed, but not
        // always: some say they are confident where the observations are still low, some are observed at the target
        // and still do not feel confident. Both are coaching prompts on the profile.
        var confidentLow = new HashSet<string> { "Tom Becker", "Owen Pryce", "Jamal Wright" };
        var observedHighNotConfident = new HashSet<string> { "Zoë Łukasiewicz", "Noah Williams", "Grace Mensah", "Mariam Siddiqui" };
        foreach (var plan in plans.Where(p => p.IsActive))
        {
            var e = plan.Employee!;
            var last = LastObserved(e, now.AddMinutes(1));
            var days = today.DayNumber - StartDay(plan).DayNumber;
            foreach (var skill in plan.CurrentSkills)
            {
                int? observed = last.TryGetValue(skill.SkillKey, out var o) ? o : null;
                // Honest by default: below the target not yet confident (at most 3), at or above it fairly confident or more.
                var latest = observed is not { } seen ? 2 : seen < skill.TargetLevel ? Math.Min(3, seen + 1) : Math.Clamp(seen + 1, 3, ConfidenceRules.Highest);
                if (observed < skill.TargetLevel && confidentLow.Remove(e.FullName)) latest = 5;
                else if (observed >= skill.TargetLevel && observedHighNotConfident.Remove(e.FullName)) latest = 2;
                foreach (var (fraction, level) in new[] { (0.9, Math.Max(1, latest - 2)), (0.5, Math.Max(1, latest - 1)), (0.1, latest) })
                {
                    var ago = (int)(days * fraction);
                    if (ago < 1 || ago > days - 2) continue;
                    db.ConfidenceRatings.Add(new ConfidenceRating { EmployeeId = e.Id, SkillKey = skill.SkillKey, Level = level, RatedAtUtc = DaysAgo(ago, 21) });
                }
            }
        }

        // Conversations, each logged by the person's manager the afternoon it was held; older steps mostly done.
        var logged = new List<(DevelopmentConversation Conversation, int DaysAgo, Employee Employee)>();
        foreach (var (person, days) in ConversationDays)
        {
            var e = people[person];
            var talks = Talks[e.Team!.Name];
            foreach (var (ago, i) in days.Select((d, i) => (NotBeforeHire(e, d, 3), i)).Where(x => x.Item1 >= 0).DistinctBy(x => x.Item1))
            {
                var talk = talks[(person.Length + i) % talks.Length];
                var heldOn = today.AddDays(-ago);
                var at = At(heldOn, 16);
                var log = DevelopmentConversation.Log(e.Id, ManagerOf(e).Id, heldOn, talk.Discussed, talk.Steps,
                    planChanges.GetValueOrDefault((person, ago)), heldOn, at.AddMinutes(20));
                Must(log.Problems, $"conversation with {person}");
                db.DevelopmentConversations.Add(log.Conversation!);
                logged.Add((log.Conversation!, ago, e));
            }
        }
        await db.SaveChangesAsync(ct); // step ids: marking a step done names it

        foreach (var (conversation, ago, e) in logged)
        {
            foreach (var step in conversation.Steps)
            {
                // Ana's steps are all done (she is the demo's employee account, and a fresh start for the tests' own steps).
                var done = e.FullName == "Ana Ruiz" || ago > 60 || (ago > 10 && random.Next(3) > 0);
                var doneAt = DaysAgo(Math.Max(0, ago - 1 - random.Next(0, Math.Min(ago, 20))), 18);
                if (done && doneAt <= now) Must(conversation.MarkStep(step.Id, true, doneAt), "step done");
            }
            if (ago > 0 && random.Next(3) == 0)
                Must(conversation.AddReflection(Reflections[random.Next(Reflections.Length)], e.Id, DaysAgo(ago - 1, 20)), "reflection");
        }
        await db.SaveChangesAsync(ct);
    }
}
