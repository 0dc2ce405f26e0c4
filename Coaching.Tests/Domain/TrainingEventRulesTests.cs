using Coaching.Domain.Training;

namespace Coaching.Tests.Domain;

/// <summary>What the event page adds to the before/after: the chart's mean levels, the comparison group person by person, a repeated form.</summary>
public class TrainingEventRulesTests
{
    const int Ana = 1, Ben = 2, Dee = 4, Eli = 5;
    static readonly DateOnly EventDay = new(2026, 6, 10);
    static readonly Guid Serving = Guid.NewGuid(), Till = Guid.NewGuid();
    static readonly TrainingEvent Workshop = TrainingEvent.Record("Serving at the rush", EventDay, TrainingFormat.Workshop, [Serving, Till], [Ana, Ben]).Event!;

    static SkillLevel L(int who, int level, int daysFromEvent, Guid? skill = null) => new(who, skill ?? Serving, level, EventDay.AddDays(daysFromEvent));

    [Fact]
    public void Mean_levels_count_only_people_seen_on_both_sides_so_before_and_after_are_the_same_people()
    {
        // Ana 1 → 3 then 4; Ben 3 → 2; Ben's 4 on the day and a level of someone seen only before count for nothing.
        var result = BeforeAfter.For(Workshop, [L(Ana, 1, -3), L(Ana, 3, 2), L(Ana, 4, 9), L(Ben, 3, -1), L(Ben, 4, 0), L(Ben, 2, 1), L(Ben, 1, -2, Till)], []);

        var serving = MeanLevels.Of(result.Attendees.Where(a => a.SkillKey == Serving));

        Assert.Equal(new MeanLevels(2, 2.0, 2.5, 3.0), serving);
        Assert.Equal(new MeanLevels(0, null, null, null), MeanLevels.Of(result.Attendees.Where(a => a.SkillKey == Till)));
    }

    [Fact]
    public void The_comparison_group_person_by_person_is_read_over_the_event_window_and_never_holds_an_attendee()
    {
        var comparison = new[] { L(Dee, 3, -10), L(Dee, 4, 0), L(Dee, 2, 6), L(Eli, 1, -1, Till), L(Ana, 1, -1), L(Ana, 4, 1) };

        var people = BeforeAfter.ComparisonGroup(Workshop, comparison);

        Assert.Equal([(Dee, Serving), (Eli, Till)], people.Select(p => (p.EmployeeId, p.SkillKey)));
        var dee = people[0];
        Assert.Equal((3, 2, 1), (dee.LastBefore!.Level, dee.FirstAfter!.Level, dee.OnEventDay));
        Assert.Null(people[1].FirstAfter);
        // The same people the group figures count.
        Assert.Equal(GroupChange.Of(people.Where(p => p.SkillKey == Serving)), BeforeAfter.For(Workshop, [], comparison).Skills[0].Comparison);
    }

    [Fact]
    public void The_chart_sets_each_skill_of_the_event_against_the_comparison_group_in_the_event_order()
    {
        var comparison = new[] { L(Dee, 2, -1), L(Dee, 2, 1) };
        var result = BeforeAfter.For(Workshop, [L(Ana, 1, -1), L(Ana, 3, 1)], comparison);

        var chart = SkillLevelsChart.For(Workshop, result, BeforeAfter.ComparisonGroup(Workshop, comparison));

        Assert.Equal([Serving, Till], chart.Select(c => c.SkillKey));
        Assert.Equal(new MeanLevels(1, 1.0, 3.0, 3.0), chart[0].Trained);
        Assert.Equal(new MeanLevels(1, 2.0, 2.0, 2.0), chart[0].Comparison);
        Assert.Equal(0, chart[1].Comparison.People);
    }

    [Theory]
    [InlineData("serving at the RUSH", 0, TrainingFormat.Workshop, true)]
    [InlineData("Serving at the rush", 1, TrainingFormat.Workshop, false)]
    [InlineData("Serving at the rush", 0, TrainingFormat.Course, false)]
    [InlineData("Serving at lunch", 0, TrainingFormat.Workshop, false)]
    public void The_same_title_day_format_skills_and_attendees_are_the_same_event_sent_twice(string title, int dayShift, TrainingFormat format, bool same)
    {
        var again = TrainingEvent.Record(title, EventDay.AddDays(dayShift), format, [Till, Serving], [Ben, Ana, Ana]).Event!;

        Assert.Equal(same, Workshop.IsSameAs(again));
    }

    [Fact]
    public void Other_attendees_or_skills_make_another_event()
    {
        Assert.False(Workshop.IsSameAs(TrainingEvent.Record(Workshop.Title, EventDay, TrainingFormat.Workshop, [Serving, Till], [Ana]).Event!));
        Assert.False(Workshop.IsSameAs(TrainingEvent.Record(Workshop.Title, EventDay, TrainingFormat.Workshop, [Serving], [Ana, Ben]).Event!));
    }
}
