using System.Globalization;
using Coaching.Domain.People;

namespace Coaching.Tests.Domain;

public class PeopleImportTests
{
    static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");
    static readonly ImportOptions Options = new(British);
    const string Header = "employee_id,first_name,last_name,email,job_role,team,site,manager_email,hire_date,active";

    static ExistingPerson Ana(int id = 1) => new(id, "E100", "Ana", "Ruiz", "ana.ruiz@example.org", "Cashier", "Front End", "Riverside", new DateOnly(2021, 3, 1), true);

    static ImportPreview Preview(string csv, params ExistingPerson[] existing) => PeopleImport.Preview(csv, existing, Options);

    [Fact]
    public void A_new_person_is_new_and_the_team_role_and_manager_they_name_are_listed()
    {
        var preview = Preview($"""
            {Header}
            E200,Tom,Becker,tom.becker@example.org,Barista,Morning Crew,Canal Street,ana.ruiz@example.org,2024-09-15,yes
            """, Ana());
        Assert.Null(preview.FileProblem);
        var tom = Assert.Single(preview.New).Row;
        Assert.Equal(("Tom", "Becker", new DateOnly(2024, 9, 15)), (tom.FirstName, tom.LastName, tom.HireDate!.Value));
        Assert.Equal(["Barista"], preview.NewJobRoles);
        Assert.Equal([("Morning Crew", (string?)"Canal Street")], preview.NewTeams);
        Assert.Equal(new ManagerAssignment("ana.ruiz@example.org", "Morning Crew", "Canal Street"), Assert.Single(preview.Managers));
    }

    [Fact]
    public void The_same_person_again_is_unchanged_and_a_changed_field_is_named()
    {
        var same = Preview($"{Header}\nE100,Ana,Ruiz,ANA.RUIZ@example.org,Cashier,Front End,Riverside,,2021-03-01,true", Ana());
        Assert.Equal((0, 0, 1), (same.New.Count, same.Changed.Count, same.Unchanged));
        Assert.False(same.CanApply);

        var moved = Preview($"{Header}\nE100,Ana,Ruiz,ana.ruiz@example.org,Cashier,Online Orders,Riverside,,2021-03-01,true", Ana());
        var change = Assert.Single(Assert.Single(moved.Changed).Changes);
        Assert.Equal(new FieldChange("team", "Front End", "Online Orders"), change);
    }

    [Fact]
    public void People_are_matched_by_email_when_the_file_has_no_employee_id()
    {
        var preview = Preview("first_name;last_name;e-mail;Job Title;Department\nAna;Ruiz-Diaz;ana.ruiz@example.org;Cashier;Front End", Ana());
        var change = Assert.Single(preview.Changed);
        Assert.Equal(1, change.ExistingId);
        Assert.Equal(new FieldChange("last name", "Ruiz", "Ruiz-Diaz"), Assert.Single(change.Changes));
    }

    [Fact]
    public void Quoted_cells_hold_delimiters_quotes_and_line_breaks_and_rows_are_numbered_as_a_spreadsheet_shows_them()
    {
        var preview = Preview("\uFEFF" + Header + "\r\n" +
            "E1,\"Mary, Jane\",\"O\"\"Neil\",mj@example.org,Cashier,\"Front\nEnd\",Riverside,,2024-01-02,\r\n" +
            "E2,Bad,Date,bd@example.org,Cashier,Front End,Riverside,,2024-02-30,\r\n");
        var mary = Assert.Single(preview.New).Row;
        Assert.Equal(("Mary, Jane", "O\"Neil", "Front End", 2), (mary.FirstName, mary.LastName, mary.Team, mary.RowNumber));
        var problem = Assert.Single(preview.Problems);
        Assert.Equal(3, problem.RowNumber);
        Assert.Contains("\"2024-02-30\" is not a real date", problem.Reason);
    }

    [Theory]
    [InlineData("2024-09-15", "2024-09-15", null)]
    [InlineData("15/09/2024", "2024-09-15", null)]
    [InlineData("15.09.2024", "2024-09-15", null)]
    [InlineData("15 Sep 2024", "2024-09-15", null)]
    [InlineData("03/04/2024", null, "could be 3 April or 4 March")]
    [InlineData("09/15/2024", null, "not a date in day/month/year order")]
    [InlineData("31/02/2024", null, "not a real date")]
    [InlineData("15/09/24", null, "year in full")]
    [InlineData("soon", null, "is not a date")]
    public void Dates_are_read_when_they_cannot_be_misread(string raw, string? expected, string? problem)
    {
        var (date, message) = ImportDates.Read(raw, British);
        Assert.Equal(expected, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (problem is null) Assert.Null(message); else Assert.Contains(problem, message);
    }

    [Fact]
    public void An_american_export_reads_month_first()
    {
        var (date, problem) = ImportDates.Read("09/15/2024", CultureInfo.GetCultureInfo("en-US"));
        Assert.Null(problem);
        Assert.Equal(new DateOnly(2024, 9, 15), date);
    }

    [Fact]
    public void Every_kind_of_bad_row_is_reported_with_its_row_number_and_reason()
    {
        var preview = Preview($"""
            {Header}
            E201,Zoe,Lukas,zoe@example.org,Cashier,Front End,Riverside,,2024-01-01,yes
            E202,Ray,Dup,zoe@example.org,Cashier,Front End,Riverside,,2024-01-01,yes
            E203,Sam,Taken,ana.ruiz@example.org,Cashier,Front End,Riverside,,2024-01-01,yes
            E204,Lee,Orphan,lee@example.org,Cashier,Front End,Riverside,nobody@example.org,2024-01-01,yes
            E205,,Nameless,nn@example.org,Cashier,Front End,Riverside,,2024-01-01,yes
            E206,Kim,Maybe,kim@example.org,Cashier,Front End,Riverside,,2024-01-01,maybe
            E207,=HYPERLINK("x"),Formula,f@example.org,Cashier,Front End,Riverside,,2024-01-01,yes
            E201,Zed,Twice,zed@example.org,Cashier,Front End,Riverside,,2024-01-01,yes
            E209,No,Hire,nohire@example.org,Cashier,Front End,Riverside,,,yes
            """, Ana());
        Assert.Equal(["Zoe"], preview.New.Select(n => n.Row.FirstName));
        var reasons = preview.Problems.ToDictionary(p => p.RowNumber, p => p.Reason);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10], reasons.Keys.Order());
        Assert.Contains("zoe@example.org is also on row 2", reasons[3]);
        Assert.Contains("ana.ruiz@example.org belongs to Ana Ruiz (employee id E100)", reasons[4]);
        Assert.Contains("manager email nobody@example.org is not anyone", reasons[5]);
        Assert.Contains("first name is empty", reasons[6]);
        Assert.Contains("\"maybe\" in the active column", reasons[7]);
        Assert.Contains("looks like a spreadsheet formula", reasons[8]);
        Assert.Contains("Employee id E201 is also on row 2", reasons[9]);
        Assert.Contains("hire date is empty", reasons[10]);

        var csv = System.Text.Encoding.UTF8.GetString(preview.ProblemsCsv());
        Assert.Contains("problem", csv.Split("\r\n")[0]);
        Assert.Contains("'=HYPERLINK", csv); // the problem file cannot run the formula either
    }

    [Theory]
    [InlineData("first_name,last_name,team\nA,B,C", "no column for: job role, employee id or email")]
    [InlineData("first_name,last_name,email,job_role,team,Surname\nA,B,a@x.org,R,T,Z", "both give the last name")]
    [InlineData(Header, "header row but no people")]
    [InlineData("", "empty")]
    [InlineData("first_name,\"last_name\nA,B", "never closed")]
    public void A_file_that_cannot_be_imported_says_why(string csv, string problem)
    {
        var preview = Preview(csv);
        Assert.Contains(problem, preview.FileProblem);
        Assert.False(preview.CanApply);
    }

    [Fact]
    public void A_binary_file_or_too_many_rows_is_refused_with_a_message()
    {
        Assert.Contains("not a text file", Preview("PK\u0003\u0004\0\0binary").FileProblem);
        var rows = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"E{i},A,B,a{i}@x.org,R,T,S,,2024-01-01,yes"));
        var preview = PeopleImport.Preview($"{Header}\n{rows}", [], Options with { MaxRows = 25 });
        Assert.Contains("30 people; an import takes up to 25", preview.FileProblem);
    }

    [Fact]
    public void Missing_people_leave_only_when_the_file_is_a_full_export()
    {
        var bo = new ExistingPerson(2, "E101", "Bo", "Berg", "bo@example.org", "Cashier", "Front End", "Riverside", new DateOnly(2020, 1, 1), true);
        var csv = $"{Header}\nE100,Ana,Ruiz,ana.ruiz@example.org,Cashier,Front End,Riverside,,2021-03-01,yes";
        Assert.Empty(PeopleImport.Preview(csv, [Ana(), bo], Options).Leaving);
        var full = PeopleImport.Preview(csv, [Ana(), bo], Options with { MissingPeopleHaveLeft = true });
        Assert.Equal(["Bo"], full.Leaving.Select(p => p.FirstName));
    }

    [Fact]
    public void An_active_flag_of_no_makes_a_leaver()
    {
        var preview = Preview($"{Header}\nE100,Ana,Ruiz,ana.ruiz@example.org,Cashier,Front End,Riverside,,2021-03-01,left", Ana());
        Assert.Equal(new FieldChange("active", "yes", "no"), Assert.Single(Assert.Single(preview.Changed).Changes));
    }
}

public class AccountStateTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false, false, false, null, false, AccountState.None)]
    [InlineData(true, false, false, null, false, AccountState.None)]       // created by an import, never invited
    [InlineData(true, false, true, null, false, AccountState.Invited)]
    [InlineData(true, true, true, null, false, AccountState.Active)]
    [InlineData(true, true, true, 10, false, AccountState.Locked)]
    [InlineData(true, true, true, -10, false, AccountState.Active)]     // a lockout that has ended
    [InlineData(true, true, true, 10, true, AccountState.Deactivated)]  // deactivated wins
    [InlineData(true, false, true, null, true, AccountState.Deactivated)]
    public void An_account_is_in_one_state_an_administrator_can_act_on(bool account, bool password, bool invited, int? lockoutMinutes, bool deactivated, AccountState expected) =>
        Assert.Equal(expected, AccountStates.Of(account, password, invited ? Now.UtcDateTime.AddDays(-1) : null,
            lockoutMinutes is { } m ? Now.AddMinutes(m) : null, deactivated ? Now.UtcDateTime : null, Now));
}

public class OrganisationRulesTests
{
    static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void A_person_needs_names_a_real_email_nobody_else_has_and_a_sane_hire_date()
    {
        var problems = PersonRules.Check(new("E1", " ", "Ruiz", "not-an-email", new DateOnly(2030, 1, 1)), null, null, Today);
        Assert.Equal(["FirstName", "Email", "HireDate"], problems.Select(p => p.Field));
        var taken = PersonRules.Check(new("E1", "Ana", "Ruiz", "tom@example.org", Today), emailOwner: "Tom Becker", numberOwner: "Zoë Ł", Today);
        Assert.Equal(["Employee id E1 already belongs to Zoë Ł.", "tom@example.org is already the email of Tom Becker."], taken.Select(p => p.Message));
        Assert.Empty(PersonRules.Check(new(null, "Ana", "Ruiz", null, Today), null, null, Today));
    }

    [Fact]
    public void A_team_is_archived_only_when_nobody_active_is_in_it_and_merged_only_into_another_active_team()
    {
        var front = new Coaching.Domain.Organisation.Team { Id = 1, Name = "Front End", Site = "Riverside" };
        var online = new Coaching.Domain.Organisation.Team { Id = 2, Name = "Online", Site = "Riverside" };
        Assert.Contains("still has 2 active people", TeamRules.WhyNotArchive(front, 2));
        Assert.Null(TeamRules.WhyNotArchive(front, 0));
        Assert.Null(TeamRules.WhyNotMerge(front, online));
        Assert.NotNull(TeamRules.WhyNotMerge(front, front));
        Assert.Equal("Riverside already has a team called Front End.", Assert.Single(TeamRules.CheckName("front end", "Riverside", [front, online])).Message);
    }
}

public class GettingStartedTests
{
    [Fact]
    public void An_empty_organisation_has_every_step_to_do_and_each_is_ticked_when_done()
    {
        var empty = new GettingStarted.Facts(0, 0, 0, 0, 0, 0, false);
        Assert.All(GettingStarted.Steps(empty), s => Assert.False(s.Done));
        var half = new GettingStarted.Facts(3, 2, 1, 40, 30, 10, false);
        Assert.Equal([true, false, true, false, false], GettingStarted.Steps(half).Select(s => s.Done));
        Assert.Contains("1 of 2 job roles have no rubric", GettingStarted.Steps(half)[1].Detail);
        Assert.True(GettingStarted.IsComplete(new GettingStarted.Facts(3, 2, 0, 40, 30, 30, true)));
    }
}
