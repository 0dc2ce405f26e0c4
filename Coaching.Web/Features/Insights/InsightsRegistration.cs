using Coaching.Web.Infrastructure;

namespace Coaching.Web.Features.Insights;

/// <summary>Services of the coverage, skill-gap and calibration feature (and its demo generator command).</summary>
public static class InsightsRegistration
{
    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<IOperatorCommand, GenerateOrganisationCommand>();
        return services;
    }
}
