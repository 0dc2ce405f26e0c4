using Coaching.Domain.Development;

namespace Coaching.Tests.Domain;

public class DevelopmentConversationTests
{
    static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    static readonly DateOnly Today = new(2026, 11, 25);

    static DevelopmentConversation Logged(params string?[] steps) =>
        DevelopmentConversation.Log(7, "mgr", Today.AddDays(-1), " Moving to the contact centre ", steps, " Add call handling ", Today, Now).Conversation!;

    [Fact]
    public void Logging_keeps_the_date_the_text_trimmed_and_the_agreed_steps_in_order_without_blanks()
    {
        var c = Logged("Shadow Sam on calls", " ", null, " Read the script ");
        Assert.Equal((7, "mgr", Today.AddDays(-1), "Moving to the contact centre", "Add call handling", Now, Now),
            (c.EmployeeId, c.ManagerUserId, c.HeldOn, c.Discussed, c.PlanChanges, c.CreatedAtUtc, c.UpdatedAtUtc));
        Assert.Equal(["Shadow Sam on calls", "Read the script"], c.Steps.Select(s => s.Text));
        Assert.Equal([0, 1], c.Steps.Select(s => s.Order));
        Assert.All(c.Steps, s => Assert.Equal((7, false), (s.EmployeeId, s.IsDone)));
        Assert.Null(c.Reflection);
    }

    [Fact]
    public void Blank_plan_changes_are_none_and_today_is_allowed()
    {
        var c = DevelopmentConversation.Log(7, "mgr", Today, "Growth", [], "  ", Today, Now).Conversation!;
        Assert.Null(c.PlanChanges);
        Assert.Empty(c.Steps);
        Assert.NotNull(DevelopmentConversation.Log(7, "mgr", Today.AddYears(-1), "Growth", [], null, Today, Now).Conversation);
    }

    [Theory]
    [InlineData(1, "The conversation date is in the future; log it once it has happened.")]
    [InlineData(-367, "The conversation date is more than a year ago.")]
    public void A_date_in_the_future_or_over_a_year_ago_is_refused(int days, string message)
    {
        var log = DevelopmentConversation.Log(7, "mgr", Today.AddDays(days), "Growth", [], null, Today, Now);
        Assert.Null(log.Conversation);
        Assert.Equal(("HeldOn", message), (log.Problems.Single().Field, log.Problems.Single().Message));
    }

    [Fact]
    public void Every_problem_is_keyed_by_its_field()
    {
        var steps = new[] { "ok", new string('s', 501), "bad\u0007" };
        var log = DevelopmentConversation.Log(7, "mgr", null, "  ", steps, new string('p', 2001), Today, Now);
        Assert.Null(log.Conversation);
        Assert.Equal(["HeldOn", "Discussed", "PlanChanges", "Steps[1]", "Steps[2]"], log.Problems.Select(p => p.Field));
        Assert.Equal("Enter the date the conversation was held.", log.Problems[0].Message);
        Assert.Equal("Say what was discussed.", log.Problems[1].Message);
        Assert.Equal("Plan changes is at most 2,000 characters (this has 2,001).", log.Problems[2].Message);
        Assert.Equal("A next step is at most 500 characters (this has 501).", log.Problems[3].Message);
        Assert.Contains("control character", log.Problems[4].Message);
        Assert.Equal(("Discussed", "What was discussed is at most 4,000 characters (this has 4,001)."),
            (DevelopmentConversation.Log(7, "mgr", Today, new string('d', 4001), [], null, Today, Now).Problems.Single().Field,
             DevelopmentConversation.Log(7, "mgr", Today, new string('d', 4001), [], null, Today, Now).Problems.Single().Message));
        Assert.NotNull(DevelopmentConversation.Log(7, "mgr", Today, new string('d', 4000), [new string('s', 500)], new string('p', 2000), Today, Now).Conversation);
    }

    [Fact]
    public void At_most_ten_steps()
    {
        Assert.Equal(10, Logged([.. Enumerable.Range(1, 10).Select(i => $"step {i}")]).Steps.Count);
        var log = DevelopmentConversation.Log(7, "mgr", Today, "Growth", [.. Enumerable.Range(1, 11).Select(i => $"step {i}")], null, Today, Now);
        Assert.Equal(("Steps[10]", "Agree at most 10 next steps in one conversation."), (log.Problems.Single().Field, log.Problems.Single().Message));
    }

    [Fact]
    public void Only_the_employee_adds_a_reflection()
    {
        var c = Logged();
        var later = Now.AddDays(1);
        var byManager = c.AddReflection("Looks good", byEmployeeId: null, later);
        Assert.Equal(("Reflection", "Only the employee the conversation was with adds a reflection."), (byManager.Single().Field, byManager.Single().Message));
        Assert.Equal("Reflection", c.AddReflection("Someone else", 8, later).Single().Field);
        Assert.Null(c.Reflection);

        Assert.Empty(c.AddReflection(" I want more calls ", 7, later));
        Assert.Equal(("I want more calls", (DateTime?)later, later), (c.Reflection, c.ReflectedAtUtc, c.UpdatedAtUtc));
        Assert.Equal("The reflection is at most 2,000 characters (this has 2,001).", c.AddReflection(new string('r', 2001), 7, later).Single().Message);
        Assert.Equal("I want more calls", c.Reflection);
        Assert.Empty(c.AddReflection(" ", 7, later));
        Assert.Equal((null, (DateTime?)null), (c.Reflection, c.ReflectedAtUtc));
    }

    [Fact]
    public void A_step_is_marked_done_and_not_yet_again()
    {
        var c = Logged("Shadow Sam");
        c.Steps[0].Id = 41;
        var later = Now.AddDays(2);
        Assert.Empty(c.MarkStep(41, true, later));
        Assert.Equal((later, true, later), (c.Steps[0].DoneAtUtc!.Value, c.Steps[0].IsDone, c.UpdatedAtUtc));
        Assert.Empty(c.MarkStep(41, true, later.AddDays(1)));
        Assert.Equal(later, c.Steps[0].DoneAtUtc); // marking done twice keeps the first time
        Assert.Empty(c.MarkStep(41, false, later.AddDays(2)));
        Assert.Null(c.Steps[0].DoneAtUtc);
        Assert.Equal(("StepId", "That step is not part of this conversation."), (c.MarkStep(42, true, later).Single().Field, c.MarkStep(42, true, later).Single().Message));
    }
}

public class ConversationRateTests
{
    static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void The_share_counts_people_with_a_conversation_within_the_window_including_its_last_day()
    {
        DateOnly?[] last = [Today, Today.AddDays(-30), Today.AddDays(-31), Today.AddDays(-90), Today.AddDays(-91), null];
        var month = ConversationRate.For(last, Today, 30);
        Assert.Equal((6, 2, 4, 30), (month.People, month.WithConversation, month.Without, month.WindowDays));
        Assert.Equal(2 / 6.0, month.Share, 10);
        Assert.Equal(4, ConversationRate.For(last, Today, 90).WithConversation);
        Assert.Equal(5, ConversationRate.For(last, Today, 365).WithConversation);
        Assert.Equal(0, ConversationRate.For([], Today, 90).Share);
        Assert.Equal(1, ConversationRate.For([Today], Today, 90).Share);
        Assert.Equal([30, 90, 365], ConversationRate.Windows);
    }

    [Fact]
    public void Days_since_the_last_conversation_and_whether_the_target_is_met()
    {
        Assert.Equal(0, ConversationRate.DaysSince(Today, Today));
        Assert.Equal(45, ConversationRate.DaysSince(Today.AddDays(-45), Today));
        Assert.Null(ConversationRate.DaysSince(null, Today));
        Assert.True(ConversationRate.MeetsTarget(Today.AddDays(-90), Today, 90));
        Assert.False(ConversationRate.MeetsTarget(Today.AddDays(-91), Today, 90));
        Assert.False(ConversationRate.MeetsTarget(null, Today, 90));
    }
}
