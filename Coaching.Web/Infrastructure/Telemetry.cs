using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Coaching.Web.Infrastructure;

/// <summary>
/// What the product counts, on its own Meter ("Coaching"): summaries sent and failed, autosaves, observations
/// submitted. Exported through OpenTelemetry when configured (see <see cref="Telemetry"/>); the counters cost next to
/// nothing when nobody listens.
/// </summary>
public sealed class CoachingMetrics
{
    public const string MeterName = "Coaching";

    readonly Counter<long> summariesSent, summariesFailed, autosaves, observationsSubmitted;

    public CoachingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        summariesSent = meter.CreateCounter<long>("coaching.summaries.sent", "{summary}", "Weekly summaries accepted by the SMTP server (or written to the outbox).");
        summariesFailed = meter.CreateCounter<long>("coaching.summaries.failed", "{summary}", "Weekly summary deliveries that failed (each attempt).");
        autosaves = meter.CreateCounter<long>("coaching.observations.autosaves", "{save}", "Observation drafts saved while a manager fills the form.");
        observationsSubmitted = meter.CreateCounter<long>("coaching.observations.submitted", "{observation}", "Observations submitted.");
    }

    public void SummarySent() => summariesSent.Add(1);
    public void SummaryFailed(string kind) => summariesFailed.Add(1, new KeyValuePair<string, object?>("kind", kind));
    public void Autosaved() => autosaves.Add(1);
    public void ObservationSubmitted() => observationsSubmitted.Add(1);
}

/// <summary>
/// OpenTelemetry for ASP.NET Core, HttpClient, EF Core, the runtime, Quartz and <see cref="CoachingMetrics"/>, when an
/// operator asks for it: <c>Telemetry:Otlp:Endpoint</c> sends traces and metrics to an OTLP collector,
/// <c>Telemetry:Prometheus=true</c> serves metrics at <c>/metrics</c> for a Prometheus scrape. Neither set: nothing is
/// collected (EF Core's instrumentation has a cost on every query).
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<CoachingMetrics>();
        var otlp = config["Telemetry:Otlp:Endpoint"];
        var prometheus = config.GetValue<bool>("Telemetry:Prometheus");
        if (string.IsNullOrWhiteSpace(otlp) && !prometheus) return services;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["Telemetry:ServiceName"] ?? "coaching"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(CoachingMetrics.MeterName);
                if (prometheus) m.AddPrometheusExporter();
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation()
                .AddSource("Quartz").AddSource(Features.Summaries.SummaryTracing.SourceName));
            telemetry.UseOtlpExporter(config.GetValue("Telemetry:Otlp:Protocol", OtlpExportProtocol.Grpc), new Uri(otlp));
        }
        return services;
    }

    public static void MapTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Telemetry:Prometheus")) app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
    }
}
