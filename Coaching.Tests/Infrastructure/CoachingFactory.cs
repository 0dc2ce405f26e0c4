using Coaching.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Infrastructure;

/// <summary>
/// The real app on a real SQLite file of its own (deleted afterwards), with the demo organisation seeded.
/// One per test class (IClassFixture), so the suite starts few hosts.
/// </summary>
public class CoachingFactory : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"coaching-tests-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Coaching", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Summaries:Outbox", Path.Combine(Path.GetTempPath(), $"coaching-tests-outbox-{Guid.NewGuid():N}"));
        builder.UseSetting("Summaries:Schedule:Enabled", "false"); // the schedule's own tests turn it on
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see exactly what the server answered.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<CoachingDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }

    public async Task WithDbAsync(Func<CoachingDbContext, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<CoachingDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(DatabasePath + suffix); } catch (IOException) { }
    }
}
