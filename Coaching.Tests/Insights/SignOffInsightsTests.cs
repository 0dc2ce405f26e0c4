using System.Net;
using System.Text;
using AngleSharp.Dom;
using Coaching.Domain.Observations;
using Coaching.Domain.SignOffs;
using Coaching.Domain.Time;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coaching.Tests.Insights;

/// <summary>
/// Every number on Insights → Sign-offs, its drill-downs and CSV files, on the known organisation with sign-offs inserted:
/// North (site Alpha): Ana (Scanning expiring in 10 days, Greeting signed without expiry), Ben (Scanning expired 5 days ago,
/// Greeting expired then signed again, Safety revoked), Cy (nothing). South (site Beta): Eve (Safety expiring in exactly 30
/// days; ready on Greeting: 4 ratings at or above the level by 2 observers), Fay (Scanning expiring in 31 days, Greeting
/// expiring today, so expired). Dee has left: her expiring sign-off counts nowhere. Cashier requires 3 skills.
/// </summary>
public class SignOffInsightsTests(KnownOrganisation org) : IClassFixture<KnownOrganisation>
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    // Per organisation: the same tests run again on PostgreSQL against an organisation of their own.
    static readonly HashSet<KnownOrganisation> Arranged = [];
    DateOnly Today => OrganisationClock.Today(DateTime.UtcNow, org.Services.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone);

    async Task<Browser> As(string email)
    {
        await org.BuiltAsync();
        await Gate.WaitAsync();
        try { if (!Arranged.Contains(org)) { await ArrangeAsync(); Arranged.Add(org); } }
        finally { Gate.Release(); }
        return await Browser.SignedInAsync(org, email, KnownOrganisation.Password);
    }

    Task ArrangeAsync() => org.WithDbAsync(async db =>
    {
        var today = Today;
        var people = await db.Employees.ToDictionaryAsync(e => e.FirstName, e => e.Id);
        var nora = await db.Users.Where(u => u.Email == "north@known.test").Select(u => u.Id).SingleAsync();
        var sam = await db.Users.Where(u => u.Email == "south@known.test").Select(u => u.Id).SingleAsync();
        var now = DateTime.UtcNow;
        SignOff Signed(string who, Guid skill, DateOnly? expires, DateTime? revoked = null, DateTime? superseded = null) => new()
        {
            EmployeeId = people[who], SkillKey = skill, SignedByUserId = nora, SignedAtUtc = now.AddDays(-200), ExpiresOn = expires,
            RevokedAtUtc = revoked, RevokedByUserId = revoked is null ? null : nora, RevokeReason = revoked is null ? null : "Wrong person", SupersededAtUtc = superseded,
        };
        db.SignOffs.AddRange(
            Signed("Ana", org.Scanning, today.AddDays(10)),
            Signed("Ana", org.Greeting, null),
            Signed("Ben", org.Scanning, today.AddDays(-5)),
            Signed("Ben", org.Greeting, today.AddDays(-20), superseded: now.AddDays(-10)),
            Signed("Ben", org.Greeting, null),
            Signed("Ben", org.Safety, null, revoked: now.AddDays(-3)),
            Signed("Eve", org.Safety, today.AddDays(30)),
            Signed("Fay", org.Scanning, today.AddDays(31)),
            Signed("Fay", org.Greeting, today),
            Signed("Dee", org.Scanning, today.AddDays(5)));
        var version = await db.RubricVersions.Include(v => v.Skills).SingleAsync();
        var greeting = version.Skills.Single(s => s.Key == org.Greeting);
        foreach (var (by, daysAgo) in new[] { (nora, 1.0), (sam, 2.0), (nora, 3.0) })
        {
            var at = now.AddDays(-daysAgo);
            var o = new Observation
            {
                EmployeeId = people["Eve"], ObserverUserId = by, RubricVersionId = version.Id, ObservedAtUtc = at, CreatedAtUtc = at, UpdatedAtUtc = at,
                Status = ObservationStatus.Draft, Revision = 1, Ratings = [new Rating { SkillId = greeting.Id, SkillKey = greeting.Key, Level = 3 }],
            };
            o.Submit(at);
            db.Observations.Add(o);
        }
        await db.SaveChangesAsync();
    });

    /// <summary>A row as shown: active, ready, expiring, expired, signed, required, share.</summary>
    static string[] Row(IDocument page, string by, string name)
    {
        var row = page.QuerySelectorAll($"#signoffs-by-{by} tbody tr").Single(r => r.GetAttribute("data-name") == name);
        return [.. new[] { ".people", ".ready", ".expiring", ".expired", ".share .signed", ".share .required", ".share-value" }.Select(c => row.QuerySelector(c)!.TextContent.Trim())];
    }

    /// <summary>A people row as read: the employee's name, then each further cell.</summary>
    static string Cells(IElement row) =>
        string.Join(" | ", new[] { row.QuerySelector("a.employee-link")!.TextContent }.Concat(row.QuerySelectorAll("td").Skip(1).Select(td => Normalise(td.TextContent))));

    static string Normalise(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    async Task<string[]> CsvAsync(Browser who, string query)
    {
        var response = await who.GetAsync("/Insights/SignOffs?handler=Csv&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    static string Day(DateOnly d) => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task HR_sees_per_site_and_team_who_is_ready_what_expires_within_30_days_what_expired_and_the_share_signed_off()
    {
        var hr = await As("hr@known.test");

        var page = await hr.GetDocumentAsync("/Insights/SignOffs");

        Assert.Equal("33% of the required skills of 5 active people are signed off (5 of 15).", Normalise(page.GetElementById("signoff-share")!.TextContent));
        var totals = page.GetElementById("signoff-totals")!;
        Assert.Equal(["1", "2", "2"], new[] { ".ready .count", ".expiring .count", ".expired .count" }.Select(c => totals.QuerySelector(c)!.TextContent).ToArray());
        Assert.Equal(["3", "0", "1", "1", "3", "9", "33%"], Row(page, "site", "Alpha"));
        Assert.Equal(["2", "1", "1", "1", "2", "6", "33%"], Row(page, "site", "Beta"));
        Assert.Equal(["3", "0", "1", "1", "3", "9", "33%"], Row(page, "team", "North"));
        Assert.Equal(["2", "1", "1", "1", "2", "6", "33%"], Row(page, "team", "South"));

        // Flagged ahead of time, soonest first, with the date and the days left; Dee has left and Fay's is 31 days away.
        var expiring = page.QuerySelectorAll("#expiring-next tbody tr").Select(Cells).ToArray();
        Assert.Equal([$"Ana North | Scanning | Expiring {Day(Today.AddDays(10))} | 10", $"Eve South | Safety | Expiring {Day(Today.AddDays(30))} | 30"], expiring);
        Assert.Contains(page.QuerySelectorAll("#insights nav a, nav a"), a => a.TextContent == "Sign-offs" && a.GetAttribute("aria-current") == "page");
    }

    [Fact]
    public async Task The_batched_readiness_read_agrees_with_the_profiles_one_person_at_a_time()
    {
        await As("hr@known.test");
        using var scope = org.Services.CreateScope();
        var signOffs = scope.ServiceProvider.GetRequiredService<Coaching.Web.Features.SignOffs.SkillSignOffs>();
        var ids = await org.WithDbAsync(db => db.Employees.Select(e => e.Id).ToListAsync());

        var fast = (await signOffs.ReadyForSignOffAsync(ids, default)).Select(r => (r.EmployeeId, r.SkillKey)).Order().ToList();
        var full = (await signOffs.ForEmployeesAsync(ids, default)).SelectMany(g => g).Where(st => st.IsReadyForSignOff).Select(st => (st.EmployeeId, st.SkillKey)).Order().ToList();

        Assert.Equal(full, fast);
        Assert.Single(fast); // Eve on Greeting
    }

    [Fact]
    public async Task Each_count_opens_the_people_behind_it_with_their_skill_and_date()
    {
        var hr = await As("hr@known.test");

        var expiring = await hr.GetDocumentAsync("/Insights/SignOffs?handler=People&kind=expiring&by=all&key=all", htmx: true);
        Assert.Equal("2 people with a sign-off expiring within 30 days", Normalise(expiring.QuerySelector("p")!.TextContent));
        Assert.Equal([$"Ana North | Scanning | {Day(Today.AddDays(10))} (10 days left)", $"Eve South | Safety | {Day(Today.AddDays(30))} (30 days left)"],
            expiring.QuerySelectorAll("#signoff-people-list tbody tr").Select(Cells));

        var expired = await hr.GetDocumentAsync("/Insights/SignOffs?handler=People&kind=expired&by=site&key=Beta", htmx: true);
        Assert.Equal("Beta", expired.QuerySelector("h2")!.TextContent);
        Assert.Equal([$"Fay South | Greeting | {Day(Today)}"], expired.QuerySelectorAll("#signoff-people-list tbody tr").Select(Cells));

        var ready = await hr.GetDocumentAsync($"/Insights/SignOffs?handler=People&kind=ready&by=team&key={org.South}", htmx: true);
        Assert.Equal(["Eve South | Greeting"], ready.QuerySelectorAll("#signoff-people-list tbody tr").Select(Cells));

        var northExpired = await hr.GetDocumentAsync($"/Insights/SignOffs?handler=People&kind=expired&by=team&key={org.North}", htmx: true);
        Assert.Equal([$"Ben North | Scanning | {Day(Today.AddDays(-5))}"], northExpired.QuerySelectorAll("#signoff-people-list tbody tr").Select(Cells));

        // Opened directly (no htmx), the drill-down is the whole page with the panel filled.
        var whole = await hr.GetDocumentAsync("/Insights/SignOffs?handler=People&kind=expiring&by=all&key=all");
        Assert.NotNull(whole.GetElementById("signoffs-by-team"));
        Assert.Equal(2, whole.QuerySelectorAll("#signoff-people #signoff-people-list tbody tr").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/Insights/SignOffs?handler=People&kind=nothing&by=all&key=all", htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/Insights/SignOffs?handler=People&kind=ready&by=team&key=99999", htmx: true)).StatusCode);
    }

    [Fact]
    public async Task The_tables_and_the_people_download_as_CSV()
    {
        var hr = await As("hr@known.test");

        var teams = await CsvAsync(hr, "table=teams");
        Assert.Equal("Team,Site,Active people,Ready for sign-off,Expiring within 30 days,\"Expired, not signed off again\",Required skills,Signed off,Share signed off", teams[0]);
        Assert.Contains("North,Alpha,3,0,1,1,9,3,0.33", teams);
        Assert.Contains("South,Beta,2,1,1,1,6,2,0.33", teams);
        Assert.Contains("Alpha,3,0,1,1,9,3,0.33", await CsvAsync(hr, "table=sites"));
        var people = await CsvAsync(hr, "table=people&kind=expiring&by=all&key=all");
        Assert.Equal($"Everyone in view,Ana North,North,Alpha,Scanning,{Today.AddDays(10):yyyy-MM-dd},10", people[1]);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/Insights/SignOffs?handler=Csv&table=nothing")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync("/Insights/SignOffs?handler=Csv&table=teams&team=abc")).StatusCode);
    }

    [Fact]
    public async Task A_manager_sees_only_their_teams_and_cannot_reach_another_teams_people_by_any_key()
    {
        var nora = await As("north@known.test");

        var page = await nora.GetDocumentAsync("/Insights/SignOffs");
        Assert.Equal(["North"], page.QuerySelectorAll("#signoffs-by-team tbody tr").Select(r => r.GetAttribute("data-name")!));
        Assert.StartsWith("33% of the required skills of 3 active people", Normalise(page.GetElementById("signoff-share")!.TextContent));
        Assert.Single(page.QuerySelectorAll("#expiring-next tbody tr"));

        foreach (var url in new[] { $"handler=People&kind=ready&by=team&key={org.South}", "handler=People&kind=expired&by=site&key=Beta",
                     $"handler=Csv&table=people&kind=expiring&by=team&key={org.South}" })
            Assert.Equal(HttpStatusCode.NotFound, (await nora.GetAsync("/Insights/SignOffs?" + url, htmx: true)).StatusCode);
        var everyone = await nora.GetDocumentAsync("/Insights/SignOffs?handler=People&kind=expiring&by=all&key=all", htmx: true);
        Assert.Equal(["Ana North"], everyone.QuerySelectorAll("#signoff-people-list a.employee-link").Select(a => a.TextContent));

        // Another team's id in the filter is refused beside the field, like an unknown one.
        var filtered = await nora.GetDocumentAsync($"/Insights/SignOffs?team={org.South}");
        Assert.Equal("No such team among the teams you can see.", filtered.GetElementById("team-problem")!.TextContent);
        Assert.Null(filtered.GetElementById("signoffs-by-team"));
    }
}
