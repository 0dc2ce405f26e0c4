using Coaching.Domain.Observations;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Infrastructure;

/// <summary>Looks up the demo organisation the way a test talks about it: by people's names.</summary>
public static class Demo
{
    public sealed record Person(int Id, string Name, int[] SkillIds, int RubricVersionId);

    public static Task<Person> PersonAsync(this CoachingFactory factory, string fullName) => factory.WithDbAsync(async db =>
    {
        var e = await db.Employees.Include(x => x.JobRole).SingleAsync(x => x.FirstName + " " + x.LastName == fullName);
        var versionId = await db.Rubrics.Where(r => r.Id == e.JobRole!.DefaultRubricId).Select(r => r.CurrentVersionId!.Value).SingleAsync();
        var skills = await db.Skills.Where(s => s.RubricVersionId == versionId).OrderBy(s => s.Order).Select(s => s.Id).ToArrayAsync();
        return new Person(e.Id, fullName, skills, versionId);
    });

    /// <summary>
    /// The demo person with their development history (plans, choices, confidence, conversations the demo tells)
    /// cleared, for a test that starts someone's development from nothing.
    /// </summary>
    public static async Task<Person> PersonStartingDevelopmentAsync(this CoachingFactory factory, string fullName)
    {
        var person = await factory.PersonAsync(fullName);
        await factory.WithDbAsync(db => Development.FollowUpSeed.ClearDevelopmentAsync(db, person.Id));
        return person;
    }

    public static Task<List<Observation>> ObservationsOfAsync(this CoachingFactory factory, int employeeId) => factory.WithDbAsync(db =>
        db.Observations.Include(o => o.Ratings).Include(o => o.ActionItems).Where(o => o.EmployeeId == employeeId).AsNoTracking().ToListAsync());
}

/// <summary>The observation form as the browser posts it.</summary>
public sealed class ObservationPost
{
    readonly Dictionary<string, string> fields = [];
    public Guid DraftKey { get; } = Guid.NewGuid();

    public ObservationPost(Demo.Person person, int revision = 0)
    {
        fields["Form.DraftKey"] = DraftKey.ToString();
        fields["Form.EmployeeId"] = person.Id.ToString();
        fields["Form.RubricVersionId"] = person.RubricVersionId.ToString();
        fields["Form.Revision"] = revision.ToString();
        fields["Form.ObservedAt"] = TodayJustNow().ToString("yyyy-MM-ddTHH:mm");
        for (var i = 0; i < person.SkillIds.Length; i++) fields[$"Form.Ratings[{i}].SkillId"] = person.SkillIds[i].ToString();
    }

    /// <summary>A few minutes ago in the organisation's time (the form's), but never yesterday: the tests ask for "Observed today".</summary>
    static DateTime TodayJustNow()
    {
        var now = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, new Coaching.Web.Infrastructure.OrganisationOptions().TimeZone);
        var earlier = now.AddMinutes(-10);
        return earlier.Date == now.Date ? earlier : now.Date;
    }

    public ObservationPost Rate(int index, int level) { fields[$"Form.Ratings[{index}].Level"] = level.ToString(); return this; }
    public ObservationPost Set(string field, string value) { fields[field] = value; return this; }
    public ObservationPost Revision(int revision) => Set("Form.Revision", revision.ToString());
    public ObservationPost NextStep(int index, string text, string? due = null)
    {
        fields[$"Form.ActionItems[{index}].Text"] = text;
        if (due is not null) fields[$"Form.ActionItems[{index}].DueDate"] = due;
        return this;
    }

    public Dictionary<string, string> Fields => new(fields);
}
