namespace Coaching.Web.Features.Summaries;

/// <summary>Services of the weekly summaries feature (PDF, mail, the Quartz job, operator commands).</summary>
public static class SummariesRegistration
{
    public static IServiceCollection AddSummaries(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SummariesOptions>(config.GetSection("Summaries"));
        services.Configure<SmtpOptions>(config.GetSection("Smtp"));
        services.AddSingleton<SummaryMailer>();
        services.AddScoped<SummarySources>();
        services.AddScoped<SummaryDeliveries>();
        return services;
    }
}
