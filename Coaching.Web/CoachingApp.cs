using Coaching.Web.Data;
using Coaching.Web.Data.Rollups;
using Coaching.Web.Demo;
using Coaching.Web.Features.Insights;
using Coaching.Web.Features.Summaries;
using Coaching.Web.Infrastructure;
using Coaching.Web.Operations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web;

/// <summary>How the app is put together; Program.cs and the tests' factories both go through here.</summary>
public static class CoachingApp
{
    public static WebApplicationBuilder AddCoaching(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        // "Server: Kestrel" tells an attacker what runs here and costs every answer, autosaves included, 16 bytes.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddCheckedSettings(config);
        services.AddSingleton(TimeProvider.System);
        services.AddCoachingDatabase(config, builder.Environment.ContentRootPath);

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                // Failed sign-ins do not lock accounts (anyone knowing an email could lock a manager out); SignInLimits
                // slows guessing instead. Lockout stays available for an administrator to set on an account.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                Access.SignInClaims.Configure(o.ClaimsIdentity);
            })
            .AddEntityFrameworkStores<CoachingDbContext>()
            .AddClaimsPrincipalFactory<Access.SignInClaims>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<Features.Account.InvitationTokenProvider>(Features.Account.AccountInvitations.TokenProvider);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "coaching.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Plain http is only for a developer's machine and the test hosts.
            o.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(10); // one shift
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.Events.OnRedirectToLogin = HtmxAwareLoginRedirect;
            // A plain 403 in place (rendered by the status-code page), not a redirect: the URL stays, the answer is honest.
            o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });

        // Logout (and any password change, which renews the stamp) must end every copy of the cookie, so the stamp in
        // the cookie is checked against the database this often; Identity's default of 30 minutes is too long.
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = config.GetValue("Identity:SecurityStampValidationInterval", TimeSpan.FromMinutes(1)));
        services.AddSingleton<SignInLimits>();

        services.AddKeyRing(config);

        services.AddAntiforgery(o =>
        {
            o.HeaderName = Antiforgery.HeaderName;
            o.Cookie.Name = "coaching.af";
            // Secure whenever the request is (HTTPS, or a TLS proxy's X-Forwarded-Proto): "Always" would fail every page
            // served over plain http instead of failing only the sign-in, whose cookie is Always in production.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddCoachingPolicies();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeByFolder();
        });

        services.AddHealthProbes();
        services.AddTelemetry(config);
        services.AddPageWeight();
        services.AddScoped<EmployeeAccess>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Features.Account.AccountInvitations>();
        services.AddOperations();
        services.AddScoped<Features.People.PeopleImports>();
        services.AddScoped<Features.People.Leavers>();
        services.AddMemoryCache();
        services.AddScoped<Features.Rubrics.PublishedRubrics>();
        services.AddScoped<Features.Development.DevelopmentConversations>();
        services.AddScoped<Features.Development.DevelopmentChoices>();
        services.AddScoped<Features.Observations.FollowUps>();
        services.AddScoped<Features.Observations.ObservationDrafts>();
        services.AddScoped<Features.Observations.ObservationSaves>();
        services.AddScoped<Features.Development.DevelopmentPlans>();
        services.AddScoped<Features.SignOffs.SkillSignOffs>();
        services.AddScoped<Features.Training.TrainingResults>();
        services.AddScoped<Features.Training.PeerTraining>();
        services.AddScoped<Features.Training.Events.TrainingEvents>();
        services.AddScoped<DemoSeeder>();
        services.AddSummaries(config);
        services.AddInsights(config);
        services.AddTrustedProxies(config);
        return builder;
    }

    public static WebApplication UseCoaching(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseResponseCompression();
        app.MapPageAssets();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthProbes();
        app.MapTelemetry();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    /// <summary>Applies migrations (creating the SQLite file if needed) and seeds the demo organisation into an empty database.</summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
            await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await RollupBackfill.OnStartAsync(app, db);
        if (app.Configuration.GetValue("Database:SeedDemoData", false))
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (await seeder.SeedIfEmptyAsync())
                app.Logger.LogInformation("Seeded the demo organisation.");
            app.Logger.LogInformation("{Accounts}", DemoSeeder.AccountsBanner);
        }
        // The roles exist in every database, demo or not: imports and invitations grant them (the demo seeds its own).
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roleManager.RoleExistsAsync(role)) await roleManager.CreateAsync(new IdentityRole(role));
    }

    /// <summary>The repository's wwwroot next to the project while developing; the published copy beside the app otherwise.</summary>
    public static string FindWebRoot(params string[] startingPoints)
    {
        foreach (var start in startingPoints)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "wwwroot");
                if (File.Exists(Path.Combine(candidate, "lib", "htmx", "htmx.min.js"))) return candidate;
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "wwwroot");
    }

    // htmx swaps whatever comes back, so a redirect to the login page would land inside a partial; tell htmx to navigate instead.
    private static Task HtmxAwareLoginRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx)
    {
        // The answer depends on HX-Request, so caches must keep the two apart.
        ctx.Response.Htmx(h => h.WithVary());
        if (ctx.Request.IsHtmx())
        {
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
            ctx.Response.Htmx(h => h.Redirect(ctx.RedirectUri));
        }
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
