using System.Net;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Foundation;

public class AppShellTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    [Fact]
    public async Task Health_reports_the_database_healthy()
    {
        var response = await factory.NewClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task My_team_lists_only_the_managers_own_people_with_role_and_tenure()
    {
        var browser = await Browser.SignedInAsync(factory, "manager@demo.local");

        var page = await browser.GetDocumentAsync("/Team");

        var names = page.QuerySelectorAll(".employee-name").Select(e => e.TextContent.Trim()).ToList();
        var frontEnd = await factory.WithDbAsync(db => db.Employees.Where(e => e.Team!.Name == "Front End" && e.IsActive)
            .Select(e => e.FirstName + " " + e.LastName).ToListAsync());
        Assert.Equal(frontEnd.Order(), names.Order());
        Assert.Contains("Zoë Łukasiewicz", names);
        Assert.DoesNotContain("José Núñez", names); // contact centre, manager2's team
        Assert.Contains("Cashier", page.QuerySelector("[data-employee-id]")!.TextContent);
        Assert.Matches(@"\d+ (day|days|weeks|month|months|year|years)", page.QuerySelector("[data-employee-id]")!.TextContent);
    }

    [Fact]
    public async Task The_team_filter_answers_htmx_with_just_the_tiles()
    {
        var browser = await Browser.SignedInAsync(factory, "manager@demo.local");

        var response = await browser.GetAsync("/Team?q=zo", htmx: true);
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<html", html);
        Assert.Contains("Zoë Łukasiewicz", System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("Ana Ruiz", html);
    }

    [Fact]
    public async Task A_manager_gets_403_on_an_HR_page()
    {
        var browser = await Browser.SignedInAsync(factory, "manager@demo.local");

        var response = await browser.GetAsync("/Rubrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Not allowed", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HR_has_no_floor_view()
    {
        var browser = await Browser.SignedInAsync(factory, "hr@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Team")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404()
    {
        var browser = await Browser.SignedInAsync(factory, "manager@demo.local");
        var response = await browser.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_page_sends_the_antiforgery_token_on_htmx_requests_and_loads_htmx()
    {
        var browser = await Browser.SignedInAsync(factory, "manager@demo.local");
        var page = await browser.GetDocumentAsync("/Team");

        Assert.Contains(Coaching.Web.Infrastructure.Antiforgery.HeaderName, page.Body!.GetAttribute("hx-headers"));
        Assert.NotNull(page.QuerySelector("script[src^='/lib/htmx/htmx.min.'][src$='.js']")); // under its fingerprint
    }

    [Fact]
    public async Task The_demo_organisation_has_four_industries_with_varied_tenure()
    {
        var teams = await factory.WithDbAsync(db => db.Teams.Select(t => new { t.Site, Count = t.Employees.Count }).ToListAsync());
        Assert.True(teams.Count >= 4);
        Assert.All(teams, t => Assert.InRange(t.Count, 6, 10));
        var hireDates = await factory.WithDbAsync(db => db.Employees.Select(e => e.HireDate).ToListAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Contains(hireDates, d => today.DayNumber - d.DayNumber < 60);
        Assert.Contains(hireDates, d => today.DayNumber - d.DayNumber > 365 * 12);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "jose.nunez@demo.local")));
    }
}

public class PeopleTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    [Fact]
    public async Task HR_finds_anyone_and_opens_their_profile_but_managers_cannot_list_people()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var page = await hr.GetDocumentAsync("/People?q=barista");
        var names = page.QuerySelectorAll(".person-name").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(7, names.Count);
        Assert.Contains("Aroha Ngata", names);

        var profile = page.QuerySelectorAll(".person-name").First(a => a.TextContent.Contains("Aroha")).GetAttribute("href")!;
        Assert.Contains("Aroha Ngata", (await hr.GetDocumentAsync(profile)).QuerySelector("h1")!.TextContent);

        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await manager.GetAsync("/People")).StatusCode);
    }
}

/// <summary>Outside Development a failure shows the friendly error page, never the exception or a stack trace.</summary>
public class ProductionErrorPageTests
{
    sealed class BrokenProduction : CoachingFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Production");
            builder.UseSetting("Database:SeedDemoData", "true");
            // My team fails with an exception whose text must never reach the page. (A bad time zone used to make every
            // page fail; the settings check at start now stops the app before it serves anything.)
            builder.ConfigureServices(services => services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new FailOnMyTeam())));
        }
    }

    sealed class FailOnMyTeam : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;
        public Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next) =>
            context.HttpContext.Request.Path.StartsWithSegments("/Team")
                ? throw new TimeZoneNotFoundException("The time zone ID 'Nowhere/Atlantis' was not found.")
                : next();
    }

    [Fact]
    public async Task A_server_error_shows_no_exception_details()
    {
        using var factory = new BrokenProduction();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        var browser = new Browser(client);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("manager@demo.local", "Coaching!2026")).StatusCode);

        var response = await browser.GetAsync("/Team");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("Atlantis", html);
        Assert.DoesNotContain("TimeZoneNotFoundException", html);
        Assert.DoesNotContain(".cs:line", html);
    }
}
