using Coaching.Domain.Observations;
using Coaching.Domain.Rubrics;

namespace Coaching.Tests.Domain;

/// <summary>Observation.Apply: what a save from the form does to an observation, without a web app or a database.</summary>
public class ApplyingAnObservationDraftTests
{
    static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    static readonly DateTime Observed = Now.AddMinutes(-30);
    static readonly DateTime SubmittedAt = Now.AddMinutes(-10);
    static readonly DateOnly Today = new(2026, 11, 25);
    static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    static readonly Guid ServingKey = Guid.NewGuid(), TillKey = Guid.NewGuid();

    /// <summary>Version 3 of a barista rubric: levels 1 to 4, two skills.</summary>
    static readonly RubricVersion Rubric = new()
    {
        Id = 30, Number = 3,
        Levels = [new() { Value = 1, Name = "Learning" }, new() { Value = 2, Name = "Developing" }, new() { Value = 3, Name = "Proficient" }, new() { Value = 4, Name = "Expert" }],
        Skills = [new() { Id = 11, Key = ServingKey, Name = "Serving" }, new() { Id = 12, Key = TillKey, Name = "Till" }],
    };

    static Observation New() => new() { Id = 0, EmployeeId = 7, ObserverUserId = "maya", RubricVersionId = 30, CreatedAtUtc = Now };

    static ObservationDraft Draft(params DraftRating[] ratings) => new() { ObservedAtUtc = Observed, Ratings = ratings };

    /// <summary>A submitted observation, saved once: Serving at 2 ("Calm at the rush"), one next step due in a week.</summary>
    static Observation Submitted()
    {
        var o = New();
        o.Id = 40;
        o.Apply(Draft(new DraftRating(11, 2, "Calm at the rush")) with { ActionItems = [new(null, "Learn the latte art", Today.AddDays(7))] }, Rubric, SubmittedAt, Utc, submit: true);
        o.ActionItems[0].Id = 501;
        return o;
    }

    static List<ObservationProblem> Problems(ObservationDraft draft, bool submitting = false, Observation? o = null) =>
        [.. (o ?? New()).ProblemsWith(draft, Rubric, Now, Utc, submitting)];

    static ObservationProblem Single(ObservationDraft draft, bool submitting = false, Observation? o = null) => Assert.Single(Problems(draft, submitting, o));

    // ---- applying ----

    [Fact]
    public void A_first_save_fills_the_observation_trimmed_and_makes_revision_one()
    {
        var o = New();
        var applied = o.Apply(Draft(new DraftRating(11, 3, "  Greeted every guest  "), new DraftRating(12, null, "   ")) with
        {
            Context = " Morning peak ", WentWell = "Queue kept moving", NextSteps = "  ", Track = DevelopmentTrack.CrossTraining,
        }, Rubric, Now, Utc);

        Assert.True(applied.IsApplied);
        Assert.Equal((Observed, "Morning peak", "Queue kept moving", (string?)null, (DevelopmentTrack?)DevelopmentTrack.CrossTraining), (o.ObservedAtUtc, o.Context, o.WentWell, o.NextSteps, o.Track));
        var rating = Assert.Single(o.Ratings);
        Assert.Equal((11, ServingKey, (int?)3, "Greeted every guest"), (rating.SkillId, rating.SkillKey, rating.Level, rating.Evidence));
        Assert.Equal((1, Now, ObservationStatus.Draft, (DateTime?)null), (o.Revision, o.UpdatedAtUtc, o.Status, o.SubmittedAtUtc));
        Assert.Empty(applied.AuditTrail); // a draft is drafting, not the record
    }

    [Fact]
    public void Each_save_is_one_revision_stamped_with_its_time()
    {
        var o = New();
        o.Apply(Draft(new DraftRating(11, 2, null)), Rubric, Now, Utc);
        o.Apply(Draft(new DraftRating(11, 2, null)), Rubric, Now.AddMinutes(1), Utc);

        Assert.Equal(2, o.Revision);
        Assert.Equal(Now.AddMinutes(1), o.UpdatedAtUtc);
    }

    [Fact]
    public void Submitting_through_the_form_bumps_the_revision_once_and_makes_the_ratings_count()
    {
        var o = New();
        o.Apply(Draft(new DraftRating(11, 2, null)), Rubric, Now.AddMinutes(-5), Utc);

        o.Apply(Draft(new DraftRating(11, 3, null), new DraftRating(12, 1, null)), Rubric, Now, Utc, submit: true);

        Assert.Equal(2, o.Revision);
        Assert.Equal((ObservationStatus.Submitted, (DateTime?)Now, Now), (o.Status, o.SubmittedAtUtc, o.UpdatedAtUtc));
        Assert.All(o.Ratings, r => Assert.Equal((7, "maya", Observed, true), (r.EmployeeId, r.ObserverUserId, r.ObservedAtUtc, r.IsSubmitted)));
    }

    [Fact]
    public void The_rating_copies_follow_a_new_observation_time()
    {
        var o = New();
        o.Apply(Draft(new DraftRating(11, 2, null)), Rubric, Now, Utc);
        o.Apply(Draft(new DraftRating(11, 2, null)) with { ObservedAtUtc = Observed.AddHours(-2) }, Rubric, Now, Utc);

        Assert.Equal(Observed.AddHours(-2), Assert.Single(o.Ratings).ObservedAtUtc);
        Assert.False(o.Ratings[0].IsSubmitted);
    }

    [Fact]
    public void Submitting_again_keeps_the_first_submission_time()
    {
        var o = Submitted();
        var first = o.SubmittedAtUtc;

        o.Apply(Draft(new DraftRating(11, 2, "Calm at the rush")), Rubric, Now, Utc, submit: true);

        Assert.Equal(first, o.SubmittedAtUtc);
        Assert.Equal(2, o.Revision);
    }

    [Fact]
    public void Amending_a_submitted_observation_returns_each_change_for_the_audit_trail()
    {
        var o = Submitted();

        var applied = o.Apply(new ObservationDraft
        {
            ObservedAtUtc = Observed.AddHours(-1), Context = "Till 4", WentWell = "Kept calm", NextSteps = " Practise the float ", Track = DevelopmentTrack.Upskilling,
            Ratings = [new(11, 3, "Calm at the rush"), new(12, 2, null)],
            ActionItems = [new(501, "Learn the latte art", Today.AddDays(14))],
        }, Rubric, Now, Utc);

        (string, string?, string?)[] expected =
        [
            ("When", "2026-11-25 09:30 UTC", "2026-11-25 08:30 UTC"),
            ("Context", null, "Till 4"),
            ("What went well", null, "Kept calm"),
            ("Next steps", null, "Practise the float"),
            ("Development track", null, "Upskilling"),
            ("Serving", "Level 2: Calm at the rush", "Level 3: Calm at the rush"),
            ("Till", null, "Level 2"),
            ("Next step", $"Learn the latte art {Today.AddDays(7)}", $"Learn the latte art {Today.AddDays(14)}"),
        ];
        Assert.Equal(expected, applied.AuditTrail.Select(c => (c.Field, c.OldValue, c.NewValue)));
        Assert.All(applied.AuditTrail, c => Assert.Equal((40, "maya", Now), (c.ObservationId, c.UserId, c.AtUtc)));
        Assert.Equal((2, Now), (o.Revision, o.UpdatedAtUtc));
        Assert.Equal(("Kept calm", "Practise the float"), (o.WentWell, o.NextSteps));
    }

    [Fact]
    public void Saving_the_same_again_changes_nothing_on_the_record_but_is_still_a_new_revision()
    {
        var o = Submitted();

        var applied = o.Apply(Draft(new DraftRating(11, 2, "Calm at the rush")) with { ActionItems = [new(501, "Learn the latte art", Today.AddDays(7))] }, Rubric, Now, Utc);

        Assert.Empty(applied.AuditTrail);
        Assert.Equal(2, o.Revision);
    }

    [Fact]
    public void Clearing_a_rating_removes_it_and_says_what_it_was()
    {
        var o = Submitted();

        var applied = o.Apply(Draft(new DraftRating(11, null, " ")) with { WentWell = "Kept calm", ActionItems = [new(501, "Learn the latte art", Today.AddDays(7))] }, Rubric, Now, Utc);

        Assert.Empty(o.Ratings);
        Assert.Contains(("Serving", "Level 2: Calm at the rush", (string?)null), applied.AuditTrail.Select(c => (c.Field, c.OldValue, c.NewValue)));
    }

    [Fact]
    public void Evidence_without_a_level_is_kept_on_a_draft()
    {
        var o = New();
        var applied = o.Apply(Draft(new DraftRating(12, null, "Counted the float twice")), Rubric, Now, Utc);

        Assert.True(applied.IsApplied);
        Assert.Equal(((int?)null, "Counted the float twice"), (o.Ratings[0].Level, o.Ratings[0].Evidence));
    }

    [Fact]
    public void A_rating_change_is_described_by_level_evidence_or_both()
    {
        var o = Submitted();

        var applied = o.Apply(Draft(new DraftRating(11, null, "Calm at the rush"), new DraftRating(12, 4, null)), Rubric, Now, Utc);

        (string, string?, string?)[] expected = [("Serving", "Level 2: Calm at the rush", "Calm at the rush"), ("Till", null, "Level 4")];
        Assert.Equal(expected, applied.AuditTrail.Where(c => c.Field is "Serving" or "Till").Select(c => (c.Field, c.OldValue, c.NewValue)));
    }

    [Fact]
    public void Next_steps_are_added_edited_and_removed_to_match_the_rows()
    {
        var o = Submitted();
        o.Apply(Draft(new DraftRating(11, 2, "Calm at the rush")) with
        {
            ActionItems = [new(501, "Learn the latte art", Today.AddDays(7)), new(null, "Close the till", null)],
        }, Rubric, Now.AddMinutes(-1), Utc);
        o.ActionItems[1].Id = 502;

        var applied = o.Apply(Draft(new DraftRating(11, 2, "Calm at the rush")) with
        {
            ActionItems = [new(null, "  ", null), new(502, " Close the till alone ", Today.AddDays(3)), new(null, "Shadow Grace", null), new(null, "", null)],
        }, Rubric, Now, Utc);

        (string, DateOnly?)[] steps = [("Close the till alone", Today.AddDays(3)), ("Shadow Grace", null)];
        Assert.Equal(steps, o.ActionItems.Select(a => (a.Text, a.DueDate)));
        Assert.Equal(502, o.ActionItems[0].Id);
        Assert.Equal(7, o.ActionItems[1].EmployeeId);
        var added = Assert.Single(applied.AddedActionItems);
        Assert.Equal(2, added.Key); // the row it was typed in, so its id goes back there
        Assert.Same(o.ActionItems[1], added.Value);
        (string, string?, string?)[] changes =
        [
            ("Next step", "Close the till", $"Close the till alone {Today.AddDays(3)}"),
            ("Next step", null, "Shadow Grace"),
            ("Next step", "Learn the latte art", null), // a removed step is named by its text
        ];
        Assert.Equal(changes, applied.AuditTrail.Select(c => (c.Field, c.OldValue, c.NewValue)));
    }

    [Fact]
    public void Two_rows_claiming_one_next_step_make_the_second_a_new_one()
    {
        var o = Submitted();

        var applied = o.Apply(Draft(new DraftRating(11, 2, "Calm at the rush")) with
        {
            ActionItems = [new(501, "Learn the latte art", Today.AddDays(7)), new(501, "Learn the latte art", Today.AddDays(7))],
        }, Rubric, Now, Utc);

        Assert.Equal(2, o.ActionItems.Count);
        Assert.Equal(new[] { 1 }, applied.AddedActionItems.Keys);
    }

    [Fact]
    public void A_draft_with_problems_changes_nothing()
    {
        var o = Submitted();

        var applied = o.Apply(Draft(new DraftRating(11, 9, "Changed")) with { Context = "Till 4", ActionItems = [] }, Rubric, Now, Utc);

        Assert.False(applied.IsApplied);
        Assert.Empty(applied.AuditTrail);
        Assert.Equal((1, SubmittedAt, (string?)null, (int?)2, 1), (o.Revision, o.UpdatedAtUtc, o.Context, o.Ratings[0].Level, o.ActionItems.Count));
    }

    // ---- problems, each beside its field ----

    [Fact]
    public void A_complete_draft_has_no_problems() =>
        Assert.Empty(Problems(Draft(new DraftRating(11, 1, "ok"), new DraftRating(12, 4, null)) with
        {
            Context = new string('c', ObservationRules.MaxContextLength), WentWell = new string('w', ObservationRules.MaxNoteLength),
            NextSteps = "tab\tand\r\nlines", Track = DevelopmentTrack.Newskilling,
            ActionItems = [new(null, new string('a', ObservationRules.MaxActionItemLength), Today), new(null, "Later", Today.AddYears(2))],
        }, submitting: true));

    [Fact]
    public void Without_a_time_it_asks_when() =>
        Assert.Equal(new ObservationProblem(ObservationField.ObservedAt, "Say when you observed this."), Single(Draft() with { ObservedAtUtc = null, WentWell = "x" }));

    [Theory]
    [InlineData(6, "The observation time is in the future.")]
    [InlineData(-60 * 24 * 367, "The observation time is more than a year ago.")]
    public void A_time_out_of_range_is_refused(int minutesFromNow, string message) =>
        Assert.Equal(new ObservationProblem(ObservationField.ObservedAt, message), Single(Draft() with { ObservedAtUtc = Now.AddMinutes(minutesFromNow) }));

    [Fact]
    public void A_tablet_clock_a_few_minutes_ahead_is_not_the_future() =>
        Assert.Empty(Problems(Draft() with { ObservedAtUtc = Now.AddMinutes(5) }));

    [Theory]
    [InlineData(ObservationField.Context)]
    [InlineData(ObservationField.WentWell)]
    [InlineData(ObservationField.NextSteps)]
    [InlineData(ObservationField.RatingEvidence)]
    [InlineData(ObservationField.ActionItemText)]
    public void A_hidden_control_character_is_refused_in_every_text(ObservationField field)
    {
        const string pasted = "ok\0then";
        var draft = field switch
        {
            ObservationField.Context => Draft() with { Context = pasted },
            ObservationField.WentWell => Draft() with { WentWell = pasted },
            ObservationField.NextSteps => Draft() with { NextSteps = pasted },
            ObservationField.RatingEvidence => Draft(new DraftRating(11, 1, null), new DraftRating(12, 1, pasted)),
            _ => Draft() with { ActionItems = [new(null, "fine", null), new(null, pasted, null)] },
        };
        var problem = Single(draft);
        Assert.Equal(field, problem.Field);
        Assert.StartsWith("This contains a hidden control character (U+0000)", problem.Message);
        Assert.Equal(field is ObservationField.RatingEvidence or ObservationField.ActionItemText ? 1 : (int?)null, problem.Row);
    }

    [Fact]
    public void A_long_context_is_refused() =>
        Assert.Equal(new ObservationProblem(ObservationField.Context, "Keep the context under 200 characters."),
            Single(Draft() with { Context = new string('c', ObservationRules.MaxContextLength + 1) }));

    [Fact]
    public void Long_notes_are_refused_beside_each_note()
    {
        var tooLong = new string('n', ObservationRules.MaxNoteLength + 1);
        ObservationProblem[] expected =
        [
            new(ObservationField.WentWell, "Notes are at most 4,000 characters (this has 4,001)."),
            new(ObservationField.NextSteps, "Notes are at most 4,000 characters (this has 4,001)."),
            new(ObservationField.RatingEvidence, "Evidence notes are at most 4,000 characters (this has 4,001).", 0),
        ];
        Assert.Equal(expected, Problems(Draft(new DraftRating(11, 2, tooLong)) with { WentWell = tooLong, NextSteps = tooLong }));
    }

    [Fact]
    public void An_unknown_development_track_is_refused() =>
        Assert.Equal(new ObservationProblem(ObservationField.Track, "Choose one of the development tracks."), Single(Draft() with { Track = (DevelopmentTrack)9 }));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_level_outside_the_rubric_is_refused(int level) =>
        Assert.Equal(new ObservationProblem(ObservationField.RatingLevel, "Choose a level from 1 to 4.", 1),
            Single(Draft(new DraftRating(11, 2, null), new DraftRating(12, level, null))));

    [Fact]
    public void A_skill_from_another_rubric_is_refused_for_the_whole_form() =>
        Assert.Equal(new ObservationProblem(ObservationField.Whole, "A rating was sent for a skill that is not in this observation's rubric (version 3). Reload the page."),
            Single(Draft(new DraftRating(99, 9, null))));

    [Fact]
    public void A_skill_rated_twice_is_refused_at_the_second_rating() =>
        Assert.Equal(new ObservationProblem(ObservationField.RatingLevel, "This skill was rated twice.", 1),
            Single(Draft(new DraftRating(11, 2, null), new DraftRating(11, 9, null))));

    [Fact]
    public void Evidence_without_a_level_cannot_be_submitted() =>
        Assert.Equal(new ObservationProblem(ObservationField.RatingLevel, "Choose a level for the evidence you noted, or clear the note.", 0),
            Single(Draft(new DraftRating(11, null, "Counted the float twice")) with { WentWell = "Calm" }, submitting: true));

    [Fact]
    public void An_empty_observation_cannot_be_submitted_but_can_be_saved()
    {
        var empty = Draft(new DraftRating(11, null, null)) with { WentWell = " ", NextSteps = "" };
        Assert.Equal(new ObservationProblem(ObservationField.Whole, "Rate at least one skill or write what went well before submitting."), Single(empty, submitting: true));
        Assert.Empty(Problems(empty));
    }

    [Fact]
    public void One_rated_skill_among_unrated_ones_is_enough_to_submit() =>
        Assert.Empty(Problems(Draft(new DraftRating(11, null, null), new DraftRating(12, 3, null)), submitting: true));

    [Theory]
    [InlineData(2, null, null)]
    [InlineData(null, "Calm", null)]
    [InlineData(null, null, "Practise")]
    public void One_level_or_note_is_enough_to_submit(int? level, string? wentWell, string? nextSteps) =>
        Assert.Empty(Problems(Draft(new DraftRating(11, level, null)) with { WentWell = wentWell, NextSteps = nextSteps }, submitting: true));

    [Fact]
    public void At_most_twenty_next_steps()
    {
        DraftActionItem[] Rows(int n) => [.. Enumerable.Range(0, n).Select(i => new DraftActionItem(null, $"Step {i}", null))];
        Assert.Empty(Problems(Draft() with { ActionItems = Rows(ObservationRules.MaxActionItems) }));
        Assert.Equal(new ObservationProblem(ObservationField.Whole, "An observation has at most 20 action items."),
            Single(Draft() with { ActionItems = Rows(ObservationRules.MaxActionItems + 1) }));
    }

    [Fact]
    public void A_long_next_step_is_refused() =>
        Assert.Equal(new ObservationProblem(ObservationField.ActionItemText, "Keep each next step under 500 characters.", 0),
            Single(Draft() with { ActionItems = [new(null, new string('a', ObservationRules.MaxActionItemLength + 1), null)] }));

    [Fact]
    public void A_due_date_needs_a_next_step_unless_the_row_was_saved_before()
    {
        Assert.Equal(new ObservationProblem(ObservationField.ActionItemText, "Say what the next step is, or clear its due date.", 0),
            Single(Draft() with { ActionItems = [new(null, " ", Today)] }));
        Assert.Empty(Problems(Draft() with { ActionItems = [new(501, " ", Today)] })); // clearing a saved step removes it
    }

    [Fact]
    public void A_due_date_in_the_past_is_refused_beside_it() =>
        Assert.Equal(new ObservationProblem(ObservationField.ActionItemDueDate, "The due date is in the past; choose 25 Nov 2026 or later.", 1),
            Single(Draft() with { ActionItems = [new(null, "Fine", Today), new(null, "Late", Today.AddDays(-1))] }));

    [Fact]
    public void A_due_date_is_judged_by_the_organisations_today()
    {
        // 23:30 UTC on the 24th is already the 25th an hour east: the 24th is past there.
        var east = TimeZoneInfo.CreateCustomTimeZone("East", TimeSpan.FromHours(1), "East", "East");
        var lateEvening = new DateTime(2026, 11, 24, 23, 30, 0, DateTimeKind.Utc);
        var problems = New().ProblemsWith(new ObservationDraft { ObservedAtUtc = lateEvening, ActionItems = [new(null, "Late", new DateOnly(2026, 11, 24))] }, Rubric, lateEvening, east, false);

        Assert.Equal(ObservationField.ActionItemDueDate, Assert.Single(problems).Field);
    }

    [Fact]
    public void A_due_date_already_stored_is_not_judged_again()
    {
        var o = Submitted(); // next step 501 is due on 2 Dec
        var later = Now.AddDays(10);
        var draft = Draft(new DraftRating(11, 2, null)) with { ObservedAtUtc = Observed, ActionItems = [new(501, "Learn the latte art", Today.AddDays(7))] };

        Assert.Empty(o.ProblemsWith(draft, Rubric, later, Utc, false));
        Assert.Equal(ObservationField.ActionItemDueDate, Assert.Single(o.ProblemsWith(draft with { ActionItems = [new(null, "Learn the latte art", Today.AddDays(7))] }, Rubric, later, Utc, false)).Field);
    }
}
