using Coaching.Web;
using Coaching.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = CoachingApp.FindWebRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory()),
});
builder.AddCoaching();
var app = builder.Build();
app.UseCoaching();
await app.InitialiseDatabaseAsync();

// "dotnet run --project Coaching.Web -- summaries send --week 2026-W47" runs an operator command instead of the web app.
if (OperatorCommandLine.IsCommand(args))
    return await OperatorCommandLine.RunAsync(app, args);

await app.RunAsync();
return 0;

public partial class Program;
