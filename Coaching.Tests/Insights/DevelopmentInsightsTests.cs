using System.Net;
using System.Text;
using AngleSharp.Dom;
using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Features.Insights;

namespace Coaching.Tests.Insights;

/// <summary>Every number on Insights → Development and in its CSV files, on an organisation whose numbers are known (see <see cref="DevelopmentOrganisation"/>).</summary>
public class DevelopmentInsightsTests(DevelopmentOrganisation org) : IClassFixture<DevelopmentOrganisation>
{
    async Task<Browser> As(string email)
    {
        await org.DevelopedAsync();
        return await Browser.SignedInAsync(org, email, KnownOrganisation.Password);
    }

    /// <summary>A conversation-rate row as shown: active, 30, 90, 365 days, target share, without.</summary>
    static string[] Rates(IDocument page, string table, string name)
    {
        var row = page.QuerySelectorAll($"#by-{table} tbody tr").Single(r => r.GetAttribute("data-name") == name);
        return [.. new[] { ".people", ".w30", ".w90", ".w365", ".target .share-value", ".without" }.Select(c => row.QuerySelector(c)!.TextContent.Trim())];
    }

    async Task<string[]> CsvAsync(Browser who, string query)
    {
        var response = await who.GetAsync("/Insights/Development?handler=Csv&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void The_date_boundary_the_database_compares_is_the_conversation_rates_own()
    {
        var today = new DateOnly(2026, 11, 25);
        foreach (var window in new[] { 7, 30, 90, 365 })
        {
            var earliest = DevelopmentInsights.EarliestCounted(today, window);
            Assert.True(ConversationRate.IsWithin(earliest, today, window));
            Assert.False(ConversationRate.IsWithin(earliest.AddDays(-1), today, window));
        }
    }

    [Fact]
    public async Task HR_sees_the_share_of_active_people_with_a_conversation_in_each_window_against_the_target()
    {
        var hr = await As("hr@known.test");

        var page = await hr.GetDocumentAsync("/Insights/Development");

        // Everyone: Ana (10 days), Ben (exactly 90), Cy (91), Eve (exactly 365), Fay (never); Dee has left and does not count.
        Assert.Contains("40% of 5 active people had a development conversation within the target (every 90 days)", Normalise(page.GetElementById("conversation-rate")!.TextContent));
        var windows = page.GetElementById("conversation-windows")!;
        Assert.Equal(["20%", "40%", "80%", "3"], new[] { ".w30", ".w90", ".w365", ".without" }.Select(c => windows.QuerySelector(c)!.TextContent).ToArray());
        Assert.Equal(["3", "33%", "67%", "100%", "67%", "1"], Rates(page, "site", "Alpha"));
        Assert.Equal(["2", "0%", "0%", "50%", "0%", "2"], Rates(page, "site", "Beta"));
        Assert.Equal(["3", "33%", "67%", "100%", "67%", "1"], Rates(page, "team", "North"));
        Assert.Equal(["2", "0%", "0%", "50%", "0%", "2"], Rates(page, "team", "South"));
        Assert.Equal(["3", "33%", "67%", "100%", "67%", "1"], Rates(page, "manager", "Nora Lenient"));
        Assert.Equal(["2", "0%", "0%", "50%", "0%", "2"], Rates(page, "manager", "Sam Strict"));
        // Lowest share first: where HR should look.
        Assert.Equal("South", page.QuerySelector("#by-team tbody tr")!.GetAttribute("data-name"));
        Assert.NotNull(page.QuerySelector("a[href='/Development/Settings']"));
    }

    static string Normalise(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task The_people_without_a_conversation_within_the_target_open_as_an_htmx_drill_down()
    {
        var hr = await As("hr@known.test");

        var response = await hr.GetAsync($"/Insights/Development?handler=Without&by=team&key={org.South}", htmx: true);
        var html = await response.Content.ReadAsStringAsync();
        var south = await Browser.ParseAsync(response);
        var everyone = await hr.GetDocumentAsync("/Insights/Development?handler=Without&by=all", htmx: true);
        var nora = await hr.GetDocumentAsync($"/Insights/Development?handler=Without&by=manager&key={org.NoraId}", htmx: true);
        var site = await hr.GetDocumentAsync("/Insights/Development?handler=Without&by=site&key=Alpha", htmx: true);

        Assert.DoesNotContain("<html", html);
        static (string, string, string)[] People(IDocument d) => [.. d.QuerySelectorAll("#without-people tbody tr")
            .Select(r => (r.QuerySelector("a")!.TextContent, r.QuerySelectorAll("td")[1].TextContent, r.QuerySelectorAll("td")[2].TextContent))];
        Assert.Equal([("Fay South", "never", "–"), ("Eve South", org.Today.AddDays(-365).ToString("d MMM yyyy"), "365")], People(south));
        Assert.Equal(["Fay South", "Eve South", "=HYPERLINK(\"x\") O'Neil, Jr"], People(everyone).Select(p => p.Item1).ToArray());
        Assert.Equal([("=HYPERLINK(\"x\") O'Neil, Jr", org.Today.AddDays(-91).ToString("d MMM yyyy"), "91")], People(nora));
        Assert.Equal(People(nora), People(site));
        Assert.Contains("2 people without a development conversation in the last 90 days", south.Body!.TextContent);

        var full = await hr.GetDocumentAsync($"/Insights/Development?handler=Without&by=team&key={org.South}");
        Assert.NotNull(full.QuerySelector("#by-team"));
        Assert.Equal(2, full.QuerySelectorAll("#without #without-people tbody tr").Length);
    }

    [Fact]
    public async Task Plans_are_counted_by_track_and_status_for_active_people()
    {
        var hr = await As("hr@known.test");

        var page = await hr.GetDocumentAsync("/Insights/Development");

        string[] Row(DevelopmentTrack track) => [.. page.QuerySelectorAll($"#plans tr[data-track='{track}'] td").Select(td => td.TextContent)];
        // active, achieved, stopped, all; Dee's plan is not counted (she has left).
        Assert.Equal(["2", "1", "0", "3"], Row(DevelopmentTrack.Upskilling));
        Assert.Equal(["0", "0", "1", "1"], Row(DevelopmentTrack.Reskilling));
        Assert.Equal(["1", "0", "0", "1"], Row(DevelopmentTrack.CrossTraining));
        Assert.Equal(["0", "0", "0", "0"], Row(DevelopmentTrack.Newskilling));
    }

    [Fact]
    public async Task Chosen_skills_are_ranked_by_how_many_active_people_chose_them()
    {
        var hr = await As("hr@known.test");

        var page = await hr.GetDocumentAsync("/Insights/Development");

        var rows = page.QuerySelectorAll("#chosen tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToArray();
        // Eve dropped Safety; Dee (left) chose Scanning.
        Assert.Equal(["1|Greeting|2", "2|Safety|2", "3|Scanning|1"], rows);
    }

    [Fact]
    public async Task Confidence_is_set_against_the_last_observed_level_with_mismatches_counted_by_skill()
    {
        var hr = await As("hr@known.test");

        var page = await hr.GetDocumentAsync("/Insights/Development");

        string[] Row(string skill) => [.. page.QuerySelectorAll($"#confidence tr[data-skill='{skill}'] td").Skip(1).Select(td => td.TextContent)];
        // people, mean confidence, observed, mean last observed level, confident-observed-low, observed-high-not-confident
        // Greeting: Ana 5 (her older 2 does not count) at 4 against her plan's 4; Ben 1 at 4 against 2 (flag); Eve 1 at 2 against her plan's 3.
        Assert.Equal(["3", "2.3", "3", "3.3", "0", "1"], Row("Greeting"));
        // Scanning: Eve 4 at 2 against 3 (flag); Fay 4, never observed in Scanning; Dee has left.
        Assert.Equal(["2", "4.0", "1", "2.0", "1", "0"], Row("Scanning"));
        Assert.Equal(2, page.QuerySelectorAll("#confidence tbody tr").Length);
    }

    [Fact]
    public async Task Each_table_downloads_as_CSV_with_the_same_numbers()
    {
        var hr = await As("hr@known.test");

        var sites = await CsvAsync(hr, "table=sites");
        Assert.Equal("Site,Active employees,Within 30 days,Share 30 days,Within 90 days,Share 90 days,Within 365 days,Share 365 days,Within target (90 days),Share meeting target,Without (target)", sites[0]);
        Assert.Equal(["Beta,2,0,0,0,0,1,0.5,0,0,2", "Alpha,3,1,0.33,2,0.67,3,1,2,0.67,1"], sites[1..]);
        Assert.Equal(["North,Alpha,3,1,0.33,2,0.67,3,1,2,0.67,1"], (await CsvAsync(hr, "table=teams")).Where(l => l.StartsWith("North")));
        Assert.Contains("Sam Strict,South,2,0,0,0,0,1,0.5,0,0,2", await CsvAsync(hr, "table=managers"));
        Assert.Equal(["Track,Active,Achieved,Stopped,All", "Upskilling,2,1,0,3", "Reskilling,0,0,1,1", "Cross-training,1,0,0,1", "Newskilling,0,0,0,0"], await CsvAsync(hr, "table=plans"));
        Assert.Equal(["Rank,Skill,People who chose it", "1,Greeting,2", "2,Safety,2", "3,Scanning,1"], await CsvAsync(hr, "table=chosen"));
        Assert.Equal(["Skill,People with a confidence rating,Mean confidence,Observed,Mean last observed level,Confident, observed low,Observed high, not confident,Flagged".Replace("Confident, observed low", "\"Confident, observed low\"").Replace("Observed high, not confident", "\"Observed high, not confident\""),
            "Greeting,3,2.33,3,3.33,0,1,1", "Scanning,2,4,1,2,1,0,1"], await CsvAsync(hr, "table=confidence"));
        var without = await CsvAsync(hr, $"table=without&by=team&key={org.North}");
        Assert.Equal(["Group,Employee,Team,Site,Last conversation,Days since", $"North · Alpha,\"'=HYPERLINK(\"\"x\"\") O'Neil, Jr\",North,Alpha,{org.Today.AddDays(-91):yyyy-MM-dd},91"], without);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/Insights/Development?handler=Csv&table=nothing")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync("/Insights/Development?handler=Csv&table=teams&team=abc")).StatusCode);
    }

    [Fact]
    public async Task A_manager_sees_only_their_teams_and_cannot_reach_other_teams_people_by_any_key()
    {
        var nora = await As("north@known.test");

        var page = await nora.GetDocumentAsync("/Insights/Development");

        Assert.Equal(["North"], page.QuerySelectorAll("#by-team tbody tr").Select(r => r.GetAttribute("data-name")!).ToArray());
        Assert.Equal(["Alpha"], page.QuerySelectorAll("#by-site tbody tr").Select(r => r.GetAttribute("data-name")!).ToArray());
        Assert.Equal(["Nora Lenient"], page.QuerySelectorAll("#by-manager tbody tr").Select(r => r.GetAttribute("data-name")!).ToArray());
        Assert.Contains("67% of 3 active people", Normalise(page.GetElementById("conversation-rate")!.TextContent));
        // North: Ana's active plan and Ben's achieved one; Eve's are South's.
        Assert.Equal(["1", "1", "0", "2"], page.QuerySelectorAll($"#plans tr[data-track='{DevelopmentTrack.Upskilling}'] td").Select(td => td.TextContent).ToArray());
        Assert.DoesNotContain("Scanning", page.GetElementById("chosen")!.TextContent); // Fay's choice is South's
        Assert.Null(page.QuerySelector("a[href='/Development/Settings']"));

        foreach (var url in new[] { $"handler=Without&by=team&key={org.South}", "handler=Without&by=site&key=Beta", $"handler=Without&by=manager&key={org.SamId}",
                     "handler=Without&by=nothing", $"handler=Csv&table=without&by=team&key={org.South}" })
            Assert.Equal(HttpStatusCode.NotFound, (await nora.GetAsync("/Insights/Development?" + url, htmx: true)).StatusCode);
        var tampered = await nora.GetDocumentAsync($"/Insights/Development?team={org.South}");
        Assert.Contains("No such team", tampered.GetElementById("team-problem")!.TextContent);
        Assert.DoesNotContain("South", tampered.GetElementById("results")!.TextContent);
        var everyone = await nora.GetDocumentAsync("/Insights/Development?handler=Without&by=all", htmx: true);
        Assert.DoesNotContain("Fay", everyone.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await nora.GetAsync("/Development/Settings")).StatusCode);
    }

    [Fact]
    public async Task Filters_narrow_every_table_to_one_site()
    {
        var hr = await As("hr@known.test");

        var page = await hr.GetDocumentAsync("/Insights/Development?site=Beta");

        Assert.Contains("0% of 2 active people", Normalise(page.GetElementById("conversation-rate")!.TextContent));
        Assert.Equal(["South"], page.QuerySelectorAll("#by-team tbody tr").Select(r => r.GetAttribute("data-name")!).ToArray());
        Assert.Equal(["1|Greeting|1", "2|Scanning|1"], page.QuerySelectorAll("#chosen tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToArray());
    }
}
