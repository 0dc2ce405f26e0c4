using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Observations;

/// <summary>
/// What one autosave costs the database, counted (not timed): managers on a busy floor autosave on every tap, so the
/// usual save (the next revision of a draft) must stay one connection, one read and its write.
/// </summary>
public class AutosaveCostTests(AutosaveCostTests.CountingFactory factory) : IClassFixture<AutosaveCostTests.CountingFactory>
{
    const string Save = "/Observations/Log?handler=Save";

    [Fact]
    public async Task Autosaving_a_saved_draft_takes_one_connection_and_one_read_before_its_write()
    {
        var tom = await factory.PersonAsync("Tom Becker");
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        var form = new ObservationPost(tom).Rate(0, 2);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync(Save, form.Fields, htmx: true)).StatusCode);

        factory.Traffic.Clear();
        var next = await manager.PostAsync(Save, form.Rate(0, 3).Revision(1).Fields, htmx: true);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("2", (await Browser.ParseAsync(next)).QuerySelector("#obs-revision")!.GetAttribute("value"));
        Assert.Equal(1, factory.Traffic.Opens);
        var read = Assert.Single(factory.Traffic.Reads); // the draft, with whether Tom is still in this manager's teams
        Assert.Contains("\"TeamManagers\"", read);
        Assert.Contains(factory.Traffic.Writes, c => c.Contains("UPDATE \"Ratings\""));
        var stored = Assert.Single(await factory.ObservationsOfAsync(tom.Id), o => o.DraftKey == form.DraftKey);
        Assert.Equal(3, stored.Ratings.Single(r => r.SkillId == tom.SkillIds[0]).Level);
    }

    [Fact]
    public async Task Writers_to_one_database_take_turns_and_another_database_does_not_wait()
    {
        await factory.WithDbAsync(async first =>
        {
            await factory.WithDbAsync(async second =>
            {
                var turn = await SqliteWriteGate.EnterAsync(first.Database, default);
                var next = SqliteWriteGate.EnterAsync(second.Database, default);
                await using var other = new SqliteCoachingDbContext(new DbContextOptionsBuilder<SqliteCoachingDbContext>()
                    .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"coaching-gate-{Guid.NewGuid():N}.db")}").Options);

                using (await SqliteWriteGate.EnterAsync(other.Database, default)) { } // another file: its own turn, at once
                Assert.False(next.IsCompleted);
                turn.Dispose();
                (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
            });
        });
    }

    /// <summary>The app on its demo database, with every command and connection it makes counted.</summary>
    public sealed class CountingFactory : CoachingFactory
    {
        public DatabaseTraffic Traffic { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The sign-in's periodic stamp check reads the user too; keep it out of the count.
            builder.UseSetting("Identity:SecurityStampValidationInterval", "01:00:00");
            builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteCoachingDbContext>(o => o.AddInterceptors(Traffic)));
        }
    }

    public sealed class DatabaseTraffic : DbCommandInterceptor, IDbConnectionInterceptor
    {
        readonly ConcurrentQueue<string> commands = new();
        int opens;

        public int Opens => opens;
        public IReadOnlyList<string> Reads => [.. commands.Where(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))];
        public IReadOnlyList<string> Writes => [.. commands.Except(Reads)];

        public void Clear()
        {
            commands.Clear();
            Interlocked.Exchange(ref opens, 0);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            commands.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            commands.Enqueue(command.CommandText);
            return base.ReaderExecuting(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
        {
            commands.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            commands.Enqueue(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }

        public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref opens);

        public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Interlocked.Increment(ref opens);
            return Task.CompletedTask;
        }
    }
}
