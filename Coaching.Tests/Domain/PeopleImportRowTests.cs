using System.Globalization;
using Coaching.Domain.People;

namespace Coaching.Tests.Domain;

/// <summary>How one row of an HR export is read and compared with the person we have: the import's field rules.</summary>
public class PeopleImportRowTests
{
    static readonly ImportOptions Options = new(CultureInfo.GetCultureInfo("en-GB"));
    const string Header = "employee_id,first_name,last_name,email,job_role,team,site,manager_email,hire_date,active";

    static ExistingPerson Ana => new(1, "E100", "Ana", "Ruiz", "ana.ruiz@example.org", "Cashier", "Front End", "Riverside", new DateOnly(2021, 3, 1), true);

    static ImportPreview Preview(string rows, params ExistingPerson[] existing) => PeopleImport.Preview($"{Header}\n{rows}", existing, Options);

    static string Reason(string row) => Assert.Single(Preview(row, Ana).Problems).Reason;

    [Fact]
    public void Every_field_that_changes_is_named_with_its_old_and_new_value()
    {
        var preview = Preview("E100,Anna,Ruiz Diaz,anna@example.org,Barista,Online,Harbour,,2021-04-01,no", Ana);
        Assert.Equal(
        [
            new FieldChange("first name", "Ana", "Anna"),
            new FieldChange("last name", "Ruiz", "Ruiz Diaz"),
            new FieldChange("email", "ana.ruiz@example.org", "anna@example.org"),
            new FieldChange("job role", "Cashier", "Barista"),
            new FieldChange("team", "Front End", "Online"),
            new FieldChange("site", "Riverside", "Harbour"),
            new FieldChange("hire date", "2021-03-01", "2021-04-01"),
            new FieldChange("active", "yes", "no"),
        ], Assert.Single(preview.Changed).Changes);
    }

    [Fact]
    public void An_empty_cell_keeps_what_is_known_and_a_change_of_case_is_no_change()
    {
        var preview = PeopleImport.Preview("employee_id,first_name,last_name,email,job_role,team,site\nE100,Ana,Ruiz,,CASHIER,front end,",
            [Ana], Options);
        Assert.Equal(1, preview.Unchanged);
        Assert.Empty(preview.Changed);
    }

    [Fact]
    public void A_person_found_by_email_gets_the_employee_id_of_the_file()
    {
        var noId = Ana with { EmployeeId = null };
        var preview = Preview("E555,Ana,Ruiz,ana.ruiz@example.org,Cashier,Front End,Riverside,,,yes", noId);
        Assert.Equal(new FieldChange("employee id", null, "E555"), Assert.Single(Assert.Single(preview.Changed).Changes));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData(" Y ", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("Active", true)]
    [InlineData("current", true)]
    [InlineData("employed", true)]
    [InlineData("n", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("inactive", false)]
    [InlineData("Leaver", false)]
    [InlineData("terminated", false)]
    [InlineData("", true)]
    public void The_active_column_reads_the_words_HR_systems_use(string cell, bool active) =>
        Assert.Equal(active, Assert.Single(Preview($"E9,Bo,Berg,bo@example.org,Cashier,Front End,Riverside,,2024-01-01,{cell}").New).Row.Active);

    [Fact]
    public void A_line_break_or_run_of_spaces_inside_a_cell_is_one_space()
    {
        var bo = Assert.Single(Preview("E9,\"Bo \n\t Anders\",Berg,bo@example.org,Cashier,\"Front\r\nEnd\",Riverside,,2024-01-01,yes").New).Row;
        Assert.Equal(("Bo Anders", "Front End"), (bo.FirstName, bo.Team));
    }

    [Fact]
    public void Names_are_at_most_100_characters_and_employee_ids_50()
    {
        Assert.Equal("The first name is longer than 100 characters.", Reason($"E9,{new string('b', 101)},Berg,bo@example.org,Cashier,Front End,Riverside,,2024-01-01,yes"));
        Assert.Single(Preview($"E9,{new string('b', 100)},Berg,bo@example.org,Cashier,Front End,Riverside,,2024-01-01,yes").New);
        Assert.Equal("The employee id is longer than 50 characters.", Reason($"{new string('1', 51)},Bo,Berg,bo@example.org,Cashier,Front End,Riverside,,2024-01-01,yes"));
    }

    [Theory]
    [InlineData("+44 cmd", "looks like a spreadsheet formula")]
    [InlineData("@SUM(A1)", "looks like a spreadsheet formula")]
    [InlineData("-Bo", null)]
    [InlineData("Bo\u0007", "contains control characters")]
    public void A_name_that_a_spreadsheet_would_run_or_that_hides_control_characters_is_refused(string first, string? problem)
    {
        var preview = Preview($"E9,\"{first}\",Berg,bo@example.org,Cashier,Front End,Riverside,,2024-01-01,yes");
        if (problem is null) Assert.Single(preview.New);
        else Assert.Contains($"The first name ", Assert.Single(preview.Problems).Reason);
        if (problem is not null) Assert.Contains(problem, preview.Problems[0].Reason);
    }

    [Theory]
    [InlineData("bo", false)]
    [InlineData("bo@@example.org", false)]
    [InlineData("bo@example", false)]
    [InlineData("bo@.org", false)]
    [InlineData("bo@example.", false)]
    [InlineData("bo @example.org", false)]
    [InlineData("b@e.o", true)]
    [InlineData("BO@Example.ORG", true)]
    public void An_email_needs_one_at_a_name_and_a_dotted_domain(string email, bool ok)
    {
        var preview = Preview($"E9,Bo,Berg,{email},Cashier,Front End,Riverside,,2024-01-01,yes");
        if (ok) Assert.Equal(email.ToLowerInvariant(), Assert.Single(preview.New).Row.Email);
        else Assert.Equal($"The email \"{email}\" is not an email address.", Assert.Single(preview.Problems).Reason);
    }

    [Fact]
    public void A_manager_email_is_read_like_an_email()
    {
        Assert.Equal("The manager email \"boss\" is not an email address.", Reason("E9,Bo,Berg,bo@example.org,Cashier,Front End,Riverside,boss,2024-01-01,yes"));
        var bo = Assert.Single(Preview("E9,Bo,Berg,bo@example.org,Cashier,Front End,Riverside,ANA.RUIZ@example.org,2024-01-01,yes", Ana).New).Row;
        Assert.Equal("ana.ruiz@example.org", bo.ManagerEmail);
    }

    [Fact]
    public void A_row_needs_an_employee_id_or_an_email()
    {
        Assert.Equal("Neither an employee id nor an email: one of them is needed to recognise the person next time.",
            Reason(",Bo,Berg,,Cashier,Front End,Riverside,,2024-01-01,yes"));
        Assert.Single(Preview(",Bo,Berg,bo@example.org,Cashier,Front End,Riverside,,2024-01-01,yes").New);
        Assert.Single(Preview("E9,Bo,Berg,,Cashier,Front End,Riverside,,2024-01-01,yes").New);
    }

    [Fact]
    public void Every_problem_of_a_row_is_told_at_once()
    {
        Assert.Equal("The last name is empty. The job role is empty. \"31/31/2024\" is not a real date.",
            Reason("E9,Bo,,bo@example.org,,Front End,Riverside,,31/31/2024,yes"));
    }

    [Fact]
    public void A_known_team_without_a_site_is_not_new_and_a_known_manager_is_not_listed_again()
    {
        var preview = PeopleImport.Preview("employee_id,first_name,last_name,job_role,team,manager_email,hire_date\nE9,Bo,Berg,cashier,FRONT END,ana.ruiz@example.org,2024-01-01",
            [Ana], Options, [new ManagerAssignment("ANA.RUIZ@example.org", "front end", "Riverside")]);
        Assert.Empty(preview.NewTeams);
        Assert.Empty(preview.NewJobRoles);
        Assert.Empty(preview.Managers);
        Assert.True(preview.CanApply);
    }

    [Theory]
    [InlineData(PeopleColumn.EmployeeId, "employee_id", "employee id", "employee number", "employee no", "emp id", "staff id", "staff number", "personnel number", "payroll number", "id")]
    [InlineData(PeopleColumn.FirstName, "first_name", "first name", "given name", "forename", "first")]
    [InlineData(PeopleColumn.LastName, "last_name", "last name", "surname", "family name", "last")]
    [InlineData(PeopleColumn.Email, "email", "e-mail", "email address", "work email", "mail")]
    [InlineData(PeopleColumn.JobRole, "job_role", "job role", "role", "job title", "position", "job")]
    [InlineData(PeopleColumn.Team, "team", "team name", "department")]
    [InlineData(PeopleColumn.Site, "site", "site name", "location", "store", "branch")]
    [InlineData(PeopleColumn.ManagerEmail, "manager_email", "manager email", "manager", "line manager email", "line manager", "supervisor email", "reports to")]
    [InlineData(PeopleColumn.HireDate, "hire_date", "hire date", "start date", "date hired", "date of hire", "join date", "joined")]
    [InlineData(PeopleColumn.Active, "active", "is active", "status", "employment status")]
    public void Every_header_an_HR_system_uses_for_a_column_is_recognised(PeopleColumn column, params string[] headers) =>
        Assert.All(headers, h => Assert.Equal(column, PeopleImport.ColumnFor(h.ToUpperInvariant())));

    [Theory]
    [InlineData("")]
    [InlineData(" - ")]
    [InlineData("notes")]
    public void A_blank_or_unknown_header_is_no_column(string header) => Assert.Null(PeopleImport.ColumnFor(header));

    [Fact]
    public void A_file_that_only_names_new_managers_can_be_applied_and_one_that_changes_nothing_cannot()
    {
        var managersOnly = Preview("E100,Ana,Ruiz,ana.ruiz@example.org,Cashier,Front End,Riverside,ana.ruiz@example.org,2021-03-01,yes", Ana);
        Assert.Equal((0, 0, 1), (managersOnly.New.Count, managersOnly.Changed.Count, managersOnly.Managers.Count));
        Assert.True(managersOnly.CanApply);
        Assert.False(Preview("E100,Ana,Ruiz,ana.ruiz@example.org,Cashier,Front End,Riverside,,2021-03-01,yes", Ana).CanApply);
        var leaver = PeopleImport.Preview($"{Header}\nE9,Bo,Berg,bo@example.org,Cashier,Front End,Riverside,,2024-01-01,yes", [Ana], Options with { MissingPeopleHaveLeft = true });
        Assert.True(leaver.CanApply);
    }

    [Fact]
    public void The_problem_file_has_the_rows_own_cells_and_the_reason_last()
    {
        var preview = Preview("E9,Bo,Berg,bo@example.org,Cashier,,Riverside,,2024-01-01,yes");
        Assert.Equal(
            $"\uFEFF{Header},problem\r\nE9,Bo,Berg,bo@example.org,Cashier,,Riverside,,2024-01-01,yes,The team is empty.\r\n",
            System.Text.Encoding.UTF8.GetString(preview.ProblemsCsv()));
    }

    [Fact]
    public void A_row_shorter_than_the_header_leaves_the_missing_cells_empty()
    {
        var bo = Assert.Single(Preview("E9,Bo,Berg,bo@example.org,Cashier,Front End,Riverside,,2024-01-01").New).Row;
        Assert.True(bo.Active);
        Assert.Equal("The hire date is empty; it is needed for a new person (tenure).", Reason("E9,Bo,Berg,bo@example.org,Cashier,Front End,Riverside"));
    }
}
