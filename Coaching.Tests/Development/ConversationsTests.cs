using System.Net;
using Coaching.Domain.Development;
using Coaching.Domain.Time;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Demo;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coaching.Tests.Development;

/// <summary>Development conversations through the pages: a coach logs one, the employee reflects and marks steps done.</summary>
public class ConversationsTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    DateOnly Today => OrganisationClock.Today(DateTime.UtcNow, factory.Services.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone);

    static string Url(int id, string? handler = null) => $"/People/{id}/Conversations" + (handler is null ? "" : $"?handler={handler}");

    static Dictionary<string, string> Conversation(DateOnly? heldOn, string discussed, string[] steps, string? planChanges = null, Guid? formKey = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.FormKey"] = (formKey ?? Guid.NewGuid()).ToString(),
            ["Input.HeldOn"] = heldOn?.ToString("yyyy-MM-dd") ?? "",
            ["Input.Discussed"] = discussed,
            ["Input.PlanChanges"] = planChanges ?? "",
        };
        for (var i = 0; i < steps.Length; i++) form[$"Input.Steps[{i}]"] = steps[i];
        return form;
    }

    Task<List<DevelopmentConversation>> ConversationsOfAsync(int employeeId) => factory.WithDbAsync(db =>
        db.DevelopmentConversations.Include(c => c.Steps).Where(c => c.EmployeeId == employeeId).AsNoTracking().ToListAsync());

    Task<int> AuditCountAsync(string action) => factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action));

    [Fact]
    public async Task A_manager_logs_a_conversation_with_agreed_steps_and_sees_it_listed_newest_first()
    {
        var manager = await Browser.SignedInAsync(factory, "manager3@demo.local");
        var marta = await factory.PersonStartingDevelopmentAsync("Marta Kowalska");
        var form = await manager.GetDocumentAsync(Url(marta.Id));
        Assert.Equal(Today.ToString("yyyy-MM-dd"), form.QuerySelector("#held-on")!.GetAttribute("value"));
        var audits = await AuditCountAsync("conversation.log");

        var older = await manager.PostAsync(Url(marta.Id), Conversation(Today.AddDays(-20), "First talk about phlebotomy", ["Read the venepuncture guide"]));
        var logged = await manager.PostAsync(Url(marta.Id), Conversation(Today.AddDays(-2), "Ready to practise phlebotomy with supervision",
            ["Shadow Lucy on two morning clinics", "Practise on the training arm"], "Add phlebotomy to the upskilling plan"), htmx: true);

        Assert.Equal(HttpStatusCode.Redirect, older.StatusCode);
        Assert.Equal(HttpStatusCode.OK, logged.StatusCode);
        Assert.Contains("Conversation logged.", logged.Headers.GetValues("HX-Trigger").Single());
        var page = await manager.GetDocumentAsync(Url(marta.Id));
        var items = page.QuerySelectorAll(".conversation");
        Assert.Equal(2, items.Length);
        Assert.Contains("Ready to practise phlebotomy with supervision", items[0].TextContent);
        Assert.Contains("First talk about phlebotomy", items[1].TextContent);
        Assert.Contains(Today.AddDays(-2).ToString("ddd d MMM yyyy"), items[0].QuerySelector("h3")!.TextContent);
        Assert.Contains("with Aisha Rahman", items[0].QuerySelector("h3")!.TextContent);
        Assert.Equal(["Shadow Lucy on two morning clinics", "Practise on the training arm"], items[0].QuerySelectorAll(".step-text").Select(s => s.TextContent));
        Assert.All(items[0].QuerySelectorAll(".step-state"), s => Assert.Equal("Not yet", s.TextContent));
        Assert.Equal("Add phlebotomy to the upskilling plan", items[0].QuerySelector(".conversation-plan-changes")!.TextContent);
        Assert.Equal("No reflection yet.", items[0].QuerySelector(".conversation-reflection")!.TextContent);
        var saved = (await ConversationsOfAsync(marta.Id)).Single(c => c.HeldOn == Today.AddDays(-2));
        Assert.Equal(2, saved.Steps.Count);
        Assert.Equal(audits + 2, await AuditCountAsync("conversation.log"));
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "future", "Discussed growth", "err-held-on", "The conversation date is in the future; log it once it has happened." },
        { "today", "", "err-discussed", "Say what was discussed." },
        { "today", new string('x', DevelopmentConversation.MaxDiscussedLength + 1), "err-discussed", "What was discussed is at most 4,000 characters (this has 4,001)." },
        { "not-a-date", "Discussed growth", "err-held-on", "Enter the date as a date, e.g. today." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_beside_its_field_with_what_was_typed_kept_and_nothing_saved(string heldOn, string discussed, string errorId, string message)
    {
        var manager = await Browser.SignedInAsync(factory, "manager3@demo.local");
        var jamal = await factory.PersonStartingDevelopmentAsync("Jamal Wright");
        var before = (await ConversationsOfAsync(jamal.Id)).Count;
        var audits = await AuditCountAsync("conversation.log");
        var form = Conversation(Today, discussed, ["Book the vaccine course", "Watch two vaccinations"], "Add vaccine administration");
        form["Input.HeldOn"] = heldOn switch { "future" => Today.AddDays(2).ToString("yyyy-MM-dd"), "today" => Today.ToString("yyyy-MM-dd"), var other => other };

        var response = await manager.PostAsync(Url(jamal.Id), form, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await Browser.ParseAsync(response);
        Assert.Equal(message, html.QuerySelector($"#{errorId}")!.TextContent);
        Assert.Equal(discussed, html.QuerySelector("#discussed")!.TextContent);
        Assert.Equal("Book the vaccine course", html.QuerySelector("#step-0")!.GetAttribute("value"));
        Assert.Equal("Watch two vaccinations", html.QuerySelector("#step-1")!.GetAttribute("value"));
        Assert.Equal("Add vaccine administration", html.QuerySelector("#plan-changes")!.TextContent);
        Assert.Equal(before, (await ConversationsOfAsync(jamal.Id)).Count);
        Assert.Equal(audits, await AuditCountAsync("conversation.log"));
    }

    [Fact]
    public async Task An_over_long_agreed_step_is_refused_beside_that_step()
    {
        var manager = await Browser.SignedInAsync(factory, "manager3@demo.local");
        var jamal = await factory.PersonStartingDevelopmentAsync("Jamal Wright");
        var before = (await ConversationsOfAsync(jamal.Id)).Count;

        var response = await manager.PostAsync(Url(jamal.Id), Conversation(Today, "Discussed growth", ["Fine", new string('s', 501)]), htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await Browser.ParseAsync(response);
        Assert.Equal("A next step is at most 500 characters (this has 501).", html.QuerySelector("#err-step-1")!.TextContent);
        Assert.Equal("", html.QuerySelector("#err-step-0")!.TextContent);
        Assert.Equal(before, (await ConversationsOfAsync(jamal.Id)).Count);
    }

    [Fact]
    public async Task A_double_submit_of_the_same_form_logs_one_conversation()
    {
        var manager = await Browser.SignedInAsync(factory, "manager2@demo.local");
        var emily = await factory.PersonStartingDevelopmentAsync("Emily Carter");
        var key = Guid.NewGuid();
        var form = Conversation(Today, "Talked about moving to the complaints desk", ["Listen to five complaint calls"], formKey: key);

        // A double tap: both requests are in flight at once; then the form is resent after a dropped connection.
        var taps = await Task.WhenAll(manager.PostAsync(Url(emily.Id), form, htmx: true), manager.PostAsync(Url(emily.Id), form, htmx: true));
        var resent = await manager.PostAsync(Url(emily.Id), form, htmx: true);

        Assert.All(taps.Append(resent), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains("This conversation was already logged.", resent.Headers.GetValues("HX-Trigger").Single());
        var saved = Assert.Single(await ConversationsOfAsync(emily.Id));
        Assert.Single(saved.Steps);
        Assert.Equal(key, saved.FormKey);
        // The form that comes back is a fresh one: its next conversation is a new one.
        var fresh = await Browser.ParseAsync(resent);
        Assert.NotEqual(key.ToString(), fresh.QuerySelector("input[name='Input.FormKey']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_employee_adds_a_reflection_and_marks_an_agreed_step_done_and_back_to_not_yet()
    {
        var manager = await Browser.SignedInAsync(factory, "manager3@demo.local");
        var lucy = await factory.PersonStartingDevelopmentAsync("Lucy Chen");
        await manager.PostAsync(Url(lucy.Id), Conversation(Today.AddDays(-1), "Lucy wants to lead the flu clinic", ["Run one clinic with Aisha", "Write the clinic checklist"]));
        var conversation = (await ConversationsOfAsync(lucy.Id)).Single();
        var step = conversation.Steps.OrderBy(s => s.Order).First();
        var employee = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor("Lucy Chen"));
        var own = await employee.GetDocumentAsync(Url(lucy.Id));
        Assert.Null(own.QuerySelector("#log-conversation"));
        Assert.NotNull(own.QuerySelector($"#reflection-{conversation.Id}"));
        var audits = (await AuditCountAsync("conversation.reflect"), await AuditCountAsync("conversation.step"));

        var reflected = await employee.PostAsync(Url(lucy.Id, "Reflection"), new() { ["conversationId"] = $"{conversation.Id}", ["reflection"] = "  I feel ready; nervous about the queue.  " }, htmx: true);
        var done = await employee.PostAsync(Url(lucy.Id, "Step"), new() { ["conversationId"] = $"{conversation.Id}", ["stepId"] = $"{step.Id}", ["done"] = "true" }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, reflected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var item = (await Browser.ParseAsync(done)).QuerySelector(".conversation")!;
        Assert.Equal($"Done {Today:d MMM yyyy}", item.QuerySelectorAll(".step-state")[0].TextContent);
        Assert.Equal("Not yet", item.QuerySelectorAll(".step-state")[1].TextContent);
        var saved = (await ConversationsOfAsync(lucy.Id)).Single();
        Assert.Equal("I feel ready; nervous about the queue.", saved.Reflection);
        Assert.NotNull(saved.Steps.Single(s => s.Id == step.Id).DoneAtUtc);
        Assert.Equal((audits.Item1 + 1, audits.Item2 + 1), (await AuditCountAsync("conversation.reflect"), await AuditCountAsync("conversation.step")));
        // The manager sees the reflection, and can put a step back to "not yet".
        var seen = await manager.GetDocumentAsync(Url(lucy.Id));
        Assert.Equal("I feel ready; nervous about the queue.", seen.QuerySelector(".conversation-reflection")!.TextContent);
        var undone = await manager.PostAsync(Url(lucy.Id, "Step"), new() { ["conversationId"] = $"{conversation.Id}", ["stepId"] = $"{step.Id}", ["done"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Null((await ConversationsOfAsync(lucy.Id)).Single().Steps.Single(s => s.Id == step.Id).DoneAtUtc);
    }

    [Fact]
    public async Task An_over_long_reflection_is_refused_beside_it_as_typed()
    {
        var manager = await Browser.SignedInAsync(factory, "manager3@demo.local");
        var noah = await factory.PersonStartingDevelopmentAsync("Noah Williams");
        await manager.PostAsync(Url(noah.Id), Conversation(Today, "Noah's first month", []));
        var conversation = (await ConversationsOfAsync(noah.Id)).Single();
        var employee = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor("Noah Williams"));
        var typed = new string('r', DevelopmentConversation.MaxReflectionLength + 1);

        var response = await employee.PostAsync(Url(noah.Id, "Reflection"), new() { ["conversationId"] = $"{conversation.Id}", ["reflection"] = typed }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await Browser.ParseAsync(response);
        Assert.Equal("The reflection is at most 2,000 characters (this has 2,001).", html.QuerySelector($"#err-reflection-{conversation.Id}")!.TextContent);
        Assert.Equal(typed, html.QuerySelector($"#reflection-{conversation.Id}")!.TextContent);
        Assert.Null((await ConversationsOfAsync(noah.Id)).Single().Reflection);
    }

    [Fact]
    public async Task The_employee_cannot_log_a_conversation_nor_reflect_on_someone_elses_and_a_coach_cannot_reflect_for_them()
    {
        var manager = await Browser.SignedInAsync(factory, "manager3@demo.local");
        var samuel = await factory.PersonStartingDevelopmentAsync("Samuel Adeyemi");
        var marta = await factory.PersonStartingDevelopmentAsync("Marta Kowalska");
        await manager.PostAsync(Url(samuel.Id), Conversation(Today, "Samuel's goals for the quarter", ["Sit the BLS refresher"]));
        var samuels = (await ConversationsOfAsync(samuel.Id)).Single();
        var before = (await ConversationsOfAsync(marta.Id)).Count;
        var employee = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor("Marta Kowalska"));
        await employee.GetAsync(Url(marta.Id));

        var logOwn = await employee.PostAsync(Url(marta.Id), Conversation(Today, "I logged this myself", []));
        var rowOwn = await employee.GetAsync(Url(marta.Id, "StepRow") + "&index=2", htmx: true);
        var reflectOther = await employee.PostAsync(Url(samuel.Id, "Reflection"), new() { ["conversationId"] = $"{samuels.Id}", ["reflection"] = "Not mine" });
        var reflectTampered = await employee.PostAsync(Url(marta.Id, "Reflection"), new() { ["conversationId"] = $"{samuels.Id}", ["reflection"] = "Not mine" });
        var stepTampered = await employee.PostAsync(Url(marta.Id, "Step"), new() { ["conversationId"] = $"{samuels.Id}", ["stepId"] = $"{samuels.Steps[0].Id}", ["done"] = "true" });
        var managerReflects = await manager.PostAsync(Url(samuel.Id, "Reflection"), new() { ["conversationId"] = $"{samuels.Id}", ["reflection"] = "Written by the manager" });

        Assert.Equal(HttpStatusCode.Forbidden, logOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rowOwn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reflectOther.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reflectTampered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stepTampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, managerReflects.StatusCode);
        Assert.Equal(before, (await ConversationsOfAsync(marta.Id)).Count);
        var after = (await ConversationsOfAsync(samuel.Id)).Single();
        Assert.Null(after.Reflection);
        Assert.Null(after.Steps[0].DoneAtUtc);
    }

    [Fact]
    public async Task A_manager_of_another_team_gets_not_found_on_every_handler_and_changes_nothing()
    {
        var own = await Browser.SignedInAsync(factory, "manager3@demo.local");
        var other = await Browser.SignedInAsync(factory, "manager2@demo.local");
        var jose = await factory.PersonStartingDevelopmentAsync("José Núñez"); // manager2's own team
        var ingrid = await factory.PersonStartingDevelopmentAsync("Ingrid Johansson");
        await own.PostAsync(Url(ingrid.Id), Conversation(Today, "Ingrid's move to the front desk", ["Learn the booking system"]));
        var target = (await ConversationsOfAsync(ingrid.Id)).OrderByDescending(c => c.Id).First();
        await other.GetAsync(Url(jose.Id));
        var stepForm = new Dictionary<string, string> { ["conversationId"] = $"{target.Id}", ["stepId"] = $"{target.Steps[0].Id}", ["done"] = "true" };
        var count = (await ConversationsOfAsync(ingrid.Id)).Count;

        var answers = new[]
        {
            await other.GetAsync(Url(ingrid.Id)),
            await other.GetAsync(Url(ingrid.Id, "StepRow") + "&index=2", htmx: true),
            await other.PostAsync(Url(ingrid.Id), Conversation(Today, "Not my team", ["x"])),
            await other.PostAsync(Url(ingrid.Id, "Step"), stepForm),
            await other.PostAsync(Url(ingrid.Id, "Reflection"), new() { ["conversationId"] = $"{target.Id}", ["reflection"] = "x" }),
            // Their own person's id with someone else's conversation: still not found.
            await other.PostAsync(Url(jose.Id, "Step"), stepForm),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Equal(count, (await ConversationsOfAsync(ingrid.Id)).Count);
        Assert.Null((await ConversationsOfAsync(ingrid.Id)).Single(c => c.Id == target.Id).Steps[0].DoneAtUtc);
        Assert.Empty(await ConversationsOfAsync(jose.Id));
    }

    [Fact]
    public async Task The_team_tile_shows_days_since_the_last_conversation_and_flags_it_beyond_the_target_and_an_observation_does_not_count()
    {
        var manager = await Browser.SignedInAsync(factory, "manager4@demo.local");
        var mia = await factory.PersonStartingDevelopmentAsync("Mia Thompson");
        var yusuf = await factory.PersonStartingDevelopmentAsync("Yusuf Demir");
        var ella = await factory.PersonStartingDevelopmentAsync("Ella Novak");
        string Line(AngleSharp.Dom.IDocument tiles, int id) => tiles.QuerySelector($"[data-employee-id='{id}'] .last-conversation")!.TextContent;
        bool Due(AngleSharp.Dom.IDocument tiles, int id) => tiles.QuerySelector($"[data-employee-id='{id}'] .last-conversation")!.ClassList.Contains("due");
        var before = await manager.GetDocumentAsync("/Team");
        Assert.Equal("No conversation yet · due", Line(before, mia.Id));

        await manager.PostAsync(Url(mia.Id), Conversation(Today.AddDays(-3), "Latte art and the morning rush", []));
        await manager.PostAsync(Url(yusuf.Id), Conversation(Today.AddDays(-100), "Yusuf's first review", []));
        await manager.PostAsync("/Observations/Log?handler=Submit", new ObservationPost(ella).Rate(0, 3).Fields, htmx: true);
        var after = await manager.GetDocumentAsync("/Team");

        Assert.Equal("3 days since last conversation", Line(after, mia.Id));
        Assert.False(Due(after, mia.Id));
        Assert.Equal("100 days since last conversation · due", Line(after, yusuf.Id)); // beyond the default 90 days
        Assert.True(Due(after, yusuf.Id));
        Assert.Equal("No conversation yet · due", Line(after, ella.Id));
        Assert.Contains("Observed today", after.QuerySelector($"[data-employee-id='{ella.Id}']")!.TextContent);

        // HR's target is read from the settings row: every 120 days puts Yusuf within it.
        await factory.WithDbAsync(async db =>
        {
            var settings = await db.DevelopmentSettings.FindAsync(DevelopmentSettings.SingleId);
            if (settings is null) db.DevelopmentSettings.Add(settings = new DevelopmentSettings());
            settings.ConversationTargetDays = 120;
            await db.SaveChangesAsync();
        });
        try
        {
            Assert.False(Due(await manager.GetDocumentAsync("/Team"), yusuf.Id));
        }
        finally
        {
            await factory.WithDbAsync(db => db.DevelopmentSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.ConversationTargetDays, DevelopmentSettings.DefaultConversationTargetDays)));
        }
        var today = await manager.PostAsync(Url(mia.Id), Conversation(Today, "Quick follow-up", []));
        Assert.Equal(HttpStatusCode.Redirect, today.StatusCode);
        Assert.Equal("Conversation today", Line(await manager.GetDocumentAsync("/Team"), mia.Id));
    }

    [Fact]
    public async Task The_profile_shows_days_since_the_last_conversation_its_open_steps_and_links_to_the_page()
    {
        var manager = await Browser.SignedInAsync(factory, "manager4@demo.local");
        var ben = await factory.PersonStartingDevelopmentAsync("Ben Clarke");
        Assert.Contains("No conversation yet", (await manager.GetDocumentAsync($"/People/{ben.Id}")).QuerySelector(".profile-conversations")!.TextContent);
        await manager.PostAsync(Url(ben.Id), Conversation(Today.AddDays(-30), "Older talk", ["An older step"]));
        await manager.PostAsync(Url(ben.Id), Conversation(Today.AddDays(-5), "Ben wants to train new starters", ["Shadow Leo's induction", "Draft a milk-steaming guide"]));
        var latest = (await ConversationsOfAsync(ben.Id)).Single(c => c.HeldOn == Today.AddDays(-5));
        var employee = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor("Ben Clarke"));
        await employee.PostAsync(Url(ben.Id, "Step"), new() { ["conversationId"] = $"{latest.Id}", ["stepId"] = $"{latest.Steps.Single(s => s.Order == 0).Id}", ["done"] = "true" });

        var section = (await employee.GetDocumentAsync($"/People/{ben.Id}")).QuerySelector(".profile-conversations")!;

        Assert.Equal("5 days since last conversation", section.QuerySelector(".conversation-days")!.TextContent);
        Assert.Equal(["Draft a milk-steaming guide"], section.QuerySelectorAll(".conversation-open-steps li").Select(l => l.TextContent));
        Assert.Equal($"/People/{ben.Id}/Conversations", section.QuerySelector("a")!.GetAttribute("href"));
    }
}
