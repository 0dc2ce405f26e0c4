using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Features.Summaries;
using Coaching.Web.Pdf;
using static Coaching.Domain.Summaries.SummarySource;

namespace Coaching.Tests.Summaries;

/// <summary>The development part of the weekly summary: composed by the domain's rules, then read back from the PDF.</summary>
public class SummaryDevelopmentTests
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    static readonly IsoWeek Week = new(2026, 47);
    static readonly Guid Till = Guid.NewGuid(), Greeting = Guid.NewGuid(), Picking = Guid.NewGuid(), Substitutes = Guid.NewGuid();
    static readonly Dictionary<int, string> Levels = new() { [1] = "Beginning", [2] = "Developing", [3] = "Proficient", [4] = "Expert" };
    static readonly DateTime Wednesday = new(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc);

    static DevelopmentSource Development(string agreedStep = "Shadow Grace on the online-order desk") => new(
        [new(DevelopmentTrack.CrossTraining, "Online order picker",
            [new(Substitutes, "Choosing substitutes", 3, new DateOnly(2027, 2, 1)), new(Picking, "Picking accuracy", 2, new DateOnly(2027, 1, 15))])],
        [new(Greeting, "Greeting customers")],
        [new(Picking, "Picking accuracy", 5), new(Till, "Till accuracy", 1), new(Greeting, "Greeting customers", 3)],
        new DateOnly(2026, 11, 12),
        [agreedStep]);

    static WeeklySummary Summary(DevelopmentSource? development, IReadOnlyList<RatingRecord>? ratings = null) => SummaryComposition.Compose(new SummarySource(
        "Ana Ruiz", "Cashier", [new(Till, "Till accuracy", 3), new(Greeting, "Greeting customers", 3)],
        [new("Maya Okafor", Wednesday, "Morning peak", "Calm.", null,
            ratings ?? [new RatingRecord(Till, "Till accuracy", 4), new RatingRecord(Picking, "Picking accuracy", 1), new RatingRecord(Substitutes, "Choosing substitutes", 3)])],
        [], Levels, development), Week, London);

    [Fact]
    public void The_plan_shows_each_skills_observed_level_against_its_target_soonest_first()
    {
        var d = Summary(Development()).Development!;

        var plan = Assert.Single(d.Plans);
        Assert.Equal("Cross-training plan: also covering Online order picker", plan.Title);
        Assert.Equal(["Picking accuracy", "Choosing substitutes"], plan.Skills.Select(k => k.SkillName));
        Assert.Equal(1, plan.Skills[0].Observed);
        Assert.Equal("Beginning", plan.Skills[0].ObservedName);
        Assert.Equal(2, plan.Skills[0].Target);
        Assert.False(plan.Skills[0].Reached);
        Assert.True(plan.Skills[1].Reached); // 3 of target 3: the plan skill rule (observed meets the target)
        Assert.Equal(["Greeting customers"], d.ChosenSkills);
        Assert.Equal(new DateOnly(2026, 11, 12), d.AgreedOn);
        Assert.Equal(["Shadow Grace on the online-order desk"], d.AgreedSteps);
    }

    [Fact]
    public void Confidence_is_set_against_the_plans_target_or_the_roles_requirement_with_the_mismatch_prompts_first()
    {
        var lines = Summary(Development()).Development!.Confidence;

        // Picking: fully confident, observed 1 against the plan's target 2. Till: not yet confident, observed 4 against the role's 3.
        Assert.Equal(["Picking accuracy", "Till accuracy", "Greeting customers"], lines.Select(l => l.SkillName));
        Assert.Equal(ConfidenceMismatch.ConfidentObservedLow.Label(), lines[0].Prompt);
        Assert.Equal(ConfidenceMismatch.ObservedHighNotConfident.Label(), lines[1].Prompt);
        Assert.Null(lines[2].Prompt); // never observed: nothing to compare
        Assert.Null(lines[2].Observed);
        Assert.Equal("fully confident", lines[0].ConfidenceLabel);
    }

    [Fact]
    public void Nothing_after_the_week_and_no_development_make_an_empty_part()
    {
        Assert.True(Summary(null).Development!.IsEmpty);
        Assert.True(Summary(DevelopmentSource.None).Development!.IsEmpty);
        // A plan skill never observed is not reached and says so.
        var unobserved = Summary(Development(), ratings: []).Development!.Plans[0].Skills;
        Assert.All(unobserved, k => Assert.False(k.Reached));
        Assert.All(unobserved, k => Assert.Null(k.Observed));
    }

    [Fact]
    public void The_PDF_reads_back_the_plan_a_chosen_skill_a_confidence_line_and_an_agreed_step()
    {
        var step = "Practise «substitutions» with Zoë — نعم";
        var pdf = SummaryPdf.Render(Summary(Development(step)), "Northwind Retail & Care", PaperSize.A4, DateTime.UtcNow);

        var text = SummaryPdfTests.PdfToText(pdf);
        var flat = string.Join(" ", text.Split([' ', '\n', '\f', '\u202A', '\u202B', '\u202C'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Your development plan", flat);
        Assert.Contains("Cross-training plan: also covering Online order picker", flat);
        Assert.Contains("Picking accuracy", flat);
        Assert.Contains("Choosing substitutes", flat);
        Assert.Contains("Proficient (3) (reached)", flat);
        Assert.Contains("Skills you chose to learn", flat);
        Assert.Contains("Greeting customers", flat);
        Assert.Contains("Your confidence", flat);
        Assert.Contains("fully confident (5 of 5)", flat);
        Assert.Contains("confident, observed low", flat);
        Assert.Contains("Agreed for your next conversation", flat);
        Assert.Contains("Practise «substitutions» with Zoë", flat);
        Assert.Contains("نعم", flat);
    }
}
