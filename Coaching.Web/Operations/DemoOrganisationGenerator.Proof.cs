using Coaching.Domain.SignOffs;
using Coaching.Domain.Training;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Operations;

/// <summary>
/// Proof of skill for the generated organisation, so HR's sign-off and training pages can be timed on realistic
/// volumes: one skill per role expires after 12 months; about a third of the active people hold one to three
/// sign-offs from the last 500 days (so some expire within 30 days, some have expired, a few were revoked); a share of
/// those signed off are peer trainers and have trained colleagues of their team; and a few hundred training events
/// each had a handful of attendees from one team. Written through EF after the bulk rows (a few thousand rows: the
/// JSON lists are stored exactly as the app stores them).
/// </summary>
public sealed partial class DemoOrganisationGenerator
{
    const int EvidencePerSignOff = 3;

    static void RememberEvidence(Dictionary<long, Queue<long>> recent, long employeeId, long observationId)
    {
        if (!recent.TryGetValue(employeeId, out var ids)) recent[employeeId] = ids = new Queue<long>(EvidencePerSignOff + 1);
        ids.Enqueue(observationId);
        if (ids.Count > EvidencePerSignOff) ids.Dequeue();
    }

    async Task<string> GenerateProofOfSkillAsync(Random random, DateTime now, DateOnly today, List<GeneratedTeam> teams,
        Dictionary<long, Queue<long>> evidence, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var requirements = (await db.RoleRequirements.AsNoTracking().Select(r => new { r.JobRoleId, r.SkillKey }).ToListAsync(ct))
            .GroupBy(r => r.JobRoleId).ToDictionary(g => g.Key, g => g.Select(r => r.SkillKey).Distinct().ToList());
        var hrUserId = await db.Users.Where(u => u.Email == "hr@demo.local").Select(u => u.Id).SingleAsync(ct);
        static DateTime DayAt(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

        // One skill per role (its last requirement) holds for 12 months, unless HR already set one.
        var expiries = await db.SkillExpiries.AsNoTracking().ToDictionaryAsync(e => e.SkillKey, e => e.Months, ct);
        foreach (var key in requirements.Values.Select(keys => keys[^1]).Distinct().Where(k => !expiries.ContainsKey(k)).ToList())
        {
            db.SkillExpiries.Add(new SkillExpiry { SkillKey = key, Months = 12 });
            expiries[key] = 12;
        }

        var (signOffs, expiring, expired, trainers, assignments, events) = (0, 0, 0, 0, 0, 0);
        var formats = Enum.GetValues<TrainingFormat>();
        foreach (var team in teams)
        {
            ct.ThrowIfCancellationRequested();
            var skills = requirements.GetValueOrDefault(team.RoleId) ?? [];
            var active = team.Members.Where(p => p.Active).ToList();
            if (skills.Count == 0 || active.Count == 0) continue;
            var manager = team.Managers[0].UserId;
            var teamTrainers = new List<(long EmployeeId, Guid SkillKey, DateOnly From)>();
            // Only people observed can have been signed off: a sign-off names its evidence.
            foreach (var person in active.Where(p => evidence.ContainsKey(p.Id) && random.NextDouble() < 0.2 + 0.07 * p.BaseLevel))
            {
                foreach (var key in skills.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(3, skills.Count) + 1)))
                {
                    var signedOn = today.AddDays(-random.Next(5, 500));
                    var signOff = new SignOff
                    {
                        EmployeeId = (int)person.Id, SkillKey = key, SignedByUserId = manager, SignedAtUtc = DayAt(signedOn, 15),
                        EvidenceObservationIds = evidence[person.Id].Select(i => (int)i).ToList(),
                        ExpiresOn = expiries.TryGetValue(key, out var months) ? signedOn.AddMonths(months) : null,
                    };
                    if (random.NextDouble() < 0.02)
                    {
                        signOff.RevokedAtUtc = DayAt(signedOn.AddDays(random.Next(1, today.DayNumber - signedOn.DayNumber + 1)), 16);
                        signOff.RevokedByUserId = manager;
                        signOff.RevokeReason = "Observed below the level since; to be signed off again after retraining.";
                    }
                    db.SignOffs.Add(signOff);
                    signOffs++;
                    var status = signOff.StatusOn(today);
                    if (status == SignOffStatus.ExpiringSoon) expiring++;
                    if (status == SignOffStatus.Expired) expired++;
                    // A third of those whose sign-off counts train others, named a week after it (or today).
                    if (signOff.CountsOn(today) && random.NextDouble() < 0.33)
                    {
                        var appointedOn = signedOn.AddDays(7) < today ? signedOn.AddDays(7) : today;
                        db.PeerTrainerAppointments.Add(new PeerTrainerAppointment
                        {
                            EmployeeId = (int)person.Id, SkillKey = key, AppointedByUserId = manager, AppointedAtUtc = DayAt(appointedOn, 9),
                        });
                        teamTrainers.Add((person.Id, key, appointedOn));
                        trainers++;
                    }
                }
            }

            // Each trainer has trained up to four colleagues since being named; most trainings have ended.
            foreach (var (trainerId, key, from) in teamTrainers)
            {
                for (var n = random.Next(0, 5); n > 0 && active.Count > 1; n--)
                {
                    var trainee = active[random.Next(active.Count)];
                    if (trainee.Id == trainerId) continue;
                    var startsOn = from.AddDays(random.Next(0, today.DayNumber - from.DayNumber + 1));
                    DateOnly? endsOn = random.NextDouble() < 0.8 ? startsOn.AddDays(random.Next(3, 30)) : null;
                    var (assignment, problems) = TrainingAssignment.Record((int)trainerId, (int)trainee.Id, key, startsOn, endsOn, [(int)trainerId]);
                    if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems.Select(p => p.Message)));
                    assignment!.AssignedByUserId = manager;
                    assignment.AssignedAtUtc = DayAt(startsOn, 8);
                    db.TrainingAssignments.Add(assignment);
                    assignments++;
                }
            }

            // Roughly one training event per team (a few hundred in all), on one or two of the role's skills.
            for (var n = random.NextDouble() < 0.35 ? 2 : random.NextDouble() < 0.7 ? 1 : 0; n > 0; n--)
            {
                var attendees = active.OrderBy(_ => random.Next()).Take(random.Next(3, 13)).Select(p => (int)p.Id).ToList();
                var heldOn = today.AddDays(-random.Next(10, 330));
                var format = formats[random.Next(formats.Length)];
                var (trainingEvent, problems) = TrainingEvent.Record($"{format.Label()} {events + 1}: {team.Name}", heldOn,
                    format, skills.OrderBy(_ => random.Next()).Take(random.Next(1, 3)), attendees);
                if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems.Select(p => p.Message)));
                trainingEvent!.RecordedByUserId = random.NextDouble() < 0.5 ? manager : hrUserId;
                trainingEvent.RecordedAtUtc = DayAt(heldOn, 17);
                db.TrainingEvents.Add(trainingEvent);
                events++;
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return $"Proof of skill: {signOffs:N0} sign-offs ({expiring:N0} expiring within {SignOff.DefaultExpiringSoonDays} days, {expired:N0} expired), " +
               $"{trainers:N0} peer trainers, {assignments:N0} trainings given, {events:N0} training events.";
    }
}
