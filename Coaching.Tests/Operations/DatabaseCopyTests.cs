using System.Net;
using Coaching.Domain.Organisation;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Operations;

/// <summary>
/// <c>database copy</c>: the demo organisation on its SQLite file moves to PostgreSQL whole, as an organisation that
/// outgrows the embedded database would: every row, people sign in with the same passwords, and new rows get new ids.
/// </summary>
public sealed class DatabaseCopyTests(CoachingFactory sqlite) : IClassFixture<CoachingFactory>
{
    static async Task<object[]> CountsAsync(CoachingDbContext db) =>
    [
        await db.Employees.CountAsync(), await db.Observations.CountAsync(), await db.Ratings.CountAsync(), await db.Users.CountAsync(),
        await db.SignOffs.CountAsync(), await db.DevelopmentPlans.CountAsync(),
        string.Join(";", await db.TrainingEvents.OrderBy(e => e.Id).Select(e => e.Title + ":" + string.Join(",", e.AttendeeIds)).ToListAsync()),
    ];

    [Fact]
    public async Task The_demo_organisation_moves_to_PostgreSQL_whole_and_works_there()
    {
        var before = await sqlite.WithDbAsync(CountsAsync);
        using var postgres = TestDatabase.NewPostgreSql();
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql", ["ConnectionStrings__Coaching"] = postgres.ConnectionString, ["Database__SeedDemoData"] = "false",
        };

        var copy = await AppProcess.RunAsync("Development", settings, "database", "copy", "--from", sqlite.DatabasePath);

        Assert.True(copy.Exit == 0, copy.Output);
        Assert.Matches(@"Copied \d+ tables, [\d,]+ rows", copy.Output);
        await using var db = postgres.NewPostgreSqlContext();
        Assert.Equal(before, await CountsAsync(db));
        // Ids go on after the copied ones.
        db.Teams.Add(new Team { Name = "After the move", Site = "Leeds" });
        await db.SaveChangesAsync();

        await using (var node = await AppProcess.ServeAsync("Development", settings))
        {
            var browser = new Browser(node.NewClient());
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("manager@demo.local", Coaching.Web.Demo.DemoSeeder.Password)).StatusCode);
            Assert.Contains("Front End", (await browser.GetDocumentAsync("/Team")).Body!.TextContent);
        }

        var again = await AppProcess.RunAsync("Development", settings, "database", "copy", "--from", sqlite.DatabasePath);
        Assert.Equal(1, again.Exit);
        Assert.Contains("already holds people or accounts; copy into an empty database (nothing was changed)", again.Output);
    }
}
