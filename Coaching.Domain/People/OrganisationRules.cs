using System.Net.Mail;
using Coaching.Domain.Organisation;

namespace Coaching.Domain.People;

/// <summary>A problem with one field of an administrative form, keyed by the field's name.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>What a person's details must be, whoever edits them (the People page, the import follows the same limits).</summary>
public static class PersonRules
{
    public sealed record Details(string? EmployeeNumber, string? FirstName, string? LastName, string? Email, DateOnly? HireDate);

    /// <param name="emailOwner">Who else already has this email (null when nobody).</param>
    /// <param name="numberOwner">Who else already has this employee id (null when nobody).</param>
    public static IReadOnlyList<FieldProblem> Check(Details d, string? emailOwner, string? numberOwner, DateOnly today)
    {
        var problems = new List<FieldProblem>();
        void Name(string field, string? value, string label)
        {
            if (string.IsNullOrWhiteSpace(value)) problems.Add(new(field, $"Enter the {label}."));
            else if (value.Length > PeopleImport.MaxNameLength) problems.Add(new(field, $"The {label} is longer than {PeopleImport.MaxNameLength} characters."));
            else if (value.Any(char.IsControl)) problems.Add(new(field, $"The {label} contains control characters."));
        }
        Name("FirstName", d.FirstName, "first name");
        Name("LastName", d.LastName, "last name");
        if (d.EmployeeNumber is { Length: > 50 }) problems.Add(new("EmployeeNumber", "The employee id is longer than 50 characters."));
        else if (numberOwner is not null) problems.Add(new("EmployeeNumber", $"Employee id {d.EmployeeNumber} already belongs to {numberOwner}."));
        if (!string.IsNullOrWhiteSpace(d.Email))
        {
            if (d.Email.Length > PeopleImport.MaxEmailLength || !MailAddress.TryCreate(d.Email, out var parsed) || parsed.Address != d.Email.Trim())
                problems.Add(new("Email", "Enter an email address like name@example.com."));
            else if (emailOwner is not null) problems.Add(new("Email", $"{d.Email} is already the email of {emailOwner}."));
        }
        if (d.HireDate is null) problems.Add(new("HireDate", "Enter the hire date."));
        else if (d.HireDate < new DateOnly(1900, 1, 1) || d.HireDate > today.AddYears(1)) problems.Add(new("HireDate", "Enter a hire date between 1900 and a year from now."));
        return problems;
    }
}

/// <summary>Teams: names, archiving, merging.</summary>
public static class TeamRules
{
    public static IReadOnlyList<FieldProblem> CheckName(string? name, string? site, IEnumerable<Team> others)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(name)) problems.Add(new("Name", "Enter the team's name."));
        else if (name.Trim().Length > 100) problems.Add(new("Name", "The team's name is longer than 100 characters."));
        if (string.IsNullOrWhiteSpace(site)) problems.Add(new("Site", "Enter the site the team works at."));
        else if (site.Trim().Length > 100) problems.Add(new("Site", "The site's name is longer than 100 characters."));
        if (problems.Count == 0 && others.FirstOrDefault(t => t.Name.Equals(name!.Trim(), StringComparison.OrdinalIgnoreCase) && t.Site.Equals(site!.Trim(), StringComparison.OrdinalIgnoreCase)) is { } same)
            problems.Add(new("Name", $"{same.Site} already has a team called {same.Name}."));
        return problems;
    }

    /// <summary>Only a team nobody active is in can be archived: people are moved (or leave) first, so nobody loses their manager.</summary>
    public static string? WhyNotArchive(Team team, int activePeople) =>
        team.ArchivedAtUtc is not null ? "This team is already archived."
        : activePeople > 0 ? $"{team.Name} still has {activePeople} active {(activePeople == 1 ? "person" : "people")}: move them to another team first, or merge the teams."
        : null;

    public static string? WhyNotMerge(Team from, Team into) =>
        from.Id == into.Id ? "Choose another team to merge into."
        : into.ArchivedAtUtc is not null ? $"{into.Name} is archived; choose an active team."
        : from.ArchivedAtUtc is not null ? $"{from.Name} is already archived."
        : null;
}
