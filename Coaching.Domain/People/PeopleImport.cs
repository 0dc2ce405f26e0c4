using System.Globalization;
using Coaching.Domain.Insights;

namespace Coaching.Domain.People;

/// <summary>A column of the people import, whatever the HR system called it.</summary>
public enum PeopleColumn { EmployeeId, FirstName, LastName, Email, JobRole, Team, Site, ManagerEmail, HireDate, Active }

/// <summary>A person as the organisation has them today, as the import compares them.</summary>
public sealed record ExistingPerson(int Id, string? EmployeeId, string FirstName, string LastName, string? Email,
    string JobRole, string Team, string Site, DateOnly HireDate, bool Active);

/// <summary>One valid row of the file: a person as the HR system says they are.</summary>
public sealed record PersonRecord(int RowNumber, string? EmployeeId, string FirstName, string LastName, string? Email,
    string JobRole, string Team, string? Site, string? ManagerEmail, DateOnly? HireDate, bool Active);

public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

/// <summary>What applying a row does: a new person (no <see cref="ExistingId"/>) or the fields that change.</summary>
public sealed record PersonChange(PersonRecord Row, int? ExistingId, IReadOnlyList<FieldChange> Changes);

public sealed record RowProblem(int RowNumber, string Reason, IReadOnlyList<string> Cells);

/// <summary>A manager (by email) who will lead a team (by site and name) because people of that team name them.</summary>
public sealed record ManagerAssignment(string ManagerEmail, string Team, string? Site);

public sealed record ImportOptions(CultureInfo Culture, bool MissingPeopleHaveLeft = false, int MaxRows = PeopleImport.DefaultMaxRows);

/// <summary>Everything an upload would change, shown before anything does.</summary>
public sealed record ImportPreview(
    string? FileProblem,
    IReadOnlyList<string> Header,
    IReadOnlyList<PersonChange> New,
    IReadOnlyList<PersonChange> Changed,
    int Unchanged,
    IReadOnlyList<RowProblem> Problems,
    IReadOnlyList<ExistingPerson> Leaving,
    IReadOnlyList<string> NewJobRoles,
    IReadOnlyList<(string Team, string? Site)> NewTeams,
    IReadOnlyList<ManagerAssignment> Managers)
{
    public static ImportPreview Refused(string problem) => new(problem, [], [], [], 0, [], [], [], [], []);
    public bool CanApply => FileProblem is null && (New.Count + Changed.Count + Leaving.Count > 0 || Managers.Count > 0);

    /// <summary>The problem rows as a CSV to fix and upload again: the file's own columns and a reason.</summary>
    public byte[] ProblemsCsv() =>
        Csv.Document([.. Header, "problem"], Problems.Select(p => p.Cells.Cast<object?>().Concat([p.Reason])));
}

/// <summary>
/// The rules of bringing people in from an HR export: which columns mean what, what is wrong with a row (by the row number
/// a spreadsheet shows), who is matched to whom (employee id, else email) and what would change. Pure: the caller loads
/// the people, the job roles and teams that exist, and applies the preview.
/// </summary>
public static class PeopleImport
{
    public const int DefaultMaxRows = 20_000;
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;

    static readonly Dictionary<string, PeopleColumn> Aliases = BuildAliases();

    static Dictionary<string, PeopleColumn> BuildAliases()
    {
        var map = new Dictionary<string, PeopleColumn>();
        void Add(PeopleColumn column, params string[] names) { foreach (var n in names) map[Normalise(n)] = column; }
        Add(PeopleColumn.EmployeeId, "employee_id", "employee id", "employee number", "employee no", "emp id", "staff id", "staff number", "personnel number", "payroll number", "id");
        Add(PeopleColumn.FirstName, "first_name", "first name", "given name", "forename", "first");
        Add(PeopleColumn.LastName, "last_name", "last name", "surname", "family name", "last");
        Add(PeopleColumn.Email, "email", "e-mail", "email address", "work email", "mail");
        Add(PeopleColumn.JobRole, "job_role", "job role", "role", "job title", "position", "job");
        Add(PeopleColumn.Team, "team", "team name", "department");
        Add(PeopleColumn.Site, "site", "site name", "location", "store", "branch");
        Add(PeopleColumn.ManagerEmail, "manager_email", "manager email", "manager", "line manager email", "line manager", "supervisor email", "reports to");
        Add(PeopleColumn.HireDate, "hire_date", "hire date", "start date", "date hired", "date of hire", "join date", "joined");
        Add(PeopleColumn.Active, "active", "is active", "status", "employment status");
        return map;
    }

    static string Normalise(string header) =>
        new(header.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>What the column headed <paramref name="header"/> means, if anything.</summary>
    public static PeopleColumn? ColumnFor(string header) => Aliases.TryGetValue(Normalise(header), out var c) ? c : null;

    /// <param name="currentManagers">Who leads which team today (manager email, team, site), so only new assignments are listed.</param>
    public static ImportPreview Preview(string text, IReadOnlyList<ExistingPerson> existing, ImportOptions options, IReadOnlyCollection<ManagerAssignment>? currentManagers = null)
    {
        var (file, problem) = CsvFile.Read(text);
        if (file is null) return ImportPreview.Refused(problem!);
        return Preview(file, existing, options, currentManagers ?? []);
    }

    public static ImportPreview Preview(CsvFile file, IReadOnlyList<ExistingPerson> existing, ImportOptions options, IReadOnlyCollection<ManagerAssignment> currentManagers)
    {
        var columns = new Dictionary<PeopleColumn, int>();
        for (var i = 0; i < file.Header.Count; i++)
        {
            if (ColumnFor(file.Header[i]) is not { } column) continue;
            if (columns.TryGetValue(column, out var first))
                return ImportPreview.Refused($"Columns \"{file.Header[first]}\" and \"{file.Header[i]}\" both give the {Label(column)}; keep one of them.");
            columns[column] = i;
        }
        var missing = new[] { PeopleColumn.FirstName, PeopleColumn.LastName, PeopleColumn.JobRole, PeopleColumn.Team }
            .Where(c => !columns.ContainsKey(c)).Select(Label).ToList();
        if (!columns.ContainsKey(PeopleColumn.EmployeeId) && !columns.ContainsKey(PeopleColumn.Email)) missing.Add("employee id or email");
        if (missing.Count > 0)
            return ImportPreview.Refused($"The header row (row 1) has no column for: {string.Join(", ", missing)}. Found: {string.Join(", ", file.Header.Select(h => $"\"{h}\""))}.");
        if (file.Records.Count == 0)
            return ImportPreview.Refused("The file has a header row but no people.");
        if (file.Records.Count > options.MaxRows)
            return ImportPreview.Refused($"The file has {file.Records.Count:N0} people; an import takes up to {options.MaxRows:N0} at a time. Split it into smaller files.");

        var byEmployeeId = existing.Where(p => !string.IsNullOrEmpty(p.EmployeeId)).GroupBy(p => p.EmployeeId!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var byEmail = existing.Where(p => !string.IsNullOrEmpty(p.Email)).GroupBy(p => p.Email!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        // First pass: read every row on its own, and note which ids and emails the file uses (for duplicates and managers).
        var parsed = new List<(CsvRecord Record, PersonRecord? Person, List<string> Problems)>();
        var fileEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in file.Records)
        {
            var (person, problems) = ReadRow(record, columns, options.Culture);
            parsed.Add((record, person, problems));
            if (person?.Email is { } e) fileEmails.Add(e);
        }

        var seenIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seenEmails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var matched = new HashSet<int>();
        var added = new List<PersonChange>();
        var changed = new List<PersonChange>();
        var problemsOut = new List<RowProblem>();
        var unchanged = 0;
        var valid = new List<PersonRecord>();
        foreach (var (record, person, problems) in parsed)
        {
            ExistingPerson? match = null;
            if (person is not null)
            {
                if (person.EmployeeId is { } id)
                {
                    if (seenIds.TryGetValue(id, out var earlier)) problems.Add($"Employee id {id} is also on row {earlier}.");
                    else seenIds[id] = record.RowNumber;
                    byEmployeeId.TryGetValue(id, out match);
                }
                if (match is null && person.Email is { } byMail && byEmail.TryGetValue(byMail, out var mailMatch))
                {
                    if (person.EmployeeId is { } id2 && !string.IsNullOrEmpty(mailMatch.EmployeeId) && !string.Equals(mailMatch.EmployeeId, id2, StringComparison.OrdinalIgnoreCase))
                        problems.Add($"The email {byMail} belongs to {mailMatch.FirstName} {mailMatch.LastName} (employee id {mailMatch.EmployeeId}), not to employee id {id2}.");
                    else match = mailMatch;
                }
                if (person.Email is { } email)
                {
                    if (seenEmails.TryGetValue(email, out var earlier)) problems.Add($"The email {email} is also on row {earlier}.");
                    else seenEmails[email] = record.RowNumber;
                    if (byEmail.TryGetValue(email, out var owner) && owner.Id != match?.Id && !problems.Any(p => p.StartsWith("The email", StringComparison.Ordinal)))
                        problems.Add($"The email {email} is already used by {owner.FirstName} {owner.LastName}{(owner.EmployeeId is null ? "" : $" (employee id {owner.EmployeeId})")}.");
                }
                if (person.ManagerEmail is { } manager && !fileEmails.Contains(manager) && !byEmail.ContainsKey(manager))
                    problems.Add($"The manager email {manager} is not anyone in this file or in the organisation.");
                if (match is null && person.HireDate is null)
                    problems.Add("The hire date is empty; it is needed for a new person (tenure).");
            }
            if (problems.Count > 0 || person is null)
            {
                problemsOut.Add(new RowProblem(record.RowNumber, string.Join(" ", problems), record.Cells));
                if (match is not null) matched.Add(match.Id); // someone with a problem row has not left
                continue;
            }
            valid.Add(person);
            if (match is null) { added.Add(new PersonChange(person, null, [])); continue; }
            matched.Add(match.Id);
            var changes = Diff(match, person);
            if (changes.Count == 0) unchanged++;
            else changed.Add(new PersonChange(person, match.Id, changes));
        }

        var leaving = options.MissingPeopleHaveLeft
            ? existing.Where(p => p.Active && !matched.Contains(p.Id)).OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ToList()
            : [];
        var knownRoles = existing.Select(p => p.JobRole).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var knownTeams = existing.Select(p => (p.Team.ToLowerInvariant(), p.Site.ToLowerInvariant())).ToHashSet();
        return new ImportPreview(null, file.Header, added, changed, unchanged, problemsOut, leaving,
            valid.Select(p => p.JobRole).Where(r => !knownRoles.Contains(r)).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList(),
            valid.Where(p => !knownTeams.Contains((p.Team.ToLowerInvariant(), (p.Site ?? "").ToLowerInvariant())) && !(p.Site is null && existing.Any(e => e.Team.Equals(p.Team, StringComparison.OrdinalIgnoreCase))))
                .Select(p => (p.Team, p.Site)).DistinctBy(t => (t.Team.ToLowerInvariant(), t.Site?.ToLowerInvariant())).ToList(),
            valid.Where(p => p.ManagerEmail is not null).Select(p => new ManagerAssignment(p.ManagerEmail!.ToLowerInvariant(), p.Team, p.Site))
                .Where(m => !currentManagers.Any(c => c.ManagerEmail.Equals(m.ManagerEmail, StringComparison.OrdinalIgnoreCase)
                    && c.Team.Equals(m.Team, StringComparison.OrdinalIgnoreCase) && (m.Site is null || m.Site.Equals(c.Site, StringComparison.OrdinalIgnoreCase))))
                .DistinctBy(m => (m.ManagerEmail, m.Team.ToLowerInvariant(), m.Site?.ToLowerInvariant())).ToList());
    }

    static List<FieldChange> Diff(ExistingPerson before, PersonRecord after)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? old, string? @new, bool keepWhenEmpty = true)
        {
            if (keepWhenEmpty && string.IsNullOrEmpty(@new)) return; // an empty cell does not erase what is known
            if (!string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) changes.Add(new FieldChange(field, old, @new));
        }
        Compare("employee id", before.EmployeeId, after.EmployeeId);
        Compare("first name", before.FirstName, after.FirstName);
        Compare("last name", before.LastName, after.LastName);
        if (!string.Equals(before.Email, after.Email, StringComparison.OrdinalIgnoreCase)) Compare("email", before.Email, after.Email);
        if (!string.Equals(before.JobRole, after.JobRole, StringComparison.OrdinalIgnoreCase)) Compare("job role", before.JobRole, after.JobRole);
        if (!string.Equals(before.Team, after.Team, StringComparison.OrdinalIgnoreCase)) Compare("team", before.Team, after.Team);
        if (after.Site is not null && !string.Equals(before.Site, after.Site, StringComparison.OrdinalIgnoreCase)) Compare("site", before.Site, after.Site);
        if (after.HireDate is { } hired && hired != before.HireDate) Compare("hire date", Iso(before.HireDate), Iso(hired));
        if (after.Active != before.Active) Compare("active", before.Active ? "yes" : "no", after.Active ? "yes" : "no");
        return changes;
    }

    static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static (PersonRecord? Person, List<string> Problems) ReadRow(CsvRecord record, Dictionary<PeopleColumn, int> columns, CultureInfo culture)
    {
        var problems = new List<string>();
        // A line break inside a quoted cell is layout, not content: "Front\nEnd" is the team Front End.
        string? Cell(PeopleColumn c) => columns.TryGetValue(c, out var i) && i < record.Cells.Count && !string.IsNullOrWhiteSpace(record.Cells[i])
            ? string.Join(' ', record.Cells[i].Split([' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)) : null;
        string? Text(PeopleColumn c, bool required, int max)
        {
            var value = Cell(c);
            if (value is null) { if (required) problems.Add($"The {Label(c)} is empty."); return null; }
            if (value.Length > max) { problems.Add($"The {Label(c)} is longer than {max} characters."); return null; }
            if (value[0] is '=' or '+' or '@') { problems.Add($"The {Label(c)} \"{value}\" looks like a spreadsheet formula."); return null; }
            if (value.Any(ch => char.IsControl(ch))) { problems.Add($"The {Label(c)} contains control characters."); return null; }
            return value;
        }
        string? Email(PeopleColumn c)
        {
            var value = Text(c, required: false, MaxEmailLength);
            if (value is not null && !LooksLikeEmail(value)) { problems.Add($"The {Label(c)} \"{value}\" is not an email address."); return null; }
            return value?.ToLowerInvariant();
        }

        var employeeId = Text(PeopleColumn.EmployeeId, required: false, 50);
        var first = Text(PeopleColumn.FirstName, required: true, MaxNameLength);
        var last = Text(PeopleColumn.LastName, required: true, MaxNameLength);
        var email = Email(PeopleColumn.Email);
        var role = Text(PeopleColumn.JobRole, required: true, MaxNameLength);
        var team = Text(PeopleColumn.Team, required: true, MaxNameLength);
        var site = Text(PeopleColumn.Site, required: false, MaxNameLength);
        var manager = Email(PeopleColumn.ManagerEmail);
        if (employeeId is null && email is null && Cell(PeopleColumn.EmployeeId) is null && Cell(PeopleColumn.Email) is null)
            problems.Add("Neither an employee id nor an email: one of them is needed to recognise the person next time.");

        DateOnly? hired = null;
        if (Cell(PeopleColumn.HireDate) is { } rawDate)
        {
            var (date, dateProblem) = ImportDates.Read(rawDate, culture);
            if (dateProblem is not null) problems.Add(dateProblem); else hired = date;
        }
        var active = true;
        if (Cell(PeopleColumn.Active) is { } rawActive)
        {
            if (ReadActive(rawActive) is { } a) active = a;
            else problems.Add($"\"{rawActive}\" in the active column is neither yes nor no (use yes/no, true/false, 1/0, active/left).");
        }
        if (problems.Count > 0) return (null, problems);
        return (new PersonRecord(record.RowNumber, employeeId, first!, last!, email, role!, team!, site, manager, hired, active), problems);
    }

    static bool? ReadActive(string value) => value.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" or "true" or "1" or "active" or "current" or "employed" => true,
        "no" or "n" or "false" or "0" or "inactive" or "left" or "leaver" or "terminated" => false,
        _ => null,
    };

    /// <summary>Enough to catch a name in the email column or a missing domain; the invitation proves the rest.</summary>
    static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.') && !value.Any(char.IsWhiteSpace);
    }

    public static string Label(PeopleColumn column) => column switch
    {
        PeopleColumn.EmployeeId => "employee id",
        PeopleColumn.FirstName => "first name",
        PeopleColumn.LastName => "last name",
        PeopleColumn.Email => "email",
        PeopleColumn.JobRole => "job role",
        PeopleColumn.Team => "team",
        PeopleColumn.Site => "site",
        PeopleColumn.ManagerEmail => "manager email",
        PeopleColumn.HireDate => "hire date",
        _ => "active flag",
    };
}
