using System.Text.RegularExpressions;
using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Summaries;

/// <summary>
/// A rubric republished with renamed levels does not rename what was said about someone before: the weekly summary
/// names each rating's level as the profile does, by the version the rating was made against. Its own app, because it
/// republishes a rubric the other tests' demo data uses.
/// </summary>
public class LevelNamesAcrossVersionsTests(SummariesApp app) : IClassFixture<SummariesApp>
{
    [Fact]
    public async Task After_a_rubric_is_republished_with_renamed_levels_the_summary_pdf_and_the_profile_keep_the_old_name_for_an_old_rating()
    {
        // A new person (no demo history), observed once at level 3 under the role's current version.
        var jose = await app.EmployeeIdAsync("jose.nunez@demo.local");
        var person = await app.WithDbAsync(async db =>
        {
            var like = await db.Employees.AsNoTracking().SingleAsync(e => e.Id == jose);
            var added = new Employee { FirstName = "Renata", LastName = "Oldnames", Email = "renata.oldnames@demo.local", JobRoleId = like.JobRoleId, TeamId = like.TeamId, HireDate = new DateOnly(2024, 3, 1) };
            db.Employees.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        var week = SummariesApp.WeeksAgo(2);
        var rated = await app.ObserveAsync(person, week);
        var oldName = await app.WithDbAsync(db => db.Observations.Where(o => o.EmployeeId == person)
            .SelectMany(o => db.RubricLevels.Where(l => l.RubricVersionId == o.RubricVersionId && l.Value == 3)).Select(l => l.Name).SingleAsync());

        // HR republishes the rubric with level 3 renamed.
        const string newName = "Renamedlevel";
        await app.WithDbAsync(async db =>
        {
            var roleId = await db.Employees.Where(e => e.Id == person).Select(e => e.JobRoleId).SingleAsync();
            var rubricId = await db.JobRoles.Where(r => r.Id == roleId).Select(r => r.DefaultRubricId!.Value).SingleAsync();
            var rubric = await db.Rubrics.Include(r => r.Versions).SingleAsync(r => r.Id == rubricId);
            var current = await db.RubricVersions.Include(v => v.Levels).Include(v => v.Categories).Include(v => v.Skills).ThenInclude(s => s.Descriptors)
                .SingleAsync(v => v.Id == rubric.CurrentVersionId);
            var draft = RubricEditing.StartDraft(rubric, current, DateTime.UtcNow);
            draft.Levels.Single(l => l.Value == 3).Name = newName;
            rubric.Versions.Add(draft);
            await db.SaveChangesAsync();
            Assert.Empty(RubricEditing.Publish(rubric, draft, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });

        var hr = await Browser.SignedInAsync(app, "hr@demo.local");
        var response = await hr.GetAsync($"/Summaries/Preview?week={week}&employeeId={person}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = Regex.Replace(SummaryPdfTests.PdfToText(await response.Content.ReadAsByteArrayAsync()), @"\s+", " ");
        // The note after the skill's bar names the rated level; the chart's scale may use the current names.
        Assert.Matches($"{Regex.Escape(oldName)}, first rating", text);
        Assert.DoesNotMatch($"{newName}, first rating", text);

        var profile = await hr.GetDocumentAsync($"/People/{person}");
        var ratings = profile.QuerySelectorAll(".observation .rating").Select(r => Regex.Replace(r.TextContent, @"\s+", " ").Trim()).ToList();
        Assert.Contains($"{rated[0]}: 3 {oldName}", ratings);
        Assert.DoesNotContain(ratings, r => r.Contains(newName));
    }
}
