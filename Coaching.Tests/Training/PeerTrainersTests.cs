using System.Net;
using Coaching.Domain.SignOffs;
using Coaching.Domain.Training;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Data;
using Coaching.Web.Demo;
using Coaching.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Training;

/// <summary>
/// Peer trainers over HTTP on the demo organisation, with sign-offs and past trainings arranged in the database (the
/// sign-off pages are another feature's): making and ending a trainer, the rotation of suggestions across tenure bands,
/// recording an assignment, training by band and HR's bands form, and every handler refusing ids the user may not use.
/// </summary>
public class PeerTrainersTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    async Task<int> IdOf(string name) => (await factory.PersonAsync(name)).Id;

    /// <summary>The skills the Cashier role requires, in rubric order (Front End, manager@demo.local's team).</summary>
    Task<List<Guid>> CashierSkillsAsync() => factory.WithDbAsync(db =>
        (from r in db.RoleRequirements join j in db.JobRoles on r.JobRoleId equals j.Id where j.Name == "Cashier"
         orderby r.SkillKey select r.SkillKey).ToListAsync());

    /// <summary>A clean slate for peer training, so each test's arrangement is the whole story.</summary>
    Task ClearPeerTrainingAsync() => factory.WithDbAsync(async db =>
    {
        await db.TrainingAssignments.ExecuteDeleteAsync();
        await db.PeerTrainerAppointments.ExecuteDeleteAsync();
        await db.SignOffs.ExecuteDeleteAsync();
        await db.TenureBandSettings.ExecuteDeleteAsync();
    });

    Task SignOffAsync(int employeeId, Guid skill, DateOnly? expiresOn = null) => factory.WithDbAsync(async db =>
    {
        var by = await db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.Id).SingleAsync();
        db.SignOffs.Add(new SignOff { EmployeeId = employeeId, SkillKey = skill, SignedByUserId = by, SignedAtUtc = DateTime.UtcNow.AddDays(-30), ExpiresOn = expiresOn });
        await db.SaveChangesAsync();
    });

    Task AppointAsync(int employeeId, Guid skill) => factory.WithDbAsync(async db =>
    {
        var by = await db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.Id).SingleAsync();
        db.PeerTrainerAppointments.Add(new PeerTrainerAppointment { EmployeeId = employeeId, SkillKey = skill, AppointedByUserId = by, AppointedAtUtc = DateTime.UtcNow.AddDays(-20) });
        await db.SaveChangesAsync();
    });

    Task HiredAsync(int employeeId, DateOnly hired) => factory.WithDbAsync(db =>
        db.Employees.Where(e => e.Id == employeeId).ExecuteUpdateAsync(s => s.SetProperty(e => e.HireDate, hired)));

    Task TrainedAsync(int trainerId, int traineeId, Guid skill, DateOnly on) => factory.WithDbAsync(async db =>
    {
        db.TrainingAssignments.Add(new TrainingAssignment { TrainerId = trainerId, TraineeId = traineeId, SkillKey = skill, StartsOn = on, AssignedByUserId = "test", AssignedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
    });

    Task<List<PeerTrainerAppointment>> AppointmentsOfAsync(int employeeId) => factory.WithDbAsync(db =>
        db.PeerTrainerAppointments.AsNoTracking().Where(a => a.EmployeeId == employeeId).ToListAsync());

    Task<List<string>> AuditActionsAsync() => factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());

    [Fact]
    public async Task A_manager_makes_a_signed_off_person_a_peer_trainer_once_and_ends_it_with_both_in_the_audit()
    {
        await ClearPeerTrainingAsync();
        var tom = await IdOf("Tom Becker");
        var skills = await CashierSkillsAsync();
        await SignOffAsync(tom, skills[0]);
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");

        var profile = await manager.GetDocumentAsync($"/People/{tom}");
        var make = profile.QuerySelectorAll("#peer-training form[action*='handler=Appoint']");
        Assert.Single(make); // only the skill his sign-off counts on
        Assert.Equal(skills[0].ToString(), make[0].QuerySelector("input[name=skillKey]")!.GetAttribute("value"));

        var made = await manager.PostAsync($"/People/{tom}/PeerTraining?handler=Appoint", new() { ["skillKey"] = skills[0].ToString() });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var twice = await manager.PostAsync($"/People/{tom}/PeerTraining?handler=Appoint", new() { ["skillKey"] = skills[0].ToString() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains(PeerTrainersModel.AlreadyATrainer, (await Browser.ParseAsync(twice)).QuerySelector(".peer-problem")!.TextContent);
        var current = Assert.Single(await AppointmentsOfAsync(tom));
        Assert.True(current.IsCurrent);

        var page = await manager.GetDocumentAsync($"/People/{tom}/PeerTraining");
        Assert.Contains("Peer trainer", page.QuerySelector($".peer-skill")!.TextContent);
        var ended = await manager.PostAsync($"/People/{tom}/PeerTraining?handler=End", new() { ["appointmentId"] = current.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.False(Assert.Single(await AppointmentsOfAsync(tom)).IsCurrent);
        var audit = await AuditActionsAsync();
        Assert.Contains("peertrainer.appoint", audit);
        Assert.Contains("peertrainer.end", audit);
        // Ended, the skill may be trained again: a new appointment beside the ended one.
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/People/{tom}/PeerTraining?handler=Appoint", new() { ["skillKey"] = skills[0].ToString() })).StatusCode);
        Assert.Equal(2, (await AppointmentsOfAsync(tom)).Count);
    }

    [Fact]
    public async Task Taps_at_the_same_moment_make_one_appointment_and_the_others_are_told_already_never_a_500()
    {
        await ClearPeerTrainingAsync();
        var oskar = await IdOf("Oskar Lindqvist");
        var skill = (await CashierSkillsAsync())[2];
        await SignOffAsync(oskar, skill);
        var taps = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => await Browser.SignedInAsync(factory, "manager@demo.local")));

        var answers = await Task.WhenAll(taps.Select(b => b.PostAsync($"/People/{oskar}/PeerTraining?handler=Appoint", new() { ["skillKey"] = skill.ToString() })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a => Assert.Equal(HttpStatusCode.UnprocessableEntity, a.StatusCode));
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.UnprocessableEntity))
            Assert.Contains(PeerTrainersModel.AlreadyATrainer, (await Browser.ParseAsync(refused)).QuerySelector(".peer-problem")!.TextContent);
        Assert.Single(await AppointmentsOfAsync(oskar));
    }

    [Fact]
    public async Task Someone_whose_sign_off_does_not_count_is_refused_beside_the_skill_and_nothing_is_saved()
    {
        await ClearPeerTrainingAsync();
        var priya = await IdOf("Priya Nair");
        var skills = await CashierSkillsAsync();
        await SignOffAsync(priya, skills[1], expiresOn: Today.AddDays(-1)); // expired yesterday
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");

        var expired = await manager.PostAsync($"/People/{priya}/PeerTraining?handler=Appoint", new() { ["skillKey"] = skills[1].ToString() });
        var never = await manager.PostAsync($"/People/{priya}/PeerTraining?handler=Appoint", new() { ["skillKey"] = skills[0].ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, expired.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, never.StatusCode);
        Assert.Contains("Only someone signed off on this skill can train it", (await Browser.ParseAsync(never)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Empty(await AppointmentsOfAsync(priya));
    }

    [Fact]
    public async Task Appointing_and_ending_refuse_people_and_appointments_outside_the_users_reach()
    {
        await ClearPeerTrainingAsync();
        var jose = await IdOf("José Núñez"); // manager2's team
        var ana = await IdOf("Ana Ruiz");
        var tom = await IdOf("Tom Becker");
        var skills = await CashierSkillsAsync();
        await SignOffAsync(jose, skills[0]);
        await SignOffAsync(ana, skills[0]);
        await AppointAsync(jose, skills[0]);
        await AppointAsync(ana, skills[0]);
        var joseAppointment = Assert.Single(await AppointmentsOfAsync(jose));
        var anaAppointment = Assert.Single(await AppointmentsOfAsync(ana));
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        var employee = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor("Ana Ruiz"));

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/People/{jose}/PeerTraining")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/People/{jose}/PeerTraining?handler=Appoint", new() { ["skillKey"] = skills[1].ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/People/{jose}/PeerTraining?handler=End", new() { ["appointmentId"] = joseAppointment.Id.ToString() })).StatusCode);
        // Someone's own id with another person's appointment: not theirs to end.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/People/{tom}/PeerTraining?handler=End", new() { ["appointmentId"] = joseAppointment.Id.ToString() })).StatusCode);
        // The employee reads their own peer training but changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync($"/People/{ana}/PeerTraining")).StatusCode);
        Assert.Null((await employee.GetDocumentAsync($"/People/{ana}")).QuerySelector("#peer-training form"));
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsync($"/People/{ana}/PeerTraining?handler=End", new() { ["appointmentId"] = anaAppointment.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsync($"/People/{ana}/PeerTraining?handler=Appoint", new() { ["skillKey"] = skills[1].ToString() })).StatusCode);

        Assert.True(Assert.Single(await AppointmentsOfAsync(jose)).IsCurrent);
        Assert.True(Assert.Single(await AppointmentsOfAsync(ana)).IsCurrent);
    }

    /// <summary>
    /// Front End (Riverside Grocery), one skill: Priya and Grace under 1 year, Oskar 1–5, Fatima 10 and over, all signed
    /// off and peer trainers; Liam was signed off but his appointment ended, Zoë's sign-off expired. Grace trained 10 days
    /// ago, Fatima twice, last 100 days ago, Oskar's band never trained.
    /// </summary>
    async Task<(Guid Skill, int Ana, int Oskar, int Fatima, int Priya, int Grace)> ArrangeRotationAsync()
    {
        await ClearPeerTrainingAsync();
        var skill = (await CashierSkillsAsync())[0];
        var (ana, oskar, fatima, priya, grace, liam, zoe, tom) = (await IdOf("Ana Ruiz"), await IdOf("Oskar Lindqvist"), await IdOf("Fatima Haddad"),
            await IdOf("Priya Nair"), await IdOf("Grace Mensah"), await IdOf("Liam O'Connor"), await IdOf("Zoë Łukasiewicz"), await IdOf("Tom Becker"));
        await HiredAsync(priya, Today.AddMonths(-3));
        await HiredAsync(grace, Today.AddMonths(-4));
        await HiredAsync(oskar, Today.AddYears(-3));
        await HiredAsync(fatima, Today.AddYears(-12));
        foreach (var id in new[] { oskar, fatima, priya, grace, liam, zoe })
        {
            await SignOffAsync(id, skill, expiresOn: id == zoe ? Today : null);
            await AppointAsync(id, skill);
        }
        await factory.WithDbAsync(db => db.PeerTrainerAppointments.Where(a => a.EmployeeId == liam).ExecuteUpdateAsync(s => s.SetProperty(a => a.EndedAtUtc, DateTime.UtcNow)));
        await TrainedAsync(grace, tom, skill, Today.AddDays(-10));
        await TrainedAsync(fatima, tom, skill, Today.AddDays(-200));
        await TrainedAsync(fatima, tom, skill, Today.AddDays(-100));
        return (skill, ana, oskar, fatima, priya, grace);
    }

    [Fact]
    public async Task Suggestions_for_a_trainee_go_to_the_band_that_trained_least_recently_then_the_person_who_trained_least()
    {
        var (skill, ana, _, _, _, _) = await ArrangeRotationAsync();
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");

        var page = await manager.GetDocumentAsync($"/Training/Trainers?Input.TraineeId={ana}&Input.SkillKey={skill}");

        var suggested = page.QuerySelectorAll(".suggestions .suggestion").Select(s => s.GetAttribute("data-trainer")).ToList();
        Assert.Equal(["Oskar Lindqvist", "Fatima Haddad", "Priya Nair", "Grace Mensah"], suggested);
        var bands = page.QuerySelectorAll(".suggestions .band").Select(b => b.TextContent).ToList();
        Assert.Equal(["1–5 years", "10 years and over", "Under 1 year", "Under 1 year"], bands);
        Assert.Contains("2 trainings given", page.QuerySelector(".suggestion[data-trainer='Fatima Haddad']")!.TextContent);
        // The one the rotation says goes next is chosen already.
        Assert.NotNull(page.QuerySelector(".suggestion[data-trainer='Oskar Lindqvist'] input[checked]"));
        // The per-skill table shows the same order; the skills nobody at the site can train yet are listed.
        var table = page.QuerySelectorAll("table.rotation .rotation-row").Select(r => r.GetAttribute("data-trainer")).ToList();
        Assert.Equal(suggested, table);
        var needed = page.QuerySelectorAll(".first-trainers tr.needed").Select(r => r.GetAttribute("data-site")).Distinct().ToList();
        Assert.Equal(["Riverside Grocery"], needed);
        Assert.Equal((await CashierSkillsAsync()).Count - 1, page.QuerySelectorAll(".first-trainers tr.needed").Length);
    }

    [Fact]
    public async Task Recording_an_assignment_saves_it_with_an_audit_and_moves_the_trainer_down_the_rotation()
    {
        var (skill, ana, oskar, _, _, _) = await ArrangeRotationAsync();
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        await manager.GetAsync($"/Training/Trainers?Input.TraineeId={ana}&Input.SkillKey={skill}");

        var recorded = await manager.PostAsync("/Training/Trainers", Form(ana, skill, oskar, Today.ToString("yyyy-MM-dd"), Today.AddDays(14).ToString("yyyy-MM-dd")));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var saved = Assert.Single(await factory.WithDbAsync(db => db.TrainingAssignments.Where(a => a.TraineeId == ana).ToListAsync()));
        Assert.Equal((oskar, skill, Today, (DateOnly?)Today.AddDays(14)), (saved.TrainerId, saved.SkillKey, saved.StartsOn, saved.EndsOn));
        Assert.Contains("training.assign", await AuditActionsAsync());
        var after = await manager.GetDocumentAsync($"/Training/Trainers?Input.TraineeId={ana}&Input.SkillKey={skill}");
        Assert.Equal(["Fatima Haddad", "Priya Nair", "Grace Mensah", "Oskar Lindqvist"],
            after.QuerySelectorAll(".suggestions .suggestion").Select(s => s.GetAttribute("data-trainer")).ToList());
        Assert.Contains("trained Ana Ruiz", (await manager.GetDocumentAsync($"/People/{oskar}")).QuerySelector(".peer-given")!.TextContent);
        Assert.Contains("trained by Oskar Lindqvist", (await manager.GetDocumentAsync($"/People/{ana}")).QuerySelector(".peer-received")!.TextContent);
    }

    static Dictionary<string, string> Form(int trainee, Guid skill, int? trainer, string start, string end = "") => new()
    {
        ["Input.TraineeId"] = trainee.ToString(), ["Input.SkillKey"] = skill.ToString(), ["Input.TrainerId"] = trainer?.ToString() ?? "",
        ["Input.StartsOn"] = start, ["Input.EndsOn"] = end,
    };

    [Fact]
    public async Task A_bad_assignment_shows_each_message_beside_its_field_keeps_the_values_and_saves_nothing()
    {
        var (skill, ana, oskar, _, _, _) = await ArrangeRotationAsync();
        var tom = await IdOf("Tom Becker"); // not a peer trainer
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        await manager.GetAsync("/Training/Trainers");

        var endBeforeStart = await manager.PostAsync("/Training/Trainers", Form(ana, skill, oskar, Today.ToString("yyyy-MM-dd"), Today.AddDays(-3).ToString("yyyy-MM-dd")));
        var notATrainer = await manager.PostAsync("/Training/Trainers", Form(ana, skill, tom, Today.ToString("yyyy-MM-dd")));
        var notADate = await manager.PostAsync("/Training/Trainers", Form(ana, skill, null, "soon"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, endBeforeStart.StatusCode);
        var page = await Browser.ParseAsync(endBeforeStart);
        Assert.Equal("The end date is before the start date.", page.QuerySelector("#EndsOn-problem")!.TextContent);
        Assert.Equal(Today.AddDays(-3).ToString("yyyy-MM-dd"), page.QuerySelector("#Input_EndsOn")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"#trainer-{oskar}[checked]"));
        Assert.Contains("not a peer trainer for this skill", (await Browser.ParseAsync(notATrainer)).QuerySelector("#TrainerId-problem")!.TextContent);
        var unreadable = await Browser.ParseAsync(notADate);
        Assert.Equal("Enter the date as a date, e.g. 2 Nov 2026.", unreadable.QuerySelector("#StartsOn-problem")!.TextContent);
        Assert.Equal("soon", unreadable.QuerySelector("#Input_StartsOn")!.GetAttribute("value"));
        Assert.Equal("Choose the trainer.", unreadable.QuerySelector("#TrainerId-problem")!.TextContent);
        Assert.Empty(await factory.WithDbAsync(db => db.TrainingAssignments.Where(a => a.TraineeId == ana).ToListAsync()));
    }

    [Fact]
    public async Task A_trainee_or_trainer_outside_the_managers_teams_is_refused_and_nothing_is_saved()
    {
        var (skill, ana, oskar, _, _, _) = await ArrangeRotationAsync();
        var jose = await IdOf("José Núñez"); // manager2's team, made a trainer of the skill at his own site
        await SignOffAsync(jose, skill);
        await AppointAsync(jose, skill);
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        var employee = await Browser.SignedInAsync(factory, DemoSeeder.EmailFor("Ana Ruiz"));
        await manager.GetAsync("/Training/Trainers");
        var before = await factory.WithDbAsync(db => db.TrainingAssignments.CountAsync());

        var outsiderTrainee = await manager.PostAsync("/Training/Trainers", Form(jose, skill, oskar, Today.ToString("yyyy-MM-dd")));
        var outsiderTrainer = await manager.PostAsync("/Training/Trainers", Form(ana, skill, jose, Today.ToString("yyyy-MM-dd")));
        var suggestedToOutsider = await manager.GetDocumentAsync($"/Training/Trainers?Input.TraineeId={jose}&Input.SkillKey={skill}");
        var asEmployee = await employee.PostAsync("/Training/Trainers", Form(ana, skill, oskar, Today.ToString("yyyy-MM-dd")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, outsiderTrainee.StatusCode);
        Assert.Equal(TrainersModel.NotYours, (await Browser.ParseAsync(outsiderTrainee)).QuerySelector("#TraineeId-problem")!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outsiderTrainer.StatusCode);
        Assert.Contains("not a peer trainer for this skill", (await Browser.ParseAsync(outsiderTrainer)).QuerySelector("#TrainerId-problem")!.TextContent);
        Assert.Null(suggestedToOutsider.QuerySelector(".record-assignment"));
        Assert.DoesNotContain("José Núñez", suggestedToOutsider.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, asEmployee.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.TrainingAssignments.CountAsync()));
    }

    [Fact]
    public async Task Hr_sees_trainers_and_training_given_per_band_per_site_and_skill_with_the_warning_over_half()
    {
        var (skill, _, _, _, priya, grace) = await ArrangeRotationAsync();
        var tom = await IdOf("Tom Becker");
        await TrainedAsync(priya, tom, skill, Today.AddDays(-5));
        await TrainedAsync(grace, tom, skill, Today.AddDays(-3)); // under 1 year: 3 of 5
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");

        var page = await hr.GetDocumentAsync("/Training/Bands");

        var row = page.QuerySelector("table.by-band[data-site='Riverside Grocery'] tr.band-row")!;
        string Cell(string band, string what) => row.QuerySelector($"td[data-band='{band}'] .{what}")!.TextContent;
        Assert.Equal(("3", "2"), (Cell("Under 1 year", "trainings"), Cell("Under 1 year", "trainers")));
        Assert.Equal(("0", "1"), (Cell("1–5 years", "trainings"), Cell("1–5 years", "trainers")));
        Assert.Equal(("0", "0"), (Cell("5–10 years", "trainings"), Cell("5–10 years", "trainers")));
        Assert.Equal(("2", "1"), (Cell("10 years and over", "trainings"), Cell("10 years and over", "trainers")));
        Assert.Equal("5", row.QuerySelector(".total")!.TextContent);
        Assert.Contains("Under 1 year gave 3 of 5 trainings, more than half", page.QuerySelector(".band-warning")!.TextContent);
        // A manager may not open it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Browser.SignedInAsync(factory, "manager@demo.local")).GetAsync("/Training/Bands")).StatusCode);
    }

    [Fact]
    public async Task Hr_saves_tenure_bands_typed_as_start_years_and_a_bad_value_keeps_the_text_beside_its_message()
    {
        await ClearPeerTrainingAsync();
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        await hr.GetAsync("/Training/Bands");

        var notNumbers = await hr.PostAsync("/Training/Bands", new() { ["Bands"] = "0, 1, five" });
        var outOfOrder = await hr.PostAsync("/Training/Bands", new() { ["Bands"] = "0, 5, 1" });
        var byManager = await manager.PostAsync("/Training/Bands", new() { ["Bands"] = "0, 3" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notNumbers.StatusCode);
        var page = await Browser.ParseAsync(notNumbers);
        Assert.Equal(BandsModel.NotYears, page.QuerySelector("#Bands-problem")!.TextContent);
        Assert.Equal("0, 1, five", page.QuerySelector("#Bands")!.GetAttribute("value"));
        Assert.Contains("A band ends after it starts: 5 to 1 years", (await Browser.ParseAsync(outOfOrder)).QuerySelector("#Bands-problem")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.TenureBandSettings.SingleOrDefaultAsync()));

        var saved = await hr.PostAsync("/Training/Bands", new() { ["Bands"] = "0, 2, 10" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([0, 2, 10], (await factory.WithDbAsync(db => db.TenureBandSettings.SingleAsync())).BandStartYears);
        Assert.Contains("training.bands", await AuditActionsAsync());
        var after = await hr.GetDocumentAsync("/Training/Bands");
        Assert.Equal("0, 2, 10", after.QuerySelector("#Bands")!.GetAttribute("value"));
        Assert.Contains("Under 2 years · 2–10 years · 10 years and over", after.QuerySelector("#bands-heading + p")!.TextContent);
        await ClearPeerTrainingAsync();
    }
}
