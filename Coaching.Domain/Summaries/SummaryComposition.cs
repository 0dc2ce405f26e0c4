using Coaching.Domain.Observations;
using Coaching.Domain.Time;

namespace Coaching.Domain.Summaries;

/// <summary>Composes an employee's weekly summary from their observations: the rules of what the summary says.</summary>
public static class SummaryComposition
{
    public static WeeklySummary Compose(SummarySource source, IsoWeek week, TimeZoneInfo zone, int maxLevel = 4)
    {
        var (startUtc, endUtc) = week.UtcRange(zone);
        // Nothing after the week counts, so a summary re-sent later still tells the same story.
        var history = source.Observations.Where(o => o.ObservedAtUtc < endUtc).OrderBy(o => o.ObservedAtUtc).ToList();
        var thisWeek = history.Where(o => o.ObservedAtUtc >= startUtc).ToList();
        DateTime Local(DateTime utc) => OrganisationClock.ToLocal(utc, zone);

        var visits = thisWeek.Select(o => new WeeklySummary.ObservedVisit(o.ObserverName, Local(o.ObservedAtUtc), Blank(o.Context))).ToList();

        // Per skill: the levels in the order they were observed (unrated "not seen" ratings carry no level), the same
        // rule the profile uses; the name is the one the skill had when last rated.
        var rated = history.SelectMany(o => o.Ratings.Where(r => r.Level is not null).Select(r => (o.ObservedAtUtc, Rating: r))).ToList();
        var levels = SkillProgress.From(rated.Select(x => new RatedLevel(x.Rating.SkillKey, x.Rating.Level!.Value, x.ObservedAtUtc)));
        var ratedInOrder = rated.GroupBy(x => x.Rating.SkillKey).ToDictionary(g => g.Key, g => g.OrderBy(x => x.ObservedAtUtc).ToList());
        var lastNames = ratedInOrder.ToDictionary(g => g.Key, g => g.Value[^1].Rating.SkillName);
        // A level is named as the rubric version the rating was made against named it (the profile's rule); the
        // summary's own names only stand in for a rating that carries none.
        string? LevelNameOf(SummarySource.RatingRecord? r) =>
            r is null ? null : r.LevelName ?? (source.LevelNames?.TryGetValue(r.Level!.Value, out var n) == true ? n : null);
        var observedThisWeek = thisWeek.SelectMany(o => o.Ratings).Where(r => r.Level is not null).Select(r => r.SkillKey).ToHashSet();
        var required = source.Requirements.ToDictionary(r => r.SkillKey);

        var keys = source.Requirements.Select(r => r.SkillKey).Concat(levels.Keys.Where(k => !required.ContainsKey(k))).ToList();
        var skills = keys.Select(key =>
        {
            var seen = levels.GetValueOrDefault(key);
            required.TryGetValue(key, out var req);
            var latest = seen?.Latest;
            // The level the week started from: the last rating before Monday.
            var previous = seen?.History.LastOrDefault(h => h.ObservedAtUtc < startUtc)?.Level;
            var name = lastNames.GetValueOrDefault(key) ?? req!.SkillName;
            var inOrder = ratedInOrder.GetValueOrDefault(key) ?? [];
            var latestName = inOrder.Count > 0 ? LevelNameOf(inOrder[^1].Rating) : null;
            var previousName = LevelNameOf(inOrder.LastOrDefault(x => x.ObservedAtUtc < startUtc).Rating);
            return new WeeklySummary.SkillProgress(name, latest, previous, req?.RequiredLevel, observedThisWeek.Contains(key), latestName, previousName);
        })
        // Observed this week first: that is the news; then the rest of the role's skills in the role's order.
        .OrderByDescending(s => s.ObservedThisWeek).ToList();

        var wentWell = thisWeek.Where(o => Blank(o.WentWell) is not null)
            .Select(o => new WeeklySummary.Note(o.WentWell!.Trim(), Local(o.ObservedAtUtc), o.ObserverName)).ToList();
        var nextSteps = thisWeek.Where(o => Blank(o.NextSteps) is not null)
            .Select(o => new WeeklySummary.Note(o.NextSteps!.Trim(), Local(o.ObservedAtUtc), o.ObserverName)).ToList();

        var weekEnd = week.Sunday;
        var open = source.ActionItems
            .Where(a => !a.IsDone && a.CreatedAtUtc < endUtc)
            .OrderBy(a => a.DueDate ?? DateOnly.MaxValue).ThenBy(a => a.Text, StringComparer.Ordinal)
            .Select(a => new WeeklySummary.OpenAction(a.Text, a.DueDate, a.DueDate is { } due && due < weekEnd))
            .ToList();

        var never = source.Requirements.Where(r => !levels.ContainsKey(r.SkillKey)).Select(r => r.SkillName).ToList();

        return new WeeklySummary(source.EmployeeName, source.RoleName, week, visits, skills, wentWell, nextSteps, open, never, maxLevel, source.LevelNames);
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
