using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;

namespace Coaching.E2E;

/// <summary>
/// A new organisation from an empty database to a working floor, the way an operator, an administrator and a manager
/// would do it: the operator command's link, a password, a CSV import, invitations, a manager's first sign-in.
/// </summary>
public partial class OnboardingTests(EmptyOrganisationApp app) : IClassFixture<EmptyOrganisationApp>
{
    const string People = """
        employee_id,first_name,last_name,email,job_role,team,site,manager_email,hire_date,active
        E1,Maria,Santos,maria.santos@example.org,Store manager,Store management,Riverside,,2015-04-01,yes
        E2,Tom,Becker,tom.becker@example.org,Cashier,Front End,Riverside,maria.santos@example.org,15/09/2024,yes
        E3,Zoë,Łukasiewicz,zoe.l@example.org,Cashier,Front End,Riverside,maria.santos@example.org,2021-11-30,yes
        E4,Rui,Later,rui.later@example.org,Cashier,Front End,Riverside,,03/04/2024,yes
        """;

    [GeneratedRegex(@"https?://\S+/Account/SetPassword\?\S+")]
    private static partial Regex SetPasswordLink();

    [Fact]
    public async Task From_an_empty_database_the_admin_imports_people_invites_them_and_a_manager_signs_in_to_their_team()
    {
        // The operator creates the first administrator and passes on the link the command prints.
        var (exit, output) = await RunCommandAsync("accounts", "create-admin", "--email", "owner@example.org", "--name", "Olu Owner");
        Assert.True(exit == 0, output);
        var adminLink = SetPasswordLink().Match(output).Value;

        var admin = await app.NewTabletPageAsync(1024, 768);
        await admin.GotoAsync(new Uri(adminLink).PathAndQuery);
        await admin.GetByLabel("New password").FillAsync("Owner-Password-2026");
        await admin.GetByLabel("Type it again").FillAsync("Owner-Password-2026");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Getting started" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator(".step-todo")).ToHaveCountAsync(5);

        // The link worked once.
        var again = await app.NewTabletPageAsync(390, 844);
        await again.GotoAsync(new Uri(adminLink).PathAndQuery);
        await Assertions.Expect(again.GetByRole(AriaRole.Heading, new() { Name = "This link has expired or was already used" })).ToBeVisibleAsync();

        // A file that is not a CSV is refused beside the field; then the real export.
        await admin.GotoAsync("/People/Import");
        await admin.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "photo.csv", MimeType = "text/csv", Buffer = [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0] });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#Upload-error")).ToContainTextAsync("This is not a text file");
        await Assertions.Expect(admin.Locator("#Upload-error")).ToBeVisibleAsync();

        await admin.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(People) });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#count-new")).ToHaveTextAsync("3");
        var problem = admin.Locator("#problems tbody tr").First;
        await Assertions.Expect(problem).ToContainTextAsync("5");
        await Assertions.Expect(problem).ToContainTextAsync("could be 3 April or 4 March");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Apply 3 changes" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert-success")).ToContainTextAsync("3 added, 0 changed, 0 marked as left, 1 rows skipped");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite everyone not yet invited" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#toasts")).ToContainTextAsync("Invitations sent to 3 people");

        // Maria opens her invitation on her phone, sets a password and lands on her team.
        var maria = await app.NewTabletPageAsync(390, 844);
        await maria.GotoAsync(new Uri(InvitationLinkFor("maria.santos@example.org")).PathAndQuery);
        await maria.GetByLabel("New password").FillAsync("Maria-Floor-2026");
        await maria.GetByLabel("Type it again").FillAsync("Maria-Floor-2026x");
        await maria.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await Assertions.Expect(maria.Locator("[data-valmsg-for='Form.ConfirmPassword']")).ToHaveTextAsync("The two passwords are not the same.");
        await maria.GetByLabel("New password").FillAsync("Maria-Floor-2026");
        await maria.GetByLabel("Type it again").FillAsync("Maria-Floor-2026");
        await maria.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await maria.WaitForURLAsync("**/Team");
        await Assertions.Expect(maria.Locator("[data-employee-id]").Filter(new() { HasText = "Tom Becker" })).ToBeVisibleAsync();
        await Assertions.Expect(maria.Locator("[data-employee-id]").Filter(new() { HasText = "Zoë Łukasiewicz" })).ToBeVisibleAsync();

        // The checklist moved on: teams, people and invitations are done; the new job roles still need rubrics.
        await admin.GotoAsync("/Admin");
        await Assertions.Expect(admin.Locator(".step-done")).ToHaveCountAsync(3);
        await Assertions.Expect(admin.Locator(".step-todo").First).ToContainTextAsync("job roles have no rubric");
        foreach (var page in new[] { admin, again, maria }) await page.Context.CloseAsync();
    }

    string InvitationLinkFor(string email)
    {
        var message = Directory.GetFiles(app.Outbox, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => a.Address == email)).OrderByDescending(m => m.Date).First();
        Assert.Contains("invited", message.Subject);
        return WebUtility.HtmlDecode(SetPasswordLink().Match(message.TextBody ?? "").Value);
    }

    /// <summary>The operator command, run as an operator would: the web project's own build, on the app's database.</summary>
    async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var project = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Coaching.Web", "Coaching.Web.csproj"))) { project = Path.Combine(dir.FullName, "Coaching.Web"); break; }
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(project, "bin", configuration, "net10.0", "Coaching.Web.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Coaching"] = $"Data Source={app.DatabasePath}";
        info.Environment["Portal__Url"] = app.BaseUrl;
        info.Environment["Summaries__Schedule__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
