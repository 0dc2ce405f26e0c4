using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace Coaching.Tests.Infrastructure;

/// <summary>
/// The web app as an operator runs it: the web project's own build, started from its folder as a process of its own,
/// with settings in environment variables. <see cref="RunAsync"/> runs a command to its end; <see cref="ServeAsync"/>
/// starts a web node on a free loopback port and waits until /health answers. A node keeps what it prints.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> lines = new();
    readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    AppProcess(Process process, string url)
    {
        (this.process, Url) = (process, url);
        // Read as it comes, so a full pipe never blocks the app.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exited.TrySetResult();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }
    public bool HasExited => process.HasExited;
    /// <summary>Everything the node printed so far.</summary>
    public string Output => string.Join('\n', lines);

    public HttpClient NewClient(System.Net.CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new() })
        { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A web node serving on a free port; throws with what it printed when it does not answer /health in time.</summary>
    public static async Task<AppProcess> ServeAsync(string environment, IReadOnlyDictionary<string, string> settings)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var node = new AppProcess(Process.Start(StartInfo(environment, settings, "--urls", url))!, url);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until && !node.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return node;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        await node.DisposeAsync();
        throw new InvalidOperationException($"The node at {url} did not answer /health:\n{node.Output}");
    }

    /// <summary>A command of the app run to its end: its exit code and everything it printed.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string environment, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, settings, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The node dies at once, as on a power cut or an OOM kill: no shutdown, nothing handed back.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        try { await KillAsync(); } catch (InvalidOperationException) { }
        process.Dispose();
    }

    static ProcessStartInfo StartInfo(string environment, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = ProjectFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(ProjectFolder, "bin", configuration, "net10.0", "Coaching.Web.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["Summaries__Schedule__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        return info;
    }

    static readonly string ProjectFolder = FindProjectFolder();

    static string FindProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Coaching.Web", "Coaching.Web.csproj"))) return Path.Combine(dir.FullName, "Coaching.Web");
        throw new InvalidOperationException("The Coaching.Web project was not found above " + AppContext.BaseDirectory);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
