using Coaching.Domain.Time;

namespace Coaching.Domain.SignOffs;

/// <summary>One submitted observation's rating of the skill being judged.</summary>
public sealed record SkillRating(int ObservationId, int Level, DateTime ObservedAtUtc, string ObserverUserId);

/// <summary>
/// Whether a person's skill is ready for sign-off; when not, why in a manager's words; the evidence is the
/// observations that meet the level within the window (what the manager reviews before signing).
/// </summary>
public sealed record SignOffReadiness(bool IsReady, IReadOnlyList<string> Reasons, IReadOnlyList<int> EvidenceObservationIds)
{
    /// <summary>
    /// Evaluates <paramref name="rule"/> on the person's submitted ratings of one skill on <paramref name="nowUtc"/>.
    /// Days are the organisation's calendar days in <paramref name="zone"/> (a late shift belongs to the day it was worked).
    /// Decisions: an observation exactly <see cref="SignOffRule.WindowDays"/> days ago still counts, one
    /// day older does not; several observations by the same observer on the same day count as one (one shift is
    /// one look at the skill), though all of them are evidence; when several ratings share the latest time, the
    /// latest counts as below if any of them is below. Future-dated ratings are ignored.
    /// </summary>
    public static SignOffReadiness Evaluate(SignOffRule rule, int requiredLevel, IEnumerable<SkillRating> ratings, DateTime nowUtc, TimeZoneInfo zone)
    {
        var submitted = ratings.Where(r => r.ObservedAtUtc <= nowUtc).ToList();
        if (submitted.Count == 0)
            return new(false, ["No observations of this skill yet."], []);

        var from = OrganisationClock.Today(nowUtc, zone).AddDays(-rule.WindowDays);
        var meeting = submitted
            .Where(r => r.Level >= requiredLevel && OrganisationClock.Today(r.ObservedAtUtc, zone) >= from)
            .OrderBy(r => r.ObservedAtUtc).ThenBy(r => r.ObservationId)
            .ToList();
        var counted = meeting.Select(r => (r.ObserverUserId, OrganisationClock.Today(r.ObservedAtUtc, zone))).Distinct().Count();
        var observers = meeting.Select(r => r.ObserverUserId).Distinct().Count();

        var reasons = new List<string>();
        if (counted < rule.MinObservations)
            reasons.Add($"{counted} of {rule.MinObservations} observations at level {requiredLevel} or above in the last {rule.WindowDays} days");
        if (counted > 0 && observers < rule.MinObservers)
            reasons.Add(observers == 1 ? "only one observer" : $"{observers} of {rule.MinObservers} different observers");
        if (rule.LatestMustMeet)
        {
            var latestAt = submitted.Max(r => r.ObservedAtUtc);
            if (submitted.Any(r => r.ObservedAtUtc == latestAt && r.Level < requiredLevel))
                reasons.Add("the latest observation is below");
        }
        return new(reasons.Count == 0, reasons, meeting.Select(r => r.ObservationId).Distinct().ToList());
    }
}
