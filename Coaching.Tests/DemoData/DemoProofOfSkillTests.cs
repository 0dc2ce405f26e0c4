using Coaching.Domain.SignOffs;
using Coaching.Domain.Training;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Demo;
using Coaching.Web.Features.SignOffs;
using Coaching.Web.Features.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.DemoData;

/// <summary>
/// The demo's proof of skill, read back from the seeded SQLite file through the same queries the pages use, so every
/// proof-of-skill screen has something true to show on first run.
/// </summary>
public class DemoProofOfSkillTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    Task<ILookup<int, SkillSignOffs.State>> StatesAsync() => WithScopeAsync(async services =>
    {
        var ids = await services.GetRequiredService<Coaching.Web.Data.CoachingDbContext>().Employees.Where(e => e.IsActive).Select(e => e.Id).ToListAsync();
        return await services.GetRequiredService<SkillSignOffs>().ForEmployeesAsync(ids, CancellationToken.None);
    });

    [Fact]
    public async Task In_every_team_someone_is_ready_for_sign_off_on_a_skill_not_yet_signed_off()
    {
        var states = await StatesAsync();
        var teams = await factory.WithDbAsync(db => db.Teams.Select(t => new { t.Name, People = t.Employees.Where(e => e.IsActive).Select(e => e.Id).ToList() }).ToListAsync());

        Assert.Equal(5, teams.Count);
        Assert.All(teams, team => Assert.True(team.People.SelectMany(id => states[id]).Any(s => s.IsReadyForSignOff && s.SignOff is null),
            $"nobody in {team.Name} is ready for sign-off"));
        // Ready by the default rule: two different observers (the manager and HR), the latest at the level.
        var ready = states.SelectMany(g => g).Where(s => s.IsReadyForSignOff).ToList();
        Assert.All(ready, s => Assert.True(s.Readiness.EvidenceObservationIds.Count >= SignOffRule.DefaultMinObservations));
    }

    [Fact]
    public async Task Sign_offs_hold_one_expires_within_30_days_and_one_has_expired()
    {
        var states = (await StatesAsync()).SelectMany(g => g).Where(s => s.SignOff is not null).ToList();

        var expiring = Assert.Single(states, s => s.IsExpiringSoon);
        Assert.Equal("Cold chain and vaccine storage", expiring.SkillName);
        Assert.Equal(12, expiring.ExpiryMonths);
        Assert.InRange(expiring.SignOff!.ExpiresOn!.Value.DayNumber - (await WithScopeAsync(s => Task.FromResult(s.GetRequiredService<SkillSignOffs>().Today))).DayNumber, 1, SignOff.DefaultExpiringSoonDays);
        Assert.Single(states, s => s.IsExpired);
        Assert.True(states.Count(s => s.Status == SignOffStatus.Active) >= 5);
        // Each rests on the observations it was given on.
        Assert.All(states, s => Assert.True(s.SignOff!.EvidenceObservationIds.Count >= SignOffRule.DefaultMinObservations));
    }

    [Fact]
    public async Task Peer_trainers_span_more_than_one_tenure_band_and_one_skill_was_mostly_trained_by_one_band()
    {
        var (trainers, given) = await factory.WithDbAsync(async db => (
            await db.PeerTrainerAppointments.Where(a => a.EndedAtUtc == null).Join(db.Employees, a => a.EmployeeId, e => e.Id, (a, e) => new { a.SkillKey, e.Id, e.HireDate }).ToListAsync(),
            await db.TrainingAssignments.Join(db.Employees, t => t.TrainerId, e => e.Id, (t, e) => new TrainingGiven(t.TrainerId, t.SkillKey, t.StartsOn, e.HireDate)).ToListAsync()));
        var signOffs = await factory.WithDbAsync(db => db.SignOffs.AsNoTracking().ToListAsync());
        var today = await WithScopeAsync(s => Task.FromResult(s.GetRequiredService<SkillSignOffs>().Today));

        Assert.Equal(TenureBands.Default.Bands, trainers.Select(t => TenureBands.Default.BandOf(t.HireDate, today)).Distinct().OrderBy(b => b.FromYears));
        Assert.All(trainers, t => Assert.Contains(signOffs, s => s.EmployeeId == t.Id && s.SkillKey == t.SkillKey && s.CountsOn(today)));
        Assert.True(given.Count >= 10, $"{given.Count} trainings given");
        Assert.All(given, g => Assert.Contains(trainers, t => t.Id == g.TrainerId && t.SkillKey == g.SkillKey));
        var warnings = given.Select(g => g.SkillKey).Distinct().Select(k => TrainingByBand.For(k, given, TenureBands.Default)).Where(b => b.Warning is not null).ToList();
        Assert.Single(warnings);
        // The rotation has history to go on: the suggested next trainer for the warned skill is from another band.
        var scanning = warnings[0].SkillKey;
        var candidates = await factory.WithDbAsync(db => db.PeerTrainerAppointments.Where(a => a.SkillKey == scanning && a.EndedAtUtc == null)
            .Join(db.Employees, a => a.EmployeeId, e => e.Id, (a, e) => new PeerTrainer(e.Id, e.FirstName + " " + e.LastName, e.HireDate)).ToListAsync());
        var next = TrainerRotation.Suggest(scanning, candidates, given, TenureBands.Default, today)[0];
        Assert.NotEqual(warnings[0].OverHalf, next.Band);
    }

    [Fact]
    public async Task The_workshop_has_levels_before_and_after_mostly_rising_a_comparison_group_and_someone_not_observed_since()
    {
        var workshop = await factory.WithDbAsync(db => db.TrainingEvents.AsNoTracking().SingleAsync(e => e.Title == DemoSeeder.WorkshopTitle));
        var today = await WithScopeAsync(s => Task.FromResult(s.GetRequiredService<SkillSignOffs>().Today));
        Assert.InRange(today.DayNumber - workshop.HeldOn.DayNumber, 42, 70);

        var result = await WithScopeAsync(s => s.GetRequiredService<TrainingResults>().BeforeAfterAsync(workshop, CancellationToken.None));

        var skill = Assert.Single(result.Skills);
        Assert.True(skill.Trained.People >= 3, $"{skill.Trained.People} attendees with a level before and after");
        Assert.True(skill.Trained.Improved > skill.Trained.People / 2, $"{skill.Trained.Improved} of {skill.Trained.People} improved");
        Assert.NotNull(skill.Comparison);
        Assert.NotEmpty(result.NotObservedAfter);
        var (jamal, noah) = (await factory.PersonAsync("Jamal Wright"), await factory.PersonAsync("Noah Williams"));
        Assert.Contains(result.NotObservedAfter, a => a.EmployeeId == jamal.Id);
        Assert.Equal(0, result.Attendees.Single(a => a.EmployeeId == noah.Id).FirstChange);
    }

    [Fact]
    public async Task Attended_training_shows_on_an_attendees_record()
    {
        var marta = await factory.PersonAsync("Marta Kowalska");
        var attended = await WithScopeAsync(s => s.GetRequiredService<TrainingResults>().AttendedByAsync(marta.Id, CancellationToken.None));
        var workshop = Assert.Single(attended);
        Assert.Equal(DemoSeeder.WorkshopTitle, workshop.Event.Title);
        Assert.All(workshop.Changes, c => Assert.NotNull(c.FirstChange));
    }
}
