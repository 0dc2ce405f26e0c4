using Coaching.Web.Infrastructure;

namespace Coaching.Web.Features.Insights;

/// <summary>Services of the coverage, skill-gap and calibration feature (and its demo generator and benchmark commands).</summary>
public static class InsightsRegistration
{
    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<InsightsScopes>();
        services.AddScoped<InsightsQueries>();
        services.AddScoped<IOperatorCommand, GenerateOrganisationCommand>();
        services.AddScoped<IOperatorCommand, BenchmarkInsightsCommand>();
        return services;
    }
}
