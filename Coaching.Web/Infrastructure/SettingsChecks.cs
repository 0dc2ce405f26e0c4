using System.Globalization;
using Coaching.Domain.Summaries;
using Coaching.Web.Features.Insights;
using Coaching.Web.Features.Summaries;
using Microsoft.Extensions.Options;
using MimeKit;
using Quartz;

namespace Coaching.Web.Infrastructure;

/// <summary>
/// Settings checked when the app starts (ValidateOnStart): a wrong time zone, portal address, SMTP port or cron stops the
/// start with a message naming the setting and what it needs, instead of failing on the first request or on Monday at
/// 07:00. Program.cs prints the messages and exits with code 2 (the same code as a refused command line).
/// </summary>
public static class SettingsChecks
{
    public const int ExitCode = 2;

    public static IServiceCollection AddCheckedSettings(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<OrganisationOptions>().Bind(config.GetSection("Organisation")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrganisationOptions>, OrganisationCheck>();
        services.AddOptions<SummariesOptions>().Bind(config.GetSection("Summaries")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SummariesOptions>, SummariesCheck>();
        services.AddOptions<SmtpOptions>().Bind(config.GetSection("Smtp")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpCheck>();
        services.AddOptions<InsightsOptions>().Bind(config.GetSection("Insights")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InsightsOptions>, InsightsCheck>();
        return services;
    }

    /// <summary>Checks every setting now; null when they are all right, else one line per problem.</summary>
    public static IReadOnlyList<string>? Problems(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (OptionsValidationException e) { return [.. e.Failures]; }
        catch (AggregateException e) { return [.. e.InnerExceptions.OfType<OptionsValidationException>().SelectMany(x => x.Failures)]; }
    }

    /// <summary>Whether Quartz reads <paramref name="expression"/> as a cron expression (it throws FormatException otherwise).</summary>
    public static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) return false;
        try { _ = new CronExpression(expression); return true; }
        catch (FormatException) { return false; }
    }

    static ValidateOptionsResult Result(List<string> problems) =>
        problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);

    public sealed class OrganisationCheck : IValidateOptions<OrganisationOptions>
    {
        public ValidateOptionsResult Validate(string? name, OrganisationOptions o)
        {
            var problems = new List<string>();
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone ?? "", out _))
                problems.Add($"Organisation:TimeZone \"{o.TimeZone}\" is not a time zone this machine knows: use an IANA name such as Europe/London or America/New_York.");
            try { CultureInfo.GetCultureInfo(o.Culture ?? "", predefinedOnly: true); }
            catch (CultureNotFoundException) { problems.Add($"Organisation:Culture \"{o.Culture}\" is not a culture this machine knows: use a name such as en-GB or de-DE."); }
            return Result(problems);
        }
    }

    public sealed class InsightsCheck : IValidateOptions<InsightsOptions>
    {
        public ValidateOptionsResult Validate(string? name, InsightsOptions o)
        {
            var problems = new List<string>();
            if (o.TeamsPerPage is < 1 or > 1000) problems.Add($"Insights:TeamsPerPage must be from 1 to 1000 (teams per page of the coverage heat map), not {o.TeamsPerPage}.");
            if (o.ObserversPerPage is < 1 or > 1000) problems.Add($"Insights:ObserversPerPage must be from 1 to 1000 (observers per page of rater calibration), not {o.ObserversPerPage}.");
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    public sealed class SummariesCheck(IHostEnvironment environment) : IValidateOptions<SummariesOptions>
    {
        public ValidateOptionsResult Validate(string? name, SummariesOptions o)
        {
            var problems = new List<string>();
            // Links in emails must open from a person's mail client; a developer's machine may leave it empty.
            var absolute = Uri.TryCreate(o.PortalUrl, UriKind.Absolute, out var portal) && portal.Scheme is "http" or "https";
            if (!absolute && !(environment.IsDevelopment() && string.IsNullOrWhiteSpace(o.PortalUrl)))
                problems.Add($"Summaries:PortalUrl \"{o.PortalUrl}\" must be the portal's absolute address (e.g. https://coaching.example.org): emails link to it.");
            if (o.Schedule.Enabled && !IsCron(o.Schedule.Cron))
                problems.Add($"Summaries:Schedule:Cron \"{o.Schedule.Cron}\" is not a Quartz cron expression (seconds first, e.g. \"0 0 7 ? * MON\" for Monday 07:00).");
            if (o.Schedule.RetryEvery <= TimeSpan.Zero) problems.Add("Summaries:Schedule:RetryEvery must be longer than zero (e.g. 00:15:00).");
            if (o.MaxAttempts < 1) problems.Add($"Summaries:MaxAttempts must be 1 or more, not {o.MaxAttempts}.");
            if (o.RetryDelay <= TimeSpan.Zero) problems.Add("Summaries:RetryDelay must be longer than zero (e.g. 00:05:00).");
            if (o.ClaimTimeout <= TimeSpan.Zero) problems.Add("Summaries:ClaimTimeout must be longer than zero (e.g. 00:10:00).");
            if (!Enum.IsDefined(o.QuietWeeks)) problems.Add($"Summaries:QuietWeeks \"{o.QuietWeeks}\" is not one of {string.Join(", ", Enum.GetNames<QuietWeekPolicy>())}.");
            if (string.IsNullOrWhiteSpace(o.Outbox)) problems.Add("Summaries:Outbox needs a folder for mail written when no SMTP host is set.");
            return Result(problems);
        }
    }

    public sealed class SmtpCheck : IValidateOptions<SmtpOptions>
    {
        public ValidateOptionsResult Validate(string? name, SmtpOptions o)
        {
            var problems = new List<string>();
            if (o.Port is < 1 or > 65535) problems.Add($"Smtp:Port must be from 1 to 65535, not {o.Port}.");
            if (!Enum.IsDefined(o.Security)) problems.Add($"Smtp:Security must be one of {string.Join(", ", Enum.GetNames<SmtpSecurity>())}.");
            // Implicit TLS on the plain port, or STARTTLS on the implicit-TLS port, hangs until the timeout on every send.
            else if (!string.IsNullOrWhiteSpace(o.Host) && (o.Security, o.Port) is (SmtpSecurity.SslOnConnect, 25 or 587) or (SmtpSecurity.StartTls, 465))
                problems.Add($"Smtp:Security {o.Security} does not go with port {o.Port}: use SslOnConnect with 465, StartTls with 587 (or 25).");
            if (!MailboxAddress.TryParse(o.From ?? "", out _)) problems.Add($"Smtp:From \"{o.From}\" is not an email address (e.g. Coaching <coaching@example.org>).");
            if (o.Timeout <= TimeSpan.Zero) problems.Add("Smtp:Timeout must be longer than zero (e.g. 00:00:30).");
            return Result(problems);
        }
    }
}
