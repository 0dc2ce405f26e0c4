using System.CommandLine;
using System.Globalization;

namespace Coaching.Web.Operations;

/// <summary>
/// The work behind one operator command: a scoped service of the app (its own database, mail and configuration),
/// reporting to the command line's writers so a test can read what an operator would see.
/// </summary>
public abstract class Operation
{
    public TextWriter Out { get; set; } = Console.Out;
    public TextWriter Error { get; set; } = Console.Error;

    /// <summary>A refusal found only by looking at the data (a week that cannot be sent, a database that is not empty): exit 2.</summary>
    protected int Refuse(string message)
    {
        Error.WriteLine(message);
        return 2;
    }
}

/// <summary>
/// The operator commands, run as <c>dotnet run --project Coaching.Web -- &lt;noun&gt; &lt;verb&gt; [options]</c> instead of
/// the web app, parsed by System.CommandLine: an unknown option, a missing value or a bad number is refused with the
/// command's usage and exit code 2 (a hand-written parser once ignored a misspelt "--employe" and mailed a whole week).
/// Exit codes: 0 done, 1 failed, 2 bad usage or refused.
/// </summary>
public static class OperatorCommandLine
{
    public const int BadUsage = 2;
    static readonly string[] HelpOptions = ["--help", "-h", "-?"];

    /// <summary>
    /// Whether the process is to run a command rather than serve the web app: the first argument is a word (a noun,
    /// or a misspelt one, which is then refused) or asks for help. ASP.NET's own arguments ("--urls X", "urls=X",
    /// "/urls X") and no arguments at all start the web app.
    /// </summary>
    public static bool IsCommand(IReadOnlyList<string> args) =>
        args.Count > 0 && (HelpOptions.Contains(args[0]) || (args[0].Length > 0 && char.IsLetter(args[0][0]) && !args[0].Contains('=')));

    /// <summary>Every command, each running its operation in a scope of <paramref name="services"/>.</summary>
    public static RootCommand Build(IServiceProvider services)
    {
        var root = new RootCommand("Coaching operator commands. With no command (or only ASP.NET options such as --urls) the web app starts instead.");
        root.Subcommands.Add(Noun("accounts", "Accounts of the people who sign in.",
            CreateAdminCommand.Command(services)));
        root.Subcommands.Add(Noun("database", "The app's database.",
            DatabaseCopyCommand.Command(services)));
        root.Subcommands.Add(Noun("summaries", "Weekly development summaries.",
            SendSummariesCommand.Command(services)));
        root.Subcommands.Add(Noun("demo", "Demonstration data (Development only, unless --force).",
            DemoOrganisationGenerator.Command(services)));
        root.Subcommands.Add(Noun("bench", "Benchmarks (Development only, unless --force): run them on a throwaway database.",
            AutosaveBenchmark.Command(services), InsightsPageBenchmark.Command(services), DevelopmentPageBenchmark.Command(services), InsightsQueriesBenchmark.Command(services),
            SummariesBenchmark.Command(services), PeopleImportBenchmark.Command(services), ProofPageBenchmark.Command(services), PageWeightBenchmark.Command(services)));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; the result is the exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var parse = Build(services).Parse(args);
        // The caller owns Ctrl+C (it cancels ct, and the command stops between deliveries); no forced exit after a timeout.
        var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, ct);
        // A parse error has already been written with the command's usage by System.CommandLine, which exits 1 for it.
        return parse.Errors.Count > 0 ? BadUsage : exit;
    }

    static Command Noun(string name, string description, params Command[] verbs)
    {
        var noun = new Command(name, description);
        foreach (var verb in verbs) noun.Subcommands.Add(verb);
        return noun;
    }

    /// <summary>
    /// One verb: its options, and the operation it runs in a fresh scope. A development-only verb (demo data, benchmarks)
    /// gets a --force option and is refused in any other environment without it, so it cannot fill a live database by mistake.
    /// </summary>
    public static Command Verb<T>(IServiceProvider services, string name, string description, bool developmentOnly,
        Option[] options, Func<T, ParseResult, CancellationToken, Task<int>> run) where T : Operation
    {
        var command = new Command(name, description);
        foreach (var option in options) command.Options.Add(option);
        var force = new Option<bool>("--force") { Description = "Run outside the Development environment (on a throwaway database)." };
        if (developmentOnly) command.Options.Add(force);
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var environment = services.GetRequiredService<IHostEnvironment>();
            if (developmentOnly && !environment.IsDevelopment() && !parse.GetValue(force))
            {
                await error.WriteLineAsync($"\"{parse.CommandResult.Command.Parents.OfType<Command>().First().Name} {name}\" is for development: " +
                    $"the environment is {environment.EnvironmentName}. Run it with ASPNETCORE_ENVIRONMENT=Development, or add --force if this database is a throwaway one.");
                return BadUsage;
            }
            using var scope = services.CreateScope();
            var operation = scope.ServiceProvider.GetRequiredService<T>();
            operation.Out = parse.InvocationConfiguration.Output;
            operation.Error = error;
            return await run(operation, parse, ct);
        });
        return command;
    }

    /// <summary>A whole-number option in [min, max]; anything else is a parse error naming the option (never int.Parse's crash).</summary>
    public static Option<int> Number(string name, string description, int defaultValue, int min, int max) => new(name)
    {
        Description = $"{description} ({min:N0} to {max:N0})",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            result.AddError($"The option {name} needs a whole number from {min:N0} to {max:N0}, not \"{text}\".");
            return defaultValue;
        },
    };

    /// <summary>The address of a running app, for the benchmarks that measure it over HTTP.</summary>
    public static Option<Uri> Url(string defaultUrl) => new("--url")
    {
        Description = "The running app to measure",
        DefaultValueFactory = _ => new Uri(defaultUrl),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
            result.AddError($"The option --url needs an address such as http://127.0.0.1:5090, not \"{text}\".");
            return null;
        },
    };
}
