using Coaching.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Infrastructure;

/// <summary>
/// The real app on a real database of its own (a SQLite file unless a subclass asks for PostgreSQL; removed
/// afterwards), with the demo organisation seeded. One per test class (IClassFixture), so the suite starts few hosts.
/// </summary>
public class CoachingFactory : WebApplicationFactory<Program>
{
    public CoachingFactory() : this(TestDatabase.NewSqliteFile()) { }

    protected CoachingFactory(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public string DatabasePath => Database.SqlitePath ?? throw new InvalidOperationException("This app is not on a SQLite file.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Coaching", Database.ConnectionString);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
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
        if (disposing) Database.Dispose();
    }
}

/// <summary>The real app, demo seeded, on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgreSqlApp : CoachingFactory
{
    public PostgreSqlApp() : base(TestDatabase.NewPostgreSql()) { }
}
