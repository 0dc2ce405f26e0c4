using Coaching.Tests.Infrastructure;
using Coaching.Tests.Summaries;
using Coaching.Web.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Operations;

/// <summary>
/// The operator command line: a misspelt option or a word where a number belongs is refused with the command's usage
/// and exit code 2 before anything runs (the hand-written parser once ignored "--employe" and mailed a whole week, and
/// int.Parse crashed on "--users lots"); demo and benchmark commands need Development or --force; and the web app still
/// starts when the arguments are ASP.NET's own. In process through the same builder as the console, writers captured.
/// </summary>
public sealed class OperatorCommandLineTests(SummariesApp app) : IClassFixture<SummariesApp>, IDisposable
{
    readonly string database = Path.Combine(Path.GetTempPath(), $"coaching-operations-{Guid.NewGuid():N}.db");

    async Task<(int Exit, string Out, string Error)> CommandAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await OperatorCommandLine.RunAsync(app.Services, args, output, error, default);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_misspelt_option_of_summaries_send_is_refused_with_usage_and_exit_2_and_nobody_is_mailed()
    {
        var week = SummariesApp.WeeksAgo(40);
        var mailed = app.Smtp.Count();

        var result = await CommandAsync("summaries", "send", "--week", week.ToString(), "--employe", "ana.ruiz@demo.local");

        Assert.Equal(2, result.Exit);
        Assert.Contains("Unrecognized command or argument '--employe'", result.Error);
        Assert.Contains("Usage:", result.Out);
        Assert.Contains("--employee", result.Out);
        Assert.Equal(0, await app.WithDbAsync(db => db.SummaryDeliveries.CountAsync(d => d.Week == week.ToString())));
        Assert.Equal(mailed, app.Smtp.Count());
    }

    [Theory]
    [InlineData("bench autosave --url http://127.0.0.1:9 --user 4", "'--user'")]
    [InlineData("bench insights --url http://127.0.0.1:9 --run 3", "'--run'")]
    [InlineData("demo generate --employes 10", "'--employes'")]
    [InlineData("accounts create-admin --email owner@example.org --nmae Olu", "'--nmae'")]
    public async Task A_misspelt_option_of_any_command_is_refused_with_usage_and_exit_2(string args, string named)
    {
        var result = await CommandAsync(args.Split(' '));
        Assert.Equal(2, result.Exit);
        Assert.Contains($"Unrecognized command or argument {named}", result.Error);
        Assert.Contains("Usage:", result.Out);
    }

    [Theory]
    [InlineData("bench autosave --users lots", "--users needs a whole number from 1 to 1,000, not \"lots\"")]
    [InlineData("bench autosave --seconds 1.5", "--seconds needs a whole number from 1 to 3,600, not \"1.5\"")]
    [InlineData("bench insights --runs many", "--runs needs a whole number")]
    [InlineData("bench insights-queries --runs 0", "--runs needs a whole number from 1 to 1,000, not \"0\"")]
    [InlineData("bench people-import --rows 5k", "--rows needs a whole number")]
    [InlineData("demo generate --employees -3", "--employees needs a whole number")]
    [InlineData("bench autosave --url not-an-address", "--url needs an address")]
    public async Task A_word_where_a_number_belongs_is_refused_with_usage_and_exit_2(string args, string message)
    {
        var result = await CommandAsync(args.Split(' '));
        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Error);
        Assert.Contains("Usage:", result.Out);
    }

    [Fact]
    public async Task Help_lists_every_command_named_noun_then_verb()
    {
        var root = await CommandAsync("--help");
        Assert.Equal(0, root.Exit);
        foreach (var noun in new[] { "accounts", "summaries", "demo", "bench" }) Assert.Contains(noun, root.Out);

        string[][] verbs = [["accounts", "create-admin"], ["summaries", "send"], ["demo", "generate"], ["bench", "autosave"], ["bench", "insights"],
            ["bench", "insights-queries"], ["bench", "summaries"], ["bench", "people-import"], ["bench", "proof"]];
        foreach (var verb in verbs)
        {
            var help = await CommandAsync(verb[0], verb[1], "--help");
            Assert.Equal(0, help.Exit);
            Assert.Contains($"{verb[0]} {verb[1]} [options]", help.Out);
        }
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("--urls http://127.0.0.1:5080", false)]
    [InlineData("urls=http://127.0.0.1:5080", false)]
    [InlineData("--environment Production", false)]
    [InlineData("/urls http://127.0.0.1:5080", false)]
    [InlineData("summaries send --week 2026-W47", true)]
    [InlineData("sumaries send", true)] // a misspelt noun is refused, rather than starting the web app
    [InlineData("--help", true)]
    public void Only_a_command_word_or_help_runs_a_command_instead_of_the_web_app(string args, bool isCommand) =>
        Assert.Equal(isCommand, OperatorCommandLine.IsCommand(args.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public async Task Demo_generate_outside_development_is_refused_without_force_and_runs_with_it()
    {
        var refused = await RunAsync("Production", "demo", "generate", "--employees", "20", "--teams", "2", "--observations", "30");
        Assert.True(refused.Exit == 2, refused.Output);
        Assert.Contains("\"demo generate\" is for development: the environment is Production", refused.Output);
        Assert.Contains("--force", refused.Output);
        Assert.Equal(0, await GeneratedManagersAsync());

        var forced = await RunAsync("Production", "demo", "generate", "--employees", "20", "--teams", "2", "--observations", "30", "--force");
        Assert.True(forced.Exit == 0, forced.Output);
        Assert.Contains("Generated 2 teams", forced.Output);
        Assert.True(await GeneratedManagersAsync() >= 2);
    }

    [Fact]
    public async Task Benchmarks_outside_development_are_refused_without_force()
    {
        var refused = await RunAsync("Production", "bench", "summaries", "--employees", "5");
        Assert.True(refused.Exit == 2, refused.Output);
        Assert.Contains("\"bench summaries\" is for development", refused.Output);
        Assert.DoesNotContain("Seeded", refused.Output);
    }

    [Fact]
    public Task The_web_app_still_starts_when_the_arguments_are_aspnet_options() =>
        ServingAsync((server, _) =>
        {
            Assert.False(server.HasExited, "the app exited instead of serving");
            return Task.CompletedTask;
        });

    /// <summary>The web app started as an operator would (<c>--urls</c>), answering /health, while <paramref name="work"/> runs against it.</summary>
    async Task ServingAsync(Func<AppProcess, string, Task> work)
    {
        await using var server = await AppProcess.ServeAsync("Development", OnThisDatabase);
        await work(server, server.Url);
    }

    [Fact]
    public Task Bench_proof_times_each_proof_of_skill_page_or_reports_the_answer_it_got_and_never_crashes() =>
        ServingAsync(async (_, url) =>
        {
            var bench = await RunAsync("Development", "bench", "proof", "--url", url, "--runs", "1");

            // Each page has a line: timed, or the status it answered (a page not built yet answers 404), and the run went on.
            Assert.True(bench.Exit is 0 or 1, bench.Output);
            Assert.DoesNotContain("Unhandled exception", bench.Output);
            foreach (var (what, _) in ProofPageBenchmark.Pages)
                Assert.Matches($"{System.Text.RegularExpressions.Regex.Escape(what.Split(':')[0])}.*(median|answered \\d{{3}})", bench.Output);
            Assert.Equal(bench.Output.Contains(" answered "), bench.Exit == 1);
        });

    [Fact]
    public Task Bench_page_weight_prints_what_the_first_and_the_next_page_transfer() =>
        ServingAsync(async (_, url) =>
        {
            var bench = await RunAsync("Development", "bench", "page-weight", "--url", url);

            Assert.True(bench.Exit == 0, bench.Output);
            Assert.Matches(@"/lib/bootstrap/css/bootstrap\.min\.\w{10}\.css +[\d,]+ B on the wire \(232,111 B, br\), cached a year", bench.Output);
            Assert.Matches(@"first page: [\d.]+ KB transferred \(target < 100 KB: met\); the next page: [\d.]+ KB", bench.Output);
        });

    [Fact]
    public async Task The_app_does_not_start_on_settings_it_cannot_use_and_names_each_one_and_what_it_needs()
    {
        var result = await RunAsync("Production", new Dictionary<string, string>
        {
            ["Organisation__TimeZone"] = "Mars/Olympus_Mons",
            ["Summaries__PortalUrl"] = "coaching.example.org",
            ["Summaries__Schedule__Enabled"] = "true",
            ["Summaries__Schedule__Cron"] = "every monday",
            ["Smtp__Host"] = "mail.example.org",
            ["Smtp__Port"] = "465",
            ["Smtp__Security"] = "StartTls",
        });

        Assert.Equal(2, result.Exit);
        Assert.Contains("Coaching cannot start: fix these settings", result.Output);
        Assert.Contains("Organisation:TimeZone \"Mars/Olympus_Mons\" is not a time zone this machine knows", result.Output);
        Assert.Contains("Summaries:PortalUrl \"coaching.example.org\" must be the portal's absolute address", result.Output);
        Assert.Contains("Summaries:Schedule:Cron \"every monday\" is not a Quartz cron expression", result.Output);
        Assert.Contains("Smtp:Security StartTls does not go with port 465", result.Output);
        Assert.DoesNotContain("Unhandled exception", result.Output);
        Assert.False(File.Exists(database)); // stopped before touching the database
    }

    [Fact]
    public async Task Good_settings_outside_development_pass_the_start_check()
    {
        var result = await RunAsync("Production", new Dictionary<string, string>
        {
            ["Organisation__TimeZone"] = "America/New_York",
            ["Summaries__PortalUrl"] = "https://coaching.example.org",
            ["Smtp__Host"] = "mail.example.org",
            ["Smtp__Port"] = "587",
            ["Smtp__Security"] = "StartTls",
        }, "--help");

        Assert.Equal(0, result.Exit);
        Assert.DoesNotContain("cannot start", result.Output);
    }

    Task<(int Exit, string Output)> RunAsync(string environment, params string[] args) => RunAsync(environment, new Dictionary<string, string>(), args);

    /// <summary>The web project's own build, run from its folder as an operator would, on this test's database.</summary>
    Task<(int Exit, string Output)> RunAsync(string environment, IReadOnlyDictionary<string, string> settings, params string[] args) =>
        AppProcess.RunAsync(environment, OnThisDatabase.Concat(settings).ToDictionary(), args);

    Dictionary<string, string> OnThisDatabase => new() { ["ConnectionStrings__Coaching"] = $"Data Source={database}" };

    async Task<long> GeneratedManagersAsync()
    {
        if (!File.Exists(database)) return 0;
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AspNetUsers WHERE NormalizedEmail LIKE '%@' || $domain";
        command.Parameters.AddWithValue("$domain", DemoOrganisationGenerator.ManagerEmailDomain.ToUpperInvariant());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(database + suffix); } catch (IOException) { }
    }
}
