using Coaching.Domain;

namespace Coaching.Web.Features.Insights;

/// <summary>
/// Previous / Next under a paged insights table ("Teams 51–100 of 3,005"), drawn by <c>_Pager</c>: the whole
/// organisation can be thousands of teams or observers, more than a page should carry.
/// </summary>
public sealed record InsightsPager(string Label, string Noun, int Number, int Pages, int First, int Last, int Total, Func<int, string> Link)
{
    public bool HasPrevious => Number > 1;
    public bool HasNext => Number < Pages;

    /// <summary>A page number as a link carries it: the first page is the plain address.</summary>
    public static int? InLink(int page) => page > 1 ? page : null;

    /// <param name="label">What the navigation pages through, for screen readers ("Pages of the per-team table").</param>
    /// <param name="noun">What the rows are, as the count line names them ("Teams").</param>
    public static InsightsPager For<T>(PageOf<T> page, string label, string noun, Func<int, string> link) =>
        new(label, noun, page.Number, page.Pages, page.First, page.Last, page.Total, link);
}
