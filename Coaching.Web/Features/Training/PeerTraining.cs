using Coaching.Domain.Organisation;
using Coaching.Domain.SignOffs;
using Coaching.Domain.Training;
using Coaching.Web.Data;
using Coaching.Web.Features.Rubrics;
using Coaching.Web.Features.SignOffs;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Training;

/// <summary>
/// The one read of peer training: who is a peer trainer for what (and still available: their sign-off counts today),
/// the trainings they gave, the tenure bands HR set, and from those the rotation of suggested trainers, the skills a
/// site still needs first trainers for, and training given per band. Every read takes the people the user may see
/// (<see cref="Access.EmployeeAccess.Visible"/>), so a manager is never suggested or shown someone outside their teams.
/// </summary>
public sealed class PeerTraining(CoachingDbContext db, SkillSignOffs signOffs, PublishedRubrics rubrics)
{
    public DateOnly Today => signOffs.Today;

    public async Task<TenureBandSettings?> StoredBandsAsync(CancellationToken ct) =>
        await db.TenureBandSettings.SingleOrDefaultAsync(s => s.Id == TenureBandSettings.SingleId, ct);

    /// <summary>The bands HR saved, or the default ones until they do.</summary>
    public async Task<TenureBands> BandsAsync(CancellationToken ct) =>
        (await db.TenureBandSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == TenureBandSettings.SingleId, ct))?.ToBands() ?? TenureBands.Default;

    // ---- One person (their profile and their peer-training page) ----

    /// <summary>A skill the person is signed off on or a peer trainer for.</summary>
    public sealed record SkillLine(Guid SkillKey, string SkillName, bool IsSignedOff, PeerTrainerAppointment? Current)
    {
        /// <summary>Signed off and not yet a trainer: "Make peer trainer" is offered.</summary>
        public bool CanBeMade => IsSignedOff && Current is null;
        /// <summary>A current trainer whose sign-off no longer counts is kept but not suggested.</summary>
        public bool IsSuggested => IsSignedOff && Current is not null;
    }
    public sealed record AssignmentLine(int Id, string SkillName, string OtherName, DateOnly StartsOn, DateOnly? EndsOn);
    public sealed record Person(int EmployeeId, bool CanAppoint, IReadOnlyList<SkillLine> Skills, IReadOnlyList<AssignmentLine> Given, IReadOnlyList<AssignmentLine> Received);

    public async Task<Person> ForPersonAsync(int employeeId, bool canAppoint, CancellationToken ct)
    {
        var states = await signOffs.ForEmployeeAsync(employeeId, ct);
        var current = await db.PeerTrainerAppointments.AsNoTracking().Where(a => a.EmployeeId == employeeId && a.EndedAtUtc == null).ToListAsync(ct);
        var assignments = await db.TrainingAssignments.AsNoTracking().Where(a => a.TrainerId == employeeId || a.TraineeId == employeeId)
            .OrderByDescending(a => a.StartsOn).ThenByDescending(a => a.Id).ToListAsync(ct);
        var otherIds = assignments.SelectMany(a => new[] { a.TrainerId, a.TraineeId }).Where(i => i != employeeId).Distinct().ToList();
        var others = await db.Employees.AsNoTracking().Where(e => otherIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => Employee.FullNameOf(e.FirstName, e.LastName), ct);
        var names = await rubrics.SkillNamesAsync(current.Select(a => a.SkillKey).Concat(assignments.Select(a => a.SkillKey)), ct);
        string SkillName(Guid key) => states.FirstOrDefault(s => s.SkillKey == key)?.SkillName ?? (names.TryGetValue(key, out var n) ? n.Name : "Skill");

        var skills = states.Where(s => s.IsSignedOff || current.Any(a => a.SkillKey == s.SkillKey))
            .Select(s => new SkillLine(s.SkillKey, s.SkillName, s.IsSignedOff, current.FirstOrDefault(a => a.SkillKey == s.SkillKey)))
            .Concat(current.Where(a => states.All(s => s.SkillKey != a.SkillKey)).Select(a => new SkillLine(a.SkillKey, SkillName(a.SkillKey), false, a)))
            .ToList();
        AssignmentLine Line(TrainingAssignment a, int other) => new(a.Id, SkillName(a.SkillKey), others.GetValueOrDefault(other, ""), a.StartsOn, a.EndsOn);
        return new(employeeId, canAppoint, skills,
            assignments.Where(a => a.TrainerId == employeeId).Select(a => Line(a, a.TraineeId)).ToList(),
            assignments.Where(a => a.TraineeId == employeeId).Select(a => Line(a, a.TrainerId)).ToList());
    }

    // ---- Rotation: who trains next ----

    /// <summary>An available peer trainer: current appointment, sign-off counting today, active.</summary>
    sealed record Available(int EmployeeId, string Name, DateOnly HireDate, string Site, Guid SkillKey);

    async Task<List<Available>> AvailableAsync(IQueryable<Employee> people, Guid? skillKey, CancellationToken ct)
    {
        var today = Today;
        var rows = await (from a in db.PeerTrainerAppointments.AsNoTracking()
                          join e in people.Where(e => e.IsActive) on a.EmployeeId equals e.Id
                          where a.EndedAtUtc == null && (skillKey == null || a.SkillKey == skillKey)
                          select new { Appointment = a, e.FirstName, e.LastName, e.HireDate, e.Team!.Site }).ToListAsync(ct);
        var ids = rows.Select(r => r.Appointment.EmployeeId).Distinct().ToList();
        var signed = (await db.SignOffs.AsNoTracking().Where(s => ids.Contains(s.EmployeeId)).ToListAsync(ct)).ToLookup(s => s.EmployeeId);
        return rows.Where(r => r.Appointment.IsAvailableOn(today, signed[r.Appointment.EmployeeId]))
            .Select(r => new Available(r.Appointment.EmployeeId, Employee.FullNameOf(r.FirstName, r.LastName), r.HireDate, r.Site, r.Appointment.SkillKey))
            .ToList();
    }

    /// <summary>Trainings given on the skills by trainers among <paramref name="people"/>, each with the trainer's hire date and site.</summary>
    async Task<List<(TrainingGiven Given, string Site)>> GivenAsync(IQueryable<Employee> people, IReadOnlyCollection<Guid> skillKeys, CancellationToken ct)
    {
        var keys = skillKeys.ToList();
        var rows = await (from a in db.TrainingAssignments.AsNoTracking()
                          join e in people on a.TrainerId equals e.Id
                          where keys.Contains(a.SkillKey)
                          select new { a.TrainerId, a.SkillKey, a.StartsOn, e.HireDate, e.Team!.Site }).ToListAsync(ct);
        return rows.Select(r => (new TrainingGiven(r.TrainerId, r.SkillKey, r.StartsOn, r.HireDate), r.Site)).ToList();
    }

    public sealed record SkillRotation(Guid SkillKey, string SkillName, IReadOnlyList<TrainerSuggestion> Suggestions);

    /// <summary>
    /// Per skill with an available trainer among <paramref name="people"/> (or the one skill asked), the trainers in
    /// rotation order (<see cref="TrainerRotation.Suggest"/>) over the trainings given by those people. With a site,
    /// only trainers of that site (a trainee is trained where they work); the trainee is never their own trainer.
    /// </summary>
    public async Task<IReadOnlyList<SkillRotation>> RotationAsync(IQueryable<Employee> people, Guid? skillKey, string? site, int? traineeId, CancellationToken ct)
    {
        var available = (await AvailableAsync(people, skillKey, ct)).Where(a => (site is null || a.Site == site) && a.EmployeeId != traineeId).ToList();
        var skills = available.Select(a => a.SkillKey).Distinct().ToList();
        if (skillKey is { } asked && !skills.Contains(asked)) skills.Add(asked);
        var given = await GivenAsync(people, skills, ct);
        var bands = await BandsAsync(ct);
        var names = await rubrics.SkillNamesAsync(skills, ct);
        var today = Today;
        return skills.Select(skill => new SkillRotation(skill, names.TryGetValue(skill, out var n) ? n.Name : "Skill",
                TrainerRotation.Suggest(skill, available.Where(a => a.SkillKey == skill).Select(a => new PeerTrainer(a.EmployeeId, a.Name, a.HireDate)),
                    given.Where(g => site is null || g.Site == site).Select(g => g.Given), bands, today)))
            .OrderBy(r => names.TryGetValue(r.SkillKey, out var n) ? n.Order : int.MaxValue).ThenBy(r => r.SkillName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The trainers a trainee may be assigned for a skill: available, in the trainee's site, among the people the user may see.</summary>
    public async Task<IReadOnlyList<TrainerSuggestion>> SuggestForAsync(IQueryable<Employee> people, Employee trainee, Guid skillKey, CancellationToken ct)
    {
        var site = await db.Teams.Where(t => t.Id == trainee.TeamId).Select(t => t.Site).SingleAsync(ct);
        return (await RotationAsync(people, skillKey, site, trainee.Id, ct)).Single(r => r.SkillKey == skillKey).Suggestions;
    }

    public sealed record FirstTrainersNeeded(string Site, Guid SkillKey, string SkillName, int PeopleRequiringIt);

    /// <summary>
    /// Per site, a skill that the roles of its (visible, active) people require and that no available peer trainer of
    /// the site can train: the first trainers are still to be made. A new rubric version's new skill shows here as soon
    /// as HR makes a role require it.
    /// </summary>
    public async Task<IReadOnlyList<FirstTrainersNeeded>> FirstTrainersNeededAsync(IQueryable<Employee> people, CancellationToken ct)
    {
        var required = await (from e in people.Where(e => e.IsActive)
                              join r in db.RoleRequirements on e.JobRoleId equals r.JobRoleId
                              select new { e.Team!.Site, r.SkillKey, e.Id }).ToListAsync(ct);
        var available = await AvailableAsync(people, null, ct);
        var names = await rubrics.SkillNamesAsync(required.Select(r => r.SkillKey).Distinct(), ct);
        return required.GroupBy(r => (r.Site, r.SkillKey))
            .Where(g => !available.Any(a => a.Site == g.Key.Site && a.SkillKey == g.Key.SkillKey))
            .Select(g => new FirstTrainersNeeded(g.Key.Site, g.Key.SkillKey, names.TryGetValue(g.Key.SkillKey, out var n) ? n.Name : "Skill", g.Select(r => r.Id).Distinct().Count()))
            .OrderBy(n => n.Site, StringComparer.OrdinalIgnoreCase)
            .ThenBy(n => names.TryGetValue(n.SkillKey, out var s) ? s.Order : int.MaxValue).ThenBy(n => n.SkillName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    // ---- Per band (HR) ----

    public sealed record BandLine(TenureBand Band, int Trainers, int Trainings);
    public sealed record SiteSkillBands(string Site, Guid SkillKey, string SkillName, IReadOnlyList<BandLine> Bands, TrainingByBand Trainings);

    /// <summary>
    /// Per site and skill with an available peer trainer or a training given: available trainers (placed by their tenure
    /// today) and trainings given (placed by the trainer's tenure on the day) per band, with the over-half warning.
    /// </summary>
    public async Task<IReadOnlyList<SiteSkillBands>> ByBandAsync(IQueryable<Employee> people, CancellationToken ct)
    {
        var today = Today;
        var bands = await BandsAsync(ct);
        var trainers = await AvailableAsync(people, null, ct);
        var given = await (from a in db.TrainingAssignments.AsNoTracking()
                           join e in people on a.TrainerId equals e.Id
                           select new { a.TrainerId, a.SkillKey, a.StartsOn, e.HireDate, e.Team!.Site }).ToListAsync(ct);
        var keys = trainers.Select(t => (t.Site, t.SkillKey)).Concat(given.Select(g => (g.Site, g.SkillKey))).Distinct().ToList();
        var names = await rubrics.SkillNamesAsync(keys.Select(k => k.SkillKey).Distinct(), ct);
        return keys.Select(k =>
            {
                var byBand = TrainingByBand.For(k.SkillKey,
                    given.Where(g => g.Site == k.Site && g.SkillKey == k.SkillKey).Select(g => new TrainingGiven(g.TrainerId, g.SkillKey, g.StartsOn, g.HireDate)), bands);
                var lines = byBand.Bands.Select(b => new BandLine(b.Band,
                    trainers.Count(t => t.Site == k.Site && t.SkillKey == k.SkillKey && bands.BandOf(t.HireDate, today) == b.Band), b.Count)).ToList();
                return new SiteSkillBands(k.Site, k.SkillKey, names.TryGetValue(k.SkillKey, out var n) ? n.Name : "Skill", lines, byBand);
            })
            .OrderBy(s => s.Site, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => names.TryGetValue(s.SkillKey, out var n) ? n.Order : int.MaxValue).ThenBy(s => s.SkillName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The skills a trainee may be trained on: those the roles of the visible people require, and those with a current trainer.</summary>
    public async Task<IReadOnlyList<(Guid Key, string Name)>> SkillOptionsAsync(IQueryable<Employee> people, CancellationToken ct)
    {
        var required = await (from e in people.Where(e => e.IsActive)
                              join r in db.RoleRequirements on e.JobRoleId equals r.JobRoleId
                              select r.SkillKey).Distinct().ToListAsync(ct);
        var trained = await (from a in db.PeerTrainerAppointments
                             join e in people on a.EmployeeId equals e.Id
                             where a.EndedAtUtc == null
                             select a.SkillKey).Distinct().ToListAsync(ct);
        var names = await rubrics.SkillNamesAsync(required.Union(trained), ct);
        return names.OrderBy(n => n.Value.Name, StringComparer.OrdinalIgnoreCase).Select(n => (n.Key, n.Value.Name)).ToList();
    }
}
