using Coaching.Domain.Development;
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

        (int? Level, string? Name) Observed(Guid key) =>
            ratedInOrder.TryGetValue(key, out var inOrder) && inOrder.Count > 0 ? (inOrder[^1].Rating.Level, LevelNameOf(inOrder[^1].Rating)) : (null, null);
        var development = ComposeDevelopment(source.Development ?? DevelopmentSource.None, Observed,
            source.Requirements.ToDictionary(r => r.SkillKey, r => r.RequiredLevel));

        var proof = SummaryProofOfSkill.Compose(source.ProofOfSkill ?? ProofOfSkillSource.None, week, zone);
        return new WeeklySummary(source.EmployeeName, source.RoleName, week, visits, skills, wentWell, nextSteps, open, never, maxLevel, source.LevelNames, development, proof);
    }

    /// <summary>
    /// The development part: each active plan with its skills' last observed level against the target (a skill is
    /// reached by <see cref="PlanSkill.IsReachedBy"/>'s rule), the chosen skills, confidence against what was
    /// observed with the mismatch worded by <see cref="ConfidenceRules"/> (measured against the plan's target when the
    /// skill is in a plan, else the role's required level), and the open steps of the latest conversation.
    /// </summary>
    public static SummaryDevelopment ComposeDevelopment(DevelopmentSource source, Func<Guid, (int? Level, string? Name)> observed, IReadOnlyDictionary<Guid, int> required)
    {
        var plans = source.Plans.Select(p => new SummaryDevelopment.PlanPart(p.Track, p.RoleName,
            p.Skills.OrderBy(s => s.TargetDate).ThenBy(s => s.SkillName, StringComparer.Ordinal).Select(s =>
            {
                var (level, name) = observed(s.SkillKey);
                var reached = new PlanSkill { SkillKey = s.SkillKey, TargetLevel = s.TargetLevel, TargetDate = s.TargetDate }.IsReachedBy(level);
                return new SummaryDevelopment.PlanSkillProgress(s.SkillName, level, name, s.TargetLevel, s.TargetDate, reached);
            }).ToList())).ToList();
        // A skill in two plans is measured against the sooner target, as on the observation form.
        var targets = source.Plans.SelectMany(p => p.Skills).GroupBy(s => s.SkillKey)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.TargetDate).First().TargetLevel);
        var confidence = source.Confidences.Select(c =>
            {
                var (level, name) = observed(c.SkillKey);
                int? expected = targets.TryGetValue(c.SkillKey, out var t) ? t : required.TryGetValue(c.SkillKey, out var r) ? r : null;
                return new SummaryDevelopment.ConfidenceLine(c.SkillName, c.Level, level, name, ConfidenceRules.Mismatch(c.Level, level, expected).Label());
            })
            // The prompts first: they are what to talk about.
            .OrderBy(l => l.Prompt is null).ThenBy(l => l.SkillName, StringComparer.Ordinal).ToList();
        return new SummaryDevelopment(plans, source.ChosenSkills.Select(s => s.SkillName).ToList(), confidence,
            source.OpenAgreedSteps.Count > 0 ? source.LastConversationOn : null, source.OpenAgreedSteps);
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
