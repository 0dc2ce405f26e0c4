using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Coaching.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coaching.Tests.Foundation;

/// <summary>What the app logs at Information and above while people sign in (right, wrong, too often) carries no email address.</summary>
public class LogPrivacyTests(LogPrivacyTests.LoggedApp app) : IClassFixture<LogPrivacyTests.LoggedApp>
{
    public sealed class LoggedApp : CoachingFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new Capture(Lines)));
        }
    }

    sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) lines.Enqueue(formatter(state, exception) + " " + exception);
        }
        public void Dispose() { }
    }

    [Fact]
    public async Task Signing_in_right_wrong_and_too_often_logs_no_email_address()
    {
        await Browser.SignedInAsync(app, "manager@demo.local");
        var stranger = new Browser(app.NewClient());
        for (var i = 0; i < 6; i++) await stranger.SignInAsync("hr@demo.local", $"guess-{i}-wrong");

        Assert.Contains(app.Lines, l => l.Contains("signed in"));
        Assert.Contains(app.Lines, l => l.Contains("refused by the attempt limits"));
        // The one exception is the fictional demo accounts' banner, logged only when the demo organisation is seeded.
        Assert.DoesNotContain(app.Lines.Where(l => !l.StartsWith("Demo accounts")), l => Regex.IsMatch(l, @"[\w.+-]+@[\w-]+\.[\w.]+"));
    }
}
