using Coaching.Web;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = CoachingApp.FindWebRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory()),
});
builder.AddCoaching();
var app = builder.Build();
app.UseCoaching();
await app.InitialiseDatabaseAsync();
await app.RunAsync();

public partial class Program;
