using Coaching.Domain.Insights;
using Coaching.Domain.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Features.Training.Events;

/// <summary>One training event and what it changed: per attendee and skill, per skill for the group, against the comparison group.</summary>
public class DetailsModel(TrainingEvents events) : PageModel
{
    public TrainingEvents.EventView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await events.FindAsync(User, id, ct) is not { } view) return NotFound();
        View = view;
        return Page();
    }

    /// <summary>The per-attendee rows as a spreadsheet reads them (the people this user may see).</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (await events.FindAsync(User, id, ct) is not { } view) return NotFound();
        string[] header = ["Event", "Date", "Person", "Team", "Skill", "Level before", "Before on", "Observations before",
            "First after", "First after on", "Latest after", "Latest after on", "Observations after", "Change (first after)", "Change (latest after)",
            "Observations on the event day (counted on neither side)"];
        var rows = view.Result.Attendees.Select(a => new object?[]
        {
            view.Event.Title, view.Event.HeldOn.ToString("yyyy-MM-dd"), view.Name(a.EmployeeId), view.People.GetValueOrDefault(a.EmployeeId)?.Team,
            view.Skill(a.SkillKey), a.LastBefore?.Level, a.LastBefore?.ObservedOn.ToString("yyyy-MM-dd"), a.LastBefore?.Observations ?? 0,
            a.FirstAfter?.Level, a.FirstAfter?.ObservedOn.ToString("yyyy-MM-dd"), a.LatestAfter?.Level, a.LatestAfter?.ObservedOn.ToString("yyyy-MM-dd"),
            a.FirstAfter?.Observations ?? 0, a.FirstChange, a.LatestChange, a.OnEventDay,
        });
        return File(Csv.Document(header, rows), "text/csv; charset=utf-8", $"training-{view.Event.HeldOn:yyyyMMdd}-{view.Event.Id}-before-after.csv");
    }
}
