using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Coaching.Tests.Infrastructure;
using Coaching.Tests.Summaries;
using Microsoft.AspNetCore.Hosting;

namespace Coaching.Tests.Foundation;

/// <summary>
/// Live and ready probes on the real app: ready names each check (database, SMTP, the schedule's scheduler) with its
/// status; an SMTP server that cannot be reached makes the node Degraded (a warning), not down.
/// </summary>
public class HealthProbesTests
{
    static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(CoachingFactory app)
    {
        var response = await app.NewClient().GetAsync("/health/ready");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    static string StatusOf(JsonElement body, string check) => body.GetProperty("checks").GetProperty(check).GetProperty("status").GetString()!;

    public sealed class ScheduledApp : SummariesApp
    {
        protected override bool Scheduled => true;
    }

    /// <summary>SMTP configured on a loopback port nobody listens on.</summary>
    public sealed class UnreachableSmtpApp : CoachingFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var closed = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", closed.ToString());
        }
    }

    [Fact]
    public async Task Live_and_ready_answer_healthy_with_each_check_named_when_everything_runs()
    {
        using var app = new ScheduledApp();

        var live = await app.NewClient().GetAsync("/health/live");
        // Quartz starts its scheduler once the app has started: until then the node is live but not yet ready.
        var (status, ready) = await ReadyAsync(app);
        for (var until = DateTime.UtcNow.AddSeconds(30); status != HttpStatusCode.OK && DateTime.UtcNow < until; (status, ready) = await ReadyAsync(app))
            await Task.Delay(200);
        var plain = await app.NewClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.True(status == HttpStatusCode.OK, ready.ToString());
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal(("Healthy", "Healthy", "Healthy"), (StatusOf(ready, "database"), StatusOf(ready, "smtp"), StatusOf(ready, "scheduler")));
        Assert.Equal("Healthy", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_smtp_server_that_cannot_be_reached_is_a_warning_the_node_stays_live_and_serving()
    {
        using var app = new UnreachableSmtpApp();

        var live = await app.NewClient().GetAsync("/health/live");
        var (status, ready) = await ReadyAsync(app);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status); // Degraded still takes traffic
        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        Assert.Equal(("Healthy", "Degraded"), (StatusOf(ready, "database"), StatusOf(ready, "smtp")));
        Assert.Contains("cannot be reached", ready.GetProperty("checks").GetProperty("smtp").GetProperty("description").GetString());
        Assert.False(ready.GetProperty("checks").TryGetProperty("scheduler", out _)); // the schedule is off in this app
    }
}
