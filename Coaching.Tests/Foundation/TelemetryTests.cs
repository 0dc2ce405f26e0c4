using System.Text.RegularExpressions;
using Coaching.Tests.Summaries;
using Coaching.Web.Features.Summaries;
using Microsoft.AspNetCore.Hosting;

namespace Coaching.Tests.Foundation;

/// <summary>
/// With <c>Telemetry:Prometheus</c> on, <c>/metrics</c> serves the product's own counters next to ASP.NET Core's and the
/// runtime's; a summary sent through the real SMTP server is counted once. Off (the default), there is no /metrics.
/// </summary>
public class TelemetryTests
{
    public sealed class MeteredApp : SummariesApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Telemetry:Prometheus", "true");
        }
    }

    [Fact]
    public async Task The_prometheus_scrape_counts_a_summary_sent_with_the_requests_and_the_runtime()
    {
        using var app = new MeteredApp();
        var ana = await app.EmployeeIdAsync("ana.ruiz@demo.local");

        var counts = await app.RunAsync(new DeliveryScope(SummariesApp.WeeksAgo(3), ana, Manual: true));
        await app.NewClient().GetAsync("/health/live");
        await Task.Delay(400); // the exporter caches a scrape for a moment
        var scrape = await (await app.NewClient().GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Equal(1, counts.Sent);
        Assert.Matches(new Regex(@"^coaching_summaries_sent_total(\{[^}]*\})? 1(\s|$)", RegexOptions.Multiline), scrape);
        Assert.Contains("http_server_request_duration_seconds", scrape);
        Assert.Matches("dotnet_gc|process_runtime_dotnet", scrape);
    }

    [Fact]
    public async Task Without_the_setting_there_is_no_metrics_endpoint()
    {
        using var app = new SummariesApp();
        var response = await app.NewClient().GetAsync("/metrics");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode); // an unknown address: the sign-in page, as any other
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync());
    }
}
