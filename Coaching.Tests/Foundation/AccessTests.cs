using System.Net;
using System.Reflection;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Demo;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Foundation;

/// <summary>
/// Every page, and so every handler, is behind an authorization requirement the server enforces, and "who may see
/// whom" is EmployeeAccess's rule. The pages are taken from the running app, not from a list, so a new page is
/// checked the day it is added.
/// </summary>
public class AccessTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    /// <summary>The only pages anyone may open without signing in: signing in itself, and the error page.</summary>
    static bool MayBeAnonymous(string page) => page.StartsWith("/Account/") || page == "/Error";

    [Fact]
    public async Task Every_page_handler_needs_a_signed_in_person_or_its_folders_policy_and_only_sign_in_and_error_are_open()
    {
        var pages = await CompiledPagesAsync();
        var fallback = await factory.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();

        // Authorization runs on the page's endpoint, before a handler is chosen, so a handler is exactly as protected
        // as its page; a handler-level [AllowAnonymous] or [Authorize] would be ignored by Razor Pages, so none may exist.
        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is DenyAnonymousAuthorizationRequirement);
        var problems = new List<string>();
        var handlers = 0;
        foreach (var page in pages)
        {
            var metadata = new EndpointMetadataCollection(page.EndpointMetadata);
            var anonymous = metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var folder = AccessConventions.PolicyOf(page.ViewEnginePath);
            if (anonymous && !MayBeAnonymous(page.ViewEnginePath)) problems.Add($"{page.ViewEnginePath} is open to anyone");
            if (!anonymous && MayBeAnonymous(page.ViewEnginePath)) problems.Add($"{page.ViewEnginePath} should be open for signing in");
            if (folder is not null && !policies.Contains(folder)) problems.Add($"{page.ViewEnginePath} lacks its policy {folder}");
            foreach (var handler in page.HandlerMethods)
            {
                handlers++;
                if (handler.MethodInfo.GetCustomAttributes().Any(a => a is IAllowAnonymous or IAuthorizeData))
                    problems.Add($"{page.ViewEnginePath} {handler.HttpMethod} {handler.Name}: an attribute on a handler is ignored; use the page or its folder");
            }
            if (page.ModelTypeInfo?.GetCustomAttributes().Any(a => a is IAllowAnonymous) == true && !MayBeAnonymous(page.ViewEnginePath))
                problems.Add($"{page.ViewEnginePath}: [AllowAnonymous] on the page model");
        }

        Assert.Empty(problems);
        Assert.True(pages.Count >= 25, $"only {pages.Count} pages found");
        Assert.True(handlers >= 60, $"only {handlers} handlers found");
        Assert.Contains(pages, p => p.ViewEnginePath == "/People/Profile");
    }

    [Fact]
    public async Task Nothing_but_pages_the_health_check_and_the_web_roots_files_answers_requests()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var webRoot = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath;

        var files = endpoints.Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null).ToList();
        var notPages = endpoints.Except(files).Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null).Select(e => e.RoutePattern.RawText).ToList();

        Assert.Equal(["/health", "/health/live", "/health/ready"], notPages);
        // The static files (MapStaticAssets, anonymous) are the web root's files, or their compressed copies, read-only.
        Assert.NotEmpty(files);
        Assert.All(files, e =>
        {
            var file = e.Metadata.GetMetadata<StaticAssetDescriptor>()!.AssetPath;
            Assert.True(File.Exists(Path.Combine(webRoot, file)) || File.Exists(Path.Combine(webRoot, Path.ChangeExtension(file, null))) && (file.EndsWith(".br") || file.EndsWith(".gz")), file);
            Assert.Subset(new HashSet<string> { "GET", "HEAD" }, e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.ToHashSet());
        });
    }

    /// <summary>
    /// Handlers that take an employee id. What this proves: each such page model is given EmployeeAccess (checked by
    /// reflection), and each GET among them answers 404 to a manager asking for someone outside their teams (checked
    /// over HTTP). It does not read the handlers' code, so a POST that forgot to call EmployeeAccess would need its own
    /// test; those POSTs have them in the feature tests (Observations, People, Summaries).
    /// </summary>
    static readonly Dictionary<string, string> EmployeeIdParameters = new()
    {
        ["/People/Profile"] = "id",
        ["/People/Edit"] = "id",
        ["/Development/Conversations"] = "id",
        ["/Observations/Log"] = "employeeId",
        ["/Summaries/Index"] = "employeeId",
        ["/Summaries/Preview"] = "employeeId",
        ["/Development/Plan"] = "id",
        ["/Training/PeerTrainers"] = "id",
        ["/SignOffs/Index"] = "id",
    };

    /// <summary>Pages that take an employee id but only ever act on the account's own employee (the id must match it).</summary>
    static readonly string[] OwnEmployeeOnly = ["/Summaries/Mine", "/Development/MyDevelopment"];

    [Fact]
    public async Task Every_handler_taking_an_employee_id_is_on_a_page_that_asks_EmployeeAccess()
    {
        var pages = await CompiledPagesAsync();

        var taking = pages.Where(p => p.HandlerMethods.Any(h => h.Parameters.Any(x => x.Name.Equals("employeeId", StringComparison.OrdinalIgnoreCase)))
                || p.BoundProperties.Any(b => b.Name.Equals("EmployeeId", StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.ViewEnginePath).ToHashSet();
        Assert.Subset(EmployeeIdParameters.Keys.Concat(OwnEmployeeOnly).ToHashSet(), taking);
        foreach (var path in EmployeeIdParameters.Keys)
        {
            var page = pages.Single(p => p.ViewEnginePath == path);
            var constructor = page.ModelTypeInfo!.GetConstructors().Single();
            Assert.True(constructor.GetParameters().Any(p => p.ParameterType == typeof(EmployeeAccess)), $"{path} takes an employee id without EmployeeAccess");
            Assert.Contains(page.HandlerMethods, h => h.Parameters.Any(x => x.Name == EmployeeIdParameters[path]));
        }
    }

    [Fact]
    public async Task A_manager_asking_for_someone_outside_their_teams_by_id_gets_not_found_on_every_page_that_takes_one()
    {
        var outsider = await EmployeeIdAsync("José Núñez"); // contact centre, manager2's team
        var own = await EmployeeIdAsync("Ana Ruiz");
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");

        foreach (var url in new[] { "/People/{0}", "/People/{0}?handler=History&skip=0", "/Observations/Log?employeeId={0}", "/People/{0}/Conversations", "/People/{0}/Plan", "/People/{0}/PeerTraining", "/People/{0}/SignOffs" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(string.Format(url, outsider))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(string.Format(url, own))).StatusCode);
        }
        // HR pages: HR sees everyone, so an unknown id is the one that must not be found.
        var week = LastEndedWeek();
        foreach (var url in new[] { "/People/{0}/Edit", $"/Summaries/Preview?week={week}&employeeId={{0}}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync(string.Format(url, outsider))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(string.Format(url, outsider))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync(string.Format(url, 999_999))).StatusCode);
        }
        var sendToNobody = await hr.PostAsync("/Summaries?handler=SendOne", new() { ["employeeId"] = "999999" }, htmx: true);
        Assert.Equal(HttpStatusCode.NotFound, sendToNobody.StatusCode);
    }

    public enum Answer { Shown, Forbidden, SignIn, NotFound, Redirect }

    [Fact]
    public async Task Each_kind_of_person_opens_exactly_the_pages_meant_for_them()
    {
        var ana = await EmployeeIdAsync("Ana Ruiz"); // Front End, manager@demo.local's team
        var week = LastEndedWeek();
        var rubric = await factory.WithDbAsync(db => db.Rubrics.Where(r => r.CurrentVersionId != null).Select(r => r.Id).FirstAsync());
        var training = await TrainingEventWithAsync(ana);
        var people = new Dictionary<string, Browser?>
        {
            ["anonymous"] = null,
            ["employee"] = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor("Ana Ruiz")),
            ["manager"] = await Browser.SignedInAsync(factory, "manager@demo.local"),
            ["HR"] = await Browser.SignedInAsync(factory, "hr@demo.local"),
            ["admin"] = await Browser.SignedInAsync(factory, "admin@demo.local"),
        };
        const Answer S = Answer.Shown, F = Answer.Forbidden, L = Answer.SignIn, N = Answer.NotFound, R = Answer.Redirect;
        //                                                      anonymous employee manager HR admin
        var table = new (string Url, Answer[] Expected)[]
        {
            ("/", [L, R, R, R, R]), // to where their work starts
            ("/Settings/Password", [L, S, S, S, S]),
            ("/Me", [L, R, N, N, N]), // to their own profile
            ("/MySummary", [L, S, N, N, N]),
            ("/MyDevelopment", [L, S, N, N, N]),
            ("/Development/ChoosableSkills", [L, F, F, S, S]),
            ($"/People/{ana}", [L, S, S, S, S]),
            ($"/People/{ana}/Conversations", [L, S, S, S, S]),
            ($"/People/{ana}/Plan", [L, S, S, S, S]), // the employee reads their own plan; coaches change it
            ($"/People/{ana}/SignOffs", [L, S, S, S, S]), // the employee reads their own sign-offs; coaches act
            ("/SignOffs/Rules", [L, F, F, S, S]),
            ("/Team", [L, F, S, F, S]),
            ($"/Observations/Log?employeeId={ana}", [L, F, S, F, S]),
            ("/Insights/Coverage", [L, F, S, S, S]),
            ("/Insights/Gaps", [L, F, S, S, S]),
            ("/Insights/Calibration", [L, F, S, S, S]),
            ("/Insights/Development", [L, F, S, S, S]),
            ("/Insights/SignOffs", [L, F, S, S, S]),
            ("/Insights/SignOffs?handler=People&kind=expiring&by=all&key=all", [L, F, S, S, S]),
            ("/Insights/SignOffs?handler=Csv&table=teams", [L, F, S, S, S]),
            ("/Development/Settings", [L, F, F, S, S]),
            ($"/People/{ana}/PeerTraining", [L, S, S, S, S]), // the employee reads their own; coaches change it
            ("/Training/Trainers", [L, F, S, S, S]),
            ("/Training/Bands", [L, F, F, S, S]),
            ("/Rubrics", [L, F, F, S, S]),
            ($"/Rubrics/Details/{rubric}", [L, F, F, S, S]),
            ("/Rubrics/Roles", [L, F, F, S, S]),
            ("/People", [L, F, F, S, S]),
            ("/People/Import", [L, F, F, S, S]),
            ($"/People/{ana}/Edit", [L, F, F, S, S]),
            ("/Summaries", [L, F, F, S, S]),
            ($"/Summaries/Preview?week={week}&employeeId={ana}", [L, F, F, S, S]),
            ("/Admin", [L, F, F, F, S]),
            ("/Admin/Teams", [L, F, F, F, S]),
            ("/Admin/Accounts", [L, F, F, F, S]),
            ("/Admin/Audit", [L, F, F, F, S]),
            ("/Training/Events", [L, F, S, S, S]),
            ("/Training/Events/Record", [L, F, S, S, S]),
            ($"/Training/Events/{training}", [L, F, S, S, S]), // Ana attended: her manager, HR and Admin; she sees it on her profile
            ($"/Training/Events/{training}?handler=Csv", [L, F, S, S, S]),
            ("/Account/Login", [S, S, S, S, S]),
            ("/Account/ForgotPassword", [S, S, S, S, S]),
        };

        var wrong = new List<string>();
        foreach (var (url, expected) in table)
        {
            foreach (var (who, i) in people.Keys.Select((k, i) => (k, i)))
            {
                var browser = people[who];
                var response = browser is null ? await factory.NewClient().GetAsync(url) : await browser.GetAsync(url);
                var actual = response.StatusCode switch
                {
                    HttpStatusCode.OK => Answer.Shown,
                    HttpStatusCode.Forbidden => Answer.Forbidden,
                    HttpStatusCode.NotFound => Answer.NotFound,
                    HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/Account/Login") => Answer.SignIn,
                    HttpStatusCode.Redirect => Answer.Redirect,
                    var other => (Answer)(-(int)other),
                };
                if (actual != expected[i]) wrong.Add($"{who} GET {url}: {expected[i]} expected, got {(int)response.StatusCode} {actual} {response.Headers.Location}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Who_sees_the_observe_and_mark_done_actions_on_a_profile_follows_the_policies()
    {
        // Someone of manager@demo.local's team with a next step still open.
        var open = await factory.WithDbAsync(db => (
            from a in db.ActionItems
            join e in db.Employees on a.EmployeeId equals e.Id
            where e.Team!.Name == "Front End" && !a.IsDone && a.Observation!.Status == Coaching.Domain.Observations.ObservationStatus.Submitted
            select new { a.EmployeeId, a.Id, e.FirstName, e.LastName }).FirstAsync());
        var (ana, stepId, name) = (open.EmployeeId, open.Id, $"{open.FirstName} {open.LastName}");

        var asManager = await (await Browser.SignedInAsync(factory, "manager@demo.local")).GetDocumentAsync($"/People/{ana}");
        var asHr = await (await Browser.SignedInAsync(factory, "hr@demo.local")).GetDocumentAsync($"/People/{ana}");
        var asAna = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor(name));
        var ownProfile = await asAna.GetDocumentAsync($"/People/{ana}");

        Assert.NotNull(asManager.QuerySelector($"a[href*='/Observations/Log?employeeId={ana}']"));
        Assert.Null(asHr.QuerySelector($"a[href*='/Observations/Log?employeeId={ana}']"));
        Assert.Null(ownProfile.QuerySelector($"a[href*='/Observations/Log']"));
        Assert.NotNull(asHr.QuerySelector("form[action*='handler=Done']"));
        Assert.Null(ownProfile.QuerySelector("form[action*='handler=Done']"));
        var refused = await asAna.PostAsync($"/People/{ana}?handler=Done", new() { ["stepId"] = stepId.ToString() }, htmx: true);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Id == stepId).Select(a => a.IsDone).SingleAsync()));
    }

    [Fact]
    public async Task A_page_that_answers_page_or_partial_says_it_varies_by_HX_Request()
    {
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");

        var page = await manager.GetAsync("/Team");
        var partial = await manager.GetAsync("/Team?q=zo", htmx: true);

        Assert.Contains("HX-Request", page.Headers.Vary);
        Assert.Contains("HX-Request", partial.Headers.Vary);
    }

    [Fact]
    public async Task Posts_that_answer_a_page_to_a_form_and_a_partial_to_htmx_say_they_vary_by_HX_Request()
    {
        // Requests that change nothing: a week that is not a week, a rubric that is not published, a step already done.
        var roleId = await factory.WithDbAsync(db => db.JobRoles.Select(r => r.Id).FirstAsync());
        var done = await factory.WithDbAsync(db => db.ActionItems
            .Where(a => a.IsDone && a.Observation!.Status == Coaching.Domain.Observations.ObservationStatus.Submitted)
            .Select(a => new { a.EmployeeId, a.Id }).FirstAsync());
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        (string Url, Dictionary<string, string> Form)[] posts =
        [
            ("/Summaries?handler=SendWeek&week=not-a-week", []),
            ("/Summaries?handler=SendOne&week=not-a-week&employeeId=" + done.EmployeeId, []),
            ("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = "999999" }),
            ($"/People/{done.EmployeeId}?handler=Done", new() { ["stepId"] = $"{done.Id}" }),
        ];

        foreach (var (url, form) in posts)
        {
            var plain = await hr.PostAsync(url, form);
            var partial = await hr.PostAsync(url, form, htmx: true);

            Assert.True(plain.Headers.Vary.Contains("HX-Request"), $"{url} as a form post: Vary is '{plain.Headers.Vary}'");
            Assert.True(partial.Headers.Vary.Contains("HX-Request"), $"{url} from htmx: Vary is '{partial.Headers.Vary}'");
        }
    }

    [Fact]
    public async Task Without_a_session_htmx_is_told_to_go_to_the_sign_in_page_and_a_browser_is_redirected_there()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Team");
        request.Headers.Add("HX-Request", "true");

        var htmx = await factory.NewClient().SendAsync(request);
        var plain = await factory.NewClient().GetAsync("/Team");

        Assert.Equal(HttpStatusCode.Unauthorized, htmx.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=", htmx.Headers.GetValues("HX-Redirect").Single());
        // The 401 is rendered by the error page, which forbids storing it: no cache can hand it to a browser.
        Assert.True(htmx.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.False(plain.Headers.Contains("HX-Redirect"));
        Assert.Contains("HX-Request", plain.Headers.Vary);
    }

    [Fact]
    public void Toasts_and_other_events_add_up_in_one_HX_Trigger_as_JSON()
    {
        var response = new DefaultHttpContext().Response;

        response.Trigger("deliveries-changed");
        response.Toast("Saved.");
        response.Toast("Sent.", ToastKind.Info);

        var events = System.Text.Json.JsonDocument.Parse(response.Headers["HX-Trigger"].ToString()).RootElement;
        Assert.Equal("", events.GetProperty("deliveries-changed").GetString());
        Assert.Equal("Sent.", events.GetProperty("toast").GetProperty("message").GetString());
        Assert.Equal("info", events.GetProperty("toast").GetProperty("kind").GetString());
    }

    Coaching.Domain.Time.IsoWeek LastEndedWeek()
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<Coaching.Web.Features.Summaries.SummaryWeeks>().LastEnded;
    }

    /// <summary>A training event this employee attended (the demo need not have one), its id.</summary>
    Task<int> TrainingEventWithAsync(int employeeId) => factory.WithDbAsync(async db =>
    {
        var skill = await db.Skills.Where(s => db.Rubrics.Any(r => r.CurrentVersionId == s.RubricVersionId)).Select(s => s.Key).FirstAsync();
        var training = new Coaching.Domain.Training.TrainingEvent
        {
            Title = "Access check", HeldOn = new DateOnly(2026, 1, 15), Format = Coaching.Domain.Training.TrainingFormat.Course,
            SkillKeys = [skill], AttendeeIds = [employeeId], RecordedAtUtc = DateTime.UtcNow,
        };
        db.TrainingEvents.Add(training);
        await db.SaveChangesAsync();
        return training.Id;
    });

    Task<int> EmployeeIdAsync(string name) =>
        factory.WithDbAsync(db => db.Employees.Where(e => e.FirstName + " " + e.LastName == name).Select(e => e.Id).SingleAsync());

    /// <summary>Every Razor page of the app as it runs: its endpoint (with the conventions applied) and its handler methods.</summary>
    async Task<List<CompiledPageActionDescriptor>> CompiledPagesAsync()
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var pages = new List<CompiledPageActionDescriptor>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints)
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
                pages.Add(await loader.LoadAsync(descriptor, endpoint.Metadata));
        return pages.DistinctBy(p => p.ViewEnginePath).ToList();
    }
}
