using System.CommandLine;
using System.Diagnostics;
using Coaching.Web.Access;
using Coaching.Web.Data;
using Coaching.Web.Features.Insights;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>bench insights-queries [--runs 7]</c>: times the coverage dashboard's data work for 365 days and the whole organisation,
/// a heat-map drill-down, gaps and calibration (median of several runs, each on a fresh DbContext as a request would be),
/// and prints SQLite's query plan of the heaviest query (the coverage heat map's read of the rollups' month rows). scripts/bench-insights.sh adds the pages' timings over HTTP (bench insights).
/// </summary>
public sealed class InsightsQueriesBenchmark(IServiceProvider services) : Operation
{
    public static Command Command(IServiceProvider app)
    {
        var runs = OperatorCommandLine.Number("--runs", "How many timed runs (after one warm-up)", 7, 1, 1000);
        return OperatorCommandLine.Verb<InsightsQueriesBenchmark>(app, "insights-queries", "Time the insights queries on this database and print the heaviest query's plan.",
            developmentOnly: true, [runs], (b, p, ct) => b.RunAsync(p.GetValue(runs), ct));
    }

    public async Task<int> RunAsync(int runs, CancellationToken ct)
    {
        var hr = SignInClaims.For("benchmark", Roles.HR);
        var filter = new InsightsFilter { Period = "365" };

        async Task<(double Median, T Last)> Time<T>(Func<InsightsScope, InsightsQueries, Task<T>> work)
        {
            var times = new List<double>();
            T last = default!;
            for (var i = 0; i <= runs; i++) // the first run warms caches and is not counted
            {
                using var scope = services.CreateScope();
                var scopes = scope.ServiceProvider.GetRequiredService<InsightsScopes>();
                var watch = Stopwatch.StartNew();
                var options = await scopes.OptionsAsync(hr, ct);
                var (s, _) = scopes.Resolve(hr, filter, options);
                last = await work(s!, scope.ServiceProvider.GetRequiredService<InsightsQueries>());
                if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return (times[times.Count / 2], last);
        }

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
            Out.WriteLine($"Database: {await db.Ratings.CountAsync(ct):N0} ratings, {await db.Observations.CountAsync(ct):N0} observations, {await db.Employees.CountAsync(ct):N0} employees, {await db.Teams.CountAsync(ct):N0} teams");
        }
        var (coverage, report) = await Time((s, q) => q.CoverageAsync(s, ct));
        Out.WriteLine($"Coverage dashboard, 365 days, whole organisation: median {coverage:F0} ms over {runs} runs ({report.Ratings:N0} ratings, {report.Teams.Count} teams, {report.Matrices.Sum(m => m.Rows.Count * m.Skills.Count):N0} cells)");
        var busiest = report.Matrices.Where(m => m.Rows.Count > 0).SelectMany(m => m.Rows.Select(row => (row, m))).First();
        var (drill, cell) = await Time((s, q) => q.CellAsync(s, busiest.row.TeamId, busiest.m.Skills[0].Key, ct));
        Out.WriteLine($"Drill-down ({cell!.Team} × {cell.Skill}, {cell.People.Count} people): median {drill:F1} ms");
        var (gaps, gapRows) = await Time((s, q) => q.GapsAsync(s, ct));
        Out.WriteLine($"Skill gaps (latest level of every active employee in every required skill): median {gaps:F0} ms ({gapRows.Count} rows)");
        var (calibration, cal) = await Time((s, q) => q.CalibrationAsync(s, ct));
        Out.WriteLine($"Rater calibration, 365 days: median {calibration:F0} ms ({cal.Observers.Count} observers, {cal.Observers.Count(o => o.Calibration.Flagged)} flagged)");

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
            var scopes = scope.ServiceProvider.GetRequiredService<InsightsScopes>();
            var (s, _) = scopes.Resolve(hr, filter, await scopes.OptionsAsync(hr, ct));
            var reads = scope.ServiceProvider.GetRequiredService<InsightsQueries>().RolledUpReads(s!).ToList();
            Out.WriteLine($"Coverage reads {reads.Count} ranges of rollup rows ({string.Join(", ", Coaching.Domain.Insights.RollupRanges.Of(s!.Period.From, s.Period.To).Select(r => $"{(r.Sign > 0 ? "+" : "-")}{r.Span} {r.From:yyyy-MM-dd}..{r.To:yyyy-MM-dd}"))})");
            await using var command = reads[0].Query.CreateDbCommand();
            Out.WriteLine("Heaviest query (the rollups' month rows, per team and skill):");
            Out.WriteLine(command.CommandText);
            if (db.Database.IsSqlite())
            {
                command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
                await db.Database.OpenConnectionAsync(ct);
                await using var reader = await command.ExecuteReaderAsync(ct);
                Out.WriteLine("Query plan:");
                while (await reader.ReadAsync(ct)) Out.WriteLine($"  {reader.GetString(3)}");
            }
        }
        return 0;
    }
}
