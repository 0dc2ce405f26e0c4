using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>
/// The real app on Kestrel (free loopback port, its own SQLite file with the demo organisation) and one
/// headless Debian Chromium, shared by all tests of a class.
/// </summary>
public class LiveApp : IAsyncLifetime
{
    /// <summary>False for an organisation that starts from an empty database, as a new customer's does.</summary>
    protected virtual bool SeedDemoData => true;
    /// <summary>Settings of this class's app beyond the test defaults (a small page size, say).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    sealed class Factory(string databasePath, string outbox, bool seedDemoData, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Coaching", $"Data Source={databasePath}");
            builder.UseSetting("Database:SeedDemoData", seedDemoData ? "true" : "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Summaries:Outbox", outbox);
            builder.UseSetting("Summaries:Schedule:Enabled", "false");
            // Check the security stamp on every request, so a test of logout does not wait a minute for it.
            builder.UseSetting("Identity:SecurityStampValidationInterval", "00:00:00");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    public const string ChromiumPath = "/usr/bin/chromium";
    readonly string databasePath = Path.Combine(Path.GetTempPath(), $"coaching-e2e-{Guid.NewGuid():N}.db");
    public string DatabasePath => databasePath;
    /// <summary>Where summaries go: no SMTP server is configured, so they are written as .eml files here.</summary>
    public string Outbox { get; } = Directory.CreateTempSubdirectory("coaching-e2e-outbox-").FullName;
    Factory? factory;
    IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public IServiceProvider Services => factory!.Services;

    /// <summary>Clears what the demo tells of a person's development (plans, choices, confidence, conversations): the test starts it from nothing.</summary>
    public async Task StartDevelopmentFromNothingAsync(string fullName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Coaching.Web.Data.CoachingDbContext>();
        var id = db.Employees.AsEnumerable().Single(e => e.FullName == fullName).Id;
        await Coaching.Tests.Development.FollowUpSeed.ClearDevelopmentAsync(db, id);
    }

    public async Task InitializeAsync()
    {
        factory = new Factory(databasePath, Outbox, SeedDemoData, Settings);
        factory.UseKestrel(0);
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::1]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not at {ChromiumPath}: run ./test.sh, which installs Debian's chromium package.");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser context (cookies of its own) at a tablet viewport with touch. bypassCsp only for injecting test
    /// tools (axe-core): every other test sees the app's Content-Security-Policy as a person's browser does.
    /// </summary>
    public async Task<IPage> NewTabletPageAsync(int width = 1024, int height = 768, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = height }, HasTouch = true, IsMobile = false,
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    static readonly string Axe = Path.Combine(AppContext.BaseDirectory, "TestAssets", "axe.min.js");

    /// <summary>axe-core's serious and critical violations on the page as it is now (its context must bypass the CSP to inject axe).</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Axe });
        var violations = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`))
            """);
        return [.. violations.EnumerateArray().Select(v => v.GetString()!)];
    }

    public static async Task SignInAsync(IPage page, string email, string password = "Coaching!2026")
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).TapAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(databasePath + suffix); } catch (IOException) { }
        try { Directory.Delete(Outbox, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The real app on an empty database: no demo organisation, no accounts.</summary>
public sealed class EmptyOrganisationApp : LiveApp
{
    protected override bool SeedDemoData => false;
}

/// <summary>
/// The demo organisation with two teams to a page of coverage (its five teams take three pages) and two observers to a
/// page of rater calibration.
/// </summary>
public sealed class TwoPerPageApp : LiveApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Insights:TeamsPerPage"] = "2", ["Insights:ObserversPerPage"] = "2",
    };
}
