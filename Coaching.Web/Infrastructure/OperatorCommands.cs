namespace Coaching.Web.Infrastructure;

/// <summary>
/// A command for operators, run as <c>dotnet run --project Coaching.Web -- &lt;noun&gt; &lt;verb&gt; [options]</c>
/// with the app's own services and configuration, instead of serving the web app.
/// </summary>
public interface IOperatorCommand
{
    /// <summary>The two words that name it, e.g. "summaries send".</summary>
    string Name { get; }
    /// <summary>One line of usage for the help text.</summary>
    string Usage { get; }
    /// <summary>Runs the command; the return value is the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct);
}

public static class OperatorCommandLine
{
    static readonly string[] Nouns = ["summaries", "demo", "bench", "accounts"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Nouns.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var commands = scope.ServiceProvider.GetServices<IOperatorCommand>().ToList();
        var name = string.Join(' ', args.Take(2)).ToLowerInvariant();
        var command = commands.FirstOrDefault(c => c.Name == name);
        if (command is null)
        {
            Console.Error.WriteLine($"Unknown command \"{name}\". Commands:");
            foreach (var c in commands) Console.Error.WriteLine($"  {c.Usage}");
            return 2;
        }
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        return await command.RunAsync(args.Skip(2).ToList(), cts.Token);
    }

    /// <summary>The value after <paramref name="option"/> ("--week 2026-W47"), or null.</summary>
    public static string? Option(IReadOnlyList<string> args, string option)
    {
        for (var i = 0; i < args.Count - 1; i++)
            if (string.Equals(args[i], option, StringComparison.OrdinalIgnoreCase)) return args[i + 1];
        return null;
    }
}
