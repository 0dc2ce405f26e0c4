using System.CommandLine;
using System.Diagnostics;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Summaries;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>bench summaries --employees 2000 [--maildir DIR]</c>: seeds an empty database with employees and a week of
/// observations, sends the week's batch, and prints total time, PDFs per second, peak working set and the median PDF
/// size. Run through <c>scripts/summaries-benchmark.sh</c>, which gives it a fresh SQLite file and a loopback SMTP server.
/// </summary>
public sealed class SummariesBenchmark(CoachingDbContext db, SummaryDeliveries deliveries, TimeProvider clock, IOptions<OrganisationOptions> org) : Operation
{
    public static Command Command(IServiceProvider services)
    {
        var employees = OperatorCommandLine.Number("--employees", "How many employees to seed", 2000, 1, 1_000_000);
        var maildir = new Option<string?>("--maildir") { Description = "Where the SMTP server stores the messages, to report the median PDF size" };
        return OperatorCommandLine.Verb<SummariesBenchmark>(services, "summaries", "Seed an EMPTY database and time a weekly batch of summaries (see scripts/summaries-benchmark.sh).",
            developmentOnly: true, [employees, maildir], (b, p, ct) => b.RunAsync(p.GetValue(employees), p.GetValue(maildir), ct));
    }

    public async Task<int> RunAsync(int count, string? maildir, CancellationToken ct)
    {
        if (await db.Employees.AnyAsync(ct))
            return Refuse("The benchmark seeds its own organisation: point it at an empty database (scripts/summaries-benchmark.sh does).");
        var week = IsoWeek.Of(OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone)).Previous;
        var seeding = Stopwatch.StartNew();
        await SeedAsync(count, week, ct);
        Out.WriteLine($"Seeded {count:N0} employees with observations in {week} in {seeding.Elapsed.TotalSeconds:N1} s.");

        // The seeding's garbage (a change tracker of thousands of rows) is the benchmark's, not the batch's: the heap is
        // compacted and handed back first, so the peak below is what a node sending the batch needs.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        long startingSet;
        using (var self = Process.GetCurrentProcess()) startingSet = self.WorkingSet64;
        var peak = 0L;
        var peakManaged = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                using var p = Process.GetCurrentProcess();
                peak = Math.Max(peak, p.WorkingSet64);
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
                try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        // Where the time goes: the batch's own spans, summed by phase (rendering is wall time of a chunk's parallel work).
        var phases = new System.Collections.Concurrent.ConcurrentDictionary<string, (TimeSpan Time, int Count)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SummaryTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => phases.AddOrUpdate(a.OperationName, (a.Duration, 1), (_, p) => (p.Time + a.Duration, p.Count + 1)),
        };
        ActivitySource.AddActivityListener(listener);
        var timer = Stopwatch.StartNew();
        var counts = await deliveries.RunAsync(new DeliveryScope(week), c => { if (c.Finished % 200 < 20) Out.WriteLine($"  {c.Finished}/{c.Total}"); }, ct);
        timer.Stop();
        sampling.Cancel();
        await sampler;

        Out.WriteLine($"Sent {counts.Sent:N0}, failed {counts.Failed:N0}, skipped {counts.Skipped:N0} of {counts.Total:N0}.");
        Out.WriteLine($"Total time:          {timer.Elapsed.TotalSeconds:N1} s");
        Out.WriteLine($"PDFs per second:     {counts.Sent / timer.Elapsed.TotalSeconds:N1}");
        Out.WriteLine($"Peak working set:    {peak / 1024.0 / 1024.0:N0} MB ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {Environment.ProcessorCount} cores)");
        Out.WriteLine($"Working set at start: {startingSet / 1024.0 / 1024.0:N0} MB (after seeding); managed heap at most {peakManaged / 1024.0 / 1024.0:N0} MB");
        Out.WriteLine("Where the time went (seconds, times entered):");
        var inLine = TimeSpan.Zero;
        foreach (var phase in new[] { SummaryTracing.Claim, SummaryTracing.Compose, SummaryTracing.Send, SummaryTracing.Record, SummaryTracing.Render })
            if (phases.TryGetValue(phase, out var p))
            {
                Out.WriteLine($"  {phase,-20} {p.Time.TotalSeconds,6:N1} s  ({p.Count:N0}){(phase == SummaryTracing.Render ? ", while the previous chunk is sent" : "")}");
                if (phase != SummaryTracing.Render) inLine += p.Time;
            }
        Out.WriteLine($"  {"the rest",-20} {(timer.Elapsed - inLine).TotalSeconds,6:N1} s  (waiting for a chunk to render, progress counts)");
        if (maildir is not null && Directory.Exists(maildir))
        {
            var sizes = Directory.EnumerateFiles(maildir, "*.eml", SearchOption.AllDirectories)
                .Select(f => MimeMessage.Load(f).Attachments.OfType<MimePart>().Select(a => { using var m = new MemoryStream(); a.Content!.DecodeTo(m); return m.Length; }).FirstOrDefault())
                .Where(s => s > 0).Order().ToList();
            if (sizes.Count > 0)
                Out.WriteLine($"Median PDF size:     {sizes[sizes.Count / 2] / 1024.0:N1} KB (smallest {sizes[0] / 1024.0:N1} KB, largest {sizes[^1] / 1024.0:N1} KB, {sizes.Count:N0} messages)");
        }
        return counts.Failed > 0 ? 1 : 0;
    }

    async Task SeedAsync(int count, IsoWeek week, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(47);
        var version = new RubricVersion
        {
            Number = 1, Status = RubricVersionStatus.Published, CreatedAtUtc = now, PublishedAtUtc = now,
            Levels = RubricRules.DefaultLevelNames.Select((name, i) => new RubricLevel { Value = i + 1, Name = name }).ToList(),
            Skills = new[] { "Greeting customers", "Till accuracy", "Product knowledge", "Handling complaints", "Food safety", "Teamwork", "Click and collect", "Stock rotation" }
                .Select((name, i) => new Skill { Key = Guid.NewGuid(), Name = name, Order = i }).ToList(),
        };
        var rubric = new Rubric { Name = "Benchmark associate", Versions = [version] };
        db.Rubrics.Add(rubric);
        await db.SaveChangesAsync(ct);
        rubric.CurrentVersionId = version.Id;
        var role = new JobRole
        {
            Name = "Benchmark associate", DefaultRubricId = rubric.Id,
            Requirements = version.Skills.Select(s => new RoleRequirement { SkillKey = s.Key, RequiredLevel = 3 }).ToList(),
        };
        db.JobRoles.Add(role);
        var manager = new AppUser { UserName = "bench.manager@bench.local", NormalizedUserName = "BENCH.MANAGER@BENCH.LOCAL", Email = "bench.manager@bench.local", DisplayName = "Maya Okafor", SecurityStamp = Guid.NewGuid().ToString("N") };
        db.Users.Add(manager);
        var teams = Enumerable.Range(1, Math.Max(1, count / 20)).Select(i => new Domain.Organisation.Team { Name = $"Team {i}", Site = $"Store {i}" }).ToList();
        db.Teams.AddRange(teams);
        await db.SaveChangesAsync(ct);

        string[] first = ["Zoë", "José", "Ana", "Łukasz", "Grace", "Kwame", "Chloé", "Oskar", "Priya", "Yusuf"];
        string[] last = ["Łukasiewicz", "Núñez", "Ruiz", "Mensah", "Lindqvist", "Haddad", "Dubois", "Nair", "Demir", "Kowalska"];
        var (start, _) = week.UtcRange(org.Value.Zone);
        for (var batch = 0; batch < count; batch += 500)
        {
            for (var i = batch; i < Math.Min(count, batch + 500); i++)
            {
                var employee = new Employee
                {
                    FirstName = first[i % first.Length], LastName = last[i / first.Length % last.Length], Email = $"employee{i}@bench.local",
                    JobRoleId = role.Id, TeamId = teams[i % teams.Count].Id, HireDate = DateOnly.FromDateTime(now).AddDays(-random.Next(30, 3000)),
                };
                db.Employees.Add(employee);
                for (var k = 0; k < 1 + random.Next(2); k++)
                {
                    var at = start.AddDays(random.Next(0, 5)).AddHours(8 + random.Next(0, 9));
                    var o = new Observation
                    {
                        Employee = employee, ObserverUserId = manager.Id, RubricVersionId = version.Id, ObservedAtUtc = at,
                        Context = "Morning peak at the tills", WentWell = "Stayed calm and friendly with a long queue; explained the offer clearly and checked the customer understood.",
                        NextSteps = "Practise the refund procedure twice with a peer trainer before Friday.", Status = ObservationStatus.Submitted,
                        CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at, Revision = 1,
                        Ratings = version.Skills.OrderBy(_ => random.Next()).Take(4).Select(s => new Rating { SkillId = s.Id, SkillKey = s.Key, Level = random.Next(1, 5) }).ToList(),
                        ActionItems = [new ActionItem { Text = "Practise the refund procedure with a peer trainer", DueDate = week.Sunday.AddDays(random.Next(-7, 14)) }],
                    };
                    db.Observations.Add(o);
                }
            }
            await db.SaveChangesAsync(ct);
            foreach (var o in db.ChangeTracker.Entries<Observation>().Select(e => e.Entity))
            {
                o.EmployeeId = o.Employee!.Id;
                foreach (var a in o.ActionItems) a.EmployeeId = o.EmployeeId;
                o.SyncRatings();
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
