using System.Net;
using Coaching.Domain.Rubrics;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Rubrics;

/// <summary>Publishing asks first and refuses empty descriptors; role changes that drop required levels ask first; nothing answers 500.</summary>
public class PublishingAndRolesTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    Task<int> RubricIdAsync(string name) => factory.WithDbAsync(db => db.Rubrics.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    static async Task<int> StartDraftAsync(Browser hr, int rubricId)
    {
        await hr.GetAsync($"/Rubrics/Details/{rubricId}");
        var response = await hr.PostAsync($"/Rubrics/Details/{rubricId}?handler=Edit", []);
        var location = response.Headers.Location!.OriginalString;
        await hr.GetAsync(location);
        return int.Parse(location["/Rubrics/Edit/".Length..]);
    }

    [Fact]
    public async Task Publish_refuses_a_skill_without_descriptors_naming_skill_and_level_beside_each_field()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var rubricId = await RubricIdAsync("Contact centre agent");
        var draftId = await StartDraftAsync(hr, rubricId);
        await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=AddSkill", new() { ["name"] = "Co-browsing" }, htmx: true);
        var skillId = await factory.WithDbAsync(db => db.Skills.Where(s => s.RubricVersionId == draftId && s.Name == "Co-browsing").Select(s => s.Id).SingleAsync());
        await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=Descriptor", new() { ["skillId"] = $"{skillId}", ["level"] = "1", ["text"] = "Needs help to start a session" }, htmx: true);

        var refused = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=Publish", new() { ["confirmed"] = "true" }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await Browser.ParseAsync(refused);
        var listed = page.QuerySelectorAll("#publish-problems li").Select(li => li.TextContent).ToList();
        Assert.Equal(["\"Co-browsing\" has no descriptor for level 2 Developing.", "\"Co-browsing\" has no descriptor for level 3 Proficient.", "\"Co-browsing\" has no descriptor for level 4 Expert."], listed);
        Assert.Contains("level 3 Proficient", page.GetElementById($"descriptor-{skillId}-3-error")!.TextContent);
        Assert.Equal("true", page.GetElementById($"descriptor-{skillId}-3")!.GetAttribute("aria-invalid"));
        Assert.Equal(RubricVersionStatus.Draft, await factory.WithDbAsync(db => db.RubricVersions.Where(v => v.Id == draftId).Select(v => v.Status).SingleAsync()));
    }

    [Fact]
    public async Task Publish_asks_first_and_the_superseded_version_is_dated_by_its_successor()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var rubricId = await RubricIdAsync("Barista");
        var draftId = await StartDraftAsync(hr, rubricId);

        var asked = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=Publish", [], htmx: true);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirm = (await Browser.ParseAsync(asked)).GetElementById("publish-confirm")!;
        Assert.Contains($"Publish v2 of Barista?", confirm.TextContent);
        Assert.Contains("v1 is superseded; observations already made with it keep it.", confirm.TextContent);
        Assert.Equal(RubricVersionStatus.Draft, await factory.WithDbAsync(db => db.RubricVersions.Where(v => v.Id == draftId).Select(v => v.Status).SingleAsync()));

        // The demo's v1 was published 120 days ago; it was superseded today.
        var published = await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=Publish", new() { ["confirmed"] = "true" }, htmx: true);
        Assert.Equal($"/Rubrics/Details/{rubricId}", published.Headers.GetValues("HX-Redirect").Single());
        var details = await hr.GetDocumentAsync($"/Rubrics/Details/{rubricId}");
        var versions = details.QuerySelectorAll("nav[aria-label='Versions'] a").Select(a => string.Join(' ', a.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        var today = DateTime.UtcNow.ToString("d MMM yyyy");
        Assert.Equal([$"v2 · published {today}", $"v1 · superseded {today}"], versions);
    }

    [Fact]
    public async Task Discarding_the_only_draft_of_a_never_published_rubric_deletes_it_and_a_rubric_left_empty_can_be_edited_again()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        await hr.GetAsync("/Rubrics");
        var created = await hr.PostAsync("/Rubrics?handler=Create", new() { ["NewName"] = "Forklift operator" });
        var editUrl = created.Headers.Location!.OriginalString;
        var editor = await hr.GetDocumentAsync(editUrl);
        Assert.Contains("never been published, so the whole rubric is deleted", editor.QuerySelector($"form[action='{editUrl}?handler=Discard']")!.GetAttribute("hx-confirm"));

        var discarded = await hr.PostAsync(editUrl + "?handler=Discard", []);

        Assert.Equal("/Rubrics", discarded.Headers.Location!.OriginalString);
        Assert.False(await factory.WithDbAsync(db => db.Rubrics.AnyAsync(r => r.Name == "Forklift operator")));

        // A rubric stranded without versions (by the old discard) opens a fresh draft instead of a 500.
        var strandedId = await factory.WithDbAsync(async db =>
        {
            var rubric = new Rubric { Name = "Stranded" };
            db.Rubrics.Add(rubric);
            await db.SaveChangesAsync();
            return rubric.Id;
        });
        var edit = await hr.PostAsync($"/Rubrics/Details/{strandedId}?handler=Edit", []);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var draft = await hr.GetDocumentAsync(edit.Headers.Location!.OriginalString);
        Assert.Contains("draft v1", draft.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Setting_a_roles_rubric_to_None_asks_first_says_what_goes_and_then_removes_the_required_levels()
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var (roleId, rubricId, count) = await factory.WithDbAsync(async db =>
        {
            var role = await db.JobRoles.Include(r => r.Requirements).SingleAsync(r => r.Name == "Cashier");
            return (role.Id, role.DefaultRubricId!.Value, role.Requirements.Count);
        });
        Assert.True(count > 1);
        var (rubricName, skillNames) = await factory.WithDbAsync(async db =>
        {
            var rubric = await db.Rubrics.SingleAsync(r => r.Id == rubricId);
            var keys = await db.RoleRequirements.Where(q => q.JobRoleId == roleId).Select(q => q.SkillKey).ToListAsync();
            return (rubric.Name, await db.Skills.Where(k => k.RubricVersionId == rubric.CurrentVersionId && keys.Contains(k.Key)).Select(k => k.Name).ToListAsync());
        });
        await hr.GetAsync("/Rubrics/Roles");

        var asked = await hr.PostAsync("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = "" }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var card = await Browser.ParseAsync(asked);
        Assert.Contains($"Setting Cashier's rubric to None removes its {count} required levels", card.QuerySelector(".role-confirm")!.TextContent);
        Assert.NotNull(card.QuerySelector($"#rubric-{roleId} option[value=''][selected]"));
        Assert.Equal((rubricId, count), await factory.WithDbAsync(async db =>
        {
            var role = await db.JobRoles.Include(r => r.Requirements).SingleAsync(r => r.Id == roleId);
            return (role.DefaultRubricId!.Value, role.Requirements.Count);
        }));

        var confirmed = await hr.PostAsync("/Rubrics/Roles", new() { ["roleId"] = $"{roleId}", ["rubricId"] = "", ["confirmed"] = "true" }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal<(int?, int)>((null, 0), await factory.WithDbAsync(async db =>
        {
            var role = await db.JobRoles.Include(r => r.Requirements).SingleAsync(r => r.Id == roleId);
            return (role.DefaultRubricId, role.Requirements.Count);
        }));
        // The audit trail says it in people's words: the rubric and the skills by name, not ids and keys.
        var entry = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "role.requirements" && a.Subject == "Cashier").OrderByDescending(a => a.Id).FirstAsync());
        Assert.StartsWith($"Rubric {rubricName} → none. Required levels were: ", entry.Details);
        Assert.All(skillNames, name => Assert.Contains(name, entry.Details));
        Assert.DoesNotMatch("[0-9a-f]{32}", entry.Details);
        Assert.EndsWith("Now: none.", entry.Details);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("required[not-a-guid]", "3")]
    [InlineData("required[]", "3")]
    [InlineData("required[KEY]", "high")]
    [InlineData("confirmed", "maybe")]
    [InlineData("rubricId", "x")]
    public async Task Odd_shapes_on_the_roles_form_get_a_message_never_a_500(string? field, string? value)
    {
        var hr = await Browser.SignedInAsync(factory, "hr@demo.local");
        var (roleId, rubricId, key) = await factory.WithDbAsync(async db =>
        {
            var role = await db.JobRoles.SingleAsync(r => r.Name == "Contact centre agent");
            var versionId = await db.Rubrics.Where(r => r.Id == role.DefaultRubricId).Select(r => r.CurrentVersionId!.Value).SingleAsync();
            return (role.Id, role.DefaultRubricId!.Value, await db.Skills.Where(s => s.RubricVersionId == versionId).Select(s => s.Key).FirstAsync());
        });
        await hr.GetAsync("/Rubrics/Roles");
        var form = new Dictionary<string, string> { ["roleId"] = $"{roleId}", ["rubricId"] = $"{rubricId}" };
        if (field is not null) form[field.Replace("KEY", key.ToString())] = value!;

        var response = await hr.PostAsync("/Rubrics/Roles", form, htmx: true);

        Assert.True((int)response.StatusCode < 500, $"{field}={value} answered {(int)response.StatusCode}");
        if (field is "required[not-a-guid]" or "required[KEY]")
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace((await Browser.ParseAsync(response)).QuerySelector($"#role-{roleId}-error")!.TextContent));
        }
    }
}
