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
