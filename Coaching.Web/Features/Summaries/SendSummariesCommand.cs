using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Summaries;

/// <summary><c>summaries send --week 2026-W47 [--employee EMAIL]</c>: the job's own code, run by an operator.</summary>
public sealed class SendSummariesCommand(SummaryDeliveries deliveries, CoachingDbContext db, SummaryMailer mailer) : IOperatorCommand
{
    public string Name => "summaries send";
    public string Usage => "summaries send --week 2026-W47 [--employee EMAIL]   send (or finish, or retry) a week's development summaries";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        if (!IsoWeek.TryParse(OperatorCommandLine.Option(args, "--week"), out var week))
        {
            Console.Error.WriteLine("Give the week as --week 2026-W47.");
            return 2;
        }
        int? employeeId = null;
        var email = OperatorCommandLine.Option(args, "--employee");
        if (email is not null)
        {
            var normalised = email.Trim().ToLower();
            employeeId = await db.Employees.Where(e => e.Email != null && e.Email.ToLower() == normalised).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
            if (employeeId is null)
            {
                Console.Error.WriteLine($"No employee has the email address {email}.");
                return 2;
            }
        }
        Console.WriteLine($"Sending development summaries for {week}{(employeeId is null ? "" : $" to {email}")} " +
                          (mailer.UsesOutbox ? $"into the outbox {mailer.OutboxPath}" : "by SMTP") + "...");
        var counts = await deliveries.RunAsync(new DeliveryScope(week, employeeId, Manual: true),
            c => Console.WriteLine($"  {c.Finished}/{c.Total}: {c.Sent} sent, {c.Failed} failed, {c.Skipped} skipped, {c.Pending} pending"), ct);
        Console.WriteLine($"{week}: {counts.Sent} sent, {counts.Failed} failed, {counts.Skipped} skipped, {counts.Pending} pending of {counts.Total}.");
        if (counts.Failed > 0)
        {
            var failures = await db.SummaryDeliveries.AsNoTracking()
                .Where(d => d.Week == week.ToString() && d.Status == Domain.Summaries.DeliveryStatus.Failed && (employeeId == null || d.EmployeeId == employeeId))
                .Join(db.Employees, d => d.EmployeeId, e => e.Id, (d, e) => new { e.Email, d.LastError }).Take(20).ToListAsync(ct);
            foreach (var f in failures) Console.Error.WriteLine($"  failed: {f.Email}: {f.LastError}");
        }
        return counts.Failed > 0 || counts.Pending > 0 ? 1 : 0;
    }
}
