using System.Net;
using Coaching.Domain.SignOffs;
using Coaching.Domain.Time;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Features.SignOffs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.SignOffs;

/// <summary>HR's sign-off rules per rubric and expiry per skill: saved with the audit, bad values refused beside the field as typed.</summary>
public class SignOffRulesPageTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    const string Url = "/SignOffs/Rules";

    Task<(int Id, string Name)> CashierRubricAsync() => factory.WithDbAsync(async db =>
    {
        var team = await db.Teams.SingleAsync(t => t.Name == "Front End");
        var roleId = await db.Employees.Where(e => e.TeamId == team.Id).Select(e => e.JobRoleId).FirstAsync();
        return await db.JobRoles.Where(r => r.Id == roleId).Select(r => new ValueTuple<int, string>(r.DefaultRubricId!.Value, db.Rubrics.Single(x => x.Id == r.DefaultRubricId).Name)).SingleAsync();
    });

    /// <summary>The saved rule's numbers, or none.</summary>
    Task<string?> StoredRuleAsync(int rubricId) => factory.WithDbAsync(db => db.SignOffRules.Where(r => r.RubricId == rubricId)
        .Select(r => $"{r.MinObservations}/{r.MinObservers}/{r.WindowDays}/{r.LatestMustMeet}/{r.UpdatedAtUtc}").SingleOrDefaultAsync());

    static Dictionary<string, string> Rule(int rubricId, string observations, string observers, string days, bool latest = true)
    {
        var form = new Dictionary<string, string> { ["rubricId"] = $"{rubricId}", ["minObservations"] = observations, ["minObservers"] = observers, ["windowDays"] = days };
        if (latest) form["latestMustMeet"] = "true";
        return form;
    }

    [Fact]
    public async Task Hr_tightens_a_rubrics_rule_it_is_audited_and_a_person_who_was_ready_no_longer_is()
    {
        var (rubricId, rubricName) = await CashierRubricAsync();
        var p = await factory.WithDbAsync(db => SignOffSeed.ReadyAsync(db, "Front End", "Tara", "Tightened")); // the default rule from here
        var hr = await Browser.SignedInAsync(factory, SignOffSeed.HrEmail);
        var page = await hr.GetDocumentAsync(Url);
        Assert.Equal("3", page.QuerySelector($"#rule-{rubricId}-minObservations")!.GetAttribute("value"));
        try
        {
            var saved = await hr.PostAsync($"{Url}?handler=Rule", Rule(rubricId, "4", "2", "60", latest: false));

            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var rule = await factory.WithDbAsync(db => db.SignOffRules.AsNoTracking().SingleAsync(r => r.RubricId == rubricId));
            Assert.Equal((4, 2, 60, false), (rule.MinObservations, rule.MinObservers, rule.WindowDays, rule.LatestMustMeet));
            var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "signoff.rule" && a.Subject == rubricName).Select(a => a.Details).ToListAsync());
            Assert.Contains("Sign-off rule: 3 observations by 2 observers within 90 days, latest at level → 4 observations by 2 observers within 60 days", audit);
            page = await hr.GetDocumentAsync(Url);
            Assert.Equal("60", page.QuerySelector($"#rule-{rubricId}-windowDays")!.GetAttribute("value"));
            Assert.Null(page.QuerySelector($"#rule-{rubricId}-latest")!.GetAttribute("checked"));
            var signOffs = await hr.GetDocumentAsync($"/People/{p.EmployeeId}/SignOffs");
            Assert.Contains("Not ready: 3 of 4 observations at level", signOffs.QuerySelector(".signoff-reasons")!.TextContent);
        }
        finally
        {
            await factory.WithDbAsync(db => db.SignOffRules.Where(r => r.RubricId == rubricId).ExecuteDeleteAsync());
        }
    }

    public static TheoryData<string, string, string, string, string> BadRules => new()
    {
        { "0", "2", "90", "minObservations", "Enter how many observations are needed, from 1 to 20." },
        { "three", "2", "90", "minObservations", "Enter how many observations are needed, from 1 to 20." },
        { "3", "5", "90", "minObservers", "5 different observers need at least 5 observations; needed now: 3." },
        { "3", "2", "1000", "windowDays", "Enter the number of days the observations must fall within, from 1 to 730." },
        { "3", "2", "", "windowDays", "Enter the number of days the observations must fall within, from 1 to 730." },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task A_bad_rule_value_is_refused_beside_its_field_with_every_typed_value_kept_and_nothing_saved(string observations, string observers, string days, string field, string message)
    {
        var (rubricId, _) = await CashierRubricAsync();
        var hr = await Browser.SignedInAsync(factory, SignOffSeed.HrEmail);
        await hr.GetAsync(Url);
        var before = await StoredRuleAsync(rubricId);

        var refused = await hr.PostAsync($"{Url}?handler=Rule", Rule(rubricId, observations, observers, days, latest: false));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await Browser.ParseAsync(refused);
        Assert.Equal(message, html.QuerySelector($"#rule-{rubricId}-{field}-problem")!.TextContent);
        Assert.Equal("true", html.QuerySelector($"#rule-{rubricId}-{field}")!.GetAttribute("aria-invalid"));
        Assert.Equal(observations, html.QuerySelector($"#rule-{rubricId}-minObservations")!.GetAttribute("value"));
        Assert.Equal(observers, html.QuerySelector($"#rule-{rubricId}-minObservers")!.GetAttribute("value"));
        Assert.Equal(days, html.QuerySelector($"#rule-{rubricId}-windowDays")!.GetAttribute("value"));
        Assert.Null(html.QuerySelector($"#rule-{rubricId}-latest")!.GetAttribute("checked"));
        Assert.Equal(before, await StoredRuleAsync(rubricId));
    }

    [Fact]
    public async Task Hr_sets_a_skills_expiry_in_months_a_bad_value_is_refused_as_typed_and_clearing_it_means_no_expiry()
    {
        var p = await factory.WithDbAsync(db => SignOffSeed.NewPersonAsync(db, "Front End", "Mia", "Months"));
        var hr = await Browser.SignedInAsync(factory, SignOffSeed.HrEmail);
        await hr.GetAsync(Url);
        var key = p.SkillKey.ToString("N");

        var refused = await hr.PostAsync($"{Url}?handler=Expiry", new() { ["skill"] = $"{p.SkillKey}", ["months"] = "a year" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await Browser.ParseAsync(refused);
        Assert.Equal("Enter how many months a sign-off holds, from 1 to 120.", html.QuerySelector($"#months-{key}-problem")!.TextContent);
        Assert.Equal("a year", html.QuerySelector($"#months-{key}")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.SkillExpiries.AnyAsync(e => e.SkillKey == p.SkillKey)));

        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostAsync($"{Url}?handler=Expiry", new() { ["skill"] = $"{p.SkillKey}", ["months"] = "12" })).StatusCode);
        Assert.Equal(12, await factory.WithDbAsync(db => db.SkillExpiries.Where(e => e.SkillKey == p.SkillKey).Select(e => e.Months).SingleAsync()));
        Assert.Equal("12 months", (await hr.GetDocumentAsync(Url)).QuerySelector($"#skill-{key} .expiry-now")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostAsync($"{Url}?handler=Expiry", new() { ["skill"] = $"{p.SkillKey}", ["months"] = "24" })).StatusCode);
        Assert.Equal(24, await factory.WithDbAsync(db => db.SkillExpiries.Where(e => e.SkillKey == p.SkillKey).Select(e => e.Months).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostAsync($"{Url}?handler=ClearExpiry", new() { ["skill"] = $"{p.SkillKey}" })).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.SkillExpiries.AnyAsync(e => e.SkillKey == p.SkillKey)));
        Assert.Equal("does not expire", (await hr.GetDocumentAsync(Url)).QuerySelector($"#skill-{key} .expiry-now")!.TextContent);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "signoff.expiry" && a.Subject == p.SkillName).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());
        Assert.Equal(["Sign-off holds: no expiry → 12 months", "Sign-off holds: 12 months → 24 months", "Sign-off holds: 24 months → no expiry"], audit.TakeLast(3));
    }

    [Fact]
    public async Task Tampered_rubric_and_skill_ids_are_not_found_and_a_manager_may_not_change_rules()
    {
        var (rubricId, _) = await CashierRubricAsync();
        var hr = await Browser.SignedInAsync(factory, SignOffSeed.HrEmail);
        await hr.GetAsync(Url);
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        await manager.GetAsync("/Team");

        Assert.Equal(HttpStatusCode.NotFound, (await hr.PostAsync($"{Url}?handler=Rule", Rule(999_999, "3", "2", "90"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.PostAsync($"{Url}?handler=Expiry", new() { ["skill"] = $"{Guid.NewGuid()}", ["months"] = "12" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.PostAsync($"{Url}?handler=ClearExpiry", new() { ["skill"] = $"{Guid.NewGuid()}" })).StatusCode);
        var before = await StoredRuleAsync(rubricId);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"{Url}?handler=Rule", Rule(rubricId, "1", "1", "5"))).StatusCode);
        Assert.Equal(before, await StoredRuleAsync(rubricId));
    }
}

/// <summary>An organisation far from UTC (Auckland, UTC+12/13), where a calendar day and a UTC date differ for half the day.</summary>
public sealed class AucklandOrganisation : CoachingFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Organisation:TimeZone", "Pacific/Auckland");
    }
}

/// <summary>The sign-off window counts the organisation's days, through the one query every page reads.</summary>
public class SignOffWindowTests(AucklandOrganisation factory) : IClassFixture<AucklandOrganisation>
{
    static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

    static DateTime LocalToUtc(DateOnly day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), Auckland);

    [Fact]
    public async Task An_observation_early_on_the_organisations_day_ninety_days_ago_counts_and_one_late_the_day_before_does_not()
    {
        var today = OrganisationClock.Today(DateTime.UtcNow, Auckland);
        async Task<SignOffSeed.Person> ArrangeAsync(string last, DateTime oldestUtc) => await factory.WithDbAsync(async db =>
        {
            var p = await SignOffSeed.NewPersonAsync(db, "Front End", "Wendy", last);
            await SignOffSeed.ObserveAsync(db, p, p.ManagerUserId, p.RequiredLevel, oldestUtc, "At the edge of the window");
            await SignOffSeed.ObserveAsync(db, p, p.HrUserId, p.RequiredLevel, DateTime.UtcNow.AddDays(-20), "Fine");
            await SignOffSeed.ObserveAsync(db, p, p.ManagerUserId, p.RequiredLevel, DateTime.UtcNow.AddDays(-10), "Fine");
            return p;
        });
        // 00:30 in Auckland on the 90th day back is still the day before in UTC: counted by UTC dates it would fall out.
        var inside = await ArrangeAsync("Inside", LocalToUtc(today.AddDays(-90), 0, 30));
        var outside = await ArrangeAsync("Outside", LocalToUtc(today.AddDays(-91), 23, 30));
        Assert.Equal(today.AddDays(-91), DateOnly.FromDateTime(LocalToUtc(today.AddDays(-90), 0, 30)));

        using var scope = factory.Services.CreateScope();
        var signOffs = scope.ServiceProvider.GetRequiredService<SkillSignOffs>();
        var states = await signOffs.ForEmployeesAsync([inside.EmployeeId, outside.EmployeeId], default);

        Assert.Equal(today, signOffs.Today);
        var a = states[inside.EmployeeId].Single(s => s.SkillKey == inside.SkillKey);
        var b = states[outside.EmployeeId].Single(s => s.SkillKey == outside.SkillKey);
        Assert.True(a.IsReadyForSignOff);
        Assert.Equal(3, a.Readiness.EvidenceObservationIds.Count);
        Assert.False(b.IsReadyForSignOff);
        Assert.Equal([$"2 of 3 observations at level {outside.RequiredLevel} or above in the last 90 days"], b.Readiness.Reasons);
        var page = await (await Browser.SignedInAsync(factory, "manager@demo.local")).GetDocumentAsync($"/People/{inside.EmployeeId}/SignOffs?review={inside.SkillKey}");
        Assert.Contains(today.AddDays(-90).ToString("d MMM yyyy"), page.QuerySelectorAll(".signoff-evidence li").Last().TextContent);
    }
}
