using System.Net;
using System.Text;
using AngleSharp.Dom;
using Coaching.Domain.Training;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Training;

/// <summary>Training events over HTTP on an organisation whose every before/after number is known (see TrainingOrganisation).</summary>
public class TrainingEventsTests(TrainingOrganisation org) : IClassFixture<TrainingOrganisation>
{
    const string Hr = "hr@training.test", North = "north@training.test", South = "south@training.test", Ana = "ana@training.test";

    async Task<Browser> AsAsync(string email) => await Browser.SignedInAsync(await org.BuiltAsync(), email, TrainingOrganisation.Password);

    static string Text(IElement? e) => string.Join(' ', (e?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    static IElement Row(IDocument page, string table, string person, string skill) =>
        page.QuerySelector($"table.{table} tr[data-person='{person}'][data-skill='{skill}']") ?? throw new Xunit.Sdk.XunitException($"no row {person} · {skill}");

    [Fact]
    public async Task The_event_page_shows_each_attendee_last_before_first_and_latest_after_with_dates_and_counts_and_level_names()
    {
        var hr = await AsAsync(Hr);
        var page = await hr.GetDocumentAsync($"/Training/Events/{org.Workshop}");
        string Day(int d) => org.HeldOn.AddDays(d).ToString("d MMM yyyy");

        var ana = Row(page, "attendee-changes", "Ana North", "Scanning");
        Assert.Equal($"2 · Developing {Day(-3)} · 2 obs.", Text(ana.QuerySelector(".before")));
        Assert.Equal($"3 · Proficient {Day(2)} · 2 obs. after", Text(ana.QuerySelector(".first-after")));
        Assert.Equal($"4 · Expert {Day(8)}", Text(ana.QuerySelector(".latest-after")));
        Assert.Equal("+1 · +2", Text(ana.QuerySelector(".change")));
        Assert.Equal("1", Text(ana.QuerySelector(".on-the-day"))); // the 3 seen on the day counts on neither side
        var ben = Row(page, "attendee-changes", "Ben North", "Scanning");
        Assert.Equal("−1 · −1", Text(ben.QuerySelector(".change")));
        var cal = Row(page, "attendee-changes", "Cal South", "Scanning");
        Assert.Equal("–", Text(cal.QuerySelector(".first-after"))); // the 4 on the event day is not "after"
        Assert.Equal("1", Text(cal.QuerySelector(".on-the-day")));
        Assert.Equal(6, page.QuerySelectorAll("table.attendee-changes tbody tr").Length); // 3 attendees × 2 skills, nobody left out
        Assert.Contains("Observations on the day of the training count on neither side", Text(page.QuerySelector("#event-day-note")));
    }

    [Fact]
    public async Task The_group_figures_per_skill_stand_next_to_the_comparison_group_of_the_same_role_who_did_not_attend()
    {
        var page = await (await AsAsync(Hr)).GetDocumentAsync($"/Training/Events/{org.Workshop}");
        IElement Skill(string name) => page.QuerySelector($"table.group-changes tr[data-skill='{name}']")!;

        // Scanning: Ana +1 (latest +2), Ben −1; Cal has nothing after. Comparison: Dee 0, Eve +2 (Gus left, Fay is a barista).
        var scanning = Skill("Scanning");
        Assert.Equal("2", Text(scanning.QuerySelector(".trained-people")));
        Assert.Equal("0 · +0.5", Text(scanning.QuerySelector(".trained-mean")));
        Assert.Equal("1 improved · 0 stayed · 1 dropped", Text(scanning.QuerySelector(".trained-split")));
        Assert.Equal("2", Text(scanning.QuerySelector(".comparison-people")));
        Assert.Equal("+1 · +1", Text(scanning.QuerySelector(".comparison-mean")));
        Assert.Equal("1 improved · 1 stayed · 0 dropped", Text(scanning.QuerySelector(".comparison-split")));
        // Greeting: only Ana has both (2 → 2); Dee 1 → 3.
        var greeting = Skill("Greeting");
        Assert.Equal("1", Text(greeting.QuerySelector(".trained-people")));
        Assert.Equal("0 · 0", Text(greeting.QuerySelector(".trained-mean")));
        Assert.Equal("0 improved · 1 stayed · 0 dropped", Text(greeting.QuerySelector(".trained-split")));
        Assert.Equal("+2 · +2", Text(greeting.QuerySelector(".comparison-mean")));
        // The chart's text alternative carries the same figures: mean levels of those with both sides.
        var chart = page.QuerySelector("figure.before-after-chart svg[role=img]")!;
        Assert.NotNull(chart.QuerySelector("title"));
        Assert.Contains("Scanning: trained 2.5 before, 2.5 first after (2 people); comparison group 1.5 before, 2.5 first after (2 people).", Text(chart.QuerySelector("desc")));
        Assert.Contains("Greeting: trained 2 before, 2 first after (1 person); comparison group 1 before, 3 first after (1 person).", Text(chart.QuerySelector("desc")));
        Assert.Equal(4, chart.QuerySelectorAll("g.legend").Length);
        Assert.Null(page.QuerySelector("[style]"));
    }

    [Fact]
    public async Task People_not_observed_after_or_before_the_event_are_listed_by_name()
    {
        var page = await (await AsAsync(Hr)).GetDocumentAsync($"/Training/Events/{org.Workshop}");

        Assert.Equal(["Cal South · Scanning", "Cal South · Greeting"], page.QuerySelectorAll("ul.not-observed-after li").Select(Text));
        Assert.Equal(["Ben North · Greeting", "Cal South · Greeting"], page.QuerySelectorAll("ul.not-observed-before li").Select(Text));
    }

    [Fact]
    public async Task An_event_whose_role_nobody_else_has_says_there_is_no_comparison_group()
    {
        var page = await (await AsAsync(Hr)).GetDocumentAsync($"/Training/Events/{org.Mentoring}");

        Assert.Contains("No comparison group", Text(page.QuerySelector("table.group-changes tr[data-skill='Scanning'] .comparison-none")));
        Assert.Equal("+3 · +3", Text(Row(page, "attendee-changes", "Fay South", "Scanning").QuerySelector(".change")));
    }

    [Fact]
    public async Task The_list_shows_date_title_format_skills_attendee_count_and_mean_change_and_a_manager_sees_only_events_with_their_people()
    {
        var hr = await (await AsAsync(Hr)).GetDocumentAsync("/Training/Events");
        var north = await (await AsAsync(North)).GetDocumentAsync("/Training/Events");
        var south = await (await AsAsync(South)).GetDocumentAsync("/Training/Events");

        var workshop = hr.QuerySelector("tr[data-event='Till refresher']")!;
        Assert.Contains(org.HeldOn.ToString("d MMM yyyy"), Text(workshop));
        Assert.Contains("Workshop", Text(workshop));
        Assert.Contains("Scanning, Greeting", Text(workshop));
        Assert.Equal("3", Text(workshop.QuerySelector(".attendee-count")));
        Assert.Equal("Scanning: 0 (2 people with both) Greeting: 0 (1 person with both)", Text(workshop.QuerySelector(".mean-change")));
        Assert.NotNull(hr.QuerySelector("tr[data-event='Barista mentoring']"));
        Assert.NotNull(north.QuerySelector("tr[data-event='Till refresher']"));
        Assert.Null(north.QuerySelector("tr[data-event='Barista mentoring']")); // Fay is not in North
        Assert.NotNull(south.QuerySelector("tr[data-event='Barista mentoring']"));
    }

    [Fact]
    public async Task The_list_comes_in_pages_of_25_newest_first_and_every_event_is_on_one_of_them()
    {
        var hr = await AsAsync(Hr);
        // Older than the fixture's events, so those stay on the first page for the other tests.
        await org.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
                db.TrainingEvents.Add(new TrainingEvent { Title = $"Archive {i:00}", HeldOn = new DateOnly(2001, 1, 1).AddDays(i), Format = TrainingFormat.Course,
                    SkillKeys = [Guid.NewGuid()], AttendeeIds = [int.MaxValue], RecordedByUserId = "", RecordedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        var total = await org.WithDbAsync(db => db.TrainingEvents.CountAsync());

        var first = await hr.GetDocumentAsync("/Training/Events");
        var second = await hr.GetDocumentAsync("/Training/Events?page=2");
        var beyond = await hr.GetDocumentAsync("/Training/Events?page=99");

        Assert.Equal(25, first.QuerySelectorAll("table.training-events tbody tr").Length);
        Assert.Equal(total - 25, second.QuerySelectorAll("table.training-events tbody tr").Length);
        Assert.Equal($"Page 2 of 2 ({total} events)", Text(second.QuerySelector(".events-pages span")));
        Assert.NotNull(first.QuerySelector("tr[data-event='Till refresher']"));
        Assert.NotNull(second.QuerySelector("tr[data-event='Archive 00']")); // the oldest is last
        Assert.Equal("Older events", Text(first.QuerySelector(".events-pages a")));
        Assert.Equal(Text(second.QuerySelector("tbody")), Text(beyond.QuerySelector("tbody"))); // a page past the end shows the last
    }

    [Fact]
    public async Task A_manager_sees_only_their_own_people_on_an_event_and_cannot_open_one_without_them()
    {
        var north = await AsAsync(North);
        var page = await north.GetDocumentAsync($"/Training/Events/{org.Workshop}");

        Assert.Equal(["Ana North", "Ana North", "Ben North", "Ben North"],
            page.QuerySelectorAll("table.attendee-changes tbody tr").Select(r => r.GetAttribute("data-person")));
        Assert.Contains("1 attendee is from other teams", Text(page.QuerySelector("#attendees-not-shown")));
        Assert.DoesNotContain("Cal South", page.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await north.GetAsync($"/Training/Events/{org.Mentoring}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await north.GetAsync($"/Training/Events/{org.Mentoring}?handler=Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await north.GetAsync("/Training/Events/999999")).StatusCode);
    }

    [Fact]
    public async Task The_CSV_has_one_row_per_attendee_and_skill_with_the_same_numbers()
    {
        var response = await (await AsAsync(Hr)).GetAsync($"/Training/Events/{org.Workshop}?handler=Csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("Event,Date,Person,Team,Skill,Level before,Before on,Observations before,First after,", lines[0]);
        string D(int d) => org.HeldOn.AddDays(d).ToString("yyyy-MM-dd");
        Assert.Contains($"Till refresher,{D(0)},Ana North,North,Scanning,2,{D(-3)},2,3,{D(2)},4,{D(8)},2,1,2,1", lines);
        Assert.Contains($"Till refresher,{D(0)},Cal South,South,Greeting,,,0,,,,,0,,,0", lines);
    }

    [Fact]
    public async Task Recording_an_event_saves_it_once_with_an_audit_entry_even_when_the_form_is_sent_twice()
    {
        var hr = await AsAsync(Hr);
        await hr.GetAsync("/Training/Events/Record");
        var form = Form("Safe lifting  ", "2026-03-04", "2", [org.Greeting], [org.People["Dee"], org.People["Eve"]]);

        var first = await hr.PostFieldsAsync("/Training/Events/Record", form);
        var second = await hr.PostFieldsAsync("/Training/Events/Record", form);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var saved = await org.WithDbAsync(db => db.TrainingEvents.Where(e => e.Title == "Safe lifting").ToListAsync());
        var e = Assert.Single(saved);
        Assert.Equal($"/Training/Events/{e.Id}", first.Headers.Location!.OriginalString);
        Assert.Equal((new DateOnly(2026, 3, 4), TrainingFormat.Workshop), (e.HeldOn, e.Format));
        Assert.Equal([org.Greeting], e.SkillKeys);
        Assert.Equal([org.People["Dee"], org.People["Eve"]], e.AttendeeIds);
        var audit = await org.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "training.record" && a.Subject == "Safe lifting").ToListAsync());
        Assert.Equal("Workshop on 2026-03-04; 1 skill(s); 2 attendee(s).", Assert.Single(audit).Details);
        var page = await hr.GetDocumentAsync(first.Headers.Location.OriginalString);
        Assert.Equal("Safe lifting", Text(page.QuerySelector("h1")));
    }

    [Fact]
    public async Task The_same_event_sent_four_times_at_once_is_recorded_once()
    {
        var hr = await AsAsync(Hr);
        await hr.GetAsync("/Training/Events/Record");
        var form = Form("Rush hour drill", "2026-03-09", "5", [org.Scanning], [org.People["Eve"]]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => hr.PostFieldsAsync("/Training/Events/Record", form)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await org.WithDbAsync(db => db.TrainingEvents.CountAsync(e => e.Title == "Rush hour drill")));
        Assert.Equal(1, await org.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "training.record" && a.Subject == "Rush hour drill")));
    }

    [Fact]
    public async Task A_missing_title_is_refused_beside_its_field_with_everything_else_kept_and_nothing_saved()
    {
        var hr = await AsAsync(Hr);
        await hr.GetAsync("/Training/Events/Record");
        var before = await org.WithDbAsync(db => db.TrainingEvents.CountAsync());

        var response = await hr.PostFieldsAsync("/Training/Events/Record", Form(" ", "2026-03-05", "", [org.Scanning], [org.People["Ana"]]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Equal("Enter a title.", Text(page.QuerySelector("#err-title")));
        Assert.StartsWith("Choose the format", Text(page.QuerySelector("#err-format")));
        Assert.Equal("2026-03-05", page.QuerySelector("#event-date")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"#skill-{org.Scanning:N}[checked]"));
        Assert.NotNull(page.QuerySelector($"#attendee-{org.People["Ana"]}[checked]"));
        Assert.Equal(before, await org.WithDbAsync(db => db.TrainingEvents.CountAsync()));
    }

    [Fact]
    public async Task A_typed_title_is_kept_when_a_date_that_is_not_a_date_is_refused()
    {
        var hr = await AsAsync(Hr);
        await hr.GetAsync("/Training/Events/Record");

        var response = await hr.PostFieldsAsync("/Training/Events/Record", Form("Greeting clinic", "next tuesday", "1", [org.Greeting], [org.People["Ana"]]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Equal("Enter the date as a date, e.g. today.", Text(page.QuerySelector("#err-date")));
        Assert.Equal("Greeting clinic", page.QuerySelector("#event-title")!.GetAttribute("value"));
        Assert.False(await org.WithDbAsync(db => db.TrainingEvents.AnyAsync(e => e.Title == "Greeting clinic")));
    }

    [Theory]
    [InlineData("Cal", "one of them is not someone you may record training for")] // South, not Nora's
    [InlineData("nobody", "one of them is not someone you may record training for")]
    [InlineData("not-a-number", "That value could not be read")]
    public async Task A_manager_cannot_record_training_for_someone_outside_their_teams_and_is_told_beside_the_field(string tampered, string message)
    {
        var north = await AsAsync(North);
        await north.GetAsync("/Training/Events/Record");
        var id = tampered switch { "Cal" => org.People["Cal"].ToString(), "nobody" => "999999", _ => tampered };
        var form = Form($"Tampered {tampered}", "2026-03-06", "1", [org.Scanning], [org.People["Ana"]]);
        form.Add(new("Input.AttendeeIds", id));

        var response = await north.PostFieldsAsync("/Training/Events/Record", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains(message, Text(page.QuerySelector("#err-attendees")));
        Assert.Null(page.QuerySelector($"#attendee-{org.People["Cal"]}")); // not offered either
        Assert.False(await org.WithDbAsync(db => db.TrainingEvents.AnyAsync(e => e.Title.StartsWith("Tampered"))));
    }

    [Fact]
    public async Task A_skill_that_is_in_no_published_rubric_is_refused_beside_the_skills()
    {
        var hr = await AsAsync(Hr);
        await hr.GetAsync("/Training/Events/Record");

        var response = await hr.PostFieldsAsync("/Training/Events/Record", Form("Made-up skill", "2026-03-07", "1", [Guid.NewGuid()], [org.People["Ana"]]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not in a published rubric", Text((await Browser.ParseAsync(response)).QuerySelector("#err-skills")));
        Assert.False(await org.WithDbAsync(db => db.TrainingEvents.AnyAsync(e => e.Title == "Made-up skill")));
    }

    [Fact]
    public async Task An_employee_sees_the_training_they_attended_with_their_own_before_and_after_on_their_profile_and_nothing_else()
    {
        var ana = await AsAsync(Ana);
        var profile = await ana.GetDocumentAsync($"/People/{org.People["Ana"]}");

        var attended = profile.QuerySelector("section.training-attended article[data-event='Till refresher']")!;
        Assert.Contains("Workshop", Text(attended));
        var scanning = attended.QuerySelector("tr[data-skill='Scanning']")!;
        Assert.Equal($"2 · Developing ({org.HeldOn.AddDays(-3):d MMM yyyy}, 2 obs.)", Text(scanning.QuerySelector(".before")));
        Assert.Equal($"4 · Expert ({org.HeldOn.AddDays(8):d MMM yyyy})", Text(scanning.QuerySelector(".latest-after")));
        Assert.Equal("+1 · +2", Text(scanning.QuerySelector(".change")));
        Assert.Null(profile.QuerySelector("article[data-event='Barista mentoring']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ana.GetAsync("/Training/Events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ana.GetAsync($"/Training/Events/{org.Workshop}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ana.PostFieldsAsync("/Training/Events/Record",
            Form("By Ana", "2026-03-08", "1", [org.Scanning], [org.People["Ana"]]))).StatusCode);
        Assert.False(await org.WithDbAsync(db => db.TrainingEvents.AnyAsync(e => e.Title == "By Ana")));
    }

    static List<KeyValuePair<string, string>> Form(string title, string date, string format, Guid[] skills, int[] attendees) =>
    [
        new("Input.Title", title), new("Input.HeldOn", date), new("Input.Format", format),
        .. skills.Select(s => new KeyValuePair<string, string>("Input.SkillKeys", s.ToString())),
        .. attendees.Select(a => new KeyValuePair<string, string>("Input.AttendeeIds", a.ToString())),
    ];
}
