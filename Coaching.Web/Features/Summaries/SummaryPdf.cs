using System.Globalization;
using Coaching.Domain.Summaries;
using Coaching.Web.Pdf;

namespace Coaching.Web.Features.Summaries;

/// <summary>The weekly development summary as a PDF, read top to bottom as the sections an employee sees.</summary>
public static class SummaryPdf
{
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string FileName(WeeklySummary summary) => $"development-summary-{summary.Week}.pdf";

    public static byte[] Render(WeeklySummary s, string organisation, PaperSize paper, DateTime createdUtc, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        var frame = new PageFrame(organisation, $"{s.EmployeeName} · week {s.Week}", "Development summary");
        return PdfDocument.Render(paper, frame, Compose(s), $"Development summary {s.Week} — {s.EmployeeName}", organisation, createdUtc, logger);
    }

    static IEnumerable<IPdfComponent> Compose(WeeklySummary s) =>
    [
        .. ComposeHeader(s),
        .. ComposeSkills(s),
        .. ComposeProofOfSkill(s),
        .. ComposeDevelopment(s),
        .. ComposeVisits(s),
        .. ComposeNotes("What went well", s.WentWell),
        .. ComposeNotes("Next steps", s.NextSteps),
        .. ComposeActions(s),
        .. ComposeNotObserved(s),
    ];

    static IEnumerable<IPdfComponent> ComposeHeader(WeeklySummary s)
    {
        yield return new TextBlock(s.EmployeeName, Typography.Title, spaceAfter: 2);
        yield return new TextBlock($"{s.RoleName} · week {s.Week} ({s.WeekDates})", Typography.Subtitle, spaceAfter: 10);
        yield return new TextBlock(s.Headline, Typography.Headline, spaceAfter: 4);
        yield return new TextBlock(Encouragement(s), Typography.Lead, spaceAfter: 8);
    }

    /// <summary>The chart and the table of the week's changes say what the headline says: all from <see cref="WeeklySummary.SkillProgress.Change"/>.</summary>
    static IEnumerable<IPdfComponent> ComposeSkills(WeeklySummary s)
    {
        if (!s.Skills.Any(k => k.Level is not null || k.RequiredLevel is not null)) yield break;
        yield return new Heading("Your skills");
        yield return new BarChart(
            s.Skills.Select(k => new BarChart.Bar(k.SkillName, k.Level, k.RequiredLevel, SkillNote(s, k))).ToList(),
            Enumerable.Range(1, s.MaxLevel).Select(s.LevelName).ToList(),
            new BarChart.Legend("At or above the level your role asks for", "Below it", "Level your role asks for"));

        var week = s.ThisWeek;
        var changed = week.Up.Concat(week.Down).Concat(week.FirstRated).ToList();
        if (changed.Count == 0) yield break;
        yield return new Heading("Changes this week");
        yield return new Table(
            [new("Skill", 2.4f), new("Before this week", 1.4f), new("Now", 1.4f), new("Change", 1f)],
            changed.Select(k => (IReadOnlyList<string>)[k.SkillName,
                k.PreviousLevel is { } p ? k.PreviousLevelName ?? s.LevelName(p) : "not rated yet",
                NowNamed(s, k),
                k.Change is { } c ? WeeklySummary.Signed(c) : "first rating"]).ToList());
    }

    /// <summary>
    /// Sign-offs gained, due and expired, the trainings attended with their before/after, and the peer training given: every
    /// name and title goes through tables and text blocks, which wrap and shape any script.
    /// </summary>
    static IEnumerable<IPdfComponent> ComposeProofOfSkill(WeeklySummary s)
    {
        if (s.ProofOfSkill is not { IsEmpty: false } p) yield break;
        yield return new Heading("Proof of skill");
        if (p.SignedOff.Count > 0)
        {
            yield return new TextBlock("Signed off this week", Typography.Headline, spaceAfter: 2);
            yield return new Table(
                [new("Skill", 2.4f), new("Signed off by", 1.8f), new("On", 1.2f), new("Valid until", 1.2f)],
                p.SignedOff.Select(g => (IReadOnlyList<string>)[g.SkillName, g.SignedBy, Day(g.SignedOn), g.ExpiresOn is { } e ? Day(e) : "no expiry"]).ToList());
        }
        if (p.DueForRenewal.Count > 0)
        {
            yield return new TextBlock("Due for renewal", Typography.Headline, spaceAfter: 2);
            yield return new TextBlock("These sign-offs expire soon. Ask your manager to observe you again so they can be renewed in time.", Typography.BodySmall, spaceAfter: 2);
            yield return new Table(
                [new("Skill", 2.4f), new("Expires on", 1.4f), new("Days left", 1f)],
                p.DueForRenewal.Select(d => (IReadOnlyList<string>)[d.SkillName, Day(d.ExpiresOn), d.DaysLeft.ToString(English)]).ToList());
        }
        if (p.Expired.Count > 0)
        {
            yield return new TextBlock("Expired", Typography.Headline, spaceAfter: 2);
            yield return new TextBlock("An expired sign-off counts as not signed off until it is signed off again.", Typography.BodySmall, spaceAfter: 2);
            yield return new Table(
                [new("Skill", 2.4f), new("Expired on", 1.4f)],
                p.Expired.Select(e => (IReadOnlyList<string>)[e.SkillName, Day(e.ExpiredOn) + (e.ThisWeek ? " (this week)" : "")]).ToList());
        }
        if (p.TrainingAttended.Count > 0)
        {
            yield return new TextBlock("Training you attended", Typography.Headline, spaceAfter: 2);
            foreach (var t in p.TrainingAttended)
            {
                yield return new TextBlock($"{t.Title} · {t.Format} · {Day(t.HeldOn)}", Typography.Body, spaceAfter: 2);
                yield return new Table(
                    [new("Skill", 2.2f), new("Before", 1.5f), new("After", 1.5f), new("Change", 1f)],
                    t.Skills.Select(k => (IReadOnlyList<string>)[k.SkillName,
                        k.Before is { } b ? Level(s, b, null) : "not observed before",
                        k.LatestAfter is { } a ? Level(s, a, null) : "not observed since",
                        k.Change is { } c ? WeeklySummary.Signed(c) : "—"]).ToList());
            }
        }
        if (p.PeerTrainingGiven.Count > 0)
        {
            yield return new TextBlock("Peer training you gave", Typography.Headline, spaceAfter: 2);
            yield return new TextBlock("Thank you for training your colleagues.", Typography.BodySmall, spaceAfter: 2);
            yield return new Table(
                [new("Trainee", 1.6f), new("Skill", 2.4f), new("From", 1.2f), new("To", 1.2f)],
                p.PeerTrainingGiven.Select(g => (IReadOnlyList<string>)[g.TraineeFirstName, g.SkillName, Day(g.StartsOn), g.EndsOn is { } e ? Day(e) : "ongoing"]).ToList());
        }
    }

    static string Day(DateOnly day) => day.ToString("d MMM yyyy", English);

    /// <summary>The plan, chosen skills, confidence and the agreed steps: text from people goes through the same text blocks and tables as the notes.</summary>
    static IEnumerable<IPdfComponent> ComposeDevelopment(WeeklySummary s)
    {
        if (s.Development is not { IsEmpty: false } d) yield break;
        foreach (var plan in d.Plans)
        {
            yield return new Heading("Your development plan");
            yield return new TextBlock(plan.Title, Typography.Lead, spaceAfter: 4);
            if (plan.Skills.Count == 0) continue;
            yield return new Table(
                [new("Skill", 2.4f), new("Observed", 1.6f), new("Target", 1.6f), new("By", 1.2f)],
                plan.Skills.Select(k => (IReadOnlyList<string>)[k.SkillName,
                    k.Observed is { } o ? Level(s, o, k.ObservedName) + (k.Reached ? " (reached)" : "") : "not observed yet",
                    Level(s, k.Target, null), k.TargetDate.ToString("d MMM yyyy", English)]).ToList());
        }
        if (d.ChosenSkills.Count > 0)
        {
            yield return new Heading("Skills you chose to learn");
            yield return new TextBlock(string.Join(" · ", d.ChosenSkills), Typography.Body, spaceAfter: 6);
        }
        if (d.Confidence.Count > 0)
        {
            yield return new Heading("Your confidence");
            yield return new Table(
                [new("Skill", 2f), new("You feel", 1.6f), new("Observed", 1.5f), new("To talk about", 2f)],
                d.Confidence.Select(c => (IReadOnlyList<string>)[c.SkillName, $"{c.ConfidenceLabel} ({c.Confidence} of 5)",
                    c.Observed is { } o ? Level(s, o, c.ObservedName) : "not observed yet", c.Prompt ?? "—"]).ToList());
        }
        if (d.AgreedSteps.Count > 0)
        {
            yield return new Heading("Agreed for your next conversation");
            if (d.AgreedOn is { } on) yield return new TextBlock($"Agreed with your manager on {on.ToString("d MMMM yyyy", English)}, still open:", Typography.NoteMeta, spaceAfter: 2);
            foreach (var step in d.AgreedSteps) yield return new TextBlock($"• {step}", Typography.Body, spaceAfter: 3);
        }
    }

    /// <summary>A level by its name where the rating named it, else the summary's name for it.</summary>
    public static string Level(WeeklySummary s, int level, string? name) => $"{name ?? s.LevelName(level)} ({level})";

    static IEnumerable<IPdfComponent> ComposeVisits(WeeklySummary s)
    {
        if (!s.HasObservations) yield break;
        yield return new Heading("Observed this week");
        yield return new Table(
            [new("When", 1.3f), new("Observed by", 1.4f), new("Where", 2f)],
            s.Observations.Select(o => (IReadOnlyList<string>)[o.ObservedAtLocal.ToString("ddd d MMM, HH:mm", English), o.ObserverName, o.Context ?? "—"]).ToList());
    }

    static IEnumerable<IPdfComponent> ComposeNotes(string title, IReadOnlyList<WeeklySummary.Note> notes)
    {
        if (notes.Count == 0) yield break;
        yield return new Heading(title);
        foreach (var n in notes)
        {
            yield return new TextBlock($"{n.ObserverName}, {n.ObservedAtLocal.ToString("dddd d MMMM", English)}", Typography.NoteMeta, spaceAfter: 1);
            yield return new TextBlock(n.Text, Typography.Body, spaceAfter: 8);
        }
    }

    static IEnumerable<IPdfComponent> ComposeActions(WeeklySummary s)
    {
        if (s.OpenActions.Count == 0) yield break;
        yield return new Heading("Open action items");
        yield return new Table(
            [new("Action", 4f), new("Due", 1.3f)],
            s.OpenActions.Select(a => (IReadOnlyList<string>)[a.Text,
                a.DueDate is { } d ? d.ToString("d MMM yyyy", English) + (a.IsOverdue ? " (overdue)" : "") : "—"]).ToList());
    }

    static IEnumerable<IPdfComponent> ComposeNotObserved(WeeklySummary s)
    {
        if (s.NeverObservedSkills.Count == 0) yield break;
        yield return new Heading("Skills not observed yet");
        yield return new TextBlock(string.Join(" · ", s.NeverObservedSkills) + ". Ask your manager to watch you at one of these next time.", Typography.BodySmall);
    }

    /// <summary>How the email and the PDF open: the headline, then how often the employee was observed.</summary>
    public static string Opening(WeeklySummary s) => $"{s.Headline} {Encouragement(s)}";

    static string Encouragement(WeeklySummary s) => s.Observations.Count switch
    {
        0 when s.OpenActions.Count > 0 => "Here are the next steps you are working on.",
        0 when s.ProofOfSkill?.HasNews == true => "Here is the news on your proof of skill.",
        0 => "Your next summary comes after your next observation.",
        1 => "You were observed once. Thank you for the work you put in.",
        var n => $"You were observed {n} times. Thank you for the work you put in.",
    };

    /// <summary>After each bar: the level by name, and this week's change — never an older one.</summary>
    static string SkillNote(WeeklySummary s, WeeklySummary.SkillProgress k) =>
        k.Level is null ? "not observed yet"
        : k.Change is { } c and not 0 ? $"{NowNamed(s, k)}, {WeeklySummary.Signed(c)} this week"
        : k.FirstRatedThisWeek ? $"{NowNamed(s, k)}, first rating"
        : k.ObservedThisWeek ? $"{NowNamed(s, k)}, same as before"
        : $"{NowNamed(s, k)}, seen before this week";

    /// <summary>The skill's latest level by the name its rubric version gave it when rated (the profile's rule).</summary>
    static string NowNamed(WeeklySummary s, WeeklySummary.SkillProgress k) => k.LevelName ?? s.LevelName(k.Level!.Value);
}
