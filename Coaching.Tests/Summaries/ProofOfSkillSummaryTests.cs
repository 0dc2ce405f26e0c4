using Coaching.Domain.Observations;
using Coaching.Domain.SignOffs;
using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Domain.Training;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Coaching.Tests.Summaries;

/// <summary>
/// The proof-of-skill part of a real weekly summary, on a known arrangement of sign-offs, a training and a peer
/// training inserted for one person: read back from My summary, the PDF (pdftotext) and the email the SMTP server received.
/// </summary>
public class ProofOfSkillSummaryTests(SummariesApp app) : IClassFixture<SummariesApp>
{
    sealed record Arranged(int EmployeeId, IsoWeek Week, string Gained, string Due, string Expired, string Signer, DateOnly DueOn, DateOnly ExpiredOn,
        string TrainingTitle, string Trainee, string Level2, string Level3);

    static DateTime Utc(DateOnly day, int hour) => DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(hour, 0)), DateTimeKind.Utc);

    /// <summary>
    /// Ana (her own observations cleared): the first skill signed off on the week's Wednesday, the second signed a year ago and
    /// expiring 12 days after the week, the third expired 20 days before its end; a workshop on the first skill two weeks
    /// before, level 2 the day before it and 3 on the week's Wednesday; and Ana training José on the first skill from Tuesday.
    /// </summary>
    async Task<Arranged> ArrangeAsync(int weeksAgo) => await app.WithDbAsync(async db =>
    {
        var week = SummariesApp.WeeksAgo(weeksAgo);
        var ana = await db.Employees.Include(e => e.JobRole).SingleAsync(e => e.Email == "ana.ruiz@demo.local");
        var jose = await db.Employees.SingleAsync(e => e.Email == "jose.nunez@demo.local");
        db.Observations.RemoveRange(db.Observations.Where(o => o.EmployeeId == ana.Id));
        db.SignOffs.RemoveRange(db.SignOffs.Where(s => s.EmployeeId == ana.Id));
        db.TrainingAssignments.RemoveRange(db.TrainingAssignments.Where(a => a.TrainerId == ana.Id));
        db.TrainingEvents.RemoveRange(db.TrainingEvents.Where(e => e.AttendeeIds.Contains(ana.Id)));
        await db.SaveChangesAsync();
        var rubric = await db.Rubrics.SingleAsync(r => r.Id == ana.JobRole!.DefaultRubricId);
        var skills = await db.Skills.Where(s => s.RubricVersionId == rubric.CurrentVersionId).OrderBy(s => s.Order).Take(3).ToListAsync();
        var manager = await db.TeamManagers.Where(m => m.TeamId == ana.TeamId).Select(m => m.UserId).FirstAsync();
        var signer = await db.Users.Where(u => u.Id == manager).Select(u => u.DisplayName).SingleAsync();
        var sunday = week.Sunday;

        db.SignOffs.AddRange(
            new SignOff { EmployeeId = ana.Id, SkillKey = skills[0].Key, SignedByUserId = manager, SignedAtUtc = Utc(week.Monday.AddDays(2), 12), ExpiresOn = sunday.AddYears(1) },
            new SignOff { EmployeeId = ana.Id, SkillKey = skills[1].Key, SignedByUserId = manager, SignedAtUtc = Utc(sunday.AddYears(-1), 12), ExpiresOn = sunday.AddDays(12) },
            new SignOff { EmployeeId = ana.Id, SkillKey = skills[2].Key, SignedByUserId = manager, SignedAtUtc = Utc(sunday.AddYears(-1), 11), ExpiresOn = sunday.AddDays(-20) });
        var heldOn = week.Monday.AddDays(-14);
        db.TrainingEvents.Add(new TrainingEvent { Title = "Till «refresher» & checks", HeldOn = heldOn, Format = TrainingFormat.Workshop,
            SkillKeys = [skills[0].Key], AttendeeIds = [ana.Id], RecordedByUserId = manager, RecordedAtUtc = Utc(heldOn, 18) });
        db.TrainingAssignments.Add(new TrainingAssignment { TrainerId = ana.Id, TraineeId = jose.Id, SkillKey = skills[0].Key,
            StartsOn = week.Monday.AddDays(1), AssignedByUserId = manager, AssignedAtUtc = Utc(week.Monday.AddDays(1), 8) });
        foreach (var (at, level) in new[] { (Utc(heldOn.AddDays(-1), 10), 2), (Utc(week.Monday.AddDays(2), 10), 3) })
        {
            var o = new Observation
            {
                EmployeeId = ana.Id, ObserverUserId = manager, RubricVersionId = rubric.CurrentVersionId!.Value, ObservedAtUtc = at,
                Status = ObservationStatus.Submitted, CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at, Revision = 1,
                Ratings = [new Rating { SkillId = skills[0].Id, SkillKey = skills[0].Key, Level = level }],
            };
            o.SyncRatings();
            db.Observations.Add(o);
        }
        await db.SaveChangesAsync();
        var levels = (await db.RubricVersions.Include(v => v.Levels).SingleAsync(v => v.Id == rubric.CurrentVersionId)).Levels;
        string LevelName(int v) => $"{levels.Single(l => l.Value == v).Name} ({v})";
        return new Arranged(ana.Id, week, skills[0].Name, skills[1].Name, skills[2].Name, signer, sunday.AddDays(12), sunday.AddDays(-20),
            "Till «refresher» & checks", jose.FirstName, LevelName(2), LevelName(3));
    });

    static string Day(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
    static string Flat(string text) => string.Join(" ", text.Split([' ', '\n', '\f', '\u202A', '\u202B', '\u202C'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task My_summary_and_its_PDF_tell_the_sign_offs_gained_due_and_expired_the_training_with_its_before_and_after_and_the_peer_training_given()
    {
        var a = await ArrangeAsync(31);
        var ana = await Browser.SignedInAsync(app, "ana.ruiz@demo.local");

        var page = await ana.GetDocumentAsync($"/MySummary?week={a.Week}");
        var proof = page.QuerySelector("[data-testid=proof-of-skill]")!;
        var signedOff = proof.QuerySelectorAll(".my-signed-off li").Select(li => li.TextContent).ToList();
        Assert.Equal([$"{a.Gained}: signed off by {a.Signer} on {Day(a.Week.Monday.AddDays(2))}, valid until {Day(a.Week.Sunday.AddYears(1))}"], signedOff);
        Assert.Equal([$"{a.Due}: expires on {Day(a.DueOn)} (12 days left). Ask your manager to observe you again."],
            proof.QuerySelectorAll(".my-due li").Select(li => li.TextContent));
        Assert.Equal([$"{a.Expired}: expired on {Day(a.ExpiredOn)}; it counts as not signed off until it is signed off again."],
            proof.QuerySelectorAll(".my-expired li").Select(li => li.TextContent));
        Assert.Contains(a.TrainingTitle, proof.TextContent);
        Assert.Equal([$"{a.Gained}: {a.Level2} → {a.Level3} (+1)"], proof.QuerySelectorAll(".my-training li").Select(li => li.TextContent));
        var peer = Assert.Single(proof.QuerySelectorAll(".my-peer-training li")).TextContent;
        Assert.StartsWith($"You trained {a.Trainee} on {a.Gained} (from {Day(a.Week.Monday.AddDays(1))}, ongoing)", peer);

        var pdf = await (await ana.GetAsync($"/MySummary?handler=Pdf&week={a.Week}")).Content.ReadAsByteArrayAsync();
        var text = Flat(SummaryPdfTests.PdfToText(pdf));
        Assert.Contains("Proof of skill", text);
        Assert.Contains("Signed off this week", text);
        Assert.Contains(a.Signer, text);
        Assert.Contains("Due for renewal", text);
        Assert.Contains(a.DueOn.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), text);
        Assert.Contains("Expired", text);
        Assert.Contains(a.ExpiredOn.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), text);
        Assert.Contains("Till «refresher» & checks · Workshop", text);
        Assert.Contains(a.Level2, text);
        Assert.Contains("Peer training you gave", text);
        Assert.Contains(a.Trainee, text);
        Assert.Contains("ongoing", text);
    }

    [Fact]
    public async Task The_email_lists_the_proof_of_skill_and_encodes_the_training_title()
    {
        var a = await ArrangeAsync(33);

        var counts = await app.RunAsync(new(a.Week, a.EmployeeId, Manual: true));

        Assert.Equal(1, counts.Sent);
        var message = Assert.Single(app.Smtp.Messages(), m => (m.Subject ?? "").Contains(a.Week.ToString()) && m.To.Mailboxes.Single().Address == "ana.ruiz@demo.local");
        Assert.Contains("Proof of skill:", message.TextBody);
        Assert.Contains($"- Signed off: {a.Gained}, by {a.Signer} on {Day(a.Week.Monday.AddDays(2))}", message.TextBody);
        Assert.Contains($"- Due for renewal: {a.Due}, expires on {Day(a.DueOn)}", message.TextBody);
        Assert.Contains($"- Expired: {a.Expired}, on {Day(a.ExpiredOn)}", message.TextBody);
        Assert.Contains($"- You trained {a.Trainee} on {a.Gained}", message.TextBody);
        Assert.Contains("refresher&#187; &amp; checks", message.HtmlBody);
        Assert.DoesNotContain("refresher» & checks", message.HtmlBody);
        Assert.Contains($"{a.Level2} → {a.Level3}", message.TextBody);
    }
}
