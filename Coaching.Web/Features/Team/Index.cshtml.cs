using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Development;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Team;

/// <summary>The manager's floor view: everyone in their teams at a glance, who is due an observation.</summary>
public class MyTeamModel(CoachingDbContext db, EmployeeAccess access, TimeProvider clock, IOptions<OrganisationOptions> org,
    Development.DevelopmentChoices choices, SignOffs.SkillSignOffs signOffs) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Filter { get; set; }
    public IReadOnlyList<TeamGroup> Teams { get; private set; } = [];

    public sealed record TeamGroup(string Name, string Site, IReadOnlyList<Tile> Members);
    public sealed record Tile(int EmployeeId, string Name, string Role, Tenure Tenure, int? DaysSinceObserved, int OpenNextSteps)
    {
        /// <summary>The skills the person chose to learn, by name.</summary>
        public IReadOnlyList<string> ChosenSkills { get; init; } = [];
        public bool IsDue => ObservationRules.IsDueForObservation(DaysSinceObserved);
        public string LastObservedText => DaysSinceObserved switch
        {
            null => "Never observed",
            0 => "Observed today",
            1 => "Observed yesterday",
            var d => $"{d} days since last observation",
        };
        /// <summary>Days since the last development conversation (null: none yet); an observation is not one.</summary>
        public int? DaysSinceConversation { get; init; }
        /// <summary>Past the organisation's target (every N days), or never had one.</summary>
        public bool IsConversationDue { get; init; }
        public string LastConversationText => ConversationTarget.DaysSinceText(DaysSinceConversation);
        /// <summary>Skills ready for sign-off, expiring soon and expired (not signed off again), by name.</summary>
        public IReadOnlyList<string> ReadyForSignOff { get; init; } = [];
        public IReadOnlyList<string> SignOffsExpiring { get; init; } = [];
        public IReadOnlyList<string> SignOffsExpired { get; init; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = org.Value.Zone;
        var today = OrganisationClock.Today(now, zone);
        var query = access.Visible(User).Where(e => e.IsActive);
        if (!string.IsNullOrWhiteSpace(Filter))
        {
            // The database compares accents and non-ASCII case exactly, so names are matched here, by the one rule.
            var names = await query.Select(e => new { e.Id, e.FirstName, e.LastName }).ToListAsync(ct);
            var ids = names.Where(n => NameSearch.Matches(Employee.FullNameOf(n.FirstName, n.LastName), Filter)).Select(n => n.Id).ToList();
            query = query.Where(e => ids.Contains(e.Id));
        }
        var rows = await query
            .Select(e => new
            {
                e.Id, e.FirstName, e.LastName, Role = e.JobRole!.Name, e.HireDate, TeamName = e.Team!.Name, e.Team.Site,
                LastObserved = db.Observations.Where(o => o.EmployeeId == e.Id && o.Status == ObservationStatus.Submitted)
                    .Max(o => (DateTime?)o.ObservedAtUtc),
                OpenSteps = db.ActionItems.Count(a => a.EmployeeId == e.Id && !a.IsDone && a.Observation!.Status == ObservationStatus.Submitted),
                LastConversation = db.DevelopmentConversations.Where(c => c.EmployeeId == e.Id).Max(c => (DateOnly?)c.HeldOn),
            })
            .ToListAsync(ct);
        var conversationTarget = await db.ConversationTargetDaysAsync(ct);
        var chosen = await choices.ChosenNamesAsync(rows.Select(r => r.Id), ct);
        var skills = await signOffs.ForEmployeesAsync(rows.Select(r => r.Id).ToList(), ct);
        Teams = rows
            .GroupBy(r => (r.TeamName, r.Site))
            .OrderBy(g => g.Key.TeamName)
            .Select(g => new TeamGroup(g.Key.TeamName, g.Key.Site, g
                .Select(r => new Tile(r.Id, Employee.FullNameOf(r.FirstName, r.LastName), r.Role, Tenure.Between(r.HireDate, today),
                    r.LastObserved is { } at ? OrganisationClock.DaysBetween(at, now, zone) : null, r.OpenSteps)
                {
                    DaysSinceConversation = ConversationRate.DaysSince(r.LastConversation, today),
                    IsConversationDue = !ConversationRate.MeetsTarget(r.LastConversation, today, conversationTarget),
                    ChosenSkills = chosen.GetValueOrDefault(r.Id, []),
                    ReadyForSignOff = skills[r.Id].Where(s => s.IsReadyForSignOff).Select(s => s.SkillName).ToList(),
                    SignOffsExpiring = skills[r.Id].Where(s => s.IsExpiringSoon).Select(s => s.SkillName).ToList(),
                    SignOffsExpired = skills[r.Id].Where(s => s.IsExpired).Select(s => s.SkillName).ToList(),
                })
                .OrderByDescending(t => t.IsDue).ThenByDescending(t => t.DaysSinceObserved ?? int.MaxValue).ThenBy(t => t.Name)
                .ToList()))
            .ToList();
        return this.PageOrPartial("_Tiles", this);
    }
}
