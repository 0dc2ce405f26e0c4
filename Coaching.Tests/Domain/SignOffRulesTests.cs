using Coaching.Domain.SignOffs;

namespace Coaching.Tests.Domain;

public class SignOffRulesTests
{
    static readonly DateTime Now = new(2026, 11, 25, 14, 0, 0, DateTimeKind.Utc);
    static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    static readonly Guid Vaccines = Guid.Parse("5b0b6a8e-0000-4000-8000-000000000001");
    static readonly SignOffRule Rule = SignOffRule.Default(rubricId: 7);

    static SkillRating Rated(int id, int level, int daysAgo, string observer, int hour = 9) =>
        new(id, level, Now.Date.AddDays(-daysAgo).AddHours(hour), observer);

    static SignOffReadiness Evaluate(params SkillRating[] ratings) => SignOffReadiness.Evaluate(Rule, 3, ratings, Now, TimeZoneInfo.Utc);

    static SignOffReadiness Ready() => Evaluate(Rated(1, 3, 30, "ann"), Rated(2, 4, 20, "bob"), Rated(3, 3, 10, "ann"));

    [Fact]
    public void Defaults_are_three_observations_by_two_observers_within_ninety_days_with_the_latest_at_level()
    {
        Assert.Equal((7, 3, 2, 90, true), (Rule.RubricId, Rule.MinObservations, Rule.MinObservers, Rule.WindowDays, Rule.LatestMustMeet));
        var readiness = Ready();
        Assert.True(readiness.IsReady);
        Assert.Empty(readiness.Reasons);
        Assert.Equal([1, 2, 3], readiness.EvidenceObservationIds);
    }

    [Fact]
    public void Two_observations_at_level_are_one_short_and_the_evidence_is_the_two()
    {
        var readiness = Evaluate(Rated(1, 3, 30, "ann"), Rated(2, 2, 25, "carl"), Rated(3, 4, 10, "bob"));
        Assert.False(readiness.IsReady);
        Assert.Equal(["2 of 3 observations at level 3 or above in the last 90 days"], readiness.Reasons);
        Assert.Equal([1, 3], readiness.EvidenceObservationIds);
    }

    [Fact]
    public void Three_observations_by_one_observer_are_not_enough()
    {
        var readiness = Evaluate(Rated(1, 3, 30, "ann"), Rated(2, 3, 20, "ann"), Rated(3, 5, 10, "ann"));
        Assert.False(readiness.IsReady);
        Assert.Equal(["only one observer"], readiness.Reasons);
        Assert.Equal([1, 2, 3], readiness.EvidenceObservationIds);
    }

    [Fact]
    public void Fewer_observers_than_a_larger_rule_asks_for_are_counted_in_words()
    {
        var rule = new SignOffRule { MinObservations = 3, MinObservers = 3 };
        var readiness = SignOffReadiness.Evaluate(rule, 3, [Rated(1, 3, 30, "ann"), Rated(2, 3, 20, "bob"), Rated(3, 3, 10, "ann")], Now, TimeZoneInfo.Utc);
        Assert.Equal(["2 of 3 different observers"], readiness.Reasons);
        var met = SignOffReadiness.Evaluate(rule, 3, [Rated(1, 3, 30, "ann"), Rated(2, 3, 20, "bob"), Rated(3, 3, 10, "carl")], Now, TimeZoneInfo.Utc);
        Assert.True(met.IsReady);
    }

    [Fact]
    public void The_latest_observation_below_the_level_stops_it_though_three_earlier_met_it()
    {
        var readiness = Evaluate(Rated(1, 3, 40, "ann"), Rated(2, 3, 30, "bob"), Rated(3, 4, 20, "ann"), Rated(4, 2, 5, "bob"));
        Assert.False(readiness.IsReady);
        Assert.Equal(["the latest observation is below"], readiness.Reasons);
        Assert.Equal([1, 2, 3], readiness.EvidenceObservationIds);
    }

    [Fact]
    public void A_rule_that_does_not_ask_for_the_latest_ignores_a_latest_below()
    {
        var rule = new SignOffRule { LatestMustMeet = false };
        var readiness = SignOffReadiness.Evaluate(rule, 3,
            [Rated(1, 3, 40, "ann"), Rated(2, 3, 30, "bob"), Rated(3, 4, 20, "ann"), Rated(4, 2, 5, "bob")], Now, TimeZoneInfo.Utc);
        Assert.True(readiness.IsReady);
    }

    [Fact]
    public void Two_ratings_at_the_same_latest_time_count_as_below_when_either_is_below()
    {
        var tie = Evaluate(Rated(1, 3, 40, "ann"), Rated(2, 3, 30, "bob"), Rated(3, 3, 10, "ann"), Rated(4, 2, 10, "bob"));
        Assert.Equal(["the latest observation is below"], tie.Reasons);
        var tieAtLevel = Evaluate(Rated(1, 3, 40, "ann"), Rated(2, 3, 30, "bob"), Rated(3, 3, 10, "ann"), Rated(4, 4, 10, "bob"));
        Assert.True(tieAtLevel.IsReady);
    }

    [Fact]
    public void An_observation_exactly_ninety_days_ago_counts_and_ninety_one_days_ago_does_not()
    {
        Assert.True(Evaluate(Rated(1, 3, 90, "ann", hour: 0), Rated(2, 3, 20, "bob"), Rated(3, 3, 10, "ann")).IsReady);
        var tooOld = Evaluate(Rated(1, 3, 91, "ann", hour: 23), Rated(2, 3, 20, "bob"), Rated(3, 3, 10, "ann"));
        Assert.False(tooOld.IsReady);
        Assert.Equal(["2 of 3 observations at level 3 or above in the last 90 days"], tooOld.Reasons);
        Assert.Equal([2, 3], tooOld.EvidenceObservationIds);
    }

    [Fact]
    public void Exactly_the_required_level_counts_and_one_below_does_not()
    {
        Assert.True(Evaluate(Rated(1, 3, 30, "ann"), Rated(2, 3, 20, "bob"), Rated(3, 3, 10, "ann")).IsReady);
        var below = Evaluate(Rated(1, 3, 30, "ann"), Rated(2, 3, 20, "bob"), Rated(3, 2, 10, "ann"));
        Assert.Equal(["2 of 3 observations at level 3 or above in the last 90 days", "the latest observation is below"], below.Reasons);
    }

    [Fact]
    public void No_observations_is_said_plainly()
    {
        var readiness = Evaluate();
        Assert.False(readiness.IsReady);
        Assert.Equal(["No observations of this skill yet."], readiness.Reasons);
        Assert.Empty(readiness.EvidenceObservationIds);
    }

    [Fact]
    public void Observations_only_below_the_level_say_none_at_level_without_an_observer_count()
    {
        var readiness = Evaluate(Rated(1, 2, 30, "ann"), Rated(2, 1, 20, "bob"));
        Assert.Equal(["0 of 3 observations at level 3 or above in the last 90 days", "the latest observation is below"], readiness.Reasons);
    }

    [Fact]
    public void Observations_by_the_same_observer_on_one_day_count_once_but_are_all_evidence()
    {
        var readiness = Evaluate(Rated(1, 3, 10, "ann", hour: 8), Rated(2, 4, 10, "ann", hour: 15), Rated(3, 3, 5, "bob"));
        Assert.False(readiness.IsReady);
        Assert.Equal(["2 of 3 observations at level 3 or above in the last 90 days"], readiness.Reasons);
        Assert.Equal([1, 2, 3], readiness.EvidenceObservationIds);
        Assert.True(Evaluate(Rated(1, 3, 10, "ann", hour: 8), Rated(2, 4, 10, "bob", hour: 15), Rated(3, 3, 5, "bob")).IsReady);
    }

    [Fact]
    public void A_rating_dated_after_now_is_ignored()
    {
        var readiness = Evaluate(Rated(1, 3, 30, "ann"), Rated(2, 3, 20, "bob"), Rated(3, 3, 10, "ann"), Rated(4, 1, -1, "bob"));
        Assert.True(readiness.IsReady);
    }

    [Theory]
    [InlineData(3, 2, 90, "")]
    [InlineData(1, 1, 1, "")]
    [InlineData(20, 20, 730, "")]
    [InlineData(null, 2, 90, "MinObservations")]
    [InlineData(0, 1, 90, "MinObservations")]
    [InlineData(21, 2, 90, "MinObservations")]
    [InlineData(3, null, 90, "MinObservers")]
    [InlineData(3, 0, 90, "MinObservers")]
    [InlineData(3, 4, 90, "MinObservers")]
    [InlineData(3, 2, null, "WindowDays")]
    [InlineData(3, 2, 0, "WindowDays")]
    [InlineData(3, 2, 731, "WindowDays")]
    public void The_rule_numbers_are_checked_field_by_field(int? observations, int? observers, int? days, string field)
    {
        var problems = SignOffRule.Check(observations, observers, days);
        Assert.Equal(field == "" ? [] : [field], problems.Select(p => p.Field).ToArray());
    }

    [Fact]
    public void Each_rule_number_problem_says_the_allowed_range()
    {
        Assert.Equal(["Enter how many observations are needed, from 1 to 20.", "Enter how many different observers are needed, from 1 to 20.",
            "Enter the number of days the observations must fall within, from 1 to 730."], SignOffRule.Check(null, null, null).Select(p => p.Message));
        Assert.Equal("Enter how many months a sign-off holds, from 1 to 120.", Assert.Single(SkillExpiry.Check(0)).Message);
    }

    [Fact]
    public void A_rating_at_this_very_moment_counts_and_evidence_at_one_time_is_in_observation_order()
    {
        var readiness = Evaluate(Rated(5, 3, 30, "ann"), Rated(4, 3, 30, "bob"), new SkillRating(3, 3, Now, "carl"));
        Assert.True(readiness.IsReady);
        Assert.Equal([4, 5, 3], readiness.EvidenceObservationIds);
    }

    [Fact]
    public void More_observers_than_observations_is_explained()
    {
        var problem = Assert.Single(SignOffRule.Check(3, 4, 90));
        Assert.Equal("4 different observers need at least 4 observations; needed now: 3.", problem.Message);
        Assert.Equal(["MinObservations"], SignOffRule.Check(21, 5, 90).Select(p => p.Field));
    }

    [Fact]
    public void Hr_changes_the_rule_and_a_refused_change_keeps_the_old_numbers()
    {
        var rule = SignOffRule.Default(7);
        Assert.NotEmpty(rule.Change(0, 2, 90, false, "hr", Now));
        Assert.Equal((3, 2, 90, true, null), (rule.MinObservations, rule.MinObservers, rule.WindowDays, rule.LatestMustMeet, rule.UpdatedByUserId));
        Assert.Empty(rule.Change(4, 3, 60, false, "hr", Now));
        Assert.Equal((4, 3, 60, false, "hr", (DateTime?)Now), (rule.MinObservations, rule.MinObservers, rule.WindowDays, rule.LatestMustMeet, rule.UpdatedByUserId, rule.UpdatedAtUtc));
    }

    static SignOff SignedOff(SkillExpiry? expiry = null, params SignOff[] existing)
    {
        var result = SignOff.Sign(11, Vaccines, Ready(), existing, expiry, "manager", Today, Now);
        Assert.Empty(result.Problems);
        return result.SignOff!;
    }

    [Fact]
    public void A_ready_skill_is_signed_off_with_who_when_and_the_evidence()
    {
        var signOff = SignedOff();
        Assert.Equal((11, Vaccines, "manager", Now, (DateOnly?)null), (signOff.EmployeeId, signOff.SkillKey, signOff.SignedByUserId, signOff.SignedAtUtc, signOff.ExpiresOn));
        Assert.Equal([1, 2, 3], signOff.EvidenceObservationIds);
        Assert.Equal(SignOffStatus.Active, signOff.StatusOn(Today.AddYears(10)));
    }

    [Fact]
    public void A_skill_not_ready_is_refused_with_the_reasons()
    {
        var result = SignOff.Sign(11, Vaccines, Evaluate(Rated(1, 3, 30, "ann"), Rated(2, 3, 20, "ann")), [], null, "manager", Today, Now);
        Assert.Null(result.SignOff);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("SkillKey", "Not ready for sign-off: 2 of 3 observations at level 3 or above in the last 90 days; only one observer."), (problem.Field, problem.Message));
    }

    [Fact]
    public void A_second_sign_off_while_one_counts_is_refused_but_another_skill_or_person_is_not()
    {
        var first = SignedOff();
        var again = SignOff.Sign(11, Vaccines, Ready(), [first], null, "manager", Today, Now);
        Assert.Null(again.SignOff);
        Assert.Equal("This skill is already signed off.", Assert.Single(again.Problems).Message);
        Assert.NotNull(SignOff.Sign(11, Guid.NewGuid(), Ready(), [first], null, "manager", Today, Now).SignOff);
        Assert.NotNull(SignOff.Sign(12, Vaccines, Ready(), [first], null, "manager", Today, Now).SignOff);
    }

    [Fact]
    public void The_expiry_is_counted_in_months_from_the_day_of_signing()
    {
        var expiry = new SkillExpiry { SkillKey = Vaccines, Months = 12 };
        Assert.Equal(new DateOnly(2027, 11, 25), SignedOff(expiry).ExpiresOn);
        Assert.Equal(new DateOnly(2025, 2, 28), expiry.ExpiresOn(new DateOnly(2024, 2, 29)));
    }

    [Theory]
    [InlineData(null, "Months")]
    [InlineData(1, "")]
    [InlineData(120, "")]
    [InlineData(0, "Months")]
    [InlineData(121, "Months")]
    public void Expiry_months_are_checked(int? months, string field) =>
        Assert.Equal(field == "" ? [] : [field], SkillExpiry.Check(months).Select(p => p.Field).ToArray());

    [Fact]
    public void On_the_expiry_day_the_sign_off_is_expired_and_the_day_before_it_still_counts()
    {
        var signOff = SignedOff(new SkillExpiry { SkillKey = Vaccines, Months = 12 });
        var expires = signOff.ExpiresOn!.Value;
        Assert.Equal(SignOffStatus.Active, signOff.StatusOn(expires.AddDays(-31)));
        Assert.Equal(SignOffStatus.ExpiringSoon, signOff.StatusOn(expires.AddDays(-30)));
        Assert.Equal(SignOffStatus.ExpiringSoon, signOff.StatusOn(expires.AddDays(-1)));
        Assert.True(signOff.CountsOn(expires.AddDays(-1)));
        Assert.Equal(SignOffStatus.Expired, signOff.StatusOn(expires));
        Assert.False(signOff.CountsOn(expires));
        Assert.Equal(SignOffStatus.Active, signOff.StatusOn(expires.AddDays(-8), expiringSoonDays: 7));
        Assert.Equal(SignOffStatus.ExpiringSoon, signOff.StatusOn(expires.AddDays(-7), expiringSoonDays: 7));
    }

    [Fact]
    public void An_expired_sign_off_counts_as_not_signed_off_so_the_skill_can_be_signed_off_again()
    {
        var expired = SignedOff(new SkillExpiry { SkillKey = Vaccines, Months = 12 });
        var later = SignOff.Sign(11, Vaccines, Ready(), [expired], null, "manager", expired.ExpiresOn!.Value, Now.AddYears(1));
        Assert.NotNull(later.SignOff);
        Assert.Null(SignOff.Sign(11, Vaccines, Ready(), [expired], null, "manager", expired.ExpiresOn!.Value.AddDays(-1), Now).SignOff);
    }

    [Fact]
    public void Revoking_needs_a_reason_and_then_the_skill_can_be_signed_off_again()
    {
        var signOff = SignedOff();
        var problem = Assert.Single(signOff.Revoke("  ", "hr", Now));
        Assert.Equal(("Reason", "Say why the sign-off is revoked."), (problem.Field, problem.Message));
        Assert.Equal(SignOffStatus.Active, signOff.StatusOn(Today));

        Assert.Empty(signOff.Revoke(" Needle-stick incident ", "hr", Now.AddDays(1)));
        Assert.Equal(("hr", (DateTime?)Now.AddDays(1), "Needle-stick incident"), (signOff.RevokedByUserId, signOff.RevokedAtUtc, signOff.RevokeReason));
        Assert.Equal(SignOffStatus.Revoked, signOff.StatusOn(Today));
        Assert.False(signOff.CountsOn(Today));
        Assert.Equal("This sign-off is already revoked.", Assert.Single(signOff.Revoke("again", "hr", Now)).Message);

        var again = SignedOff(null, signOff);
        Assert.Equal(SignOffStatus.Active, again.StatusOn(Today));
    }

    [Fact]
    public void A_revoked_sign_off_stays_revoked_after_its_expiry_date()
    {
        var signOff = SignedOff(new SkillExpiry { SkillKey = Vaccines, Months = 1 });
        signOff.Revoke("Retrain", "hr", Now);
        Assert.Equal(SignOffStatus.Revoked, signOff.StatusOn(Today.AddYears(1)));
    }

    [Fact]
    public void A_reason_over_the_limit_is_refused()
    {
        var signOff = SignedOff();
        Assert.Equal("Keep the reason under 1000 characters.", Assert.Single(signOff.Revoke(new string('x', 1001), "hr", Now)).Message);
        Assert.Empty(signOff.Revoke(new string('x', 1000), "hr", Now));
    }

    [Fact]
    public void Declining_without_a_reason_is_refused_and_with_one_records_the_evidence_reviewed()
    {
        var refused = SignOffDecline.Decline(11, Vaccines, Ready(), "", "manager", Now);
        Assert.Null(refused.Decline);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(("Reason", "Say why the skill is not signed off yet."), (problem.Field, problem.Message));
        Assert.Single(SignOffDecline.Decline(11, Vaccines, Ready(), null, "manager", Now).Problems);

        var declined = SignOffDecline.Decline(11, Vaccines, Ready(), " Watch one more night shift ", "manager", Now).Decline!;
        Assert.Equal((11, Vaccines, "manager", Now, "Watch one more night shift"), (declined.EmployeeId, declined.SkillKey, declined.DeclinedByUserId, declined.DeclinedAtUtc, declined.Reason));
        Assert.Equal([1, 2, 3], declined.EvidenceObservationIds);
    }

    [Fact]
    public void Signing_off_again_after_the_expiry_supersedes_the_expired_sign_off_so_one_is_live()
    {
        var expired = SignedOff(new SkillExpiry { SkillKey = Vaccines, Months = 12 });
        var revoked = SignedOff();
        revoked.Revoke("Retrain", "hr", Now);
        var otherSkill = SignOff.Sign(11, Guid.NewGuid(), Ready(), [], null, "manager", Today, Now).SignOff!;
        Assert.True(expired.IsLive);
        var on = expired.ExpiresOn!.Value;

        var again = SignOff.Sign(11, Vaccines, Ready(), [expired, revoked, otherSkill], null, "manager", on, Now.AddYears(1)).SignOff!;

        Assert.Equal(Now.AddYears(1), expired.SupersededAtUtc);
        Assert.False(expired.IsLive);
        Assert.Equal(SignOffStatus.Expired, expired.StatusOn(on)); // history keeps what it was
        Assert.Null(revoked.SupersededAtUtc); // not live already: left as it was
        Assert.True(otherSkill.IsLive);
        Assert.True(again.IsLive);
        Assert.Single(new[] { expired, revoked, again }, s => s.IsLive);
    }

    [Fact]
    public void A_refused_sign_off_supersedes_nothing()
    {
        var expired = SignedOff(new SkillExpiry { SkillKey = Vaccines, Months = 12 });
        var notReady = Evaluate(Rated(1, 3, 30, "ann"));

        Assert.Null(SignOff.Sign(11, Vaccines, notReady, [expired], null, "manager", expired.ExpiresOn!.Value, Now.AddYears(1)).SignOff);
        Assert.True(expired.IsLive);
    }

    [Fact]
    public void A_decline_stands_until_an_observation_it_did_not_review_meets_the_level()
    {
        var decline = SignOffDecline.Decline(11, Vaccines, Ready(), "One more night shift", "manager", Now).Decline!;

        Assert.True(decline.StillStands(Ready()));
        // Older evidence leaving the window changes nothing the manager has not seen.
        Assert.True(decline.StillStands(Evaluate(Rated(2, 4, 20, "bob"), Rated(3, 3, 10, "ann"))));
        // A new observation below the level is no new evidence either.
        Assert.True(decline.StillStands(Evaluate(Rated(1, 3, 30, "ann"), Rated(2, 4, 20, "bob"), Rated(3, 3, 10, "ann"), Rated(4, 2, 1, "bob"))));
        Assert.False(decline.StillStands(Evaluate(Rated(1, 3, 30, "ann"), Rated(2, 4, 20, "bob"), Rated(3, 3, 10, "ann"), Rated(4, 3, 1, "bob"))));
    }
}
