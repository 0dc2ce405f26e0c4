using System.Net;
using System.Reflection;
using Coaching.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Foundation;

/// <summary>
/// Every page and every handler, for every role, with nonsense in the URL and the form: whatever a user sends,
/// the answer is never a 500.
/// </summary>
public class NoServerErrorsTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    const string Junk = "id=abc&employeeId=-1&versionId=99999999&week=2026-W99&period=banana&from=2026-13-40&team=x&skip=-5&q=%3Cscript%3E&stepId=zz&cellTeam=-3&skill=not-a-guid&table=nope&gapRole=0";

    static readonly Dictionary<string, string> JunkForm = new()
    {
        ["Form.EmployeeId"] = "abc", ["Form.Revision"] = "-1", ["Form.DraftKey"] = "not-a-guid", ["Form.ObservedAt"] = "yesterday",
        ["Form.Ratings[0].SkillId"] = "x", ["Form.Ratings[0].Level"] = "99", ["Form.ActionItems[0].DueDate"] = "soon",
        ["skillId"] = "x", ["level"] = "-1", ["text"] = new string('x', 5000), ["name"] = "", ["categoryId"] = "abc", ["by"] = "big",
        ["roleId"] = "-1", ["rubricId"] = "x", ["required[nope]"] = "9", ["stepId"] = "x", ["employeeId"] = "x", ["week"] = "W99",
        ["NewName"] = new string('n', 300), ["Form.Email"] = "x", ["Form.Password"] = "", ["Form.RememberMe"] = "maybe",
    };

    IEnumerable<(string Route, Type Model)> Pages()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var e in endpoints)
        {
            var descriptor = e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>();
            if (descriptor?.ModelTypeInfo is null) continue;
            var route = "/" + (e.RoutePattern.RawText ?? "").Replace("{id:int}", "999999").Replace("{versionId:int}", "999999");
            yield return (route, descriptor.ModelTypeInfo.AsType());
        }
    }

    static IEnumerable<string> Handlers(Type model, string verb) => model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Select(m => m.Name).Where(n => n.StartsWith("On" + verb))
        .Select(n => n["On".Length..].Replace(verb, "").Replace("Async", "")).Distinct();

    [Theory]
    [InlineData("hr@demo.local")]
    [InlineData("manager@demo.local")]
    [InlineData("ana.ruiz@demo.local")]
    [InlineData(null)]
    public async Task No_page_or_handler_answers_500_to_nonsense(string? account)
    {
        var browser = account is null ? new Browser(factory.NewClient()) : await Browser.SignedInAsync(factory, account);
        var pages = Pages().DistinctBy(p => p.Route).ToList();
        Assert.True(pages.Count > 10, "the sweep found too few pages");
        var failures = new List<string>();
        var requests = 0;
        foreach (var (route, model) in pages)
        {
            if (route.StartsWith("/Account/Logout")) continue;
            foreach (var handler in Handlers(model, "Get"))
            {
                var url = $"{route}?{Junk}{(handler.Length > 0 ? "&handler=" + handler : "")}";
                foreach (var htmx in new[] { false, true })
                {
                    var response = await browser.GetAsync(url, htmx);
                    requests++;
                    if ((int)response.StatusCode >= 500) failures.Add($"GET {url} (htmx {htmx}) → {(int)response.StatusCode}");
                }
            }
            foreach (var handler in Handlers(model, "Post"))
            {
                var url = $"{route}?{Junk}{(handler.Length > 0 ? "&handler=" + handler : "")}";
                foreach (var htmx in new[] { false, true })
                {
                    var response = await browser.PostAsync(url, JunkForm, htmx);
                    requests++;
                    if ((int)response.StatusCode >= 500) failures.Add($"POST {url} (htmx {htmx}) → {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(requests > 100, $"only {requests} requests were made");
    }

    /// <summary>
    /// Rubrics and insights handlers with real ids (so the handler runs past "not found") and the shapes a form can be
    /// bent into: dictionary keys that are not keys, collections left out, booleans that are not booleans, dates of year 2.
    /// </summary>
    [Fact]
    public async Task Rubrics_and_insights_handlers_answer_odd_shapes_with_real_ids_without_a_500()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var (roleId, rubricId, versionId, skillId, teamId) = await factory.WithDbAsync(async db =>
        {
            var role = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.JobRoles, r => r.DefaultRubricId != null);
            var version = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.RubricVersions, v => v.RubricId == role.DefaultRubricId);
            var skill = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Skills, s => s.RubricVersionId == version.Id);
            var team = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Teams);
            return (role.Id, role.DefaultRubricId!.Value, version.Id, skill.Id, team.Id);
        });
        var posts = new List<(string Url, Dictionary<string, string> Form)>
        {
            ("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = $"{rubricId}" }),
            ("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = $"{rubricId}", ["required[not-a-guid]"] = "3" }),
            ("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = $"{rubricId}", ["required[]"] = "3", ["required"] = "x" }),
            ("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = $"{rubricId}", [$"required[{Guid.Empty}]"] = "-2147483649" }),
            ("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = "", ["confirmed"] = "maybe" }),
            ("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = "2147483648" }),
            ($"/Rubrics/Details/{rubricId}?handler=Edit", []),
            ($"/Rubrics/Edit/{versionId}?handler=Publish", new() { ["confirmed"] = "maybe" }),
            ($"/Rubrics/Edit/{versionId}?handler=Discard", []),
            ($"/Rubrics/Edit/{versionId}?handler=Descriptor", new() { ["skillId"] = $"{skillId}", ["level"] = "99999999999", ["text"] = "\0" }),
            ($"/Rubrics/Edit/{versionId}?handler=MoveSkill", new() { ["skillId"] = $"{skillId}", ["by"] = "-2147483648" }),
            ($"/Rubrics/Edit/{versionId}?handler=LevelName", new() { ["value"] = "x" }),
        };
        var gets = new[]
        {
            "/Insights/Coverage?period=custom&from=0002-02-06&to=0002-10-01",
            "/Insights/Coverage?period=custom&from=9999-12-31&to=9999-12-31",
            "/Insights/Coverage?period=custom&from=0001-01-01&to=9999-12-31",
            "/Insights/Coverage?period=custom&from=2026-02-06",
            $"/Insights/Coverage?handler=Cell&period=30&cellTeam={teamId}&skill={Guid.Empty}",
            $"/Insights/Coverage?handler=Cell&period=custom&from=0002-01-01&to=0002-01-02&cellTeam={teamId}&skill=x",
            "/Insights/Coverage?handler=Csv&table=cell&period=30&cellTeam=2147483648",
            "/Insights/Gaps?handler=People&gapRole=2147483648&skill=",
            $"/Insights/Gaps?handler=Csv&table=people&gapRole={roleId}",
            "/Insights/Calibration?period=custom&from=2026-01-01&to=2025-01-01&team=1e9",
            "/Team?q=%00%C3%AB%CC%88",
        };
        var failures = new List<string>();
        foreach (var htmx in new[] { false, true })
        {
            foreach (var (url, form) in posts)
                if ((int)(await hr.PostAsync(url, form, htmx)).StatusCode is var code && code >= 500) failures.Add($"POST {url} {string.Join('&', form.Select(kv => kv.Key + "=" + kv.Value))} (htmx {htmx}) → {code}");
            foreach (var url in gets)
                if ((int)(await hr.GetAsync(url, htmx)).StatusCode is var code && code >= 500) failures.Add($"GET {url} (htmx {htmx}) → {code}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // The sign-in and sign-out forms with every shape a hand-made post can take: booleans that are not, fields twice,
    // dictionary-style and indexed keys, nothing at all.
    [Theory]
    [InlineData("/Account/Login", "Form.Email=manager4%40demo.local&Form.Password=wrong-password&Form.RememberMe=maybe")]
    [InlineData("/Account/Login", "Form.Email=manager4%40demo.local&Form.Password=x&Form.RememberMe=true&Form.RememberMe=banana")]
    [InlineData("/Account/Login", "Form.Email=not-an-email&Form.Password=&Form.RememberMe=")]
    [InlineData("/Account/Login", "Form=x&Form.Email[0]=a&Form.Email[key]=b&Form.Password[0]=c&Form.RememberMe[x]=1")]
    [InlineData("/Account/Login", "ReturnUrl=http%3A%2F%2Fevil.example%2F&Form.Email=a%40b.c&Form.Password=%00%01")]
    [InlineData("/Account/Login", "")]
    [InlineData("/Account/Logout", "returnUrl=%00&x[y]=z")]
    public async Task The_account_forms_never_answer_500(string url, string body)
    {
        var browser = new Browser(factory.NewClient());
        await browser.GetAsync("/Account/Login");
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1])));
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(form.Append(new("__RequestVerificationToken", browser.Token!))),
        };

        var answer = await browser.Client.SendAsync(request);

        Assert.True((int)answer.StatusCode < 500, $"POST {url} {body} → {(int)answer.StatusCode}");
    }
}
