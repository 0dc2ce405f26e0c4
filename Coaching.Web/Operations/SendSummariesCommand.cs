using System.CommandLine;
using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Summaries;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>summaries send --week 2026-W47 [--employee EMAIL] [--failed-only]</c>: the job's own code, run by an operator.
/// Tries each delivery once, reports, and exits 1 when anything failed (the scheduled retry takes the temporary
/// failures from there), 2 for bad options or a week that cannot be sent.
/// </summary>
public sealed class SendSummariesCommand(SummaryDeliveries deliveries, SummaryWeeks weeks, CoachingDbContext db, SummaryMailer mailer) : Operation
{
    public static Command Command(IServiceProvider services)
    {
        var week = new Option<IsoWeek>("--week") { Description = "The ISO week, e.g. 2026-W47", Required = true };
        week.CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (IsoWeek.TryParse(text, out var w)) return w;
            using var scope = services.CreateScope();
            r.AddError($"\"{text}\" is not a week: give it as --week {scope.ServiceProvider.GetRequiredService<SummaryWeeks>().LastEnded}.");
            return default;
        };
        var employee = new Option<string?>("--employee") { Description = "Only this employee's summary (their email address)" };
        var failedOnly = new Option<bool>("--failed-only") { Description = "Only the week's failed deliveries, once each (--failed-only or --failed-only true)" };
        return OperatorCommandLine.Verb<SendSummariesCommand>(services, "send", "Send (or finish, or retry) a week's development summaries.",
            developmentOnly: false, [week, employee, failedOnly], (c, p, ct) => c.RunAsync(p.GetRequiredValue(week), p.GetValue(employee), p.GetValue(failedOnly), ct));
    }

    public async Task<int> RunAsync(IsoWeek week, string? email, bool failedOnly, CancellationToken ct)
    {
        var check = await weeks.CheckAsync(week, ct);
        if (check.Problem is not null) return Refuse(check.Problem);
        if (check.IsPreview)
            return Refuse($"Week {week} has not ended yet: its summaries are sent after it ends (the scheduled send, or this command from {week.Next.Monday:d MMMM}). " +
                          "To send a preview of the week so far, use \"Send a preview\" on the Summaries screen.");

        int? employeeId = null;
        if (email is not null)
        {
            var normalised = email.Trim().ToLower();
            employeeId = await db.Employees.Where(e => e.Email != null && e.Email.ToLower() == normalised).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
            if (employeeId is null) return Refuse($"No employee has the email address {email}.");
        }
        Out.WriteLine($"{(failedOnly ? "Retrying failed development summaries" : "Sending development summaries")} for {week}{(employeeId is null ? "" : $" to {email}")} " +
                      (mailer.UsesOutbox ? $"into the outbox {mailer.OutboxPath}" : "by SMTP") + "...");
        var counts = await deliveries.RunAsync(new DeliveryScope(week, employeeId, Manual: true, OnlyFailed: failedOnly),
            c => Out.WriteLine($"  {c.Finished}/{c.Total}: {c.Sent} sent, {c.Failed} failed, {c.Skipped} skipped, {c.Pending} pending"), ct);
        Out.WriteLine($"{week}: {counts.Sent} sent, {counts.Failed} failed, {counts.Skipped} skipped, {counts.Pending} pending of {counts.Total}.");
        if (counts.Failed > 0)
        {
            var failures = await db.SummaryDeliveries.AsNoTracking()
                .Where(d => d.Week == week.ToString() && d.Status == DeliveryStatus.Failed && (employeeId == null || d.EmployeeId == employeeId))
                .Join(db.Employees, d => d.EmployeeId, e => e.Id, (d, e) => new { e.Email, d.LastError, d.NextAttemptAtUtc }).Take(20).ToListAsync(ct);
            foreach (var x in failures)
                Error.WriteLine($"  failed: {x.Email}: {x.LastError} ({(x.NextAttemptAtUtc is { } at ? $"retried automatically from {at:yyyy-MM-dd HH:mm} UTC" : "not retried automatically")})");
        }
        return counts.Failed > 0 || counts.Pending > 0 ? 1 : 0;
    }
}
