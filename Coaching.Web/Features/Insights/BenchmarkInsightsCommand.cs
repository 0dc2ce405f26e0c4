using System.Diagnostics;
using System.Security.Claims;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Insights;

/// <summary>
/// <c>demo benchmark-insights [--runs 7]</c>: times the coverage dashboard's data work for 365 days and the whole organisation,
/// a heat-map drill-down, gaps and calibration (median of several runs, each on a fresh DbContext as a request would be),
/// and prints SQLite's query plan of the heaviest query. scripts/bench-insights.sh adds the pages' timings over HTTP (bench insights).
/// </summary>
public sealed class BenchmarkInsightsCommand(IServiceProvider services) : IOperatorCommand
{
    public string Name => "demo benchmark-insights";
    public string Usage => "demo benchmark-insights [--runs 7]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var runs = int.TryParse(OperatorCommandLine.Option(args, "--runs"), out var r) && r > 0 ? r : 7;
        var hr = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "benchmark"), new Claim(ClaimTypes.Role, Roles.HR)], "benchmark"));
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
            Console.WriteLine($"Database: {await db.Ratings.CountAsync(ct):N0} ratings, {await db.Observations.CountAsync(ct):N0} observations, {await db.Employees.CountAsync(ct):N0} employees, {await db.Teams.CountAsync(ct):N0} teams");
        }
        var (coverage, report) = await Time((s, q) => q.CoverageAsync(s, ct));
        Console.WriteLine($"Coverage dashboard, 365 days, whole organisation: median {coverage:F0} ms over {runs} runs ({report.Ratings:N0} ratings, {report.Teams.Count} teams, {report.Matrices.Sum(m => m.Rows.Count * m.Skills.Count):N0} cells)");
        var busiest = report.Matrices.Where(m => m.Rows.Count > 0).SelectMany(m => m.Rows.Select(row => (row, m))).First();
        var (drill, cell) = await Time((s, q) => q.CellAsync(s, busiest.row.TeamId, busiest.m.Skills[0].Key, ct));
        Console.WriteLine($"Drill-down ({cell!.Team} × {cell.Skill}, {cell.People.Count} people): median {drill:F1} ms");
        var (gaps, gapRows) = await Time((s, q) => q.GapsAsync(s, ct));
        Console.WriteLine($"Skill gaps (latest level of every active employee in every required skill): median {gaps:F0} ms ({gapRows.Count} rows)");
        var (calibration, cal) = await Time((s, q) => q.CalibrationAsync(s, ct));
        Console.WriteLine($"Rater calibration, 365 days: median {calibration:F0} ms ({cal.Observers.Count} observers, {cal.Observers.Count(o => o.Calibration.Flagged)} flagged)");

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
            var scopes = scope.ServiceProvider.GetRequiredService<InsightsScopes>();
            var (s, _) = scopes.Resolve(hr, filter, await scopes.OptionsAsync(hr, ct));
            await using var command = scope.ServiceProvider.GetRequiredService<InsightsQueries>().CoverageCells(s!).CreateDbCommand();
            Console.WriteLine("Heaviest query (ratings per employee and skill in the period):");
            Console.WriteLine(command.CommandText);
            if (db.Database.IsSqlite())
            {
                command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
                await db.Database.OpenConnectionAsync(ct);
                await using var reader = await command.ExecuteReaderAsync(ct);
                Console.WriteLine("Query plan:");
                while (await reader.ReadAsync(ct)) Console.WriteLine($"  {reader.GetString(3)}");
            }
        }
        return 0;
    }
}
