using System.Net;
using System.Security.Claims;
using Coaching.Domain.Insights;
using Coaching.Domain.Time;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Access;
using Coaching.Web.Data.Rollups;
using Coaching.Web.Features.Insights;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coaching.Tests.Insights;

/// <summary>
/// Skill gaps read each person's latest level per skill from <see cref="LatestLevel"/> rows; each test changes ratings
/// the way managers do and holds the rows, and the gaps page's figures, to the oracle: the latest submitted rating with
/// a level, found among the ratings themselves.
/// </summary>
public class LatestLevelsTests(FarZoneDemo app) : IClassFixture<FarZoneDemo>
{
    const string Save = "/Observations/Log?handler=Save";
    const string Submit = "/Observations/Log?handler=Submit";
    static readonly ClaimsPrincipal Hr = SignInClaims.For("latest-level-test", Roles.HR);

    TimeZoneInfo Zone => app.Services.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone;

    /// <summary>The latest level of every person in every skill they were rated in, from the ratings.</summary>
    Task<Dictionary<(int EmployeeId, Guid SkillKey), int>> OracleAsync() => app.WithDbAsync(async db =>
        (await db.Ratings.Where(r => r.IsSubmitted && r.Level != null).Select(r => new { r.EmployeeId, r.SkillKey, r.ObservedAtUtc, r.Id, Level = r.Level!.Value }).ToListAsync())
        .GroupBy(r => (r.EmployeeId, r.SkillKey))
        .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ObservedAtUtc).ThenByDescending(r => r.Id).First().Level));

    /// <summary>The rows against the oracle, then the gaps page's figures against the oracle classified per role and skill.</summary>
    async Task AssertFoundExactlyAsync()
    {
        var oracle = await OracleAsync();
        var rows = await app.WithDbAsync(db => db.LatestLevels.ToDictionaryAsync(l => (l.EmployeeId, l.SkillKey), l => l.Level));
        Assert.Equal(oracle.OrderBy(o => o.Key).ToList(), rows.OrderBy(r => r.Key).ToList());

        var (people, requirements) = await app.WithDbAsync(async db => (
            await db.Employees.Where(e => e.IsActive).Select(e => new { e.Id, e.JobRoleId }).ToListAsync(),
            await db.RoleRequirements.ToListAsync()));
        var expected = (from e in people
                        join q in requirements on e.JobRoleId equals q.JobRoleId
                        let latest = oracle.TryGetValue((e.Id, q.SkillKey), out var level) ? level : (int?)null
                        group GapRules.Classify(latest, q.RequiredLevel) by (q.JobRoleId, q.SkillKey) into g
                        select (g.Key.JobRoleId, g.Key.SkillKey, g.Count(), g.Count(s => s == GapStatus.BelowRequired), g.Count(s => s == GapStatus.NeverRated)))
            .Order().ToList();
        using var scope = app.Services.CreateScope();
        var scopes = scope.ServiceProvider.GetRequiredService<InsightsScopes>();
        var (s, _) = scopes.Resolve(Hr, new InsightsFilter(), await scopes.OptionsAsync(Hr, default));

        var gaps = await scope.ServiceProvider.GetRequiredService<InsightsQueries>().GapsAsync(s!, default);

        Assert.Equal(expected, gaps.Select(g => (g.RoleId, g.SkillKey, g.Employees, g.Below, g.NeverRated)).Order().ToList());
        Assert.Contains(gaps, g => g.Below > 0);
    }

    Task<int?> LatestAsync(int employeeId, int skillId) => app.WithDbAsync(async db =>
    {
        var key = await db.Skills.Where(k => k.Id == skillId).Select(k => k.Key).SingleAsync();
        return await db.LatestLevels.Where(l => l.EmployeeId == employeeId && l.SkillKey == key).Select(l => (int?)l.Level).SingleOrDefaultAsync();
    });

    [Fact]
    public async Task The_demo_organisation_seeded_through_the_app_is_found_exactly() => await AssertFoundExactlyAsync();

    [Fact]
    public async Task The_latest_observed_level_counts_not_the_latest_saved_and_amendments_move_it()
    {
        var grace = await app.PersonAsync("Grace Mensah");
        var manager = await Browser.SignedInAsync(app, "manager@demo.local");
        // Minutes ago: later than any of the demo's ratings, so these decide the level.
        string MinutesAgo(int minutes) => OrganisationClock.ToLocal(DateTime.UtcNow, Zone).AddMinutes(-minutes).ToString("yyyy-MM-ddTHH:mm");
        var recent = new ObservationPost(grace).Rate(0, 1).Set("Form.ObservedAt", MinutesAgo(5));
        Assert.True((await manager.PostAsync(Submit, recent.Revision(0).Fields, htmx: true)).Headers.Contains("HX-Redirect"));
        Assert.Equal(1, await LatestAsync(grace.Id, grace.SkillIds[0]));

        // Saved later, observed earlier: the level stays the recent observation's.
        var older = new ObservationPost(grace).Rate(0, 4).Set("Form.ObservedAt", MinutesAgo(10));
        Assert.True((await manager.PostAsync(Submit, older.Revision(0).Fields, htmx: true)).Headers.Contains("HX-Redirect"));
        Assert.Equal(1, await LatestAsync(grace.Id, grace.SkillIds[0]));
        await AssertFoundExactlyAsync();

        // Amending the recent observation's level moves the latest level with it.
        var observation = (await app.ObservationsOfAsync(grace.Id)).Single(o => o.DraftKey == recent.DraftKey);
        var amended = await manager.PostAsync(Save, recent.Rate(0, 2).Revision(observation.Revision).Set("Form.WasSubmitted", "true").Fields, htmx: true);
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        Assert.Equal(2, await LatestAsync(grace.Id, grace.SkillIds[0]));

        // Amending its time to before the other one makes the other one the latest.
        observation = (await app.ObservationsOfAsync(grace.Id)).Single(o => o.DraftKey == recent.DraftKey);
        var moved = await manager.PostAsync(Save, recent.Set("Form.ObservedAt", MinutesAgo(15)).Revision(observation.Revision).Set("Form.WasSubmitted", "true").Fields, htmx: true);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(4, await LatestAsync(grace.Id, grace.SkillIds[0]));
        await AssertFoundExactlyAsync();
    }

    [Fact]
    public async Task Rebuilding_finds_what_was_kept_in_step()
    {
        var kept = await app.WithDbAsync(db => db.LatestLevels.CountAsync());

        var written = await app.WithDbAsync(db => LatestLevels.RebuildAsync(db, default));

        Assert.Equal(kept, written);
        await AssertFoundExactlyAsync();
    }
}
