using System.Globalization;
using Coaching.Domain.Organisation;
using Coaching.Domain.People;

namespace Coaching.Tests.Domain;

public class PeopleRulesMoreTests
{
    static readonly DateOnly Today = new(2026, 11, 25);
    static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    static PersonRules.Details Person(string? number = "E1", string? first = "Ana", string? last = "Ruiz", string? email = "ana@example.org", DateOnly? hired = null) =>
        new(number, first, last, email, hired ?? new DateOnly(2021, 3, 1));

    static Team Team(int id, string name, bool archived = false) =>
        new() { Id = id, Name = name, Site = "Riverside", ArchivedAtUtc = archived ? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) : null };

    [Theory]
    [InlineData(AccountState.None, "no account")]
    [InlineData(AccountState.Invited, "invited")]
    [InlineData(AccountState.Active, "active")]
    [InlineData(AccountState.Locked, "locked")]
    [InlineData(AccountState.Deactivated, "deactivated")]
    public void Each_account_state_reads_in_words(AccountState state, string label) => Assert.Equal(label, state.Label());

    [Fact]
    public void A_lockout_ending_right_now_is_over()
    {
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(AccountState.Active, AccountStates.Of(true, true, null, now, null, now));
        Assert.Equal(AccountState.Active, AccountStates.Of(true, true, null, null, null, now));
    }

    [Fact]
    public void Names_are_required_short_and_free_of_control_characters()
    {
        Assert.Equal([new FieldProblem("FirstName", "Enter the first name."), new FieldProblem("LastName", "Enter the last name.")],
            PersonRules.Check(Person(first: null, last: ""), null, null, Today));
        Assert.Equal([new FieldProblem("LastName", "The last name is longer than 100 characters.")],
            PersonRules.Check(Person(last: new string('r', 101)), null, null, Today));
        Assert.Empty(PersonRules.Check(Person(last: new string('r', 100)), null, null, Today));
        Assert.Equal([new FieldProblem("FirstName", "The first name contains control characters.")],
            PersonRules.Check(Person(first: "An\u0007a"), null, null, Today));
    }

    [Fact]
    public void An_employee_id_is_at_most_50_characters()
    {
        Assert.Equal([new FieldProblem("EmployeeNumber", "The employee id is longer than 50 characters.")],
            PersonRules.Check(Person(number: new string('1', 51)), null, "Tom", Today));
        Assert.Empty(PersonRules.Check(Person(number: new string('1', 50)), null, null, Today));
    }

    [Theory]
    [InlineData("ana@example.org", true)]
    [InlineData(" ana@example.org ", true)]
    [InlineData("Ana Ruiz <ana@example.org>", false)]
    [InlineData("ana", false)]
    public void An_email_is_a_plain_address(string email, bool ok) =>
        Assert.Equal(ok, PersonRules.Check(Person(email: email), null, null, Today).Count == 0);

    [Fact]
    public void An_email_longer_than_254_characters_is_refused_even_if_well_formed()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 4)) + ".org";
        var email = new string('a', 254 - 1 - domain.Length) + "@" + domain;
        Assert.Equal(254, email.Length);
        Assert.Empty(PersonRules.Check(Person(email: email), null, null, Today));
        Assert.Equal("Email", Assert.Single(PersonRules.Check(Person(email: "a" + email), null, null, Today)).Field);
    }

    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2027-11-25", true)]
    [InlineData("2027-11-26", false)]
    public void A_hire_date_lies_between_1900_and_a_year_from_now(string hired, bool ok)
    {
        var problems = PersonRules.Check(Person(hired: DateOnly.Parse(hired)), null, null, Today);
        Assert.Equal(ok ? [] : [new FieldProblem("HireDate", "Enter a hire date between 1900 and a year from now.")], problems);
    }

    [Fact]
    public void A_missing_hire_date_is_asked_for() =>
        Assert.Equal([new FieldProblem("HireDate", "Enter the hire date.")],
            PersonRules.Check(new PersonRules.Details("E1", "Ana", "Ruiz", null, null), null, null, Today));

    [Fact]
    public void A_team_needs_a_name_and_a_site_of_at_most_100_characters()
    {
        Assert.Equal([new FieldProblem("Name", "Enter the team's name."), new FieldProblem("Site", "Enter the site the team works at.")],
            TeamRules.CheckName(" ", null, []));
        Assert.Equal([new FieldProblem("Name", "The team's name is longer than 100 characters."), new FieldProblem("Site", "The site's name is longer than 100 characters.")],
            TeamRules.CheckName(new string('n', 101), new string('s', 101), []));
        Assert.Empty(TeamRules.CheckName(" " + new string('n', 100) + " ", new string('s', 100), []));
    }

    [Fact]
    public void The_same_team_name_is_allowed_on_another_site()
    {
        Team[] others = [Team(1, "Front End")];
        Assert.Empty(TeamRules.CheckName("Front End", "Harbour", others));
        Assert.Single(TeamRules.CheckName(" FRONT END ", " riverside ", others));
        Assert.Empty(TeamRules.CheckName("Back Office", "Riverside", others));
    }

    [Fact]
    public void Archiving_and_merging_say_why_not()
    {
        Assert.Equal("This team is already archived.", TeamRules.WhyNotArchive(Team(1, "Front End", archived: true), 0));
        Assert.Equal("Front End still has 1 active person: move them to another team first, or merge the teams.", TeamRules.WhyNotArchive(Team(1, "Front End"), 1));
        Assert.Equal("Choose another team to merge into.", TeamRules.WhyNotMerge(Team(1, "Front End"), Team(1, "Front End")));
        Assert.Equal("Online is archived; choose an active team.", TeamRules.WhyNotMerge(Team(1, "Front End"), Team(2, "Online", archived: true)));
        Assert.Equal("Front End is already archived.", TeamRules.WhyNotMerge(Team(1, "Front End", archived: true), Team(2, "Online")));
    }

    [Fact]
    public void Getting_started_says_what_is_there_and_what_is_missing()
    {
        var empty = GettingStarted.Steps(new(0, 0, 0, 0, 0, 0, false));
        Assert.Equal(["/Admin/Teams", "/Rubrics/Roles", "/People/Import", "/People", "/Summaries"], empty.Select(s => s.Href));
        Assert.Equal(["Sites and teams", "Job roles and rubrics", "People", "Invitations", "Email settings"], empty.Select(s => s.Title));
        Assert.Equal("No teams yet: create them, or let the people import create them from the file.", empty[0].Detail);
        Assert.Equal("No job roles yet: the people import creates them; then give each a rubric and required levels.", empty[1].Detail);
        Assert.Equal("Import the people export of your HR system (CSV).", empty[2].Detail);
        Assert.Equal("Nobody with an email address to invite yet.", empty[3].Detail);
        Assert.Equal("No SMTP server is set: mail is written to the outbox folder. Set Smtp:Host (see the README).", empty[4].Detail);
        Assert.False(GettingStarted.IsComplete(new(0, 0, 0, 0, 0, 0, false)));

        var one = GettingStarted.Steps(new(1, 1, 0, 1, 1, 1, true));
        Assert.All(one, s => Assert.True(s.Done));
        Assert.Equal(["1 team.", "All 1 job roles have a rubric.", "1 people.", "1 of 1 people with an email address are invited or signed up.", "Mail goes through your SMTP server."],
            one.Select(s => s.Detail));
        Assert.Equal("3 teams.", GettingStarted.Steps(new(3, 1, 0, 1, 1, 1, true))[0].Detail);
        // More invited than have an address (someone's address was removed) still counts as done.
        Assert.True(GettingStarted.Steps(new(1, 1, 0, 3, 2, 3, true))[3].Done);
        Assert.False(GettingStarted.Steps(new(1, 1, 0, 3, 2, 1, true))[3].Done);
        Assert.False(GettingStarted.IsComplete(new(1, 1, 0, 1, 1, 1, false)));
    }

    [Theory]
    [InlineData("2024-09-15 00:00", "2024-09-15")]
    [InlineData("2024-09-15T00:00:00", "2024-09-15")]
    [InlineData(" 15-09-2024 ", "2024-09-15")]
    [InlineData("5/5/2024", "2024-05-05")]
    [InlineData("31/12/2200", "2200-12-31")]
    [InlineData("01/01/1900", "1900-01-01")]
    [InlineData("13/12/2024", "2024-12-13")]
    [InlineData("12/11/2024", null)]
    [InlineData("11/12/2024", null)]
    [InlineData("12/12/2024", "2024-12-12")]
    [InlineData("13/01/2024", "2024-01-13")]
    [InlineData("12/13/2024", null)]
    [InlineData("2024-9-5", "2024-09-05")]
    [InlineData("1899-12-31", null)]
    [InlineData("2201-01-01", null)]
    [InlineData("2024-13-01", null)]
    [InlineData("2024-00-10", null)]
    [InlineData("2024-01-00", null)]
    [InlineData("2024-02-29", "2024-02-29")]
    [InlineData("2023-02-29", null)]
    [InlineData("15 September 2024", "2024-09-15")]
    [InlineData("2024-09-15 10:30", null)]
    public void Hire_dates_in_british_order(string raw, string? expected) =>
        Assert.Equal(expected, ImportDates.Read(raw, British).Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    [Fact]
    public void A_date_problem_explains_itself()
    {
        Assert.Equal("\"03/04/2024\" could be 3 April or 4 March; write it as YYYY-MM-DD, e.g. 2024-09-15.", ImportDates.Read("03/04/2024", British).Problem);
        Assert.Equal("\"04/03/2024\" could be 3 April or 4 March; write it as YYYY-MM-DD, e.g. 2024-09-15.", ImportDates.Read("04/03/2024", CultureInfo.GetCultureInfo("en-US")).Problem);
        Assert.Equal("\"13/12/2024\" is not a date in month/day/year order; write it as YYYY-MM-DD, e.g. 2024-09-15.", ImportDates.Read("13/12/2024", CultureInfo.GetCultureInfo("en-US")).Problem);
        Assert.Equal("\"12/13/2024\" is not a date in day/month/year order; write it as YYYY-MM-DD, e.g. 2024-09-15.", ImportDates.Read("12/13/2024", British).Problem);
        Assert.Equal("\"31/31/2024\" is not a real date.", ImportDates.Read("31/31/2024", British).Problem);
        Assert.Equal("\"2024-02-30\" is not a real date.", ImportDates.Read("2024-02-30", British).Problem);
        Assert.Equal("\"5/5/24\" does not say the year in full; write it as YYYY-MM-DD, e.g. 2024-09-15.", ImportDates.Read("5/5/24", British).Problem);
        Assert.Equal("\"soon\" is not a date; write it as YYYY-MM-DD, e.g. 2024-09-15.", ImportDates.Read("soon", British).Problem);
        Assert.Equal("\"20240915\" is not a date; write it as YYYY-MM-DD, e.g. 2024-09-15.", ImportDates.Read("20240915", British).Problem);
        Assert.Null(ImportDates.Read("5/5/2024", British).Problem);
    }

    [Fact]
    public void A_culture_that_writes_the_year_first_reads_the_day_after_the_month()
    {
        // Japanese short dates are yyyy/MM/dd: d comes after M, so 5/13/2024 is month/day.
        Assert.Equal(new DateOnly(2024, 5, 13), ImportDates.Read("5/13/2024", CultureInfo.GetCultureInfo("ja-JP")).Date);
        Assert.Equal(new DateOnly(2024, 5, 13), ImportDates.Read("13/5/2024", CultureInfo.GetCultureInfo("de-DE")).Date);
    }

    [Theory]
    [InlineData("Employee Number", PeopleColumn.EmployeeId)]
    [InlineData(" E-Mail ", PeopleColumn.Email)]
    [InlineData("Surname", PeopleColumn.LastName)]
    [InlineData("Line Manager", PeopleColumn.ManagerEmail)]
    [InlineData("Start date", PeopleColumn.HireDate)]
    [InlineData("Employment status", PeopleColumn.Active)]
    [InlineData("Store", PeopleColumn.Site)]
    [InlineData("Department", PeopleColumn.Team)]
    [InlineData("Job title", PeopleColumn.JobRole)]
    [InlineData("Forename", PeopleColumn.FirstName)]
    public void Column_names_of_HR_systems_are_recognised(string header, PeopleColumn column) =>
        Assert.Equal(column, PeopleImport.ColumnFor(header));

    [Fact]
    public void An_unknown_column_means_nothing() => Assert.Null(PeopleImport.ColumnFor("Shoe size"));

    [Theory]
    [InlineData(PeopleColumn.EmployeeId, "employee id")]
    [InlineData(PeopleColumn.FirstName, "first name")]
    [InlineData(PeopleColumn.LastName, "last name")]
    [InlineData(PeopleColumn.Email, "email")]
    [InlineData(PeopleColumn.JobRole, "job role")]
    [InlineData(PeopleColumn.Team, "team")]
    [InlineData(PeopleColumn.Site, "site")]
    [InlineData(PeopleColumn.ManagerEmail, "manager email")]
    [InlineData(PeopleColumn.HireDate, "hire date")]
    [InlineData(PeopleColumn.Active, "active flag")]
    public void Each_column_is_named_in_words(PeopleColumn column, string label) => Assert.Equal(label, PeopleImport.Label(column));
}

public class CsvFileTests
{
    static CsvFile Read(string text)
    {
        var (file, problem) = CsvFile.Read(text);
        Assert.Null(problem);
        return file!;
    }

    static string[][] Rows(CsvFile file) => file.Records.Select(r => r.Cells.ToArray()).ToArray();

    [Fact]
    public void A_byte_order_mark_is_skipped_and_header_cells_are_trimmed()
    {
        var file = Read("\uFEFF name , team \r\nAna,Front\r\n");
        Assert.Equal(["name", "team"], file.Header);
        Assert.Equal([["Ana", "Front"]], Rows(file));
        Assert.Equal(2, file.Records[0].RowNumber);
        Assert.Equal(',', file.Delimiter);
    }

    [Fact]
    public void Semicolons_are_the_delimiter_when_the_header_has_more_of_them_than_commas()
    {
        var file = Read("name;team;note\nAna;Front;\"a; b, c\"\n");
        Assert.Equal(';', file.Delimiter);
        Assert.Equal([["Ana", "Front", "a; b, c"]], Rows(file));
        // A tie, or delimiters inside quotes, keep the comma.
        Assert.Equal(',', Read("\"x;y;z\",a;b\n1,2").Delimiter);
        Assert.Equal(',', Read("a;b,c\n1,2").Delimiter);
        // Only the header line decides.
        Assert.Equal(',', Read("a,b\r1;2;3;4").Delimiter);
    }

    [Fact]
    public void A_file_ending_in_a_lone_carriage_return_ends_its_last_row()
    {
        var file = Read("a,b\r\n1,2\r");
        Assert.Equal([["1", "2"]], Rows(file));
        Assert.Equal([["1", "2"], ["3", "4"]], Rows(Read("a,b\r1,2\r3,4")));
        Assert.Equal([3], Read("a,b\r\n\r1,2").Records.Select(r => r.RowNumber));
    }

    [Fact]
    public void Unquoted_cells_are_trimmed_and_quoted_ones_kept_as_they_are()
    {
        var file = Read("a,b,c\n  Ana  ,\" Front \",\"\"\n");
        Assert.Equal([["Ana", " Front ", ""]], Rows(file));
    }

    [Fact]
    public void A_quote_inside_an_unquoted_cell_is_text_and_a_doubled_quote_in_a_quoted_cell_is_one_quote()
    {
        var file = Read("a,b\nsay \"hi\",\"5\"\" tall\"");
        Assert.Equal([["say \"hi\"", "5\" tall"]], Rows(file));
    }

    [Fact]
    public void Blank_lines_are_skipped_and_rows_keep_the_number_a_spreadsheet_shows()
    {
        var file = Read("a,b\r\n\r\n , \r\nAna,Front\n\"Bo\nBerg\",Back\nCy,Till");
        Assert.Equal([["Ana", "Front"], ["Bo\nBerg", "Back"], ["Cy", "Till"]], Rows(file));
        Assert.Equal([4, 5, 6], file.Records.Select(r => r.RowNumber));
    }

    [Fact]
    public void A_last_row_of_one_empty_quoted_cell_is_kept_only_if_it_says_something()
    {
        Assert.Empty(Read("a\n\"\"").Records);
        Assert.Equal([["x"]], Rows(Read("a\n\"x\"")));
        Assert.Equal([["", "y"]], Rows(Read("a,b\n,y")));
    }

    [Fact]
    public void A_file_that_is_not_text_or_never_closes_a_quote_is_refused_in_a_sentence()
    {
        Assert.Equal("This is not a text file. Export the people list from your HR system as CSV (UTF-8) and upload that.",
            CsvFile.Read("a,b\n\uFFFD\uFFFD\uFFFD\uFFFD").Problem);
        Assert.Null(CsvFile.Read("a,b\n\uFFFD\uFFFD\uFFFD").Problem); // a few odd characters are a name, not a binary
        Assert.Equal("Row 3 opens a quote (\") that is never closed, so the rest of the file cannot be read.",
            CsvFile.Read("a,b\n1,2\n\"3,4\n5,6").Problem);
        Assert.Equal("The file is empty.", CsvFile.Read("\uFEFF\r\n\r\n").Problem);
        Assert.Equal("The file is empty.", CsvFile.Read("").Problem);
    }
}
