using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Coaching.Tests.Summaries;

/// <summary>
/// A real SMTP server (aiosmtpd, Debian's python3-aiosmtpd) on a free loopback port, storing what it receives in a
/// folder. It can be stopped and started again on the same port (the server being down) and told to refuse recipients.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    // Debian's interpreter, where apt installs aiosmtpd (a pyenv or venv python3 on PATH would not see it).
    static readonly string Python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    readonly string script = Path.Combine(AppContext.BaseDirectory, "Summaries", "smtp_sink.py");
    Process? process;

    public int Port { get; } = FreePort();
    public string Folder { get; } = Directory.CreateTempSubdirectory("coaching-smtp-").FullName;

    public SmtpServer() => Start();

    public void Start()
    {
        if (process is { HasExited: false }) return;
        var info = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(Port.ToString());
        info.ArgumentList.Add(Folder);
        process = Process.Start(info)!;
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "READY")
            throw new InvalidOperationException($"The test SMTP server did not start: {process.StandardError.ReadToEnd()} (install python3-aiosmtpd: scripts/install-test-deps.sh)");
    }

    /// <summary>The server is down: connections are refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        if (process is null) return;
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.WaitForExit(10_000);
        process.Dispose();
        process = null;
    }

    /// <summary>Each message waits this long before it is accepted (null: at once), with <see cref="IsReceiving"/> true meanwhile.</summary>
    public void DelayEachMessage(TimeSpan? delay)
    {
        var file = Path.Combine(Folder, "delay.txt");
        if (delay is { } d) File.WriteAllText(file, d.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else File.Delete(file);
    }

    /// <summary>A message is being received and not yet accepted.</summary>
    public bool IsReceiving => Directory.EnumerateFiles(Folder, "inflight-*").Any();

    public void Refuse(params string[] recipients) => File.WriteAllLines(Path.Combine(Folder, "refuse.txt"), recipients);

    /// <summary>Answers every recipient with this reply code (451: try again later; 550: refused), or normally again with null.</summary>
    public void AnswerEveryRecipient(int? replyCode)
    {
        var file = Path.Combine(Folder, "reply.txt");
        if (replyCode is { } code) File.WriteAllText(file, code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else File.Delete(file);
    }

    /// <summary>How many times a sender offered a message to each address (RCPT commands), accepted or not.</summary>
    public IReadOnlyDictionary<string, int> RecipientAttempts()
    {
        var file = Path.Combine(Folder, "rcpt.log");
        return !File.Exists(file) ? new Dictionary<string, int>()
            : File.ReadAllLines(file).Where(l => l.Length > 0).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
    }

    public int RecipientAttempts(string address) => RecipientAttempts().GetValueOrDefault(address.ToLowerInvariant());

    /// <summary>How many SMTP sessions senders opened (EHLO greetings: one per connection without STARTTLS).</summary>
    public int Sessions()
    {
        var file = Path.Combine(Folder, "sessions.log");
        return File.Exists(file) ? File.ReadAllLines(file).Count(l => l.Length > 0) : 0;
    }

    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Path.Combine(Folder, "messages"), "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList();

    public int Count() => Directory.GetFiles(Path.Combine(Folder, "messages"), "*.eml").Length;

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
