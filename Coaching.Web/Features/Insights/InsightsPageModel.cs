using Coaching.Domain.Insights;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Features.Insights;

/// <summary>What the three insights pages share: the filter form, its resolution into a scope, and CSV answers.</summary>
public abstract class InsightsPageModel(InsightsScopes scopes) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    [BindProperty(SupportsGet = true)] public string? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rubric { get; set; }

    public abstract string PagePath { get; }
    public virtual bool UsesPeriod => true;
    public virtual bool UsesRubric => true;
    public FilterOptions Options { get; private set; } = new([], [], [], []);
    public Dictionary<string, string> Problems { get; private set; } = [];
    public InsightsScope? Scope { get; private set; }
    public string PeriodChoice => string.IsNullOrWhiteSpace(Period) ? InsightsPeriod.Last90 : Period;

    public InsightsFilter Filter => new() { Period = Period, From = From, To = To, Site = Site, Team = Team, Role = Role, Rubric = Rubric };

    public string? Problem(string field) => Problems.GetValueOrDefault(field);

    /// <summary>A link to a handler of this page carrying the current filter plus <paramref name="extra"/> values.</summary>
    public string Link(string? handler, object? extra = null)
    {
        var values = new RouteValueDictionary(Filter.RouteValues().Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => (object?)kv.Value));
        foreach (var kv in new RouteValueDictionary(extra)) values[kv.Key] = kv.Value;
        if (handler is not null) values["handler"] = handler;
        return Url.Page(PagePath, values) ?? PagePath;
    }

    protected async Task<InsightsScope?> ResolveAsync(CancellationToken ct)
    {
        Options = await scopes.OptionsAsync(User, ct);
        var (scope, problems) = scopes.Resolve(User, Filter, Options);
        Problems = problems;
        Scope = scope;
        return scope;
    }

    protected FileContentResult Csv(string name, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows) =>
        File(Coaching.Domain.Insights.Csv.Document(header, rows), "text/csv; charset=utf-8", $"{name}-{Scope?.Period.From:yyyyMMdd}-{Scope?.Period.To:yyyyMMdd}.csv");

    /// <summary>Bad filters on a CSV link answer 400 with the problems in words, not a file of nothing.</summary>
    protected IActionResult FilterProblem() => BadRequest(string.Join(" ", Problems.Values));
}
