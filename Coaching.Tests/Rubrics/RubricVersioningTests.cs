using System.Net;
using Coaching.Domain.Rubrics;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Rubrics;

public class RubricVersioningTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    Task<int> RubricIdAsync(string name) => factory.WithDbAsync(db => db.Rubrics.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    static async Task<int> StartDraftAsync(Browser hr, int rubricId)
    {
        await hr.GetAsync($"/Rubrics/Details/{rubricId}");
        var response = await hr.PostAsync($"/Rubrics/Details/{rubricId}?handler=Edit", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Rubrics/Edit/", location);
        await hr.GetAsync(location);
        return int.Parse(location["/Rubrics/Edit/".Length..]);
    }

    [Fact]
    public async Task Edit_starts_a_draft_copy_and_publishing_it_keeps_old_observations_on_their_version()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var manager = await Browser.SignedInAsync(factory, "manager4@demo.local");
        var rubricId = await RubricIdAsync("Barista");
        var mia = await factory.PersonAsync("Mia Thompson");
        var v1Form = new ObservationPost(mia).Rate(0, 3); // skill 0: "Espresso extraction"
        await manager.PostAsync("/Observations/Log?handler=Submit", v1Form.Fields, htmx: true);

        var draftId = await StartDraftAsync(hr, rubricId);
        var skillId = await factory.WithDbAsync(db => db.Skills.Where(s => s.RubricVersionId == draftId && s.Name == "Espresso extraction").Select(s => s.Id).SingleAsync());
        var renamed = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=RenameSkill", new() { ["skillId"] = $"{skillId}", ["name"] = "Espresso dialling-in" }, htmx: true);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Espresso dialling-in", (await Browser.ParseAsync(renamed)).QuerySelector($"#skill-{skillId}")!.GetAttribute("value"));

        var published = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=Publish", new() { ["confirmed"] = "true" }, htmx: true);
        Assert.Equal($"/Rubrics/Details/{rubricId}", published.Headers.GetValues("HX-Redirect").Single());

        var versions = await factory.WithDbAsync(db => db.RubricVersions.Where(v => v.RubricId == rubricId).OrderBy(v => v.Number).Select(v => v.Status).ToListAsync());
        Assert.Equal([RubricVersionStatus.Superseded, RubricVersionStatus.Published], versions);
        var newForm = await manager.GetDocumentAsync($"/Observations/Log?employeeId={mia.Id}");
        Assert.Contains("Espresso dialling-in", newForm.QuerySelector(".skill-row")!.TextContent);
        var profile = await manager.GetDocumentAsync($"/People/{mia.Id}");
        Assert.Contains("Espresso extraction: 3", profile.QuerySelector(".observation")!.TextContent); // the v1 observation as it was made
        Assert.Contains(profile.QuerySelectorAll(".skills-table tr[data-skill]"), r => r.GetAttribute("data-skill") == "Espresso dialling-in" && r.QuerySelector(".latest")!.TextContent.Trim() == "3");
    }

    [Fact]
    public async Task A_published_version_never_changes()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var (versionId, skillId) = await factory.WithDbAsync(async db =>
        {
            var v = await db.Rubrics.Where(r => r.Name == "Contact centre agent").Select(r => r.CurrentVersionId!.Value).SingleAsync();
            return (v, await db.Skills.Where(s => s.RubricVersionId == v).Select(s => s.Id).FirstAsync());
        });

        var response = await hr.PostAsync($"/Rubrics/Edit/{versionId}?handler=RenameSkill", new() { ["skillId"] = $"{skillId}", ["name"] = "Changed" }, htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("never changes", await response.Content.ReadAsStringAsync());
        Assert.NotEqual("Changed", await factory.WithDbAsync(db => db.Skills.Where(s => s.Id == skillId).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_editor_refuses_duplicate_names_long_descriptors_and_scales_outside_2_to_7_beside_the_field()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var draftId = await StartDraftAsync(hr, await RubricIdAsync("Medical assistant — clinical"));
        var skills = await factory.WithDbAsync(db => db.Skills.Where(s => s.RubricVersionId == draftId).OrderBy(s => s.Order).Select(s => new { s.Id, s.Name }).ToListAsync());

        var duplicate = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=RenameSkill", new() { ["skillId"] = $"{skills[1].Id}", ["name"] = skills[0].Name.ToUpperInvariant() }, htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        var page = await Browser.ParseAsync(duplicate);
        var field = page.QuerySelector($"#skill-{skills[1].Id}")!;
        Assert.Equal(skills[0].Name.ToUpperInvariant(), field.GetAttribute("value"));
        Assert.Contains("already has a skill called", field.ParentElement!.QuerySelector(".field-problem")!.TextContent);

        var longText = new string('d', RubricRules.MaxDescriptorLength + 1);
        var tooLong = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=Descriptor", new() { ["skillId"] = $"{skills[0].Id}", ["level"] = "2", ["text"] = longText }, htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal(longText, (await Browser.ParseAsync(tooLong)).QuerySelector($"#descriptor-{skills[0].Id}-2")!.TextContent);

        for (var i = 0; i < 3; i++) await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=AddLevel", [], htmx: true);
        var eighth = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=AddLevel", [], htmx: true);
        Assert.Contains("at most 7 levels", (await Browser.ParseAsync(eighth)).QuerySelector("#levels-error")!.TextContent);
        for (var i = 0; i < 5; i++) await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=RemoveLevel", [], htmx: true);
        var first = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=RemoveLevel", [], htmx: true);
        Assert.Contains("at least 2 levels", (await Browser.ParseAsync(first)).QuerySelector("#levels-error")!.TextContent);
        Assert.Equal(2, await factory.WithDbAsync(db => db.RubricLevels.CountAsync(l => l.RubricVersionId == draftId)));
    }

    [Fact]
    public async Task A_level_renamed_to_another_levels_name_is_refused_beside_it_and_removing_the_top_level_takes_its_descriptors()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var draftId = await StartDraftAsync(hr, await RubricIdAsync("Contact centre agent"));

        var refused = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=LevelName", new() { ["value"] = "3", ["name"] = " beginning" }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await Browser.ParseAsync(refused);
        var field = page.GetElementById("level-3")!;
        Assert.Equal(" beginning", field.GetAttribute("value"));
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal("level-3-error", field.GetAttribute("aria-describedby"));
        Assert.Equal("Two levels cannot share a name.", page.GetElementById("level-3-error")!.TextContent);
        Assert.Equal("Proficient", await factory.WithDbAsync(db => db.RubricLevels.Where(l => l.RubricVersionId == draftId && l.Value == 3).Select(l => l.Name).SingleAsync()));

        var removed = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=RemoveLevel", [], htmx: true);

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var levels = await factory.WithDbAsync(db => db.LevelDescriptors.Where(d => db.Skills.Any(s => s.Id == d.SkillId && s.RubricVersionId == draftId)).Select(d => d.Level).Distinct().OrderBy(l => l).ToListAsync());
        Assert.Equal([1, 2, 3], levels);
    }

    [Fact]
    public async Task Skills_and_categories_are_added_reordered_and_removed_inline()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var draftId = await StartDraftAsync(hr, await RubricIdAsync("Cashier & online-order fulfilment"));

        await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=AddCategory", new() { ["name"] = "Digital" }, htmx: true);
        var categoryId = await factory.WithDbAsync(db => db.SkillCategories.Where(c => c.RubricVersionId == draftId && c.Name == "Digital").Select(c => c.Id).SingleAsync());
        var added = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=AddSkill", new() { ["name"] = "Handheld scanner app", ["categoryId"] = $"{categoryId}" }, htmx: true);
        Assert.Equal("Handheld scanner app", (await Browser.ParseAsync(added)).QuerySelectorAll(".skill-editor").Last().GetAttribute("data-skill"));
        var skillId = await factory.WithDbAsync(db => db.Skills.Where(s => s.RubricVersionId == draftId && s.Name == "Handheld scanner app").Select(s => s.Id).SingleAsync());

        var moved = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=MoveSkill", new() { ["skillId"] = $"{skillId}", ["by"] = "-1" }, htmx: true);
        var order = (await Browser.ParseAsync(moved)).QuerySelectorAll(".skill-editor").Select(e => e.GetAttribute("data-skill")).ToList();
        Assert.Equal("Handheld scanner app", order[^2]);

        var removed = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=RemoveSkill", new() { ["skillId"] = $"{skillId}" }, htmx: true);
        Assert.DoesNotContain((await Browser.ParseAsync(removed)).QuerySelectorAll(".skill-editor"), e => e.GetAttribute("data-skill") == "Handheld scanner app");
        await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=RemoveCategory", new() { ["categoryId"] = $"{categoryId}" }, htmx: true);
        Assert.False(await factory.WithDbAsync(db => db.SkillCategories.AnyAsync(c => c.Id == categoryId)));
    }

    [Fact]
    public async Task Managers_cannot_open_the_editor()
    {
        var manager = await Browser.SignedInAsync(factory, "manager@demo.local");
        var versionId = await factory.WithDbAsync(db => db.RubricVersions.Select(v => v.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/Rubrics/Edit/{versionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/Rubrics/Edit/{versionId}?handler=AddLevel", [], htmx: true)).StatusCode);
    }

    [Fact]
    public async Task Required_levels_per_role_drive_the_gap_on_the_profile()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var (roleId, rubricId, skillKey) = await factory.WithDbAsync(async db =>
        {
            var role = await db.JobRoles.SingleAsync(r => r.Name == "Medical assistant");
            var versionId = await db.Rubrics.Where(r => r.Id == role.DefaultRubricId).Select(r => r.CurrentVersionId!.Value).SingleAsync();
            var key = await db.Skills.Where(s => s.RubricVersionId == versionId && s.Name == "Teamwork").Select(s => s.Key).SingleAsync();
            return (role.Id, role.DefaultRubricId!.Value, key);
        });
        await hr.GetAsync("/Rubrics/Roles");

        var saved = await hr.PostAsync("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = $"{rubricId}", [$"required[{skillKey}]"] = "4" }, htmx: true);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(4, await factory.WithDbAsync(db => db.RoleRequirements.Where(q => q.JobRoleId == roleId && q.SkillKey == skillKey).Select(q => q.RequiredLevel).SingleAsync()));

        var tampered = await hr.PostAsync("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = $"{rubricId}", [$"required[{Guid.NewGuid()}]"] = "2" }, htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tampered.StatusCode);
        var outOfScale = await hr.PostAsync("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = $"{rubricId}", [$"required[{skillKey}]"] = "9" }, htmx: true);
        Assert.Contains("from 1 to 4", await outOfScale.Content.ReadAsStringAsync());

        var marta = await factory.PersonAsync("Marta Kowalska");
        var profile = await hr.GetDocumentAsync($"/People/{marta.Id}");
        Assert.Equal("4", profile.QuerySelector("tr[data-skill='Teamwork'] .required")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_new_rubric_starts_as_a_draft_and_needs_a_unique_name()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        await hr.GetAsync("/Rubrics");

        var duplicate = await hr.PostAsync("/Rubrics?handler=Create", new() { ["NewName"] = "Barista" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("already a rubric", await duplicate.Content.ReadAsStringAsync());

        var created = await hr.PostAsync("/Rubrics?handler=Create", new() { ["NewName"] = "Pharmacy technician", ["NewDescription"] = "Dispensing support" });
        Assert.StartsWith("/Rubrics/Edit/", created.Headers.Location!.OriginalString);
        var editor = await hr.GetDocumentAsync(created.Headers.Location!.OriginalString);
        var publish = await hr.PostAsync(created.Headers.Location!.OriginalString + "?handler=Publish", [], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, publish.StatusCode);
        Assert.Contains("Add at least one skill", (await Browser.ParseAsync(publish)).QuerySelector("#publish-problems")!.TextContent);
        Assert.Contains("draft v1", editor.QuerySelector("h1")!.TextContent);
    }
}
