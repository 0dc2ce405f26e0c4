using Coaching.Domain.Summaries;
using Coaching.Web.Pdf;

namespace Coaching.Web.Features.Summaries;

/// <summary>The <c>Summaries</c> configuration section.</summary>
public sealed class SummariesOptions
{
    public PaperSize Paper { get; set; } = PaperSize.A4;
    /// <summary>What an employee with no observation in the week receives.</summary>
    public QuietWeekPolicy QuietWeeks { get; set; } = QuietWeekPolicy.SendWhenAnythingToSay;
    /// <summary>Where messages go as .eml files when no SMTP host is configured; relative paths are under the content root.</summary>
    public string Outbox { get; set; } = "App_Data/outbox";
    /// <summary>The portal's public address, for the "view in the portal" link in each email.</summary>
    public string PortalUrl { get; set; } = "http://localhost:5080";
    /// <summary>Attempts per delivery before the scheduled retries give up (a person can still press "Retry failed").</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>Wait after the first failure; doubles with each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>A claim older than this belongs to a run that died; the next run takes the row over.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);
    public ScheduleOptions Schedule { get; set; } = new();

    public sealed class ScheduleOptions
    {
        public bool Enabled { get; set; } = true;
        /// <summary>Quartz cron (seconds first), in the organisation's time zone: Monday 07:00.</summary>
        public string Cron { get; set; } = "0 0 7 ? * MON";
        /// <summary>How often failed deliveries due a retry, and batches left half done, are picked up.</summary>
        public TimeSpan RetryEvery { get; set; } = TimeSpan.FromMinutes(15);
    }
}

public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>The <c>Smtp</c> configuration section; with no Host, mail goes to the outbox folder instead.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Coaching <coaching@localhost>";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
