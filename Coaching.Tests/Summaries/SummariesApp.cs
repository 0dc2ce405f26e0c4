using Coaching.Domain.Observations;
using Coaching.Domain.Time;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Features.Summaries;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Summaries;

/// <summary>The real app on its own SQLite file, mailing through its own real SMTP server on loopback. One per test class.</summary>
public class SummariesApp : CoachingFactory
{
    public SmtpServer Smtp { get; } = new();
    /// <summary>Whether Quartz runs in this host (off unless a test is about the schedule).</summary>
    protected virtual bool Scheduled => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString());
        builder.UseSetting("Smtp:Timeout", "00:00:10");
        builder.UseSetting("Summaries:Schedule:Enabled", Scheduled ? "true" : "false");
        // Every reachable employee gets a summary, whatever the random demo data put in the test's week.
        builder.UseSetting("Summaries:QuietWeeks", "AlwaysSend");
    }

    public async Task<DeliveryCounts> RunAsync(DeliveryScope scope, CancellationToken ct = default)
    {
        using var scope2 = Services.CreateScope();
        return await scope2.ServiceProvider.GetRequiredService<SummaryDeliveries>().RunAsync(scope, null, ct);
    }

    public Task<int> EmployeeIdAsync(string email) => WithDbAsync(db => db.Employees.Where(e => e.Email == email).Select(e => e.Id).SingleAsync());

    /// <summary>A week of its own for each test, in the past, so tests sharing the database never see each other's deliveries.</summary>
    public static IsoWeek WeeksAgo(int n)
    {
        var week = IsoWeek.Of(DateOnly.FromDateTime(DateTime.UtcNow));
        for (var i = 0; i < n; i++) week = week.Previous;
        return week;
    }

    /// <summary>Adds a submitted observation in the middle of <paramref name="week"/> rating the first two skills of the employee's rubric.</summary>
    public Task<List<string>> ObserveAsync(int employeeId, IsoWeek week, string? nextSteps = "Use the checklist on every transaction.") => WithDbAsync(async db =>
    {
        var employee = await db.Employees.Include(e => e.JobRole).SingleAsync(e => e.Id == employeeId);
        var rubric = await db.Rubrics.SingleAsync(r => r.Id == employee.JobRole!.DefaultRubricId);
        var skills = await db.Skills.Where(s => s.RubricVersionId == rubric.CurrentVersionId).OrderBy(s => s.Order).Take(2).ToListAsync();
        var manager = await db.TeamManagers.Where(m => m.TeamId == employee.TeamId).Select(m => m.UserId).FirstAsync();
        var at = DateTime.SpecifyKind(week.Monday.AddDays(2).ToDateTime(new TimeOnly(11, 0)), DateTimeKind.Utc);
        var o = new Observation
        {
            EmployeeId = employeeId, ObserverUserId = manager, RubricVersionId = rubric.CurrentVersionId!.Value, ObservedAtUtc = at,
            Context = "Morning peak", WentWell = "Stayed calm with a long queue.", NextSteps = nextSteps, Status = ObservationStatus.Submitted,
            CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at, Revision = 1,
            Ratings = skills.Select(s => new Rating { SkillId = s.Id, SkillKey = s.Key, Level = 3 }).ToList(),
        };
        o.SyncRatings();
        db.Observations.Add(o);
        await db.SaveChangesAsync();
        return skills.Select(s => s.Name).ToList();
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}
