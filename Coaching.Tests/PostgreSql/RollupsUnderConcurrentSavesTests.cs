using Coaching.Domain.Insights;
using Coaching.Domain.Observations;
using Coaching.Domain.Time;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coaching.Tests.PostgreSql;

/// <summary>
/// Two nodes submitting at the same moment for the same team and person: the second save is made while the first is
/// still uncommitted, so without a lock it reads the rollups without the first one's rows. Its insert of the day's first
/// row then fails on the key (the manager's submit is lost), and its increment or recount leaves the first one out.
/// Each test holds the first save's transaction open until the second is seen waiting in PostgreSQL, then commits it.
/// </summary>
public sealed class RollupsUnderConcurrentSavesTests(FarZoneDemoOnPostgreSql app) : IClassFixture<FarZoneDemoOnPostgreSql>
{
    TimeZoneInfo Zone => app.Services.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone;

    [Fact]
    public async Task Two_first_observations_of_a_person_on_a_day_with_no_rows_yet_are_both_saved_and_both_counted()
    {
        var tom = await app.PersonAsync("Tom Becker");
        // A day long before the demo's observations: no rollup row exists for it yet.
        var day = OrganisationClock.Today(DateTime.UtcNow, Zone).AddYears(-3);

        await SaveAtOnceAsync(tom.Id, day);

        await AssertCountedAsync(tom.Id, day, expected: 2);
    }

    [Fact]
    public async Task Two_observations_of_a_person_in_a_month_that_has_a_row_rating_different_skills_are_both_counted()
    {
        var tom = await app.PersonAsync("Tom Becker");
        var day = OrganisationClock.Today(DateTime.UtcNow, Zone).AddYears(-4);
        await SaveAsync(tom.Id, day, new TimeOnly(8, 0), skill: 0, Task.CompletedTask, new());

        // Different skills: no rating rollup row in common, so only the person's month row is shared.
        await SaveAtOnceAsync(tom.Id, day, secondSkill: 1);

        await AssertCountedAsync(tom.Id, day, expected: 3);
    }

    /// <summary>The first save, its transaction held open; the second from another connection; the first commits once the second waits.</summary>
    async Task SaveAtOnceAsync(int employeeId, DateOnly day, int secondSkill = 0)
    {
        var (firstSaved, commitFirst) = (new TaskCompletionSource(), new TaskCompletionSource());
        var first = Task.Run(() => SaveAsync(employeeId, day, new TimeOnly(9, 0), skill: 0, commitFirst.Task, firstSaved));
        await firstSaved.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = Task.Run(() => SaveAsync(employeeId, day, new TimeOnly(9, 30), secondSkill, Task.CompletedTask, new()));
        await WaitUntilASaveWaitsOnALockAsync(second);
        commitFirst.SetResult();
        await first;
        await second; // throws what the second save met
    }

    /// <summary>
    /// A submitted observation of the person with one rating (of the <paramref name="skill"/>th skill rated in their first
    /// observation), saved as the app saves (its execution strategy, the rollups in the save's transaction), committed
    /// once <paramref name="commitWhen"/> ends.
    /// </summary>
    async Task SaveAsync(int employeeId, DateOnly day, TimeOnly time, int skill, Task commitWhen, TaskCompletionSource saved)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var template = await db.Observations.AsNoTracking().Include(o => o.Ratings)
            .Where(o => o.EmployeeId == employeeId && o.Status == ObservationStatus.Submitted && o.Ratings.Count(r => r.Level != null) > 1).OrderBy(o => o.Id).FirstAsync();
        var rated = template.Ratings.Where(r => r.Level != null).OrderBy(r => r.SkillId).ElementAt(skill);
        var now = DateTime.UtcNow;
        var observation = new Observation
        {
            EmployeeId = employeeId, ObserverUserId = template.ObserverUserId, RubricVersionId = template.RubricVersionId,
            ObservedAtUtc = OrganisationClock.ToUtc(day.ToDateTime(time), Zone), CreatedAtUtc = now, UpdatedAtUtc = now,
            Ratings = [new Rating { SkillId = rated.SkillId, SkillKey = rated.SkillKey, Level = 3 }],
        };
        observation.Submit(now);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Observations.Add(observation);
            await db.SaveChangesAsync();
            saved.TrySetResult();
            await commitWhen;
            await transaction.CommitAsync();
        });
    }

    /// <summary>Until PostgreSQL shows a session of this database waiting on a lock (or the second save has ended: then it did not wait).</summary>
    async Task WaitUntilASaveWaitsOnALockAsync(Task second)
    {
        await using var db = app.Database.NewPostgreSqlContext();
        for (var i = 0; i < 200 && !second.IsCompleted; i++)
        {
            var waiting = await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync();
            if (waiting > 0) return;
            await Task.Delay(50);
        }
        if (second.IsCompleted) await second; // its failure, if it failed
        Assert.Fail("The second save neither waited for the first nor ended.");
    }

    /// <summary>The person's month row and the team's day and month rows for the skill, against the observations and ratings themselves.</summary>
    async Task AssertCountedAsync(int employeeId, DateOnly day, int expected) => await app.WithDbAsync(async db =>
    {
        var month = RollupRanges.MonthOf(day);
        var (from, to) = (OrganisationClock.StartOfDayUtc(month, Zone), OrganisationClock.StartOfDayUtc(month.AddMonths(1), Zone));
        var observed = await db.Observations.CountAsync(o => o.EmployeeId == employeeId && o.Status == ObservationStatus.Submitted && o.ObservedAtUtc >= from && o.ObservedAtUtc < to);
        Assert.Equal(expected, observed);
        Assert.Equal(observed, await db.ObservationRollups.Where(r => r.EmployeeId == employeeId && r.Month == month).Select(r => r.Observations).SingleAsync());

        var team = await db.Employees.Where(e => e.Id == employeeId).Select(e => e.TeamId).SingleAsync();
        var (dayFrom, dayTo) = (OrganisationClock.StartOfDayUtc(day, Zone), OrganisationClock.StartOfDayUtc(day.AddDays(1), Zone));
        var ratedThatDay = await db.Ratings.Where(r => r.IsSubmitted && r.ObservedAtUtc >= dayFrom && r.ObservedAtUtc < dayTo)
            .Join(db.Employees.Where(e => e.TeamId == team), r => r.EmployeeId, e => e.Id, (r, e) => r.SkillKey).ToListAsync();
        Assert.Equal(expected, ratedThatDay.Count);
        // The day has the month's only ratings: each skill's day row and month row hold its count.
        var counted = ratedThatDay.GroupBy(k => k).SelectMany(g => new[] { (g.Key, RollupSpan.Day, g.Count()), (g.Key, RollupSpan.Month, g.Count()) }).Order().ToList();
        var rows = await db.RatingRollups.Where(r => r.TeamId == team && ((r.Span == RollupSpan.Day && r.Start == day) || (r.Span == RollupSpan.Month && r.Start == month)))
            .Select(r => new { r.SkillKey, r.Span, r.Ratings }).ToListAsync();
        Assert.Equal(counted, rows.Select(r => (r.SkillKey, r.Span, r.Ratings)).Order().ToList());
    });
}
