using System.Globalization;
using Coaching.Domain.Summaries;
using Coaching.Web.Pdf;

namespace Coaching.Web.Features.Summaries;

/// <summary>The weekly development summary as a PDF, read top to bottom as the sections an employee sees.</summary>
public static class SummaryPdf
{
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string FileName(WeeklySummary summary) => $"development-summary-{summary.Week}.pdf";

    public static byte[] Render(WeeklySummary s, string organisation, PaperSize paper, DateTime createdUtc)
    {
        var frame = new PageFrame(organisation, $"{s.EmployeeName} · week {s.Week}", "Development summary");
        return PdfDocument.Render(paper, frame, Sections(s), $"Development summary {s.Week} — {s.EmployeeName}", organisation, createdUtc);
    }

    static IEnumerable<IPdfComponent> Sections(WeeklySummary s)
    {
        yield return new TextBlock(s.EmployeeName, new TextStyle(20f, Bold: true), spaceAfter: 2);
        yield return new TextBlock($"{s.RoleName} · week {s.Week} ({s.WeekDates})", new TextStyle(10.5f, Color: TextStyle.Muted), spaceAfter: 10);
        yield return new TextBlock(Opening(s), new TextStyle(11f), spaceAfter: 8);

        if (s.Skills.Any(k => k.Level is not null || k.RequiredLevel is not null))
        {
            yield return new Heading("Your skills");
            yield return new BarChart(
                s.Skills.Select(k => new BarChart.Bar(k.SkillName, k.Level, k.RequiredLevel, SkillNote(k))).ToList(),
                s.MaxLevel, "Your current level", "Level your role asks for");
        }

        if (s.HasObservations)
        {
            yield return new Heading("Observed this week");
            yield return new Table(
                [new("When", 1.3f), new("Observed by", 1.4f), new("Where", 2f)],
                s.Observations.Select(o => (IReadOnlyList<string>)[o.ObservedAtLocal.ToString("ddd d MMM, HH:mm", English), o.ObserverName, o.Context ?? "—"]).ToList());
        }

        if (s.WentWell.Count > 0)
        {
            yield return new Heading("What went well");
            foreach (var c in Notes(s.WentWell)) yield return c;
        }

        if (s.NextSteps.Count > 0)
        {
            yield return new Heading("Next steps");
            foreach (var c in Notes(s.NextSteps)) yield return c;
        }

        if (s.OpenActions.Count > 0)
        {
            yield return new Heading("Open action items");
            yield return new Table(
                [new("Action", 4f), new("Due", 1.3f)],
                s.OpenActions.Select(a => (IReadOnlyList<string>)[a.Text,
                    a.DueDate is { } d ? d.ToString("d MMM yyyy", English) + (a.IsOverdue ? " (overdue)" : "") : "—"]).ToList());
        }

        if (s.NeverObservedSkills.Count > 0)
        {
            yield return new Heading("Skills not observed yet");
            yield return new TextBlock(string.Join(" · ", s.NeverObservedSkills) + ". Ask your manager to watch you at one of these next time.",
                new TextStyle(10f));
        }
    }

    static IEnumerable<IPdfComponent> Notes(IReadOnlyList<WeeklySummary.Note> notes)
    {
        foreach (var n in notes)
        {
            yield return new TextBlock($"{n.ObserverName}, {n.ObservedAtLocal.ToString("dddd d MMMM", English)}", new TextStyle(8.5f, Color: TextStyle.Muted), spaceAfter: 1);
            yield return new TextBlock(n.Text, new TextStyle(10.5f), spaceAfter: 8);
        }
    }

    public static string Opening(WeeklySummary s) => s.Observations.Count switch
    {
        0 when s.OpenActions.Count > 0 => "No observations this week. Here are the next steps you are working on.",
        0 => "No observations this week.",
        1 => $"You were observed once this week. {Growth(s)}",
        var n => $"You were observed {n} times this week. {Growth(s)}",
    };

    static string Growth(WeeklySummary s)
    {
        var grew = s.Skills.Count(k => k.ObservedThisWeek && k.Change > 0);
        return grew switch
        {
            0 => "Thank you for the work you put in.",
            1 => "You moved up a level in one skill — well done.",
            _ => $"You moved up in {grew} skills — well done.",
        };
    }

    static string SkillNote(WeeklySummary.SkillProgress k) =>
        k.Level is null ? "not observed yet"
        : k.Change is > 0 ? $"{k.LevelName ?? k.Level.ToString()} (+{k.Change})"
        : k.Change is < 0 ? $"{k.LevelName ?? k.Level.ToString()} ({k.Change})"
        : k.LevelName ?? k.Level.ToString()!;
}
