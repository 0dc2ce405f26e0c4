using Microsoft.Playwright;

namespace Coaching.E2E;

/// <summary>
/// Every main page, as the person who uses it and at the size they use it on, reached the way they would reach it
/// (links and buttons, so that ids need not be known). The accessibility and security-header tests walk it.
/// </summary>
public static class PageTour
{
    public sealed record Stop(string Name, string? Account, int Width, int Height, Func<IPage, Task> Open);

    static Func<IPage, Task> Go(string url) => page => page.GotoAsync(url);

    public static readonly Stop[] Stops =
    [
        new("Sign in", null, 1024, 768, Go("/Account/Login")),
        new("Home (manager)", "manager@demo.local", 1024, 768, Go("/")),
        new("My team", "manager@demo.local", 768, 1024, Go("/Team")),
        new("Observation form", "manager@demo.local", 1024, 768, async page =>
        {
            await page.GotoAsync("/Team");
            await page.GetByRole(AriaRole.Link, new() { Name = "New observation for Ana Ruiz" }).ClickAsync();
            await page.WaitForURLAsync("**/Observations/Log**");
        }),
        new("Employee profile", "manager@demo.local", 1024, 768, async page =>
        {
            await page.GotoAsync("/Team");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ana Ruiz", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/People/*");
        }),
        new("Conversations (manager)", "manager@demo.local", 768, 1024, async page =>
        {
            await page.GotoAsync("/Team");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ana Ruiz", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Conversations", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/People/*/Conversations");
        }),
        new("Conversations (employee, phone)", "ana.ruiz@demo.local", 390, 844, async page =>
        {
            await page.GotoAsync("/Me");
            await page.GetByRole(AriaRole.Link, new() { Name = "Conversations", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/People/*/Conversations");
        }),
        new("Development plan", "manager@demo.local", 768, 1024, async page =>
        {
            await page.GotoAsync("/Team");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ana Ruiz", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/People/*");
            await page.Locator(".profile-plans a[href$='/Plan']").ClickAsync();
            await page.WaitForURLAsync("**/People/*/Plan");
        }),
        new("Development plan, started with proposed skills", "manager@demo.local", 768, 1024, async page =>
        {
            await page.GotoAsync("/Team");
            await page.GetByRole(AriaRole.Link, new() { Name = "Tom Becker", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/People/*");
            await page.Locator(".profile-plans a[href$='/Plan']").ClickAsync();
            await page.WaitForURLAsync("**/People/*/Plan");
            if (await page.Locator(".plan-card").CountAsync() > 0) return; // started on an earlier walk of the tour
            await page.GetByLabel("Take on extra work next to the current role").CheckAsync();
            await page.GetByLabel("Whose work will the person also cover?").SelectOptionAsync(new SelectOptionValue { Label = "Barista" });
            await page.Locator(".proposed-skills").WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
            await page.Locator(".plan-card").WaitForAsync();
        }),
        new("Development plan (employee, phone)", "ana.ruiz@demo.local", 390, 844, async page =>
        {
            await page.GotoAsync("/Me");
            await page.Locator(".profile-plans a[href$='/Plan']").ClickAsync();
            await page.WaitForURLAsync("**/People/*/Plan");
        }),
        new("Coverage (manager)", "manager@demo.local", 1024, 768, Go("/Insights/Coverage")),
        new("My development (phone)", "ana.ruiz@demo.local", 390, 844, Go("/Me")),
        new("My summary (phone)", "ana.ruiz@demo.local", 390, 844, Go("/MySummary")),
        new("My development, choices and confidence (phone)", "ana.ruiz@demo.local", 390, 844, Go("/MyDevelopment")),
        new("Choosable skills", "hr@demo.local", 1024, 768, Go("/Development/ChoosableSkills")),
        new("Coverage", "hr@demo.local", 1024, 768, Go("/Insights/Coverage")),
        new("Coverage, last 30 days (cells never observed)", "hr@demo.local", 1024, 768, Go("/Insights/Coverage?period=30")),
        new("Gaps", "hr@demo.local", 1024, 768, Go("/Insights/Gaps")),
        new("Calibration", "hr@demo.local", 1024, 768, Go("/Insights/Calibration")),
        new("Development insights", "hr@demo.local", 1024, 768, async page =>
        {
            await page.GotoAsync("/Insights/Development");
            await page.GetByRole(AriaRole.Link, new() { Name = "Everyone without a conversation" }).ClickAsync();
            await page.Locator("#without h2").WaitForAsync();
        }),
        new("Development insights (manager)", "manager@demo.local", 768, 1024, Go("/Insights/Development")),
        new("Sign-off insights", "hr@demo.local", 1024, 768, async page =>
        {
            await page.GotoAsync("/Insights/SignOffs");
            await page.Locator("#signoff-totals").WaitForAsync();
        }),
        new("Sign-off insights (manager)", "manager@demo.local", 768, 1024, Go("/Insights/SignOffs")),
        new("Development settings", "hr@demo.local", 1024, 768, Go("/Development/Settings")),
        new("Development settings, a bad value", "hr@demo.local", 1024, 768, async page =>
        {
            await page.GotoAsync("/Development/Settings");
            await page.GetByLabel("Everyone has a development conversation at least every … days").FillAsync("400");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await page.Locator("#ConversationTargetDays-problem:not(:empty)").WaitForAsync();
        }),
        new("Peer trainers (manager)", "manager@demo.local", 1024, 768, Go("/Training/Trainers")),
        new("Peer training of a person", "manager@demo.local", 768, 1024, async page =>
        {
            await page.GotoAsync("/Team");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ana Ruiz", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/People/*");
            await page.GetByRole(AriaRole.Link, new() { Name = "All peer training" }).ClickAsync();
            await page.WaitForURLAsync("**/People/*/PeerTraining");
        }),
        new("Peer trainers (HR)", "hr@demo.local", 1024, 768, Go("/Training/Trainers")),
        new("Tenure bands", "hr@demo.local", 1024, 768, Go("/Training/Bands")),
        new("Tenure bands, a bad value", "hr@demo.local", 1024, 768, async page =>
        {
            await page.GotoAsync("/Training/Bands");
            await page.GetByLabel("Years each band starts").FillAsync("0, 5, 1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save bands" }).ClickAsync();
            await page.Locator("#Bands-problem:not(:empty)").WaitForAsync();
        }),
        new("Rubrics", "hr@demo.local", 1024, 768, Go("/Rubrics")),
        new("Rubric details", "hr@demo.local", 1024, 768, async page =>
        {
            await page.GotoAsync("/Rubrics");
            await page.Locator("a[href^='/Rubrics/Details/']").First.ClickAsync();
            await page.WaitForURLAsync("**/Rubrics/Details/*");
        }),
        new("Rubric editor", "hr@demo.local", 1024, 768, async page =>
        {
            await page.GotoAsync("/Rubrics");
            await page.Locator("a[href^='/Rubrics/Details/']").First.ClickAsync();
            await page.Locator("form[action*='handler=Edit'] button").ClickAsync();
            await page.WaitForURLAsync("**/Rubrics/Edit/*");
        }),
        new("Roles", "hr@demo.local", 1024, 768, Go("/Rubrics/Roles")),
        new("People", "hr@demo.local", 1024, 768, Go("/People")),
        new("Summaries", "hr@demo.local", 1024, 768, Go("/Summaries")),
        new("Error page", "hr@demo.local", 1024, 768, Go("/no-such-page")),
        new("Administration", "admin@demo.local", 1024, 768, Go("/Admin")),
        new("Teams and sites", "admin@demo.local", 1024, 768, Go("/Admin/Teams")),
        new("Accounts", "admin@demo.local", 1024, 768, Go("/Admin/Accounts")),
        new("Audit", "admin@demo.local", 1024, 768, Go("/Admin/Audit")),
        new("People import", "hr@demo.local", 1024, 768, Go("/People/Import")),
        new("Person edit", "hr@demo.local", 1024, 768, async page =>
        {
            await page.GotoAsync("/People");
            await page.GetByRole(AriaRole.Link, new() { Name = "Edit Ana Ruiz" }).ClickAsync();
            await page.WaitForURLAsync("**/People/*/Edit");
        }),
        new("Sign-offs (manager)", "manager@demo.local", 768, 1024, async page =>
        {
            await page.GotoAsync("/Team");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ana Ruiz", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/People/*");
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign-offs", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/People/*/SignOffs");
        }),
        new("Sign-offs, evidence and a refused decline (manager)", "manager@demo.local", 768, 1024, async page =>
        {
            // Someone ready for sign-off, from their tile (the demo has one in every team); else the first person's page.
            await page.GotoAsync("/Team");
            var ready = page.Locator(".tile-signoff-ready");
            if (await ready.CountAsync() > 0) await ready.First.ClickAsync();
            else await page.Locator("a.employee-name").First.ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/People/"));
            if (!page.Url.EndsWith("/SignOffs"))
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "Sign-offs", Exact = true }).ClickAsync();
                await page.WaitForURLAsync("**/People/*/SignOffs");
            }
            var review = page.Locator("a[aria-label^='Review evidence']");
            if (await review.CountAsync() == 0) return;
            await review.First.ClickAsync();
            await page.Locator(".signoff-evidence").First.WaitForAsync();
            await page.Locator("button[aria-label^='Decline sign-off']").First.ClickAsync();
            await page.Locator("[id^='err-decline-']:not(:empty)").First.WaitForAsync();
        }),
        new("Sign-offs (employee, phone)", "ana.ruiz@demo.local", 390, 844, async page =>
        {
            await page.GotoAsync("/Me");
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign-offs", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/People/*/SignOffs");
        }),
        new("Sign-off rules", "hr@demo.local", 1024, 768, Go("/SignOffs/Rules")),
        new("Sign-off rules, a bad value", "hr@demo.local", 1024, 768, async page =>
        {
            await page.GotoAsync("/SignOffs/Rules");
            await page.Locator("input[name='minObservers']").First.FillAsync("0");
            await page.Locator(".signoff-rule-form button[type='submit']").First.ClickAsync();
            await page.Locator("[id$='-minObservers-problem']:not(:empty)").First.WaitForAsync();
        }),
        new("Training events", "hr@demo.local", 1024, 768, Go("/Training/Events")),
        new("Record a training event (manager)", "manager@demo.local", 1024, 768, Go("/Training/Events/Record")),
        new("Record a training event, a missing title", "hr@demo.local", 1024, 768, async page =>
        {
            await page.GotoAsync("/Training/Events/Record");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record training event" }).ClickAsync();
            await page.Locator("#err-title:not(:empty)").WaitForAsync();
        }),
        new("Training event, before and after", "hr@demo.local", 1024, 768, async page =>
        {
            // Recorded through the form (the same form again opens the same event on a later walk).
            await page.GotoAsync("/Training/Events/Record");
            await page.GetByLabel("Title").FillAsync("Tour: till refresher");
            await page.GetByLabel("Date", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd"));
            await page.GetByLabel("Format").SelectOptionAsync(new SelectOptionValue { Label = "Workshop" });
            await page.GetByLabel("Scanning and tendering accuracy").CheckAsync();
            await page.GetByLabel("Ana Ruiz").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record training event" }).ClickAsync();
            await page.Locator("figure.before-after-chart").WaitForAsync();
        }),
        new("Change password (phone)", "ana.ruiz@demo.local", 390, 844, Go("/Settings/Password")),
        new("Forgot password (phone)", null, 390, 844, Go("/Account/ForgotPassword")),
        new("Spent password link (phone)", null, 390, 844, Go("/Account/SetPassword?user=nobody&kind=invite&token=spent")),
    ];
}
