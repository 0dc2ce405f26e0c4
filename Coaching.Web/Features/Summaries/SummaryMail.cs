using Coaching.Domain.Summaries;
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
                await client.ConnectAsync(options.Host!, options.Port, security, ct);
                if (!string.IsNullOrEmpty(options.User))
                    await client.AuthenticateAsync(options.User, options.Password ?? "", ct);
            }
            await client.SendAsync(message, ct);
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

/// <summary>The summary email: a short HTML body with inline styles, a plain-text alternative, the PDF attached.</summary>
public static class SummaryEmail
{
    public static MimeMessage Build(WeeklySummary s, byte[] pdf, MailboxAddress from, MailboxAddress to, string portalLink, string organisation)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        message.Subject = $"Your development summary, week {s.Week}";
        var opening = SummaryPdf.Opening(s);
        var steps = s.NextSteps.Select(n => n.Text).Concat(s.OpenActions.Select(a => a.Text)).Distinct().Take(3).ToList();

        var text = $"Hello {s.EmployeeName},\n\n{opening}\n\n" +
            (steps.Count > 0 ? "Your next steps:\n" + string.Join("\n", steps.Select(x => "- " + x)) + "\n\n" : "") +
            $"Your summary for {s.WeekDates} is attached as a PDF. You can also view it in the portal:\n{portalLink}\n\n{organisation}\n";

        static string E(string v) => System.Net.WebUtility.HtmlEncode(v);
        var html = $"""
            <!DOCTYPE html>
            <html><body style="margin:0;padding:0;background:#f4f6f8;">
            <div style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#212529;">
            <p style="margin:0 0 12px 0;">Hello {E(s.EmployeeName)},</p>
            <p style="margin:0 0 16px 0;">{E(opening)}</p>
            {(steps.Count > 0 ? $"""<p style="margin:0 0 4px 0;font-weight:bold;">Your next steps</p><ul style="margin:0 0 16px 0;padding-left:20px;">{string.Concat(steps.Select(x => $"<li style=\"margin:0 0 4px 0;\">{E(x)}</li>"))}</ul>""" : "")}
            <p style="margin:0 0 20px 0;">Your summary for {E(s.WeekDates)} is attached as a PDF.</p>
            <p style="margin:0 0 24px 0;"><a href="{E(portalLink)}" style="display:inline-block;background:#0b5e8a;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:4px;">View it in the portal</a></p>
            <p style="margin:0;font-size:13px;color:#6c757d;">{E(organisation)}</p>
            </div></body></html>
            """;
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        body.Attachments.Add(SummaryPdf.FileName(s), pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }
}
