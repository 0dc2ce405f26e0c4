using Coaching.Web;
using Coaching.Web.Infrastructure;
using Coaching.Web.Operations;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = CoachingApp.FindWebRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory()),
});
builder.UseBuiltStaticAssets();
builder.AddCoaching();
var app = builder.Build();
if (SettingsChecks.Problems(app.Services) is { } problems)
{
    Console.Error.WriteLine("Coaching cannot start: fix these settings (appsettings.json or environment variables, e.g. Organisation__TimeZone):");
    foreach (var problem in problems) Console.Error.WriteLine("  - " + problem);
    return SettingsChecks.ExitCode;
}
app.UseCoaching();
await app.InitialiseDatabaseAsync();

// "dotnet run --project Coaching.Web -- summaries send --week 2026-W47" runs an operator command instead of the web app
// ("-- --help" lists them); no arguments, or ASP.NET's own such as --urls, serve the web app.
if (OperatorCommandLine.IsCommand(args))
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
    return await OperatorCommandLine.RunAsync(app.Services, args, Console.Out, Console.Error, cancel.Token);
}

await app.RunAsync();
return 0;

public partial class Program;
