using Coaching.Domain.Summaries;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coaching.Web.Features.Summaries;

/// <summary>A connection for a batch of messages: one SMTP connection reused for all, or the outbox folder.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Opens mail sessions from configuration: SMTP when <c>Smtp:Host</c> is set, .eml files in the outbox otherwise.</summary>
public sealed class SummaryMailer(IOptions<SmtpOptions> smtp, IOptions<SummariesOptions> summaries, IWebHostEnvironment env)
{
    public bool UsesOutbox => string.IsNullOrWhiteSpace(smtp.Value.Host);
    public string OutboxPath => Path.GetFullPath(Path.Combine(env.ContentRootPath, summaries.Value.Outbox));
    public MailboxAddress From => MailboxAddress.Parse(smtp.Value.From);

    public IMailSession Open() => UsesOutbox ? new OutboxSession(OutboxPath) : new SmtpSession(smtp.Value);

    /// <summary>A reply of the server with a 5xx code is permanent for that message; 4xx, timeouts and connection errors are temporary.</summary>
    public static FailureKind FailureKindOf(Exception ex) => ex switch
    {
        SmtpCommandException command => DeliveryRetry.FromSmtpReply((int)command.StatusCode),
        AuthenticationException => FailureKind.Permanent,
        _ => FailureKind.Temporary,
    };

    /// <summary>The error as the delivery log shows it, with the server's reply code when there is one.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException command => $"The mail server answered {(int)command.StatusCode}: {command.Message}",
        System.Net.Sockets.SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException or OperationCanceledException
            => $"The mail server could not be reached: {ex.Message}",
        _ => ex.Message,
    };

    sealed class SmtpSession(SmtpOptions options) : IMailSession
    {
        readonly SmtpClient client = new() { Timeout = (int)options.Timeout.TotalMilliseconds };

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            // Connect lazily and reconnect after a dropped connection, so one bad moment fails one message, not the batch.
            if (!client.IsConnected)
            {
                var security = options.Security switch
                {
                    SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                    SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                    _ => SecureSocketOptions.None,
                };
                await client.ConnectAsync(await ConnectAsync(ct), options.Host!, options.Port, security, ct);
                if (!string.IsNullOrEmpty(options.User))
                    await client.AuthenticateAsync(options.User, options.Password ?? "", ct);
            }
            try { await client.SendAsync(message, ct); }
            catch (Exception ex) when (ex is not SmtpCommandException)
            {
                // The connection is in an unknown state (dropped, timed out): start the next message on a fresh one.
                try { await client.DisconnectAsync(false, CancellationToken.None); } catch (Exception) { /* already gone */ }
                throw;
            }
        }

        /// <summary>
        /// A TCP connection without Nagle's algorithm. MailKit's own leaves it on, and then the message's last small write
        /// (the ending ".") waits for the server's delayed acknowledgement of the body: about 40 ms on every message.
        /// </summary>
        async Task<System.Net.Sockets.Socket> ConnectAsync(CancellationToken ct)
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(options.Timeout);
                await socket.ConnectAsync(options.Host!, options.Port, timeout.Token);
                return socket;
            }
            catch (Exception)
            {
                socket.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try { if (client.IsConnected) await client.DisconnectAsync(true); }
            catch (Exception) { /* the batch is done; a failed QUIT changes nothing */ }
            client.Dispose();
        }
    }

    sealed class OutboxSession(string folder) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, ct);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

