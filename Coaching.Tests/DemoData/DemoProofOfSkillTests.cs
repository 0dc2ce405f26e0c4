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
    public async Task Insights_batched_readiness_agrees_with_each_persons_full_reading_on_the_whole_demo()
    {
        var states = await StatesAsync();
        var fast = await WithScopeAsync(async services =>
            (await services.GetRequiredService<SkillSignOffs>().ReadyForSignOffAsync([.. states.Select(g => g.Key)], CancellationToken.None))
                .Select(r => (r.EmployeeId, r.SkillKey)).Order().ToList());
        var full = states.SelectMany(g => g).Where(s => s.IsReadyForSignOff).Select(s => (s.EmployeeId, s.SkillKey)).Order().ToList();

        Assert.Equal(full, fast);
        Assert.NotEmpty(fast);
    }

    [Fact]
    public async Task Insights_batched_readiness_sees_a_latest_observation_below_the_level_as_the_full_reading_does()
    {
        // Inside a transaction rolled back at the end, so the shared demo stays as seeded.
        await WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Coaching.Web.Data.CoachingDbContext>();
            var signOffs = services.GetRequiredService<SkillSignOffs>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var ids = await db.Employees.Where(e => e.IsActive).Select(e => e.Id).ToListAsync();
            var ready = (await signOffs.ForEmployeesAsync(ids, CancellationToken.None)).SelectMany(g => g).First(s => s.IsReadyForSignOff);
            var rubricId = await db.Employees.Where(e => e.Id == ready.EmployeeId).Select(e => e.JobRole!.DefaultRubricId!.Value).SingleAsync();
            // Two observations by one observer are enough now, so lowering the latest leaves only "the latest is below".
            db.SignOffRules.RemoveRange(db.SignOffRules.Where(r => r.RubricId == rubricId));
            db.SignOffRules.Add(new SignOffRule { RubricId = rubricId, MinObservations = 2, MinObservers = 1 });
            var latest = await db.Ratings.Where(r => r.EmployeeId == ready.EmployeeId && r.SkillKey == ready.SkillKey && r.IsSubmitted)
                .OrderByDescending(r => r.ObservedAtUtc).FirstAsync();
            latest.Level = ready.RequiredLevel!.Value - 1;
            await db.SaveChangesAsync();

            var full = (await signOffs.ForEmployeesAsync([ready.EmployeeId], CancellationToken.None))[ready.EmployeeId].Single(s => s.SkillKey == ready.SkillKey);
            var fast = await signOffs.ReadyForSignOffAsync([ready.EmployeeId], CancellationToken.None);

            Assert.Equal(["the latest observation is below"], full.Readiness.Reasons);
            Assert.DoesNotContain(fast, r => r.SkillKey == ready.SkillKey);
            await transaction.RollbackAsync();
            return 0;
        });
    }

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
