using Coaching.Web.Features.Insights;
using Coaching.Web.Features.Summaries;
using Coaching.Web.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Coaching.Tests.Foundation;

/// <summary>Each setting the app cannot work with is named at start, with what it needs; good ones pass.</summary>
public class SettingsChecksTests
{
    static IHostEnvironment Environment(string name) => new HostingEnvironment { EnvironmentName = name };

    static IReadOnlyList<string> Problems(OrganisationOptions o) => new SettingsChecks.OrganisationCheck().Validate(null, o).Failures?.ToList() ?? [];
    static IReadOnlyList<string> Problems(SummariesOptions o, string environment = "Production") =>
        new SettingsChecks.SummariesCheck(Environment(environment)).Validate(null, o).Failures?.ToList() ?? [];
    static IReadOnlyList<string> Problems(SmtpOptions o) => new SettingsChecks.SmtpCheck().Validate(null, o).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_pass() =>
        Assert.Empty(Problems(new OrganisationOptions()).Concat(Problems(new SummariesOptions())).Concat(Problems(new SmtpOptions())));

    [Theory]
    [InlineData("Europe/London", "en-GB", null)]
    [InlineData("Pacific/Auckland", "de-DE", null)]
    [InlineData("Mars/Olympus_Mons", "en-GB", "Organisation:TimeZone \"Mars/Olympus_Mons\" is not a time zone this machine knows")]
    [InlineData("", "en-GB", "Organisation:TimeZone")]
    [InlineData("Europe/London", "xx-NOWHERE", "Organisation:Culture \"xx-NOWHERE\" is not a culture")]
    public void The_time_zone_and_culture_must_be_known(string zone, string culture, string? problem)
    {
        var problems = Problems(new OrganisationOptions { TimeZone = zone, Culture = culture });
        if (problem is null) Assert.Empty(problems);
        else Assert.StartsWith(problem, Assert.Single(problems));
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(5000, false)]
    public void Teams_per_page_of_the_heat_map_must_be_from_1_to_1000(int teams, bool passes)
    {
        var problems = new SettingsChecks.InsightsCheck().Validate(null, new InsightsOptions { TeamsPerPage = teams }).Failures?.ToList() ?? [];
        Assert.Equal(passes, problems.Count == 0);
        if (!passes) Assert.StartsWith("Insights:TeamsPerPage must be from 1 to 1000", Assert.Single(problems));
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(1000, true)]
    [InlineData(0, false)]
    [InlineData(-3, false)]
    public void Observers_per_page_of_calibration_must_be_from_1_to_1000(int observers, bool passes)
    {
        var problems = new SettingsChecks.InsightsCheck().Validate(null, new InsightsOptions { ObserversPerPage = observers }).Failures?.ToList() ?? [];
        Assert.Equal(passes, problems.Count == 0);
        if (!passes) Assert.StartsWith("Insights:ObserversPerPage must be from 1 to 1000", Assert.Single(problems));
    }

    [Theory]
    [InlineData("https://coaching.example.org", "Production", true)]
    [InlineData("http://localhost:5080", "Production", true)]
    [InlineData("coaching.example.org", "Production", false)]
    [InlineData("ftp://coaching.example.org", "Production", false)]
    [InlineData("", "Production", false)]
    [InlineData("", "Development", true)]
    [InlineData("/portal", "Development", false)]
    public void The_portal_address_is_absolute_because_emails_link_to_it(string url, string environment, bool passes)
    {
        var problems = Problems(new SummariesOptions { PortalUrl = url }, environment);
        Assert.Equal(passes, problems.Count == 0);
        if (!passes) Assert.Contains("Summaries:PortalUrl", Assert.Single(problems));
    }

    [Theory]
    [InlineData("0 0 7 ? * MON", true, true)]
    [InlineData("every monday", true, false)]
    [InlineData("0 0 25 ? * MON", true, false)] // there is no hour 25
    [InlineData("every monday", false, true)]  // not scheduled: not read
    public void A_scheduled_cron_must_be_a_quartz_expression(string cron, bool enabled, bool passes)
    {
        var problems = Problems(new SummariesOptions { Schedule = new() { Cron = cron, Enabled = enabled } });
        Assert.Equal(passes, problems.Count == 0);
    }

    [Fact]
    public void Retry_numbers_must_be_positive()
    {
        var problems = Problems(new SummariesOptions { MaxAttempts = 0, RetryDelay = TimeSpan.Zero, ClaimTimeout = TimeSpan.FromMinutes(-1) });
        Assert.Equal(["Summaries:MaxAttempts", "Summaries:RetryDelay", "Summaries:ClaimTimeout"], problems.Select(p => p.Split(' ')[0]));
    }

    [Theory]
    [InlineData("mail.example.org", 587, SmtpSecurity.StartTls, "Coaching <coaching@example.org>", null)]
    [InlineData("mail.example.org", 465, SmtpSecurity.SslOnConnect, "coaching@example.org", null)]
    [InlineData("", 465, SmtpSecurity.StartTls, "coaching@example.org", null)] // no host: mail goes to the outbox
    [InlineData("mail.example.org", 0, SmtpSecurity.None, "coaching@example.org", "Smtp:Port must be from 1 to 65535")]
    [InlineData("mail.example.org", 70000, SmtpSecurity.None, "coaching@example.org", "Smtp:Port must be from 1 to 65535")]
    [InlineData("mail.example.org", 465, SmtpSecurity.StartTls, "coaching@example.org", "Smtp:Security StartTls does not go with port 465")]
    [InlineData("mail.example.org", 587, SmtpSecurity.SslOnConnect, "coaching@example.org", "Smtp:Security SslOnConnect does not go with port 587")]
    [InlineData("mail.example.org", 25, (SmtpSecurity)9, "coaching@example.org", "Smtp:Security must be one of None, StartTls, SslOnConnect")]
    [InlineData("mail.example.org", 25, SmtpSecurity.None, "not an address", "Smtp:From \"not an address\" is not an email address")]
    public void Smtp_port_security_and_sender_must_go_together(string host, int port, SmtpSecurity security, string from, string? problem)
    {
        var problems = Problems(new SmtpOptions { Host = host, Port = port, Security = security, From = from });
        if (problem is null) Assert.Empty(problems);
        else Assert.StartsWith(problem, Assert.Single(problems));
    }
}
