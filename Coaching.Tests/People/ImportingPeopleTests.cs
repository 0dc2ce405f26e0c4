using System.Net;
using System.Text;
using AngleSharp.Dom;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.People;

/// <summary>People → Import through the real pages, on a real SQLite file with the demo organisation.</summary>
public class ImportingPeopleTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    const string Header = "employee_id,first_name,last_name,email,job_role,team,site,manager_email,hire_date,active";

    static async Task<HttpResponseMessage> UploadAsync(Browser browser, string csv, bool missingHaveLeft = false, string fileName = "people.csv", byte[]? raw = null)
    {
        await browser.GetAsync("/People/Import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(browser.Token!), "__RequestVerificationToken" },
            { new StringContent(missingHaveLeft ? "true" : "false"), "MissingPeopleHaveLeft" },
        };
        var file = new ByteArrayContent(raw ?? Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new("text/csv");
        content.Add(file, "Upload", fileName);
        return await browser.Client.PostAsync("/People/Import", content);
    }

    static async Task<(string Url, IDocument Preview)> UploadAndPreviewAsync(Browser browser, string csv, bool missingHaveLeft = false)
    {
        var response = await UploadAsync(browser, csv, missingHaveLeft);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        return (url, await browser.GetDocumentAsync(url));
    }

    static string Count(IDocument page, string what) => page.QuerySelector($"#count-{what}")!.TextContent.Trim();

    [Fact]
    public async Task HR_previews_a_file_with_every_kind_of_bad_row_then_applies_only_the_good_rows_and_a_reimport_changes_nothing()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var csv = $"""
            {Header}
            N100,Maria,Santos,maria.santos@example.org,Store manager,Store management,Riverside,,2015-04-01,yes
            N101,Tom,Vale,tom.vale@example.org,Cashier,Late Shift,Riverside,maria.santos@example.org,15/09/2024,yes
            N102,Bad,Date,bad.date@example.org,Cashier,Late Shift,Riverside,,03/04/2024,yes
            N103,Dup,Email,tom.vale@example.org,Cashier,Late Shift,Riverside,,2024-01-01,yes
            N104,Taken,Email,ana.ruiz@demo.local,Cashier,Late Shift,Riverside,,2024-01-01,yes
            N105,No,Manager,no.manager@example.org,Cashier,Late Shift,Riverside,ghost@example.org,2024-01-01,yes
            N106,,Nameless,nameless@example.org,Cashier,Late Shift,Riverside,,2024-01-01,yes
            N107,Maybe,Active,maybe@example.org,Cashier,Late Shift,Riverside,,2024-01-01,perhaps
            """;
        var (url, preview) = await UploadAndPreviewAsync(hr, csv);

        Assert.Equal(("2", "0", "6"), (Count(preview, "new"), Count(preview, "changed"), Count(preview, "problems")));
        var problems = preview.QuerySelectorAll("#problems tbody tr").Select(r => (Row: r.Children[0].TextContent, Reason: r.Children[1].TextContent)).ToList();
        Assert.Equal(["4", "5", "6", "7", "8", "9"], problems.Select(p => p.Row));
        Assert.Contains("could be 3 April or 4 March", problems[0].Reason);
        Assert.Contains("also on row 3", problems[1].Reason);
        Assert.Contains("belongs to Ana Ruiz", problems[2].Reason);
        Assert.Contains("ghost@example.org is not anyone", problems[3].Reason);
        Assert.Contains("first name is empty", problems[4].Reason);
        Assert.Contains("\"perhaps\"", problems[5].Reason);
        Assert.False(await factory.WithDbAsync(db => db.Employees.AnyAsync(e => e.EmployeeNumber == "N100")), "the preview changed nothing");

        var problemFile = await hr.Client.GetAsync(url + "?handler=Problems");
        var problemCsv = Encoding.UTF8.GetString(await problemFile.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF" + Header + ",problem", problemCsv);
        Assert.Equal(7, problemCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var apply = await hr.PostAsync(url + "?handler=Apply", []);
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var applied = await hr.GetDocumentAsync(url);
        Assert.Contains("2 added, 0 changed, 0 marked as left, 6 rows skipped", applied.QuerySelector(".alert-success")!.TextContent);

        var (maria, tom) = await factory.WithDbAsync(async db => (
            await db.Employees.Include(e => e.Team).Include(e => e.JobRole).SingleAsync(e => e.EmployeeNumber == "N100"),
            await db.Employees.Include(e => e.Team).SingleAsync(e => e.EmployeeNumber == "N101")));
        Assert.Equal(("Store management", "Riverside", "Store manager"), (maria.Team!.Name, maria.Team.Site, maria.JobRole!.Name));
        Assert.Equal(new DateOnly(2024, 9, 15), tom.HireDate);
        // Maria is named as Tom's manager: she leads Late Shift with a Manager account of her own.
        var mariaLeads = await factory.WithDbAsync(db => db.TeamManagers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.EmployeeId == maria.Id))
            .Select(m => db.Teams.Single(t => t.Id == m.TeamId).Name).ToListAsync());
        Assert.Equal(["Late Shift"], mariaLeads);
        Assert.True(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(r => db.Users.Any(u => u.Id == r.UserId && u.EmployeeId == maria.Id)
            && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Manager))));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "people.import" && a.Subject == "people.csv")));

        // The same file again: nothing new, nothing changed, nothing to apply.
        var (_, again) = await UploadAndPreviewAsync(hr, csv);
        Assert.Equal(("0", "0", "2"), (Count(again, "new"), Count(again, "changed"), Count(again, "unchanged")));
        Assert.True(again.QuerySelector("form[action*='Apply'] button")!.HasAttribute("disabled"));

        // An updated export changes only what changed.
        var (_, updated) = await UploadAndPreviewAsync(hr, csv.Replace("N101,Tom,Vale,tom.vale@example.org,Cashier,Late Shift", "N101,Tom,Vale,tom.vale@example.org,Cashier,Early Shift"));
        Assert.Equal(("0", "1"), (Count(updated, "new"), Count(updated, "changed")));
        Assert.Contains("team: Late Shift → Early Shift", updated.QuerySelector("#changed")!.TextContent);
    }

    [Fact]
    public async Task Applying_twice_applies_once()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var (url, _) = await UploadAndPreviewAsync(hr, $"{Header}\nT200,Twice,Tapped,twice@example.org,Cashier,Front End,Riverside,,2024-01-01,yes");
        var first = hr.PostAsync(url + "?handler=Apply", []);
        var second = hr.PostAsync(url + "?handler=Apply", []);
        await Task.WhenAll(first, second);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Employees.CountAsync(e => e.EmployeeNumber == "T200")));
    }

    [Fact]
    public async Task A_full_export_lists_exactly_who_would_leave_and_applying_it_makes_them_leavers_who_keep_their_history()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var leaver = await factory.WithDbAsync(db => db.Employees.Include(e => e.Team)
            .Where(e => e.IsActive && db.Observations.Any(o => o.EmployeeId == e.Id) && db.Users.Any(u => u.EmployeeId == e.Id)).OrderBy(e => e.Id).FirstAsync());
        var everyoneElse = await factory.WithDbAsync(db => db.Employees.Include(e => e.Team).Include(e => e.JobRole)
            .Where(e => e.IsActive && e.Id != leaver.Id).ToListAsync());
        var rows = everyoneElse.Select(e => $"{e.EmployeeNumber},{e.FirstName},{e.LastName},{e.Email},{e.JobRole!.Name},{e.Team!.Name},{e.Team.Site},,{e.HireDate:yyyy-MM-dd},yes");
        var (url, preview) = await UploadAndPreviewAsync(hr, Header + "\n" + string.Join("\n", rows), missingHaveLeft: true);
        Assert.Equal([$"{leaver.FullName} · {leaver.Team!.Name}"], preview.QuerySelectorAll("#leaving li").Select(li => li.TextContent.Trim()));

        await hr.PostAsync(url + "?handler=Apply", []);
        Assert.False(await factory.WithDbAsync(db => db.Employees.Where(e => e.Id == leaver.Id).Select(e => e.IsActive).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.Observations.AnyAsync(o => o.EmployeeId == leaver.Id)), "a leaver keeps their history");
        var signIn = await new Browser(factory.NewClient()).SignInAsync(leaver.Email!, Coaching.Web.Demo.DemoSeeder.Password);
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode); // the sign-in page again, with a message: no way in
    }

    [Theory]
    [InlineData("binary", "not a text file")]
    [InlineData("latin1", "not UTF-8 text")]
    [InlineData("header-only", "header row but no people")]
    [InlineData("empty", "Choose a CSV file")]
    [InlineData("duplicate-headers", "both give the last name")]
    public async Task A_file_that_cannot_be_imported_gets_a_message_beside_the_file_field(string kind, string message)
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var (csv, raw) = kind switch
        {
            "binary" => ("", new byte[] { 0x50, 0x4B, 3, 4, 0, 0, 0x14, 0, 0 }),
            "latin1" => ("", Encoding.Latin1.GetBytes($"{Header}\nL1,Zoë,Ł,z@example.org,Cashier,Front End,Riverside,,2024-01-01,yes")),
            "empty" => ("", Array.Empty<byte>()),
            "duplicate-headers" => ("first_name,last_name,surname,email,job_role,team\nA,B,C,a@example.org,R,T", null),
            _ => (Header, null),
        };
        var response = await UploadAsync(hr, csv, raw: raw);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#Upload-error")!.TextContent);
    }

    [Theory]
    [InlineData("manager@demo.local")]
    [InlineData("ana.ruiz@demo.local")]
    public async Task Only_HR_and_admins_reach_the_import(string email)
    {
        var someone = await Browser.SignedInAsync(factory, email);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync("/People/Import")).StatusCode);
        var upload = await UploadAsync(someone, $"{Header}\nX1,A,B,x1@example.org,Cashier,Front End,Riverside,,2024-01-01,yes");
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }
}
