using System.Net;
using System.Security.Claims;
using Coaching.Domain.Insights;
using Coaching.Domain.Observations;
using Coaching.Domain.Time;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Access;
using Coaching.Web.Data;
using Coaching.Web.Data.Rollups;
using Coaching.Web.Features.Insights;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coaching.Tests.Insights;

/// <summary>
/// Coverage's per-person figures read <see cref="ObservationRollup"/> rows for whole months and the observations for
/// part-months; each test changes observations the way people do and holds both to the oracle: the observations
/// themselves, counted per person and local month, and per person over each period.
/// </summary>
public class ObservationRollupsTests(FarZoneDemo app) : IClassFixture<FarZoneDemo>
{
    const string Save = "/Observations/Log?handler=Save";
    const string Submit = "/Observations/Log?handler=Submit";
    static readonly ClaimsPrincipal Hr = SignInClaims.For("observation-rollup-test", Roles.HR);

    TimeZoneInfo Zone => app.Services.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone;
    DateOnly Today => OrganisationClock.Today(DateTime.UtcNow, Zone);

    IEnumerable<InsightsFilter> Periods() => RollupPeriods.Around(Today);

    /// <summary>The rows against the observations counted per person and local month, then the per-person reads for every period.</summary>
    async Task AssertCountedExactlyAsync(int? team = null)
    {
        var (rows, observed) = await app.WithDbAsync(async db => (
            await db.ObservationRollups.Select(r => new { r.EmployeeId, r.Month, r.Observations, r.LastObservedAtUtc }).ToListAsync(),
            await db.Observations.Where(o => o.Status == ObservationStatus.Submitted).Select(o => new { o.EmployeeId, o.ObservedAtUtc }).ToListAsync()));
        var expected = observed.GroupBy(o => (o.EmployeeId, RollupRanges.MonthOf(OrganisationClock.Today(o.ObservedAtUtc, Zone))))
            .Select(g => (g.Key.EmployeeId, g.Key.Item2, g.Count(), g.Max(o => o.ObservedAtUtc))).Order().ToList();
        Assert.Equal(expected, rows.Select(r => (r.EmployeeId, r.Month, r.Observations, r.LastObservedAtUtc)).Order().ToList());

        var inAnyPeriod = 0;
        foreach (var filter in Periods())
        {
            if (team is { } t) filter.Team = t.ToString();
            using var scope = app.Services.CreateScope();
            var scopes = scope.ServiceProvider.GetRequiredService<InsightsScopes>();
            var (s, problems) = scopes.Resolve(Hr, filter, await scopes.OptionsAsync(Hr, default));
            if (s is null && problems.ContainsKey("from")) continue; // a custom period before the first observation
            Assert.NotNull(s);
            var inScope = (await s.Employees.Select(e => e.Id).ToListAsync()).ToHashSet();

            var read = await scope.ServiceProvider.GetRequiredService<InsightsQueries>().ObservedAsync(s, default);

            var oracle = observed.Where(o => inScope.Contains(o.EmployeeId) && o.ObservedAtUtc < s.EndUtc).GroupBy(o => o.EmployeeId)
                .ToDictionary(g => g.Key, g => (Last: g.Max(o => o.ObservedAtUtc), InPeriod: g.Count(o => o.ObservedAtUtc >= s.StartUtc)));
            Assert.Equal(oracle.OrderBy(o => o.Key).ToList(), read.OrderBy(o => o.Key).ToList());
            inAnyPeriod += oracle.Values.Sum(o => o.InPeriod);
        }
        Assert.True(inAnyPeriod > 0, "the periods hold observations");
    }

    [Fact]
    public async Task The_demo_organisation_seeded_through_the_app_is_counted_exactly()
    {
        await AssertCountedExactlyAsync();
        await AssertCountedExactlyAsync(await app.WithDbAsync(db => db.Teams.Where(t => t.Name == "Front End").Select(t => t.Id).SingleAsync()));
    }

    [Fact]
    public async Task A_draft_counts_nowhere_a_submitted_observation_counts_in_its_local_month_and_an_amended_date_moves_it()
    {
        var tom = await app.PersonAsync("Tom Becker");
        var manager = await Browser.SignedInAsync(app, "manager@demo.local");
        // Just after local midnight on the first of last month: still the month before in UTC (Auckland is ahead).
        var firstOfLastMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
        var form = new ObservationPost(tom).Rate(0, 3).Set("Form.ObservedAt", firstOfLastMonth.ToDateTime(new TimeOnly(0, 30)).ToString("yyyy-MM-ddTHH:mm"));
        Task<int> InMonth(DateOnly month) => app.WithDbAsync(db => db.ObservationRollups.Where(r => r.EmployeeId == tom.Id && r.Month == month).Select(r => r.Observations).SingleOrDefaultAsync());
        var before = await InMonth(firstOfLastMonth);

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync(Save, form.Fields, htmx: true)).StatusCode);
        Assert.Equal(before, await InMonth(firstOfLastMonth));

        var submitted = await manager.PostAsync(Submit, form.Revision(1).Fields, htmx: true);

        Assert.True(submitted.Headers.Contains("HX-Redirect"), await submitted.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await InMonth(firstOfLastMonth));
        await AssertCountedExactlyAsync();

        var observation = (await app.ObservationsOfAsync(tom.Id)).Single(o => o.DraftKey == form.DraftKey);
        var twoMonthsAgo = firstOfLastMonth.AddMonths(-1).AddDays(14);
        var amended = await manager.PostAsync(Save, form.Set("Form.ObservedAt", twoMonthsAgo.ToDateTime(new TimeOnly(10, 0)).ToString("yyyy-MM-ddTHH:mm"))
            .Revision(observation.Revision).Set("Form.WasSubmitted", "true").Fields, htmx: true);

        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        Assert.Equal(before, await InMonth(firstOfLastMonth));
        Assert.True(await InMonth(RollupRanges.MonthOf(twoMonthsAgo)) >= 1);
        await AssertCountedExactlyAsync();
    }

    [Fact]
    public async Task Rebuilding_counts_what_was_kept_in_step()
    {
        var kept = await app.WithDbAsync(db => db.ObservationRollups.CountAsync());

        var written = await app.WithDbAsync(db => ObservationRollups.RebuildAsync(db, Zone, default));

        Assert.Equal(kept, written);
        await AssertCountedExactlyAsync();
    }
}
