namespace Coaching.Web.Features.Insights;

/// <summary>Services of the coverage, skill-gap and calibration feature (its demo generator and benchmarks are in Operations).</summary>
public static class InsightsRegistration
{
    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<InsightsScopes>();
        services.AddScoped<InsightsQueries>();
        services.AddScoped<DevelopmentInsights>();
        services.AddScoped<SignOffInsights>();
        return services;
    }
}
