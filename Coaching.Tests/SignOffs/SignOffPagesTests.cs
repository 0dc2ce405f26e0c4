using System.Net;
using Coaching.Domain.SignOffs;
using Coaching.Domain.Time;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Demo;
using Coaching.Web.Features.SignOffs;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coaching.Tests.SignOffs;

/// <summary>
/// Sign-off through the pages, on people each test arranges itself in the Front End team (manager@demo.local's): the
/// evidence a manager reviews, signing off, declining and revoking with a reason, refusals beside the field, a double
/// tap, and who may do what.
/// </summary>
public class SignOffPagesTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    const string Team = "Front End";
    const string Manager = "manager@demo.local";

    static string Url(int id, string? handler = null) => $"/People/{id}/SignOffs" + (handler is null ? "" : $"?handler={handler}");

    DateOnly Today => OrganisationClock.Today(DateTime.UtcNow, factory.Services.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone);

    Task<SignOffSeed.Person> ReadyAsync(string first, string last) => factory.WithDbAsync(db => SignOffSeed.ReadyAsync(db, Team, first, last));

    Task<List<SignOff>> SignOffsOfAsync(int employeeId) =>
        factory.WithDbAsync(db => db.SignOffs.AsNoTracking().Where(s => s.EmployeeId == employeeId).OrderBy(s => s.Id).ToListAsync());

    Task<List<string>> AuditOfAsync(string action, string subject) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == action && a.Subject == subject).Select(a => a.Details).ToListAsync());

    async Task<SkillSignOffs.State> StateAsync(SignOffSeed.Person p)
    {
        using var scope = factory.Services.CreateScope();
        var states = await scope.ServiceProvider.GetRequiredService<SkillSignOffs>().ForEmployeeAsync(p.EmployeeId, default);
        return states.Single(s => s.SkillKey == p.SkillKey);
    }

    static Dictionary<string, string> Skill(SignOffSeed.Person p, string? reason = null) =>
        reason is null ? new() { ["skill"] = p.SkillKey.ToString() } : new() { ["skill"] = p.SkillKey.ToString(), ["reason"] = reason };

    [Fact]
    public async Task A_manager_reviews_the_evidence_of_a_ready_skill_and_signs_it_off_who_when_and_evidence_recorded_and_audited()
    {
        var p = await ReadyAsync("Nadia", "Evidence");
        var manager = await Browser.SignedInAsync(factory, Manager);

        var page = await manager.GetDocumentAsync(Url(p.EmployeeId));
        var card = page.QuerySelector($"article[data-skill='{p.SkillName}']")!;
        Assert.Contains("Ready for sign-off", card.QuerySelector(".signoff-state")!.TextContent);
        Assert.Null(card.QuerySelector("form[action*='handler=Sign']")); // the evidence first
        var evidence = await Browser.ParseAsync(await manager.GetAsync($"{Url(p.EmployeeId, "Evidence")}&skill={p.SkillKey}", htmx: true));
        var items = evidence.QuerySelectorAll(".signoff-evidence li");
        Assert.Equal(3, items.Length);
        Assert.Contains("Nadia did it right at the end of a long shift", items[0].TextContent); // newest first
        Assert.Contains("Maya Okafor", items[0].TextContent);
        Assert.Contains("Harriet Reid", items[1].TextContent);
        Assert.Contains($"level {p.RequiredLevel}", items[1].TextContent);
        Assert.Contains(OrganisationClock.ToLocal(DateTime.UtcNow.AddDays(-10), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("d MMM yyyy"), items[0].TextContent);
        Assert.NotNull(evidence.QuerySelector("form[action*='handler=Sign']"));

        var signed = await manager.PostAsync(Url(p.EmployeeId, "Sign"), Skill(p), htmx: true);

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Contains("signed off.", signed.Headers.GetValues("HX-Trigger").Single());
        var html = await Browser.ParseAsync(signed);
        Assert.Contains("Signed off by Maya Okafor on " + Today.ToString("d MMM yyyy"), html.QuerySelector(".signoff-signed")!.TextContent);
        var signOff = Assert.Single(await SignOffsOfAsync(p.EmployeeId));
        Assert.Equal(p.ManagerUserId, signOff.SignedByUserId);
        Assert.Equal(3, signOff.EvidenceObservationIds.Count);
        Assert.Null(signOff.ExpiresOn);
        Assert.Contains(await AuditOfAsync("signoff.sign", p.Name), d => d.StartsWith($"{p.SkillName}: signed off on 3 observation(s)"));
        var profile = await manager.GetDocumentAsync($"/People/{p.EmployeeId}");
        Assert.Contains("Signed off", profile.QuerySelector($".profile-signoffs li[data-skill='{p.SkillName}']")!.TextContent);
    }

    [Fact]
    public async Task A_plain_form_post_signs_off_too_and_comes_back_to_the_page()
    {
        var p = await ReadyAsync("Pablo", "Plainform");
        var manager = await Browser.SignedInAsync(factory, Manager);
        await manager.GetDocumentAsync($"{Url(p.EmployeeId)}?review={p.SkillKey}");

        var signed = await manager.PostAsync(Url(p.EmployeeId, "Sign"), Skill(p));

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal($"/People/{p.EmployeeId}/SignOffs#skill-{p.SkillKey:N}", signed.Headers.Location!.OriginalString);
        Assert.Single(await SignOffsOfAsync(p.EmployeeId));
    }

    [Fact]
    public async Task A_skill_with_an_expiry_is_signed_off_until_that_many_months_from_today()
    {
        var p = await ReadyAsync("Edda", "Expiry");
        await factory.WithDbAsync(async db => { db.SkillExpiries.Add(new SkillExpiry { SkillKey = p.SkillKey, Months = 12 }); await db.SaveChangesAsync(); });
        try
        {
            var manager = await Browser.SignedInAsync(factory, Manager);
            await manager.GetAsync(Url(p.EmployeeId));
            var signed = await manager.PostAsync(Url(p.EmployeeId, "Sign"), Skill(p), htmx: true);

            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
            Assert.Equal(Today.AddMonths(12), Assert.Single(await SignOffsOfAsync(p.EmployeeId)).ExpiresOn);
            Assert.Contains($"expires on {Today.AddMonths(12):d MMM yyyy}", (await Browser.ParseAsync(signed)).QuerySelector(".signoff-signed")!.TextContent);
        }
        finally
        {
            await factory.WithDbAsync(db => db.SkillExpiries.Where(e => e.SkillKey == p.SkillKey).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task Signing_off_again_answers_already_signed_off_and_two_taps_at_once_make_one_sign_off_and_no_error()
    {
        var p = await ReadyAsync("Dora", "Doubletap");
        var manager = await Browser.SignedInAsync(factory, Manager);
        await manager.GetAsync(Url(p.EmployeeId));

        var taps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => manager.PostAsync(Url(p.EmployeeId, "Sign"), Skill(p), htmx: true)));
        var again = await manager.PostAsync(Url(p.EmployeeId, "Sign"), Skill(p), htmx: true);

        Assert.All(taps, t => Assert.Contains(t.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Single(taps, t => t.StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var html = await Browser.ParseAsync(again);
        Assert.Equal(SignOffsModel.AlreadySignedOff, html.QuerySelector($"#err-skill-{p.SkillKey:N}")!.TextContent);
        Assert.Contains("Signed off by Maya Okafor", html.QuerySelector(".signoff-signed")!.TextContent);
        Assert.Single(await SignOffsOfAsync(p.EmployeeId));
        Assert.Single(await AuditOfAsync("signoff.sign", p.Name));
    }

    public static TheoryData<string, string> BadReasons => new()
    {
        { "", "Say why the skill is not signed off yet." },
        { "   ", "Say why the skill is not signed off yet." },
        { new string('r', SignOff.MaxReasonLength + 1), "Keep the reason under 1000 characters." },
    };

    [Theory]
    [MemberData(nameof(BadReasons))]
    public async Task Declining_without_a_usable_reason_is_refused_beside_the_field_with_the_typed_text_kept_and_nothing_saved(string reason, string message)
    {
        var p = await ReadyAsync("Rhea", $"Reason{reason.Length}");
        var manager = await Browser.SignedInAsync(factory, Manager);
        await manager.GetAsync(Url(p.EmployeeId));

        var refused = await manager.PostAsync(Url(p.EmployeeId, "Decline"), Skill(p, reason), htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await Browser.ParseAsync(refused);
        Assert.Equal(message, html.QuerySelector($"#err-decline-{p.SkillKey:N}")!.TextContent);
        Assert.Equal(reason, html.QuerySelector($"#decline-{p.SkillKey:N}")!.TextContent);
        Assert.Equal("true", html.QuerySelector($"#decline-{p.SkillKey:N}")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SignOffDeclines.CountAsync(d => d.EmployeeId == p.EmployeeId)));
        Assert.Empty(await AuditOfAsync("signoff.decline", p.Name));
    }

    [Fact]
    public async Task A_declined_skill_is_not_flagged_ready_until_a_new_observation_meets_the_level()
    {
        var p = await ReadyAsync("Dmitri", "Declined");
        var manager = await Browser.SignedInAsync(factory, Manager);
        await manager.GetAsync(Url(p.EmployeeId));

        var declined = await manager.PostAsync(Url(p.EmployeeId, "Decline"), Skill(p, " Watch one more Saturday rush "), htmx: true);

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var html = await Browser.ParseAsync(declined);
        Assert.Equal($"Not signed off by Maya Okafor on {Today:d MMM yyyy}: Watch one more Saturday rush", html.QuerySelector(".signoff-declined")!.ChildNodes[0].TextContent.Trim());
        Assert.Equal("Declined", html.QuerySelector(".signoff-state")!.TextContent.Trim());
        Assert.Contains(await AuditOfAsync("signoff.decline", p.Name), d => d.EndsWith("Reason: Watch one more Saturday rush"));
        Assert.False((await StateAsync(p)).IsReadyForSignOff);
        var tiles = await manager.GetDocumentAsync("/Team");
        Assert.Null(tiles.QuerySelector($"article[data-employee-id='{p.EmployeeId}'] .tile-signoff-ready"));

        await factory.WithDbAsync(db => SignOffSeed.ObserveAsync(db, p, p.HrUserId, p.RequiredLevel, DateTime.UtcNow.AddHours(-1), "Dmitri ran the Saturday rush"));

        var state = await StateAsync(p);
        Assert.True(state.IsReadyForSignOff);
        Assert.Equal(4, state.Readiness.EvidenceObservationIds.Count);
        tiles = await manager.GetDocumentAsync("/Team");
        Assert.Equal($"Ready for sign-off: {p.SkillName}", tiles.QuerySelector($"article[data-employee-id='{p.EmployeeId}'] .tile-signoff-ready")!.TextContent);
    }

    [Fact]
    public async Task A_skill_not_ready_is_refused_on_the_server_whatever_the_page_showed_and_nothing_is_saved()
    {
        var p = await factory.WithDbAsync(async db =>
        {
            var person = await SignOffSeed.NewPersonAsync(db, Team, "Nico", "Notready");
            await SignOffSeed.ObserveAsync(db, person, person.ManagerUserId, person.RequiredLevel, DateTime.UtcNow.AddDays(-5), "Good");
            await SignOffSeed.ObserveAsync(db, person, person.HrUserId, person.RequiredLevel, DateTime.UtcNow.AddDays(-3), "Good");
            return person;
        });
        var manager = await Browser.SignedInAsync(factory, Manager);
        var page = await manager.GetDocumentAsync(Url(p.EmployeeId));
        Assert.Contains("Not ready: 2 of 3 observations", page.QuerySelector(".signoff-reasons")!.TextContent);
        Assert.Null(page.QuerySelector("a[aria-label^='Review evidence']"));

        var sign = await manager.PostAsync(Url(p.EmployeeId, "Sign"), Skill(p), htmx: true);
        var decline = await manager.PostAsync(Url(p.EmployeeId, "Decline"), Skill(p, "Not yet"), htmx: true);

        foreach (var refused in new[] { sign, decline })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.StartsWith("Not ready for sign-off: 2 of 3 observations", (await Browser.ParseAsync(refused)).QuerySelector($"#err-skill-{p.SkillKey:N}")!.TextContent);
        }
        Assert.Empty(await SignOffsOfAsync(p.EmployeeId));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SignOffDeclines.CountAsync(d => d.EmployeeId == p.EmployeeId)));
    }

    [Fact]
    public async Task Revoking_needs_a_reason_and_then_the_skill_counts_as_not_signed_off()
    {
        var p = await ReadyAsync("Ruth", "Revoked");
        var signOff = await factory.WithDbAsync(db => SignOffSeed.SignedOffAsync(db, p, 5, null));
        var manager = await Browser.SignedInAsync(factory, Manager);
        await manager.GetAsync(Url(p.EmployeeId));

        var refused = await manager.PostAsync(Url(p.EmployeeId, "Revoke"), Skill(p, "  "), htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await Browser.ParseAsync(refused);
        Assert.Equal("Say why the sign-off is revoked.", html.QuerySelector($"#err-revoke-{p.SkillKey:N}")!.TextContent);
        Assert.NotNull(html.QuerySelector("details.signoff-revoke[open]"));
        Assert.Null((await SignOffsOfAsync(p.EmployeeId)).Single().RevokedAtUtc);

        var revoked = await manager.PostAsync(Url(p.EmployeeId, "Revoke"), Skill(p, "Skipped the ID check twice this week"), htmx: true);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        html = await Browser.ParseAsync(revoked);
        Assert.Contains("Revoked", html.QuerySelector(".signoff-state")!.TextContent);
        Assert.Equal($"Revoked by Maya Okafor on {Today:d MMM yyyy}: Skipped the ID check twice this week", html.QuerySelector(".signoff-revoked")!.TextContent);
        var stored = Assert.Single(await SignOffsOfAsync(p.EmployeeId));
        Assert.Equal((signOff.Id, p.ManagerUserId, "Skipped the ID check twice this week"), (stored.Id, stored.RevokedByUserId, stored.RevokeReason));
        var state = await StateAsync(p);
        Assert.Equal(SignOffStatus.Revoked, state.Status);
        Assert.False(state.IsSignedOff);
        Assert.True(state.IsReadyForSignOff); // the evidence still meets the rule: it may be signed off again
        Assert.Contains(await AuditOfAsync("signoff.revoke", p.Name), d => d.EndsWith("Reason: Skipped the ID check twice this week"));

        var nothingLeft = await manager.PostAsync(Url(p.EmployeeId, "Revoke"), Skill(p, "Again"), htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothingLeft.StatusCode);
    }

    [Fact]
    public async Task Expiring_and_expired_sign_offs_are_flagged_and_an_expired_one_is_superseded_when_signed_off_again()
    {
        var expiring = await ReadyAsync("Elsa", "Expiring");
        var expired = await ReadyAsync("Ezra", "Expired");
        var lasting = await factory.WithDbAsync(db => SignOffSeed.NewPersonAsync(db, Team, "Lars", "Lasting"));
        await factory.WithDbAsync(db => SignOffSeed.SignedOffAsync(db, expiring, 340, Today.AddDays(20)));
        var old = await factory.WithDbAsync(db => SignOffSeed.SignedOffAsync(db, expired, 400, Today));
        await factory.WithDbAsync(db => SignOffSeed.SignedOffAsync(db, lasting, 10, Today.AddDays(SignOff.DefaultExpiringSoonDays + 1)));

        var (a, b, c) = (await StateAsync(expiring), await StateAsync(expired), await StateAsync(lasting));
        Assert.Equal((SignOffStatus.ExpiringSoon, true, false), (a.Status, a.IsSignedOff, a.IsReadyForSignOff));
        Assert.Equal((SignOffStatus.Expired, false, true), (b.Status, b.IsSignedOff, b.IsReadyForSignOff)); // from the expiry day on
        Assert.Equal((SignOffStatus.Active, true, false), (c.Status, c.IsSignedOff, c.IsExpiringSoon));

        var manager = await Browser.SignedInAsync(factory, Manager);
        var tiles = await manager.GetDocumentAsync("/Team");
        Assert.Equal($"Sign-off expiring soon: {expiring.SkillName}", tiles.QuerySelector($"article[data-employee-id='{expiring.EmployeeId}'] .tile-signoff-expiring")!.TextContent);
        Assert.Equal($"Sign-off expired: {expired.SkillName}", tiles.QuerySelector($"article[data-employee-id='{expired.EmployeeId}'] .tile-signoff-expired")!.TextContent);
        Assert.Null(tiles.QuerySelector($"article[data-employee-id='{lasting.EmployeeId}'] .tile-signoff"));
        var profile = await manager.GetDocumentAsync($"/People/{expired.EmployeeId}");
        Assert.Contains("counts as not signed off", profile.QuerySelector($".profile-signoffs")!.TextContent);
        var page = await manager.GetDocumentAsync(Url(expiring.EmployeeId));
        Assert.Contains("Expiring soon", page.QuerySelector(".signoff-state")!.TextContent);
        Assert.Contains($"expires on {Today.AddDays(20):d MMM yyyy}", page.QuerySelector(".signoff-signed")!.TextContent);

        var signed = await manager.PostAsync(Url(expired.EmployeeId, "Sign"), Skill(expired), htmx: true);

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var both = await SignOffsOfAsync(expired.EmployeeId);
        Assert.Equal(2, both.Count);
        Assert.Equal(old.Id, both[0].Id);
        Assert.NotNull(both[0].SupersededAtUtc);
        Assert.True(both[1].IsLive);
        Assert.Equal(SignOffStatus.Active, (await StateAsync(expired)).Status);
    }

    [Fact]
    public async Task The_employee_reads_their_own_sign_offs_without_any_action_and_is_refused_if_they_post()
    {
        var ana = await factory.WithDbAsync(db => db.Employees.Where(e => e.FirstName == "Ana" && e.LastName == "Ruiz").Select(e => e.Id).SingleAsync());
        var skill = await factory.WithDbAsync(db => db.RoleRequirements.Where(r => r.JobRoleId == db.Employees.Single(e => e.Id == ana).JobRoleId).Select(r => r.SkillKey).FirstAsync());
        var employee = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor("Ana Ruiz"));

        var page = await employee.GetDocumentAsync(Url(ana));

        Assert.NotEmpty(page.QuerySelectorAll("article.signoff-skill"));
        Assert.Empty(page.QuerySelectorAll(".signoff-skills form"));
        foreach (var handler in new[] { "Sign", "Decline", "Revoke" })
        {
            var refused = await employee.PostAsync(Url(ana, handler), new() { ["skill"] = skill.ToString(), ["reason"] = "mine" }, htmx: true);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Empty(await SignOffsOfAsync(ana));
    }

    [Fact]
    public async Task Tampered_ids_are_not_found_for_every_handler_a_person_outside_the_team_or_a_skill_the_person_does_not_have()
    {
        var outsider = await factory.WithDbAsync(db => SignOffSeed.ReadyAsync(db, "Retail Banking Contact Centre", "Otto", "Outside"));
        var own = await ReadyAsync("Olga", "Own");
        var manager = await Browser.SignedInAsync(factory, Manager);
        await manager.GetAsync(Url(own.EmployeeId));
        var strangeSkill = Guid.NewGuid().ToString();

        foreach (var handler in new[] { "Sign", "Decline", "Revoke" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(Url(outsider.EmployeeId, handler), Skill(outsider, "x"), htmx: true)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(Url(999_999, handler), Skill(outsider, "x"), htmx: true)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(Url(own.EmployeeId, handler), new() { ["skill"] = strangeSkill, ["reason"] = "x" }, htmx: true)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Url(outsider.EmployeeId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Url(outsider.EmployeeId, "Evidence")}&skill={outsider.SkillKey}", htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Url(own.EmployeeId, "Evidence")}&skill={strangeSkill}", htmx: true)).StatusCode);
        Assert.Empty(await SignOffsOfAsync(outsider.EmployeeId));
        Assert.Empty(await SignOffsOfAsync(own.EmployeeId));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SignOffDeclines.CountAsync(d => d.EmployeeId == outsider.EmployeeId || d.EmployeeId == own.EmployeeId)));

        // HR reaches everyone: the outsider's skill is signed off by HR.
        var hr = await Browser.SignedInAsync(factory, SignOffSeed.HrEmail);
        await hr.GetAsync(Url(outsider.EmployeeId));
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync(Url(outsider.EmployeeId, "Sign"), Skill(outsider), htmx: true)).StatusCode);
    }
}
