using Coaching.Tests.Infrastructure;
using Coaching.Tests.Summaries;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Nodes;

/// <summary>
/// Web nodes as production runs them: separate app processes on one PostgreSQL database (the test server), each with
/// its own memory and scheduler, mailing through one real SMTP server. The first node migrates and seeds the demo;
/// the others start once it answers. Disposing kills every node and drops the database.
/// </summary>
public sealed class SeveralNodes : IAsyncDisposable
{
    readonly TestDatabase database = TestDatabase.NewPostgreSql();
    readonly string outbox = Directory.CreateTempSubdirectory("coaching-nodes-outbox-").FullName;
    readonly List<AppProcess> nodes = [];

    public SmtpServer Smtp { get; } = new();

    /// <summary>Migrates and seeds the database with a node that then stops, so the nodes of a test can start together.</summary>
    public async Task SeedAsync()
    {
        var node = await StartNodeAsync(scheduled: false);
        await node.DisposeAsync();
        nodes.Remove(node);
    }

    /// <summary>Starts one more node; when <paramref name="scheduled"/>, its Quartz fires the weekly batch every 5 seconds.</summary>
    public async Task<AppProcess> StartNodeAsync(bool scheduled)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Coaching"] = database.ConnectionString,
            ["Database__SeedDemoData"] = "true",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = Smtp.Port.ToString(),
            ["Smtp__Timeout"] = "00:00:10",
            ["Summaries__Outbox"] = outbox,
            // Everyone reachable gets a summary, whatever the random demo data put in the week.
            ["Summaries__QuietWeeks"] = "AlwaysSend",
            // Well past the SMTP timeout: a claim must outlast a send in progress, or another node takes the row over mid-send.
            ["Summaries__ClaimTimeout"] = "00:00:30",
            ["Summaries__Schedule__Enabled"] = scheduled ? "true" : "false",
            ["Summaries__Schedule__Cron"] = "0/5 * * * * ?",
            ["Summaries__Schedule__RetryEvery"] = "00:00:05",
            ["Logging__LogLevel__Coaching.Web.Features.Summaries"] = "Information",
        };
        var node = await AppProcess.ServeAsync("Development", settings);
        lock (nodes) nodes.Add(node);
        return node;
    }

    public async Task<T> WithDbAsync<T>(Func<CoachingDbContext, Task<T>> work)
    {
        await using var db = database.NewPostgreSqlContext();
        return await work(db);
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until <paramref name="done"/> holds, then says whether it did.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await done()) return true;
            await Task.Delay(250);
        }
        return await done();
    }

    public string Output => string.Join("\n", nodes.Select((n, i) => $"--- node {i + 1} ({n.Url}):\n{n.Output}"));

    /// <summary>Everyone the weekly batch mails (the demo's active people with an address).</summary>
    public Task<int> ReachableAsync() => WithDbAsync(db => db.Employees.CountAsync(e => e.IsActive && e.Email != null));

    public Task<int> SentAsync() => WithDbAsync(db => db.SummaryDeliveries.CountAsync(d => d.Status == Coaching.Domain.Summaries.DeliveryStatus.Sent));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes) await node.DisposeAsync();
        Smtp.Dispose();
        database.Dispose();
        try { Directory.Delete(outbox, recursive: true); } catch (IOException) { }
    }
}
