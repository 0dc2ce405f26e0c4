using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.People;
using Coaching.Domain.Rubrics;
using Coaching.Domain.SignOffs;
using Coaching.Domain.Training;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Demo;

/// <summary>
/// The demo's proof of skill, so each of its screens has something true on first run: in every team one person ready
/// for sign-off (observed at the required level by their manager and by HR on a floor walk); sign-offs that hold, one
/// about to expire and one expired; peer trainers in several tenure bands with the trainings they gave (the cashiers'
/// scanning trainings mostly from one band, which the per-band view warns about); and the clinic's infection-prevention
/// workshop two months ago with levels before and after, against colleagues who did not attend. Everything goes through
/// the domain's rules (a refusal stops the seeding), and only skills outside anyone's development plan get new
/// observations, so the development stories read as before.
/// </summary>
public sealed partial class DemoSeeder
{
    public const string WorkshopTitle = "Infection prevention workshop";

    /// <summary>How long a sign-off of these skills holds (HR's setting).</summary>
    static readonly (string Role, string Skill, int Months)[] Expiries =
    [
        ("Medical assistant", "Cold chain and vaccine storage", 12), ("Medical assistant", "Vaccine administration", 12),
        ("Barista", "Cleanliness and food safety", 12), ("Cashier", "Age-restricted sales", 24),
    ];

    /// <summary>Ready for sign-off now, one per team: observed at the level by the manager twice and by HR once.</summary>
    static readonly (string Person, string Skill)[] ReadyForSignOff =
    [
        ("Oskar Lindqvist", "Greeting and checkout service"), ("Sofia Rossi", "Call control and empathy"),
        ("Ingrid Johansson", "Patient intake and vital signs"), ("Carlos Mendes", "Espresso extraction"),
        ("Declan Byrne", "Cash handling and balancing"),
    ];

    /// <summary>
    /// Sign-offs given in the past (days ago), each on evidence observed before it. Lucy's cold chain was signed about
    /// eleven and a half months ago and expires within 30 days; Isla's food safety expired about two months ago.
    /// Trainer: made a peer trainer for the skill a week after.
    /// </summary>
    static readonly (string Person, string Skill, int DaysAgo, bool Trainer)[] SignedOff =
    [
        ("Isla Fraser", "Espresso extraction", 500, true), ("Isla Fraser", "Cleanliness and food safety", 430, false),
        ("Lucy Chen", "Cold chain and vaccine storage", 350, true), ("Fatima Haddad", "Scanning and tendering accuracy", 300, true),
        ("Grace Mensah", "Scanning and tendering accuracy", 250, true), ("Emily Carter", "Identity verification", 220, true),
        ("José Núñez", "Complaint handling", 200, true), ("Ruth Adebayo", "Counter identity checks", 180, true),
        ("Ella Novak", "Drink quality and consistency", 171, false), ("Aroha Ngata", "Espresso extraction", 150, true),
        ("Mariam Siddiqui", "Counter identity checks", 140, true), ("Ingrid Johansson", "Cold chain and vaccine storage", 120, true),
        ("Oskar Lindqvist", "Age-restricted sales", 100, false), ("Ravi Gupta", "Identity verification", 95, true),
        ("Chloé Dubois", "Complaint handling", 75, true),
    ];

    /// <summary>
    /// Trainings peer trainers gave (trainer, trainee, skill, started days ago, days it took; null: still going). Every
    /// skill's trainings are shared evenly between two tenure bands, except the cashiers' scanning: four of five from
    /// the 1–5 years band (Grace), which the per-band view warns about and the rotation answers with Fatima (5–10 years).
    /// </summary>
    static readonly (string Trainer, string Trainee, string Skill, int StartedDaysAgo, int? Days)[] Trainings =
    [
        ("Fatima Haddad", "Liam O'Connor", "Scanning and tendering accuracy", 200, 14),
        ("Grace Mensah", "Priya Nair", "Scanning and tendering accuracy", 150, 21),
        ("Grace Mensah", "Tom Becker", "Scanning and tendering accuracy", 80, 14),
        ("Grace Mensah", "Zoë Łukasiewicz", "Scanning and tendering accuracy", 40, 14),
        ("Grace Mensah", "Ana Ruiz", "Scanning and tendering accuracy", 15, null),
        ("Lucy Chen", "Noah Williams", "Cold chain and vaccine storage", 300, 10),
        ("Ingrid Johansson", "Marta Kowalska", "Cold chain and vaccine storage", 50, 14),
        ("Isla Fraser", "Ben Clarke", "Espresso extraction", 250, 14),
        ("Isla Fraser", "Carlos Mendes", "Espresso extraction", 100, 14),
        ("Aroha Ngata", "Yusuf Demir", "Espresso extraction", 30, null),
        ("Aroha Ngata", "Mia Thompson", "Espresso extraction", 10, null),
        ("José Núñez", "Hannah Schmidt", "Complaint handling", 60, 14),
        ("Chloé Dubois", "Sofia Rossi", "Complaint handling", 20, 7),
        ("Emily Carter", "Owen Pryce", "Identity verification", 90, 21),
        ("Ravi Gupta", "Kwame Asante", "Identity verification", 12, null),
        ("Ruth Adebayo", "Anjali Mehta", "Counter identity checks", 60, 14),
        ("Mariam Siddiqui", "Tomasz Wiśniewski", "Counter identity checks", 100, 14),
    ];

    /// <summary>
    /// Before the demo's eight weeks of random observations, so none of them falls between the workshop and the levels
    /// seen either side of it (whatever the time of day the demo is seeded): the story reads the same every day.
    /// </summary>
    const int WorkshopDaysAgo = 60;
    static readonly string[] WorkshopAttendees = ["Marta Kowalska", "Jamal Wright", "Noah Williams", "Lucy Chen"];
    /// <summary>Who has not been observed on the skill since the workshop: the first of these the demo's random observations left so.</summary>
    static readonly string[] NotSeenSinceWorkshop = ["Jamal Wright", "Lucy Chen", "Noah Williams", "Marta Kowalska"];
    /// <summary>Seen at the same level after the workshop as before it (the others improved).</summary>
    const string StayedAfterWorkshop = "Noah Williams";
    /// <summary>Same role, not at the workshop, observed on the skill either side of it: the comparison group.</summary>
    static readonly string[] WorkshopComparison = ["Ingrid Johansson"];

    static void Demand(IReadOnlyList<FieldProblem> problems, string what)
    {
        if (problems.Count > 0) throw new InvalidOperationException($"Demo {what}: {string.Join("; ", problems.Select(p => p.Message))}");
    }

    async Task SeedProofOfSkillAsync(DateTime now, Dictionary<string, (RubricVersion Version, Dictionary<string, Skill> Skills)> rubricsByRole,
        Dictionary<string, JobRole> jobRoles, CancellationToken ct)
    {
        var zone = OrganisationZoneOrUtc();
        DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        DateTime At(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
        var today = DayOf(now);
        DateTime DaysAgo(int days, int hour) => At(today.AddDays(-days), hour);

        var people = await db.Employees.Include(e => e.Team).Include(e => e.JobRole).ToDictionaryAsync(e => e.FullName, ct);
        var managerOfTeam = await db.TeamManagers.ToDictionaryAsync(m => m.TeamId, m => m.UserId, ct);
        string ManagerOf(Employee e) => managerOfTeam[e.TeamId];
        var hr = db.Users.Local.Single(u => u.Email == "hr@demo.local");
        (Skill Skill, RubricVersion Version, int Required) SkillOf(Employee e, string name)
        {
            var role = e.JobRole!.Name;
            var skill = rubricsByRole[role].Skills[name];
            return (skill, rubricsByRole[role].Version, jobRoles[role].Requirements.Single(r => r.SkillKey == skill.Key).RequiredLevel);
        }

        foreach (var (role, skill, months) in Expiries)
        {
            Demand(SkillExpiry.Check(months), $"expiry of {skill}");
            db.SkillExpiries.Add(new SkillExpiry { SkillKey = rubricsByRole[role].Skills[skill].Key, Months = months });
        }

        // One skill looked at on one shift (no next step: these do not add open steps to the floor view).
        void Observe(Employee e, string observerId, string skillName, DateTime at, int level, string context, string wentWell)
        {
            var (skill, version, _) = SkillOf(e, skillName);
            var observation = new Observation
            {
                DraftKey = Guid.NewGuid(), Employee = e, EmployeeId = e.Id, ObserverUserId = observerId, RubricVersionId = version.Id, ObservedAtUtc = at,
                Context = context, WentWell = wentWell, Status = ObservationStatus.Submitted,
                CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at.AddMinutes(5), Revision = 1,
            };
            observation.Ratings.Add(new Rating { SkillId = skill.Id, SkillKey = skill.Key, Level = Math.Clamp(level, LowestLevel, HighestLevel) });
            observation.SyncRatings();
            db.Observations.Add(observation);
        }

        // Evidence before each past sign-off: the manager, HR on a floor walk, the manager again the day before signing.
        foreach (var (person, skill, daysAgo, _) in SignedOff)
        {
            var e = people[person];
            var required = SkillOf(e, skill).Required;
            Observe(e, ManagerOf(e), skill, DaysAgo(daysAgo + 24, 10), required, "Routine observation", "Did it to standard without prompting.");
            Observe(e, hr.Id, skill, DaysAgo(daysAgo + 12, 11), required, "HR floor walk", "Confident and correct; explained the why to a colleague.");
            Observe(e, ManagerOf(e), skill, DaysAgo(daysAgo + 1, 10), Math.Min(HighestLevel, required + (daysAgo % 2)), "Sign-off check", "Met the level again, unprompted.");
        }

        // Ready now: after whatever the person was last seen at on that skill, so the latest observation meets the level too.
        var latestSeen = await db.Ratings.Where(r => r.IsSubmitted && r.Level != null)
            .GroupBy(r => new { r.EmployeeId, r.SkillKey }).Select(g => new { g.Key.EmployeeId, g.Key.SkillKey, Last = g.Max(r => r.ObservedAtUtc) })
            .ToDictionaryAsync(x => (x.EmployeeId, x.SkillKey), x => x.Last, ct);
        foreach (var (person, skill) in ReadyForSignOff)
        {
            var e = people[person];
            var (s, _, required) = SkillOf(e, skill);
            var last = DaysAgo(3, 11);
            if (latestSeen.TryGetValue((e.Id, s.Key), out var seen) && seen.AddHours(1) > last) last = seen.AddHours(1);
            Observe(e, ManagerOf(e), skill, DaysAgo(40, 10), required, "Morning peak", "At the level all morning.");
            Observe(e, hr.Id, skill, DaysAgo(20, 14), required, "HR floor walk", "Consistent with what the manager sees.");
            Observe(e, ManagerOf(e), skill, last, Math.Min(HighestLevel, required + 1), "Quiet period", "Coached a newer colleague on it.");
        }

        // The workshop: everyone seen on the skill the day before; the day after most have improved, one stayed, and one
        // attendee has not been observed on it since (listed, not silently left out). Colleagues who did not attend were
        // seen either side too. Random demo ratings already on this skill stay; the story is checked when the workshop is recorded.
        var workshopDay = today.AddDays(-WorkshopDaysAgo);
        var workshopSkill = SkillOf(people[WorkshopAttendees[0]], "Infection prevention and control").Skill;
        var dayAfterWorkshop = At(workshopDay.AddDays(1), 0);
        var afterWorkshop = await db.Ratings.Where(r => r.SkillKey == workshopSkill.Key && r.ObservedAtUtc >= dayAfterWorkshop)
            .Select(r => r.EmployeeId).Distinct().ToListAsync(ct);
        var notSeenSince = NotSeenSinceWorkshop.FirstOrDefault(p => !afterWorkshop.Contains(people[p].Id))
            ?? throw new InvalidOperationException("Demo workshop: every attendee was already observed after it.");
        foreach (var (person, i) in WorkshopAttendees.Select((p, i) => (p, i)))
        {
            var e = people[person];
            Observe(e, ManagerOf(e), workshopSkill.Name, At(workshopDay.AddDays(-1), 10 + i), 2, "Clinic session", "Hand hygiene at every contact.");
            if (person == notSeenSince) continue;
            var after = person == StayedAfterWorkshop ? 2 : 3;
            Observe(e, ManagerOf(e), workshopSkill.Name, At(workshopDay.AddDays(1), 10 + i), after, "Clinic session, after the workshop", "Used the new PPE order without prompting.");
            Observe(e, ManagerOf(e), workshopSkill.Name, At(workshopDay.AddDays(20), 10 + i), after, "Clinic session", "Cleaned down between every patient.");
        }
        foreach (var person in WorkshopComparison)
        {
            var e = people[person];
            Observe(e, ManagerOf(e), workshopSkill.Name, At(workshopDay.AddDays(-2), 15), 2, "Clinic session", "Hand hygiene at every contact.");
            Observe(e, ManagerOf(e), workshopSkill.Name, At(workshopDay.AddDays(2), 15), 2, "Clinic session", "Hand hygiene at every contact.");
        }
        await db.SaveChangesAsync(ct); // observation ids: sign-offs name their evidence

        var ratings = (await db.Ratings.AsNoTracking().Where(r => r.IsSubmitted && r.Level != null)
                .Select(r => new { r.EmployeeId, r.SkillKey, r.ObservationId, Level = r.Level!.Value, r.ObservedAtUtc, r.ObserverUserId }).ToListAsync(ct))
            .ToLookup(r => (r.EmployeeId, r.SkillKey), r => new SkillRating(r.ObservationId, r.Level, r.ObservedAtUtc, r.ObserverUserId));
        var rubricOf = jobRoles.Values.Where(r => r.DefaultRubricId is not null).ToDictionary(r => r.Id, r => r.DefaultRubricId!.Value);
        SignOffReadiness Readiness(Employee e, Skill skill, int required, DateTime atUtc) =>
            SignOffReadiness.Evaluate(SignOffRule.Default(rubricOf[e.JobRoleId]), required, ratings[(e.Id, skill.Key)], atUtc, zone);

        // Past sign-offs in the order they were given, then the peer trainers named a week later.
        var expiries = db.SkillExpiries.Local.ToDictionary(x => x.SkillKey);
        var signOffs = new List<SignOff>();
        var appointments = new List<PeerTrainerAppointment>();
        foreach (var (person, skill, daysAgo, trainer) in SignedOff.OrderByDescending(s => s.DaysAgo))
        {
            var e = people[person];
            var (s, _, required) = SkillOf(e, skill);
            var at = DaysAgo(daysAgo, 15);
            var signed = SignOff.Sign(e.Id, s.Key, Readiness(e, s, required, at), signOffs, expiries.GetValueOrDefault(s.Key), ManagerOf(e), DayOf(at), at);
            Demand(signed.Problems, $"sign-off of {person}, {skill}");
            signOffs.Add(signed.SignOff!);
            if (!trainer) continue;
            var appointedAt = DaysAgo(daysAgo - 7, 9);
            var appointed = PeerTrainerAppointment.Appoint(e.Id, s.Key, signOffs, appointments, ManagerOf(e), DayOf(appointedAt), appointedAt);
            Demand(appointed.Problems, $"peer trainer {person}, {skill}");
            appointments.Add(appointed.Appointment!);
        }
        db.SignOffs.AddRange(signOffs);
        db.PeerTrainerAppointments.AddRange(appointments);

        foreach (var (person, skill) in ReadyForSignOff)
        {
            var e = people[person];
            var (s, _, required) = SkillOf(e, skill);
            if (Readiness(e, s, required, now) is { IsReady: false } notReady)
                throw new InvalidOperationException($"Demo: {person} should be ready for sign-off on {skill}: {string.Join("; ", notReady.Reasons)}.");
        }

        foreach (var (trainerName, traineeName, skill, startedDaysAgo, days) in Trainings)
        {
            var (trainer, trainee) = (people[trainerName], people[traineeName]);
            var key = SkillOf(trainer, skill).Skill.Key;
            var startsOn = today.AddDays(-startedDaysAgo);
            var available = appointments.Where(a => a.SkillKey == key && a.AppointedAtUtc < At(startsOn, 0) && a.IsAvailableOn(startsOn, signOffs)).Select(a => a.EmployeeId);
            var (assignment, problems) = TrainingAssignment.Record(trainer.Id, trainee.Id, key, startsOn, days is { } d ? startsOn.AddDays(d) : null, available);
            Demand(problems, $"training of {traineeName} by {trainerName}");
            assignment!.AssignedByUserId = ManagerOf(trainee);
            assignment.AssignedAtUtc = At(startsOn.AddDays(-2), 9);
            db.TrainingAssignments.Add(assignment);
        }

        var (recorded, workshopProblems) = TrainingEvent.Record(WorkshopTitle, workshopDay, TrainingFormat.Workshop, [workshopSkill.Key],
            WorkshopAttendees.Select(p => people[p].Id));
        Demand(workshopProblems, "workshop");
        var workshop = recorded!;
        var levels = ratings.Where(g => g.Key.SkillKey == workshopSkill.Key)
            .SelectMany(g => g.Select(r => (g.Key.EmployeeId, Rating: r))).OrderBy(x => x.Rating.ObservedAtUtc) // within a day, in the order seen
            .Select(x => SkillLevel.At(x.EmployeeId, workshopSkill.Key, x.Rating.Level, x.Rating.ObservedAtUtc, zone)).ToList();
        var told = BeforeAfter.For(workshop, levels, levels).Skills.Single();
        if (told.Trained.Improved * 2 <= told.Trained.People || told.Comparison is null)
            throw new InvalidOperationException($"Demo workshop: {told.Trained.Improved} of {told.Trained.People} attendees improved; comparison group: {told.Comparison?.People ?? 0}.");
        workshop.RecordedByUserId = ManagerOf(people[WorkshopAttendees[0]]);
        workshop.RecordedAtUtc = At(workshopDay, 17);
        db.TrainingEvents.Add(workshop);
        await db.SaveChangesAsync(ct);
    }
}
