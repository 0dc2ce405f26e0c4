using System.Net.Sockets;
using System.Text.Json;
using Coaching.Web.Data;
using Coaching.Web.Features.Summaries;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Infrastructure;

/// <summary>
/// Health for a load balancer or an orchestrator: <c>/health/live</c> says the process answers (restart it when not);
/// <c>/health/ready</c> says it can serve (the database answers, the weekly schedule's Quartz scheduler runs, through
/// Quartz's own check, when the schedule is on; an SMTP server that cannot be reached is a warning, "Degraded", since mail is retried later);
/// <c>/health</c> is the same as ready, as plain text, for older probes and the scripts.
/// </summary>
public static class HealthProbes
{
    /// <summary>The checks a node must pass to take traffic (Quartz's own scheduler check joins them when the schedule is on).</summary>
    public const string Ready = "ready";

    public static IServiceCollection AddHealthProbes(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<CoachingDbContext>("database", tags: [Ready])
            .AddCheck<SmtpCheck>("smtp", failureStatus: HealthStatus.Degraded, tags: [Ready]);
        return services;
    }

    public static void MapHealthProbes(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteJsonAsync })
            .AllowAnonymous();
    }

    /// <summary>Each check's status and a short description; never an exception's text (it may name hosts or users).</summary>
    static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    /// <summary>Whether the SMTP server takes a connection (a warning when not: deliveries are retried later).</summary>
    public sealed class SmtpCheck(IOptions<SmtpOptions> options) : IHealthCheck
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var smtp = options.Value;
            if (string.IsNullOrWhiteSpace(smtp.Host)) return HealthCheckResult.Healthy("No SMTP host: mail is written to the outbox folder.");
            using var tcp = new TcpClient();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(Timeout);
            try
            {
                await tcp.ConnectAsync(smtp.Host, smtp.Port, wait.Token);
                return HealthCheckResult.Healthy("The SMTP server takes connections.");
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "The SMTP server cannot be reached; deliveries wait and are retried.");
            }
        }
    }
}
