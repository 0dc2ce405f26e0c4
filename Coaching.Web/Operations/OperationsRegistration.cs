namespace Coaching.Web.Operations;

/// <summary>The services behind the operator commands (each verb resolves its operation in a scope of its own).</summary>
public static class OperationsRegistration
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddScoped<CreateAdminCommand>();
        services.AddScoped<DatabaseCopyCommand>();
        services.AddScoped<SendSummariesCommand>();
        services.AddScoped<DemoOrganisationGenerator>();
        services.AddScoped<AutosaveBenchmark>();
        services.AddScoped<InsightsPageBenchmark>();
        services.AddScoped<DevelopmentPageBenchmark>();
        services.AddScoped<InsightsQueriesBenchmark>();
        services.AddScoped<SummariesBenchmark>();
        services.AddScoped<PeopleImportBenchmark>();
        services.AddScoped<ProofPageBenchmark>();
        services.AddScoped<PageWeightBenchmark>();
        return services;
    }
}
