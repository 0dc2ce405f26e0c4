using Coaching.Web.Access;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Infrastructure;

/// <summary>
/// The real app on its own database (SQLite unless a subclass asks for PostgreSQL) without the demo, holding an organisation a test class arranges itself, once
/// (the first test to ask builds it; the others wait), so every number on a page is known.
/// </summary>
public abstract class ArrangedOrganisation<TSelf> : CoachingFactory where TSelf : ArrangedOrganisation<TSelf>
{
    protected ArrangedOrganisation() { }
    protected ArrangedOrganisation(TestDatabase database) : base(database) { }

    bool built;
    readonly SemaphoreSlim gate = new(1, 1);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedDemoData", "false");
    }

    public async Task<TSelf> BuiltAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (!built)
            {
                using var scope = Services.CreateScope();
                var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
                foreach (var r in Roles.All) await roles.CreateAsync(new IdentityRole(r));
                await ArrangeAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<CoachingDbContext>(),
                    scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
                built = true;
            }
        }
        finally { gate.Release(); }
        return (TSelf)this;
    }

    /// <summary>Adds the organisation (the app's roles exist already).</summary>
    protected abstract Task ArrangeAsync(IServiceProvider services, CoachingDbContext db, UserManager<AppUser> users);
}
