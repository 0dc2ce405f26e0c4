using System.Net;
using System.Text.RegularExpressions;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Data;
using Coaching.Web.Features.Summaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Coaching.Tests.People;

/// <summary>Teams, people, accounts, invitations and the audit, through the real pages on a real SQLite file.</summary>
public partial class AdministrationTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    string Outbox => factory.Services.GetRequiredService<SummaryMailer>().OutboxPath;

    /// <summary>The link in the newest message to <paramref name="email"/> in the outbox.</summary>
    string LinkSentTo(string email)
    {
        var message = Directory.GetFiles(Outbox, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(a => a.Address == email))
            .OrderByDescending(m => m.Date).First();
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        return WebUtility.HtmlDecode(SetPasswordLink().Match(message.HtmlBody ?? "").Value);
    }

    [GeneratedRegex("http[^\"\\s<]+/Account/SetPassword\\?[^\"\\s<]+")]
    private static partial Regex SetPasswordLink();

    static string PathOf(string link) => new Uri(link).PathAndQuery;

    async Task<int> NewPersonAsync(string first, string last, string email, string team = "Front End") => await factory.WithDbAsync(async db =>
    {
        var front = await db.Employees.Where(e => e.Team!.Name == team).FirstAsync();
        var person = new Coaching.Domain.Organisation.Employee { FirstName = first, LastName = last, Email = email, JobRoleId = front.JobRoleId, TeamId = front.TeamId, HireDate = new DateOnly(2024, 1, 1) };
        db.Employees.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    [Fact]
    public async Task An_invited_person_sets_a_password_once_and_signs_in_and_the_link_then_says_it_is_spent()
    {
        var id = await NewPersonAsync("Ines", "Invited", "ines.invited@example.org");
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostAsync($"/People/{id}/Edit?handler=Invite", [])).StatusCode);
        Assert.Contains("invited", (await hr.GetDocumentAsync($"/People/{id}/Edit")).QuerySelector("#account-state")!.TextContent);

        var link = LinkSentTo("ines.invited@example.org");
        var ines = new Browser(factory.NewClient());
        var page = await ines.GetDocumentAsync(PathOf(link));
        Assert.Contains("ines.invited@example.org", page.QuerySelector("main")!.TextContent);

        var tooShort = await ines.PostAsync(PathOf(link), new() { ["Form.NewPassword"] = "short", ["Form.ConfirmPassword"] = "short" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        Assert.Contains("at least 10 characters", (await Browser.ParseAsync(tooShort)).QuerySelector("[data-valmsg-for='Form.NewPassword']")!.TextContent);

        var set = await ines.PostAsync(PathOf(link), new() { ["Form.NewPassword"] = "Floor-Ready-2026", ["Form.ConfirmPassword"] = "Floor-Ready-2026" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await new Browser(factory.NewClient()).SignInAsync("ines.invited@example.org", "Floor-Ready-2026")).StatusCode);

        var again = await new Browser(factory.NewClient()).GetAsync(PathOf(link));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("expired or was already used", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HR_invites_only_the_ticked_people_who_are_not_invited_yet()
    {
        var first = await NewPersonAsync("Sel", "One", "sel.one@example.org");
        var second = await NewPersonAsync("Sel", "Two", "sel.two@example.org");
        var untouched = await NewPersonAsync("Sel", "Three", "sel.three@example.org");
        var active = await factory.PersonAsync("Ana Ruiz"); // signed up already: nothing to send
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        await hr.GetAsync("/People");
        var before = Directory.Exists(Outbox) ? Directory.GetFiles(Outbox).Length : 0;

        using var form = new FormUrlEncodedContent([new("ids", first.ToString()), new("ids", second.ToString()), new("ids", active.Id.ToString()), new("__RequestVerificationToken", hr.Token!)]);
        var response = await hr.Client.PostAsync("/People?handler=InviteSelected", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 2, Directory.GetFiles(Outbox).Length);
        LinkSentTo("sel.one@example.org");
        LinkSentTo("sel.two@example.org");
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.EmployeeId == untouched)));
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_a_stranger_and_sends_a_reset_link_only_to_a_real_account()
    {
        var before = Directory.Exists(Outbox) ? Directory.GetFiles(Outbox).Length : 0;
        var visitor = new Browser(factory.NewClient());
        await visitor.GetAsync("/Account/ForgotPassword");
        var stranger = await visitor.PostAsync("/Account/ForgotPassword", new() { ["Email"] = "nobody@example.org" });
        var known = await visitor.PostAsync("/Account/ForgotPassword", new() { ["Email"] = "tom.becker@demo.local" });
        string Answer(string html) => Regex.Replace((Browser.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) }).Result).QuerySelector("#sent")!.TextContent, @"\S+@\S+", "ADDRESS");
        Assert.Equal(Answer(await stranger.Content.ReadAsStringAsync()), Answer(await known.Content.ReadAsStringAsync()));
        Assert.Equal(before + 1, Directory.GetFiles(Outbox).Length);

        var link = LinkSentTo("tom.becker@demo.local");
        Assert.Contains("kind=reset", link);
        var tom = new Browser(factory.NewClient());
        await tom.GetAsync(PathOf(link));
        Assert.Equal(HttpStatusCode.Redirect, (await tom.PostAsync(PathOf(link), new() { ["Form.NewPassword"] = "Reset-Tom-2026", ["Form.ConfirmPassword"] = "Reset-Tom-2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await new Browser(factory.NewClient()).SignInAsync("tom.becker@demo.local", "Reset-Tom-2026")).StatusCode);
    }

    [Fact]
    public async Task A_person_moved_to_another_team_is_seen_by_the_new_manager_only_and_keeps_their_history()
    {
        var oskar = await factory.WithDbAsync(db => db.Employees.Where(e => e.Team!.Name == "Front End" && db.Observations.Any(o => o.EmployeeId == e.Id))
            .OrderByDescending(e => e.Id).Select(e => new { e.Id, e.FirstName, e.LastName }).FirstAsync());
        var harbourTeam = await factory.WithDbAsync(db => db.Teams.Where(t => t.Managers.Any(m => db.Users.Any(u => u.Id == m.UserId && u.Email == "manager2@demo.local"))).Select(t => t.Id).FirstAsync());
        var history = (await factory.ObservationsOfAsync(oskar.Id)).Count;
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var form = await hr.GetDocumentAsync($"/People/{oskar.Id}/Edit");
        string Value(string name) => form.QuerySelector($"[name='{name}']")!.GetAttribute("value") ?? "";
        var moved = await hr.PostAsync($"/People/{oskar.Id}/Edit", new()
        {
            ["Input.FirstName"] = oskar.FirstName, ["Input.LastName"] = oskar.LastName, ["Input.Email"] = Value("Input.Email"), ["Input.EmployeeNumber"] = Value("Input.EmployeeNumber"),
            ["Input.JobRoleId"] = form.QuerySelector("[name='Input.JobRoleId'] option[selected]")!.GetAttribute("value")!, ["Input.TeamId"] = harbourTeam.ToString(), ["Input.HireDate"] = Value("Input.HireDate"),
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var oldManager = await Browser.SignedInAsync(factory, "manager@demo.local");
        var newManager = await Browser.SignedInAsync(factory, "manager2@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await oldManager.GetAsync($"/People/{oskar.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newManager.GetAsync($"/People/{oskar.Id}")).StatusCode);
        Assert.Equal(history, (await factory.ObservationsOfAsync(oskar.Id)).Count);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "person.move" && a.Subject == oskar.FirstName + " " + oskar.LastName)));
    }

    [Fact]
    public async Task A_person_edit_with_bad_input_says_what_is_wrong_beside_each_field_and_keeps_what_was_typed()
    {
        var ana = await factory.PersonAsync("Ana Ruiz");
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var response = await hr.PostAsync($"/People/{ana.Id}/Edit", new()
        {
            ["Input.FirstName"] = "", ["Input.LastName"] = "Ruiz-Typed", ["Input.Email"] = "tom.becker@demo.local", ["Input.JobRoleId"] = "999999", ["Input.TeamId"] = "x", ["Input.HireDate"] = "1850-01-01",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        string Message(string field) => page.QuerySelector($"[data-valmsg-for='Input.{field}']")!.TextContent;
        Assert.Contains("Enter the first name", Message("FirstName"));
        Assert.Contains("already the email of Tom Becker", Message("Email"));
        Assert.Contains("Choose a job role", Message("JobRoleId"));
        Assert.Contains("could not be read", Message("TeamId"));
        Assert.Contains("between 1900", Message("HireDate"));
        Assert.Equal("Ruiz-Typed", page.QuerySelector("[name='Input.LastName']")!.GetAttribute("value"));
        Assert.Equal("Ruiz", await factory.WithDbAsync(db => db.Employees.Where(e => e.Id == ana.Id).Select(e => e.LastName).SingleAsync()));
    }

    [Fact]
    public async Task An_admin_grants_HR_unlocks_and_deactivates_and_every_change_is_in_the_audit()
    {
        var admin = await Browser.SignedInAsync(factory, "admin@demo.local");
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "zoe.lukasiewicz@demo.local").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/Admin/Accounts?handler=Grant", new() { ["userId"] = userId, ["role"] = "HR" })).StatusCode);
        var manager = await admin.PostAsync("/Admin/Accounts?handler=Grant", new() { ["userId"] = userId, ["role"] = "Manager" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, manager.StatusCode);
        Assert.Contains("Only the HR and Admin roles", await manager.Content.ReadAsStringAsync());

        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10))));
        Assert.Contains(">locked<", await (await admin.GetAsync("/Admin/Accounts?q=zoe")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/Admin/Accounts?handler=Unlock", new() { ["userId"] = userId })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/Admin/Accounts?handler=Deactivate", new() { ["userId"] = userId })).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await new Browser(factory.NewClient()).SignInAsync("zoe.lukasiewicz@demo.local", Coaching.Web.Demo.DemoSeeder.Password)).StatusCode);

        var audit = await admin.GetDocumentAsync("/Admin/Audit?q=zoe");
        var actions = audit.QuerySelectorAll("#audit tbody tr code").Select(c => c.TextContent).ToList();
        Assert.Equal(["account.deactivate", "account.unlock", "account.role-grant"], actions);
        var myself = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync());
        Assert.Contains("cannot remove your own Admin role", await (await admin.PostAsync("/Admin/Accounts?handler=RemoveRole", new() { ["userId"] = myself, ["role"] = "Admin" })).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("hr@demo.local", "/Admin/Accounts")]
    [InlineData("hr@demo.local", "/Admin/Teams")]
    [InlineData("hr@demo.local", "/Admin/Audit")]
    [InlineData("manager@demo.local", "/People/1/Edit")]
    [InlineData("ana.ruiz@demo.local", "/Admin")]
    public async Task Administration_is_for_admins_and_people_for_HR_and_admins(string email, string url)
    {
        var someone = await Browser.SignedInAsync(factory, email);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.PostAsync(url + "?handler=Grant", new() { ["userId"] = "x", ["role"] = "Admin" })).StatusCode);
    }

    [Fact]
    public async Task HR_cannot_make_themself_admin()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var me = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "hr@demo.local").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsync("/Admin/Accounts?handler=Grant", new() { ["userId"] = me, ["role"] = "Admin" })).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == me && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Admin))));
    }

    [Fact]
    public async Task Teams_are_created_renamed_merged_and_archived_with_messages_beside_the_fields()
    {
        var admin = await Browser.SignedInAsync(factory, "admin@demo.local");
        var blank = await admin.PostAsync("/Admin/Teams?handler=Create", new() { ["Name"] = "", ["Site"] = "Riverside" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        var page = await Browser.ParseAsync(blank);
        Assert.Contains("Enter the team's name", page.QuerySelector("#new-name-error")!.TextContent);
        Assert.Equal("Riverside", page.QuerySelector("#new-site")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/Admin/Teams?handler=Create", new() { ["Name"] = "Night Fill", ["Site"] = "Riverside" })).StatusCode);
        var duplicate = await admin.PostAsync("/Admin/Teams?handler=Create", new() { ["Name"] = "night fill", ["Site"] = "riverside" });
        Assert.Contains("Riverside already has a team called Night Fill", (await Browser.ParseAsync(duplicate)).QuerySelector("#new-name-error")!.TextContent);

        var nightFill = await factory.WithDbAsync(db => db.Teams.Where(t => t.Name == "Night Fill").Select(t => t.Id).SingleAsync());
        var person = await NewPersonAsync("Nina", "Night", "nina.night@example.org");
        await factory.WithDbAsync(db => db.Employees.Where(e => e.Id == person).ExecuteUpdateAsync(s => s.SetProperty(e => e.TeamId, nightFill)));
        var archive = await admin.PostAsync($"/Admin/Teams?handler=Archive&teamId={nightFill}", []);
        Assert.Contains("still has 1 active person", await archive.Content.ReadAsStringAsync());

        var frontEnd = await factory.WithDbAsync(db => db.Teams.Where(t => t.Name == "Front End").Select(t => t.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/Admin/Teams?handler=Merge&teamId={nightFill}", new() { ["IntoTeamId"] = frontEnd.ToString() })).StatusCode);
        Assert.Equal(frontEnd, await factory.WithDbAsync(db => db.Employees.Where(e => e.Id == person).Select(e => e.TeamId).SingleAsync()));
        Assert.NotNull(await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == nightFill).Select(t => t.ArchivedAtUtc).SingleAsync()));

        var addManager = await admin.PostAsync($"/Admin/Teams?handler=AddManager&teamId={frontEnd}", new() { ["ManagerEmail"] = "ghost@example.org" });
        Assert.Contains("Nobody in the organisation has the email ghost@example.org", await addManager.Content.ReadAsStringAsync());
    }
}
