using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Summaries;

/// <summary>
/// <c>summaries send --week 2026-W47 [--employee EMAIL] [--failed-only true]</c>: the job's own code, run by an operator.
/// Tries each delivery once, reports, and exits 1 when anything failed (the scheduled retry takes the temporary
/// failures from there), 2 for bad options or a week that cannot be sent.
/// </summary>
public sealed class SendSummariesCommand(SummaryDeliveries deliveries, SummaryWeeks weeks, CoachingDbContext db, SummaryMailer mailer) : IOperatorCommand
{
    public string Name => "summaries send";
    public string Usage => "summaries send --week 2026-W47 [--employee EMAIL] [--failed-only true]   send (or finish, or retry) a week's development summaries";

    /// <summary>Where the report goes (the console; a test reads it).</summary>
    public TextWriter Out { get; set; } = Console.Out;
    public TextWriter Error { get; set; } = Console.Error;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var (options, problem) = CommandOptions.Parse(args, "--week", "--employee", "--failed-only");
        if (problem is null && !IsoWeek.TryParse(options["--week"], out _))
            problem = options["--week"] is { } w ? $"\"{w}\" is not a week: give it as --week {weeks.LastEnded}." : $"Give the week as --week {weeks.LastEnded}.";
        var failedOnly = false;
        if (problem is null && options["--failed-only"] is { } f && !bool.TryParse(f, out failedOnly))
            problem = $"The option --failed-only takes true or false, not \"{f}\".";
        if (problem is not null) return Refuse(problem);

        var week = IsoWeek.Parse(options["--week"]!);
        var check = await weeks.CheckAsync(week, ct);
        if (check.Problem is not null) return Refuse(check.Problem);
        if (check.IsPreview)
            return Refuse($"Week {week} has not ended yet: its summaries are sent after it ends (the scheduled send, or this command from {week.Next.Monday:d MMMM}). " +
                          "To send a preview of the week so far, use \"Send a preview\" on the Summaries screen.");

        int? employeeId = null;
        var email = options["--employee"];
        if (email is not null)
        {
            var normalised = email.Trim().ToLower();
            employeeId = await db.Employees.Where(e => e.Email != null && e.Email.ToLower() == normalised).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
            if (employeeId is null) return Refuse($"No employee has the email address {email}.", usage: false);
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

    int Refuse(string message, bool usage = true)
    {
        Error.WriteLine(message);
        if (usage) Error.WriteLine("Usage: " + Usage);
        return 2;
    }
}
