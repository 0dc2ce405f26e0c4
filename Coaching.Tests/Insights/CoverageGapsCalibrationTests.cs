using System.Net;
using System.Text;
using AngleSharp.Dom;
using Coaching.Tests.Infrastructure;

namespace Coaching.Tests.Insights;

/// <summary>Every number the insights pages show, on an organisation whose numbers are known (see <see cref="KnownOrganisation"/>).</summary>
public class CoverageGapsCalibrationTests(KnownOrganisation org) : IClassFixture<KnownOrganisation>
{
    async Task<Browser> As(string email)
    {
        await org.BuiltAsync();
        return await Browser.SignedInAsync(org, email, KnownOrganisation.Password);
    }

    static Dictionary<string, string> Cells(IDocument page) =>
        page.QuerySelectorAll("table.heatmap a.heat").ToDictionary(a => a.GetAttribute("aria-label")!.Split(':')[0], a => a.TextContent.Trim());

    static IElement TeamRow(IDocument page, string team) =>
        page.QuerySelectorAll("#team-coverage tbody tr").Single(r => r.QuerySelector("td")!.TextContent == team);

    [Fact]
    public async Task HR_sees_ratings_per_team_and_skill_with_the_never_observed_skill_standing_out()
    {
        var hr = await As("hr@known.test");

        var page = await hr.GetDocumentAsync("/Insights/Coverage?period=30");

        var cells = Cells(page);
        Assert.Equal("2", cells["North, Scanning"]);   // Ana and Ben; Cy's draft does not count
        Assert.Equal("11", cells["North, Greeting"]);
        Assert.Equal("0", cells["North, Safety"]);
        Assert.Equal("1", cells["South, Scanning"]);
        Assert.Equal("11", cells["South, Greeting"]);
        Assert.Contains("heat-0", page.QuerySelector("a.heat[aria-label^='South, Safety']")!.ClassName);
        Assert.Equal(["Safety"], page.QuerySelectorAll("#never-observed tbody tr td:last-child").Select(td => td.TextContent).ToArray());
        Assert.Contains("never observed", page.QuerySelectorAll("th.skill.never").Single().TextContent);
    }

    [Fact]
    public async Task Per_team_coverage_counts_active_people_observed_median_days_and_observations_per_manager()
    {
        var hr = await As("hr@known.test");

        var page = await hr.GetDocumentAsync("/Insights/Coverage?period=30");

        var north = TeamRow(page, "North").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        // team, site, active, observed, share, median days, never observed, observations, per manager
        Assert.Equal(["North", "Alpha", "3", "2", "67%", "4", "1", "12", "12"], north);
        var south = TeamRow(page, "South").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(["South", "Beta", "2", "2", "100%", "5.5", "0", "11", "11"], south);
    }

    [Fact]
    public async Task A_longer_period_takes_in_older_observations()
    {
        var hr = await As("hr@known.test");

        var page = await hr.GetDocumentAsync("/Insights/Coverage?period=90");

        Assert.Equal("3", Cells(page)["North, Scanning"]);
        Assert.Equal("13", TeamRow(page, "North").QuerySelectorAll("td")[7].TextContent);
    }

    [Fact]
    public async Task Tapping_a_cell_answers_htmx_with_the_people_behind_it()
    {
        var hr = await As("hr@known.test");

        var response = await hr.GetAsync($"/Insights/Coverage?handler=Cell&period=30&cellTeam={org.North}&skill={org.Greeting}", htmx: true);
        var html = await response.Content.ReadAsStringAsync();
        var doc = await Browser.ParseAsync(response);

        Assert.DoesNotContain("<html", html);
        var rows = doc.QuerySelectorAll("#cell-people tbody tr").Select(r => (r.QuerySelector("td")!.FirstChild!.TextContent.Trim(), r.QuerySelectorAll("td")[1].TextContent)).ToList();
        Assert.Equal(("Ben North", "10"), rows[0]);
        Assert.Equal(("Ana North", "1"), rows[1]);
        Assert.Contains(("=HYPERLINK(\"x\") O'Neil, Jr", "0"), rows);
        Assert.Contains(rows, r => r.Item1 == "Dee Gone");
    }

    [Fact]
    public async Task Gaps_count_people_below_and_never_rated_by_their_latest_rating()
    {
        var hr = await As("hr@known.test");

        var page = await hr.GetDocumentAsync("/Insights/Gaps");

        (string Below, string Never, string Meets) Row(string skill)
        {
            var tr = page.QuerySelector($"#gaps tr[data-skill='{skill}']")!;
            return (tr.QuerySelector(".below")!.TextContent, tr.QuerySelector(".never")!.TextContent, tr.QuerySelector(".meets")!.TextContent);
        }
        Assert.Equal(("1", "2", "2"), Row("Scanning")); // Eve below; Cy (draft only) and Fay never; Ana's latest is 4, not the older 2
        Assert.Equal(("1", "1", "3"), Row("Greeting")); // Fay below
        Assert.Equal(("0", "5", "0"), Row("Safety"));

        var people = await hr.GetDocumentAsync($"/Insights/Gaps?handler=People&gapRole={org.Cashier}&skill={org.Scanning}", htmx: true);
        var statuses = people.QuerySelectorAll("#gap-people-table tbody tr").ToDictionary(r => r.QuerySelector("td")!.TextContent, r => r.QuerySelectorAll("td")[4].TextContent);
        Assert.Equal("below required", statuses["Eve South"]);
        Assert.Equal("never rated", statuses["Fay South"]);
        Assert.Equal("meets required", statuses["Ana North"]);
        Assert.DoesNotContain("Dee Gone", statuses.Keys); // left the organisation
    }

    [Fact]
    public async Task Calibration_flags_observers_far_from_everyones_mean_with_ten_ratings()
    {
        var hr = await As("hr@known.test");

        var page = await hr.GetDocumentAsync("/Insights/Calibration?period=30");

        var nora = page.QuerySelector("#observers tr[data-observer='Nora Lenient']")!;
        var sam = page.QuerySelector("#observers tr[data-observer='Sam Strict']")!;
        Assert.Equal("13", nora.QuerySelectorAll("td")[0].TextContent);
        Assert.Contains("calibrate", nora.TextContent);
        Assert.Contains("calibrate", sam.TextContent);
        // Greeting: Nora 11 × 4, Sam 2 + 10 × 1 → everyone 56/22 = 2.55; Scanning has too few ratings to flag.
        Assert.Contains("Greeting: 4.00 vs 2.55 (+1.45, 11 ratings)", nora.TextContent);
        Assert.DoesNotContain("Scanning", nora.QuerySelectorAll("td")[3].TextContent);
        Assert.Contains("Greeting: 1.09 vs 2.55 (−1.45, 11 ratings)", sam.TextContent);
        Assert.Contains("level 4: 13", nora.QuerySelector("svg.levels")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_manager_sees_only_their_own_team_even_with_a_tampered_team_id()
    {
        var south = await As("south@known.test");

        var page = await south.GetDocumentAsync("/Insights/Coverage?period=30");
        Assert.All(Cells(page).Keys, k => Assert.StartsWith("South,", k));
        Assert.Single(page.QuerySelectorAll("#team-coverage tbody tr"));

        var tampered = await south.GetDocumentAsync($"/Insights/Coverage?period=30&team={org.North}");
        Assert.Contains("No such team", tampered.QuerySelector("#team-problem")!.TextContent);
        Assert.Empty(tampered.QuerySelectorAll("table.heatmap"));
        Assert.DoesNotContain("North", tampered.QuerySelector("#results")!.TextContent);

        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/Insights/Coverage?handler=Cell&period=30&cellTeam={org.North}&skill={org.Greeting}", htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/Insights/Coverage?handler=Csv&table=cell&period=30&cellTeam={org.North}&skill={org.Greeting}")).StatusCode);
        var gaps = await south.GetDocumentAsync("/Insights/Gaps");
        Assert.Equal("2", gaps.QuerySelector("#gaps tr[data-skill='Safety'] .never")!.TextContent); // Eve and Fay only
        var calibration = await south.GetDocumentAsync("/Insights/Calibration?period=30");
        Assert.Null(calibration.QuerySelector("#observers tr[data-observer='Nora Lenient']"));
    }

    [Theory]
    [InlineData("period=week", "period-problem", "Choose last 30")]
    [InlineData("period=custom&from=2026-03-10&to=2026-03-01", "from-problem", "after the end date")]
    [InlineData("period=custom&from=2026-03-10&to=2999-01-01", "to-problem", "in the future")]
    [InlineData("period=custom&from=banana&to=2026-03-01", "from-problem", "is not a date")]
    [InlineData("period=30&team=abc", "team-problem", "No such team")]
    [InlineData("period=30&rubric=999", "rubric-problem", "No such published rubric")]
    public async Task Bad_filters_get_a_message_next_to_the_field_and_keep_what_was_typed(string query, string problemId, string message)
    {
        var hr = await As("hr@known.test");

        var response = await hr.GetAsync("/Insights/Coverage?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains(message, page.GetElementById(problemId)!.TextContent);
        if (query.Contains("from=banana")) Assert.Equal("banana", page.GetElementById("from")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync("/Insights/Coverage?handler=Csv&table=teams&" + query)).StatusCode);
    }

    [Fact]
    public async Task CSV_downloads_are_UTF8_quoted_and_guarded_against_formulas()
    {
        var hr = await As("hr@known.test");

        var response = await hr.GetAsync($"/Insights/Coverage?handler=Csv&table=cell&period=30&cellTeam={org.North}&skill={org.Scanning}");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Team,Skill,Employee,Role,Active,Ratings,Last rated (UTC),Latest level", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("North,Scanning,\"'=HYPERLINK(\"\"x\"\") O'Neil, Jr\",Cashier,yes,0,,"));

        var teams = Encoding.UTF8.GetString((await hr.Client.GetByteArrayAsync("/Insights/Coverage?handler=Csv&table=teams&period=30"))[3..]).Split("\r\n");
        Assert.Contains("North,Alpha,3,2,0.67,4,1,12,1,12", teams);
        var gaps = Encoding.UTF8.GetString((await hr.Client.GetByteArrayAsync("/Insights/Gaps?handler=Csv&table=gaps"))[3..]);
        Assert.Contains("Cashier,Safety,2,5,0,5,0", gaps);
        var calibration = Encoding.UTF8.GetString((await hr.Client.GetByteArrayAsync("/Insights/Calibration?handler=Csv&table=skills&period=30"))[3..]);
        Assert.Contains("Sam Strict,Greeting,11,1.09,2.55,-1.45,yes", calibration);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        await org.BuiltAsync();
        var anonymous = org.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Insights/Coverage")).StatusCode);
    }
}
