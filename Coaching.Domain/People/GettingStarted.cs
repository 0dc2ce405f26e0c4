namespace Coaching.Domain.People;

/// <summary>The steps an organisation takes from an empty database to a working floor, each ticked when it is done.</summary>
public static class GettingStarted
{
    public sealed record Facts(int Teams, int JobRoles, int JobRolesWithoutRubric, int People, int PeopleWithEmail, int PeopleInvitedOrSignedUp, bool MailServerConfigured);
    public sealed record Step(string Title, bool Done, string Detail, string Href);

    public static IReadOnlyList<Step> Steps(Facts f) =>
    [
        new("Sites and teams", f.Teams > 0,
            f.Teams > 0 ? $"{f.Teams} {(f.Teams == 1 ? "team" : "teams")}." : "No teams yet: create them, or let the people import create them from the file.", "/Admin/Teams"),
        new("Job roles and rubrics", f.JobRoles > 0 && f.JobRolesWithoutRubric == 0,
            f.JobRoles == 0 ? "No job roles yet: the people import creates them; then give each a rubric and required levels."
            : f.JobRolesWithoutRubric > 0 ? $"{f.JobRolesWithoutRubric} of {f.JobRoles} job roles have no rubric yet: managers cannot observe people in them."
            : $"All {f.JobRoles} job roles have a rubric.", "/Rubrics/Roles"),
        new("People", f.People > 0,
            f.People > 0 ? $"{f.People} people." : "Import the people export of your HR system (CSV).", "/People/Import"),
        new("Invitations", f.PeopleWithEmail > 0 && f.PeopleInvitedOrSignedUp >= f.PeopleWithEmail,
            f.PeopleWithEmail == 0 ? "Nobody with an email address to invite yet."
            : $"{f.PeopleInvitedOrSignedUp} of {f.PeopleWithEmail} people with an email address are invited or signed up.", "/People"),
        new("Email settings", f.MailServerConfigured,
            f.MailServerConfigured ? "Mail goes through your SMTP server." : "No SMTP server is set: mail is written to the outbox folder. Set Smtp:Host (see the README).", "/Summaries"),
    ];

    public static bool IsComplete(Facts f) => Steps(f).All(s => s.Done);
}
