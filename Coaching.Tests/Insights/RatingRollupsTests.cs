using System.Net;
using System.Security.Claims;
using Coaching.Domain.Insights;
using Coaching.Domain.Time;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Access;
using Coaching.Web.Data;
using Coaching.Web.Data.Rollups;
using Coaching.Web.Features.Insights;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coaching.Tests.Insights;

/// <summary>
/// The demo organisation in a time zone far from UTC (so a local day is not the UTC day): the rollups must keep
/// counting exactly what counting the ratings counts.
/// </summary>
public class FarZoneDemo : CoachingFactory
{
    public FarZoneDemo() { }
    protected FarZoneDemo(TestDatabase database) : base(database) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Organisation:TimeZone", "Pacific/Auckland");
    }
}

/// <summary>
/// The periods the rollup tests read: ending today, and custom ones that start and end inside months, inside one month,
/// across months and ending mid-month in the past, so month rows, day rows and part-months all answer.
/// </summary>
public static class RollupPeriods
{
    public static IEnumerable<InsightsFilter> Around(DateOnly today)
    {
        foreach (var p in new[] { "30", "90", "365" }) yield return new InsightsFilter { Period = p };
        yield return Custom(today.AddDays(-75), today.AddDays(-20));
        yield return Custom(today.AddDays(-400), today.AddDays(-1));
        yield return Custom(today.AddDays(-3), today);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        yield return Custom(lastMonth.AddDays(3), lastMonth.AddDays(9));
    }

    static InsightsFilter Custom(DateOnly from, DateOnly to) => new() { Period = "custom", From = from.ToString("yyyy-MM-dd"), To = to.ToString("yyyy-MM-dd") };
}

/// <summary>
/// The coverage heat map reads <see cref="RatingRollup"/> rows; each test changes ratings the way people do (the
/// observation form, a move, a merge) and checks the rollups against the oracle: the direct count over the ratings.
/// </summary>
public class RatingRollupsTests(FarZoneDemo app) : IClassFixture<FarZoneDemo>
{
    const string Save = "/Observations/Log?handler=Save";
    const string Submit = "/Observations/Log?handler=Submit";

    static readonly ClaimsPrincipal Hr = SignInClaims.For("rollup-test", Roles.HR);

    TimeZoneInfo Zone => app.Services.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone;
    DateOnly Today => OrganisationClock.Today(DateTime.UtcNow, Zone);

    IEnumerable<InsightsFilter> Periods() => RollupPeriods.Around(Today);

    /// <summary>Rollup sums against counting the ratings per employee's current team, for every period, whole organisation and one team.</summary>
    async Task<int> AssertRollupsCountWhatTheRatingsCountAsync(int? team = null)
    {
        var total = 0;
        foreach (var filter in Periods())
        {
            if (team is { } t) filter.Team = t.ToString();
            using var scope = app.Services.CreateScope();
            var scopes = scope.ServiceProvider.GetRequiredService<InsightsScopes>();
            var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
            var (s, problems) = scopes.Resolve(Hr, filter, await scopes.OptionsAsync(Hr, default));
            if (s is null && problems.ContainsKey("from")) continue; // a custom period before the first observation
            Assert.NotNull(s);
            Assert.True(s.IsWholeTeams);

            var rolledUp = await scope.ServiceProvider.GetRequiredService<InsightsQueries>().RolledUpCellsAsync(s, default);

            var teamIds = s.Teams.Select(x => x.Id).ToList();
            var counted = (await db.Ratings.Where(r => r.IsSubmitted && r.ObservedAtUtc >= s.StartUtc && r.ObservedAtUtc < s.EndUtc)
                    .Join(db.Employees, r => r.EmployeeId, e => e.Id, (r, e) => new { e.TeamId, r.SkillKey })
                    .Where(x => teamIds.Contains(x.TeamId))
                    .GroupBy(x => new { x.TeamId, x.SkillKey }).Select(g => new { g.Key.TeamId, g.Key.SkillKey, Count = g.Count() }).ToListAsync())
                .ToDictionary(x => (x.TeamId, x.SkillKey), x => x.Count);
            Assert.Equal(counted.OrderBy(c => c.Key).ToList(), rolledUp.OrderBy(c => c.Key).ToList());
            total += counted.Values.Sum();
        }
        Assert.True(total > 0, "the periods hold ratings");
        return total;
    }

    Task<int> CellAsync(int employeeId, int skillId, DateOnly day) => app.WithDbAsync(async db =>
    {
        var teamId = await db.Employees.Where(e => e.Id == employeeId).Select(e => e.TeamId).SingleAsync();
        var key = await db.Skills.Where(k => k.Id == skillId).Select(k => k.Key).SingleAsync();
        return await db.RatingRollups.Where(r => r.TeamId == teamId && r.SkillKey == key && r.Span == RollupSpan.Day && r.Start == day).SumAsync(r => r.Ratings);
    });

    Task<Browser> ManagerAsync() => Browser.SignedInAsync(app, "manager@demo.local");

    // People the form tests observe stay in manager@demo.local's team; the move tests take someone else.
    static readonly string[] Observed = ["Tom", "Grace", "Ana"];

    [Fact]
    public async Task The_demo_organisation_seeded_through_the_app_is_rolled_up_exactly()
    {
        await AssertRollupsCountWhatTheRatingsCountAsync();
        var team = await app.WithDbAsync(db => db.Teams.Where(t => t.Name == "Front End").Select(t => t.Id).SingleAsync());
        await AssertRollupsCountWhatTheRatingsCountAsync(team);
    }

    [Fact]
    public async Task A_draft_counts_nowhere_and_submitting_it_counts_each_rated_skill_on_its_local_day()
    {
        var tom = await app.PersonAsync("Tom Becker");
        var manager = await ManagerAsync();
        var justAfterMidnight = Today.ToDateTime(new TimeOnly(0, 30)); // local time: still yesterday in UTC
        var form = new ObservationPost(tom).Rate(0, 2).Rate(1, 3).Set("Form.ObservedAt", justAfterMidnight.ToString("yyyy-MM-ddTHH:mm"));
        var before = await CellAsync(tom.Id, tom.SkillIds[0], Today);

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync(Save, form.Fields, htmx: true)).StatusCode);
        Assert.Equal(before, await CellAsync(tom.Id, tom.SkillIds[0], Today));

        var submitted = await manager.PostAsync(Submit, form.Revision(1).Fields, htmx: true);

        Assert.True(submitted.Headers.Contains("HX-Redirect"));
        var observedAt = (await app.ObservationsOfAsync(tom.Id)).Single(o => o.DraftKey == form.DraftKey).ObservedAtUtc;
        Assert.Equal(Today.AddDays(-1), DateOnly.FromDateTime(observedAt)); // Auckland is half a day ahead of UTC
        Assert.Equal(before + 1, await CellAsync(tom.Id, tom.SkillIds[0], Today));
        await AssertRollupsCountWhatTheRatingsCountAsync();
    }

    [Fact]
    public async Task Amending_a_level_changes_no_count_and_removing_a_skill_takes_its_rating_away()
    {
        var grace = await app.PersonAsync("Grace Mensah");
        var manager = await ManagerAsync();
        var form = new ObservationPost(grace).Rate(0, 2).Rate(1, 2);
        await manager.PostAsync(Submit, form.Fields, htmx: true);
        var observation = (await app.ObservationsOfAsync(grace.Id)).Single(o => o.DraftKey == form.DraftKey);
        var day = OrganisationClock.Today(observation.ObservedAtUtc, Zone);
        var (first, second) = (await CellAsync(grace.Id, grace.SkillIds[0], day), await CellAsync(grace.Id, grace.SkillIds[1], day));

        var amended = await manager.PostAsync(Save, form.Rate(0, 4).Set("Form.Ratings[1].Level", "").Revision(observation.Revision).Set("Form.WasSubmitted", "true").Fields, htmx: true);

        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var now = (await app.ObservationsOfAsync(grace.Id)).Single(o => o.DraftKey == form.DraftKey);
        Assert.Equal([4], now.Ratings.Select(r => r.Level!.Value));
        Assert.Equal(first, await CellAsync(grace.Id, grace.SkillIds[0], day));
        Assert.Equal(second - 1, await CellAsync(grace.Id, grace.SkillIds[1], day));
        await AssertRollupsCountWhatTheRatingsCountAsync();
    }

    [Fact]
    public async Task A_backdated_observation_and_an_amended_date_count_on_the_days_they_name()
    {
        var ana = await app.PersonAsync("Ana Ruiz");
        var manager = await ManagerAsync();
        var monthsAgo = Today.AddDays(-100).ToDateTime(new TimeOnly(0, 30)); // just after local midnight: the day before in UTC
        var form = new ObservationPost(ana).Rate(0, 3).Set("Form.ObservedAt", monthsAgo.ToString("yyyy-MM-ddTHH:mm"));
        var before = await CellAsync(ana.Id, ana.SkillIds[0], Today.AddDays(-100));

        var submitted = await manager.PostAsync(Submit, form.Fields, htmx: true);

        Assert.True(submitted.Headers.Contains("HX-Redirect"), await submitted.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await CellAsync(ana.Id, ana.SkillIds[0], Today.AddDays(-100)));
        await AssertRollupsCountWhatTheRatingsCountAsync();

        var observation = (await app.ObservationsOfAsync(ana.Id)).Single(o => o.DraftKey == form.DraftKey);
        var later = Today.AddDays(-40).ToDateTime(new TimeOnly(23, 50));
        await manager.PostAsync(Save, form.Set("Form.ObservedAt", later.ToString("yyyy-MM-ddTHH:mm")).Revision(observation.Revision).Set("Form.WasSubmitted", "true").Fields, htmx: true);

        Assert.Equal(before, await CellAsync(ana.Id, ana.SkillIds[0], Today.AddDays(-100)));
        Assert.True(await CellAsync(ana.Id, ana.SkillIds[0], Today.AddDays(-40)) >= 1);
        await AssertRollupsCountWhatTheRatingsCountAsync();
    }

    [Fact]
    public async Task An_employee_moving_team_takes_their_ratings_to_the_new_team()
    {
        var (employeeId, from, into) = await app.WithDbAsync(async db =>
        {
            var teams = await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).Take(2).ToListAsync();
            var person = await db.Employees.Where(e => e.TeamId == teams[0] && !Observed.Contains(e.FirstName) && db.Ratings.Any(r => r.EmployeeId == e.Id && r.IsSubmitted)).Select(e => e.Id).FirstAsync();
            return (person, teams[0], teams[1]);
        });

        await app.WithDbAsync(async db =>
        {
            var employee = await db.Employees.SingleAsync(e => e.Id == employeeId);
            employee.TeamId = into;
            await db.SaveChangesAsync();
        });

        await AssertRollupsCountWhatTheRatingsCountAsync();
        await AssertRollupsCountWhatTheRatingsCountAsync(from);
        await AssertRollupsCountWhatTheRatingsCountAsync(into);
    }

    [Fact]
    public async Task Merging_a_team_into_another_moves_its_counts()
    {
        var admin = await Browser.SignedInAsync(app, "admin@demo.local");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/Admin/Teams?handler=Create", new() { ["Name"] = "Rollup Night", ["Site"] = "Riverside" })).StatusCode);
        var (night, frontEnd) = await app.WithDbAsync(async db => (
            await db.Teams.Where(t => t.Name == "Rollup Night").Select(t => t.Id).SingleAsync(),
            await db.Teams.Where(t => t.Name == "Front End").Select(t => t.Id).SingleAsync()));
        var ben = await app.WithDbAsync(async db =>
        {
            var person = await db.Employees.Where(e => e.TeamId != frontEnd && !Observed.Contains(e.FirstName) && db.Ratings.Any(r => r.EmployeeId == e.Id && r.IsSubmitted)).OrderBy(e => e.Id).FirstAsync();
            person.TeamId = night; // through the app: the rollups follow
            await db.SaveChangesAsync();
            return person.Id;
        });
        Assert.True(await AssertRollupsCountWhatTheRatingsCountAsync(night) > 0);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/Admin/Teams?handler=Merge&teamId={night}", new() { ["IntoTeamId"] = frontEnd.ToString() })).StatusCode);

        Assert.Equal(frontEnd, await app.WithDbAsync(db => db.Employees.Where(e => e.Id == ben).Select(e => e.TeamId).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.RatingRollups.Where(r => r.TeamId == night).SumAsync(r => r.Ratings)));
        await AssertRollupsCountWhatTheRatingsCountAsync(frontEnd);
        await AssertRollupsCountWhatTheRatingsCountAsync();
    }

    [Fact]
    public async Task Counting_again_from_the_ratings_gives_the_rows_kept_up_to_date()
    {
        var ana = await app.PersonAsync("Ana Ruiz");
        await (await ManagerAsync()).PostAsync(Submit, new ObservationPost(ana).Rate(0, 2).Rate(2, 1).Fields, htmx: true);
        static async Task<List<(RollupSpan, DateOnly, int, Guid, int)>> Rows(CoachingDbContext db) =>
            (await db.RatingRollups.Where(r => r.Ratings != 0).Select(r => new { r.Span, r.Start, r.TeamId, r.SkillKey, r.Ratings }).ToListAsync())
                .Select(r => (r.Span, r.Start, r.TeamId, r.SkillKey, r.Ratings)).OrderBy(r => r).ToList();
        var kept = await app.WithDbAsync(Rows);

        var written = await app.WithDbAsync(db => RatingRollups.RebuildAsync(db, Zone, default));

        var recounted = await app.WithDbAsync(Rows);
        Assert.Equal(kept, recounted);
        Assert.Equal(recounted.Count, written);
    }
}
