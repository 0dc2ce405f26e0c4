using System.Globalization;
using System.Net;
using System.Text;
using Coaching.Domain.Summaries;
using MimeKit;

namespace Coaching.Web.Features.Summaries;

/// <summary>
/// The summary email: a single-column HTML body that reads on a 390 px phone (viewport, lang, title, inline styles
/// because mail clients drop style sheets), a plain-text alternative, the PDF attached. Every piece of user text is
/// HTML-encoded.
/// </summary>
public static class SummaryEmail
{
    const string Text = "#1f2328", Muted = "#57606a", Accent = "#0b5e8a";

    public static string Subject(WeeklySummary s, bool preview) =>
        preview ? $"Preview: your development summary so far, week {s.Week}" : $"Your development summary, week {s.Week}";

    public static MimeMessage Build(WeeklySummary s, byte[] pdf, MailboxAddress from, MailboxAddress to, string portalLink, string organisation, bool preview = false)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        message.Subject = Subject(s, preview);
        // RFC 3834: mail written by a program, so auto-responders (out of office) do not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");

        var body = new BodyBuilder { TextBody = PlainText(s, portalLink, organisation, preview), HtmlBody = Html(s, portalLink, organisation, preview) };
        body.Attachments.Add(SummaryPdf.FileName(s), pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    static List<string> Steps(WeeklySummary s) => s.NextSteps.Select(n => n.Text).Concat(s.OpenActions.Select(a => a.Text)).Distinct().Take(3).ToList();

    static string When(DateTime local) => local.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    static string Visit(WeeklySummary.ObservedVisit v) =>
        $"{v.ObserverName} observed you on {When(v.ObservedAtLocal)}{(string.IsNullOrWhiteSpace(v.Context) ? "" : $" ({v.Context})")}";

    static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The proof-of-skill part in sentences, as both bodies list it (the PDF has the tables).</summary>
    static List<string> ProofOfSkill(WeeklySummary s)
    {
        if (s.ProofOfSkill is not { IsEmpty: false } p) return [];
        var lines = new List<string>();
        lines.AddRange(p.SignedOff.Select(g => $"Signed off: {g.SkillName}, by {g.SignedBy} on {Day(g.SignedOn)}"));
        lines.AddRange(p.DueForRenewal.Select(d => $"Due for renewal: {d.SkillName}, expires on {Day(d.ExpiresOn)}"));
        lines.AddRange(p.Expired.Select(e => $"Expired: {e.SkillName}, on {Day(e.ExpiredOn)} (counts as not signed off until signed off again)"));
        lines.AddRange(p.TrainingAttended.Select(t => $"Training attended: {t.Title}, {Day(t.HeldOn)}" + (t.Skills.Count == 0 ? "" : ": " + string.Join("; ",
            t.Skills.Select(k => $"{k.SkillName} {(k.Before is { } b ? SummaryPdf.Level(s, b, null) : "not observed before")} → {(k.LatestAfter is { } a ? SummaryPdf.Level(s, a, null) : "not observed since")}")))));
        lines.AddRange(p.PeerTrainingGiven.Select(g => $"You trained {g.TraineeFirstName} on {g.SkillName}"));
        return lines;
    }

    /// <summary>The development part in a few sentences: the plans, the chosen skills and the agreed steps still open.</summary>
    static List<string> Development(WeeklySummary s)
    {
        if (s.Development is not { IsEmpty: false } d) return [];
        var lines = d.Plans.Select(p => p.Title + (p.Skills.Count == 0 ? "" : ": " + string.Join(", ", p.Skills.Select(k => k.SkillName + (k.Reached ? " (reached)" : ""))))).ToList();
        if (d.ChosenSkills.Count > 0) lines.Add("Skills you chose to learn: " + string.Join(", ", d.ChosenSkills));
        lines.AddRange(d.AgreedSteps.Select(x => "Agreed with your manager: " + x));
        return lines;
    }

    const string PreviewNote = "This is a preview: the week has not ended yet. You will receive the complete summary after the week ends.";

    static string PlainText(WeeklySummary s, string link, string organisation, bool preview)
    {
        var t = new StringBuilder();
        t.Append($"Hello {s.EmployeeName},\n\n");
        if (preview) t.Append(PreviewNote).Append("\n\n");
        t.Append(SummaryPdf.Opening(s)).Append("\n\n");
        foreach (var v in s.Observations) t.Append(Visit(v)).Append(".\n");
        if (s.Observations.Count > 0) t.Append('\n');
        if (s.WentWell.Count > 0)
        {
            t.Append("What went well:\n");
            foreach (var n in s.WentWell) t.Append($"- {n.Text} ({n.ObserverName})\n");
            t.Append('\n');
        }
        var steps = Steps(s);
        if (steps.Count > 0) t.Append("Your next steps:\n").Append(string.Join("\n", steps.Select(x => "- " + x))).Append("\n\n");
        foreach (var (title, lines) in new[] { ("Proof of skill", ProofOfSkill(s)), ("Your development", Development(s)) })
            if (lines.Count > 0) t.Append($"{title}:\n").Append(string.Join("\n", lines.Select(x => "- " + x))).Append("\n\n");
        t.Append($"Your summary for {s.WeekDates} is attached as a PDF. You can also read it, and your past summaries, in the portal:\n{link}\n\n{organisation}\n");
        return t.ToString();
    }

    static string E(string v) => WebUtility.HtmlEncode(v);

    static string Html(WeeklySummary s, string link, string organisation, bool preview)
    {
        const string h2 = $"margin:24px 0 8px 0;font-size:18px;line-height:1.3;color:{Text};";
        const string p = "margin:0 0 12px 0;";
        const string ul = "margin:0 0 12px 0;padding-left:20px;";
        const string li = "margin:0 0 6px 0;";
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en" dir="ltr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light">
            <meta name="supported-color-schemes" content="light">
            <title>{E(Subject(s, preview))}</title>
            </head>
            <body style="margin:0;padding:0;background:#ffffff;color:{Text};">
            <div role="article" aria-roledescription="email" aria-label="{E(Subject(s, preview))}" lang="en" style="box-sizing:border-box;width:100%;max-width:600px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:{Text};overflow-wrap:break-word;word-wrap:break-word;word-break:break-word;">
            <h1 style="margin:0 0 16px 0;font-size:22px;line-height:1.3;color:{Text};">Your development summary, {E(s.WeekDates)}</h1>
            <p style="{p}">Hello {E(s.EmployeeName)},</p>
            """);
        if (preview)
            html.Append($"""<p style="{p}padding:12px;border-left:4px solid #9a6700;background:#fff8c5;color:{Text};">{E(PreviewNote)}</p>""");
        html.Append($"""<p style="{p}">{E(SummaryPdf.Opening(s))}</p>""");
        if (s.Observations.Count > 0)
        {
            html.Append($"""<h2 style="{h2}">Who observed you</h2><ul style="{ul}">""");
            foreach (var v in s.Observations) html.Append($"""<li style="{li}">{E(Visit(v))}</li>""");
            html.Append("</ul>");
        }
        if (s.WentWell.Count > 0)
        {
            html.Append($"""<h2 style="{h2}">What went well</h2><ul style="{ul}">""");
            foreach (var n in s.WentWell) html.Append($"""<li style="{li}">{E(n.Text)} <span style="color:{Muted};">({E(n.ObserverName)})</span></li>""");
            html.Append("</ul>");
        }
        var steps = Steps(s);
        if (steps.Count > 0)
        {
            html.Append($"""<h2 style="{h2}">Your next steps</h2><ul style="{ul}">""");
            foreach (var x in steps) html.Append($"""<li style="{li}">{E(x)}</li>""");
            html.Append("</ul>");
        }
        foreach (var (title, lines) in new[] { ("Proof of skill", ProofOfSkill(s)), ("Your development", Development(s)) })
        {
            if (lines.Count == 0) continue;
            html.Append($"""<h2 style="{h2}">{E(title)}</h2><ul style="{ul}">""");
            foreach (var x in lines) html.Append($"""<li style="{li}">{E(x)}</li>""");
            html.Append("</ul>");
        }
        html.Append($"""
            <p style="margin:20px 0 16px 0;">Your summary for {E(s.WeekDates)} is attached as a PDF. You can also read it, and your past summaries, in the portal.</p>
            <p style="margin:0 0 24px 0;"><a href="{E(link)}" style="display:inline-block;box-sizing:border-box;max-width:100%;min-height:44px;background:{Accent};color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:4px;">Open your summary</a></p>
            <p style="margin:0;font-size:14px;color:{Muted};">{E(organisation)} · This message was sent automatically; replies are not read.</p>
            </div>
            </body>
            </html>
            """);
        return html.ToString();
    }
}
