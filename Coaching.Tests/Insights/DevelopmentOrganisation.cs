using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coaching.Tests.Insights;

/// <summary>
/// <see cref="KnownOrganisation"/> with development practice whose every number is known. Today is the organisation's today.
/// <list type="bullet">
/// <item>Conversations: Ana 10 days ago (and 200), Ben exactly 90 days ago, Cy 91, Eve exactly 365, Fay never, Dee (left) yesterday.</item>
/// <item>Plans: Ana upskilling active (Greeting target 4), Ben cross-training active and upskilling achieved, Eve reskilling stopped and upskilling active (Greeting target 3), Dee (left) upskilling active.</item>
/// <item>Choices: Ana Safety and Greeting, Ben Safety, Eve Greeting (Safety dropped), Fay Scanning, Dee (left) Scanning.</item>
/// <item>Confidence (latest): Ana Greeting 5 (was 2), Ben Greeting 1, Eve Greeting 1 and Scanning 4, Fay Scanning 4, Dee (left) Scanning 5.</item>
/// </list>
/// </summary>
public sealed class DevelopmentOrganisation : KnownOrganisation
{
    public DateOnly Today { get; private set; }
    public Dictionary<string, int> People { get; private set; } = [];
    public string NoraId { get; private set; } = "";
    public string SamId { get; private set; } = "";

    bool developed;
    readonly SemaphoreSlim developGate = new(1, 1);

    public async Task<DevelopmentOrganisation> DevelopedAsync()
    {
        await BuiltAsync();
        await developGate.WaitAsync();
        try { if (!developed) { await DevelopAsync(); developed = true; } }
        finally { developGate.Release(); }
        return this;
    }

    async Task DevelopAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var zone = scope.ServiceProvider.GetRequiredService<IOptions<OrganisationOptions>>().Value.Zone;
        var now = DateTime.UtcNow;
        Today = OrganisationClock.Today(now, zone);
        People = (await db.Employees.Select(e => new { e.Id, e.FirstName }).ToListAsync()).ToDictionary(e => e.FirstName.StartsWith('=') ? "Cy" : e.FirstName, e => e.Id);
        NoraId = await db.Users.Where(u => u.Email == "north@known.test").Select(u => u.Id).SingleAsync();
        SamId = await db.Users.Where(u => u.Email == "south@known.test").Select(u => u.Id).SingleAsync();

        void Conversation(string who, int daysAgo, string manager) =>
            db.DevelopmentConversations.Add(new DevelopmentConversation
            {
                EmployeeId = People[who], ManagerUserId = manager, HeldOn = Today.AddDays(-daysAgo), Discussed = "Growth", CreatedAtUtc = now, UpdatedAtUtc = now,
            });
        Conversation("Ana", 10, NoraId);
        Conversation("Ana", 200, NoraId);
        Conversation("Ben", 90, NoraId);
        Conversation("Cy", 91, NoraId);
        Conversation("Dee", 1, NoraId);
        Conversation("Eve", 365, SamId);

        DevelopmentPlan Plan(string who, DevelopmentTrack track, PlanStatus status)
        {
            var plan = new DevelopmentPlan
            {
                EmployeeId = People[who], Track = track, Status = status, CreatedAtUtc = now.AddDays(-30), CreatedByUserId = NoraId, UpdatedAtUtc = now, UpdatedByUserId = NoraId,
                EndedAtUtc = status == PlanStatus.Active ? null : now.AddDays(-1), StopReason = status == PlanStatus.Stopped ? "Changed their mind" : null,
                AdditionalRoleId = track == DevelopmentTrack.CrossTraining ? Cashier : null, TargetRoleId = track == DevelopmentTrack.Reskilling ? Cashier : null,
            };
            db.DevelopmentPlans.Add(plan);
            return plan;
        }
        Plan("Ana", DevelopmentTrack.Upskilling, PlanStatus.Active).Skills.Add(new PlanSkill { SkillKey = Greeting, TargetLevel = 4, TargetDate = Today.AddDays(60), AddedAtUtc = now, AddedByUserId = NoraId });
        Plan("Ben", DevelopmentTrack.CrossTraining, PlanStatus.Active);
        Plan("Ben", DevelopmentTrack.Upskilling, PlanStatus.Achieved);
        Plan("Eve", DevelopmentTrack.Reskilling, PlanStatus.Stopped);
        // Eve's plan asks more of Greeting (3) than her role does (2): her low confidence at observed 2 is no mismatch.
        Plan("Eve", DevelopmentTrack.Upskilling, PlanStatus.Active).Skills.Add(new PlanSkill { SkillKey = Greeting, TargetLevel = 3, TargetDate = Today.AddDays(60), AddedAtUtc = now, AddedByUserId = SamId });
        Plan("Dee", DevelopmentTrack.Upskilling, PlanStatus.Active);

        void Choice(string who, Guid skill, bool dropped = false) =>
            db.SkillChoices.Add(new SkillChoice { EmployeeId = People[who], SkillKey = skill, ChosenAtUtc = now.AddDays(-20), DroppedAtUtc = dropped ? now.AddDays(-2) : null });
        Choice("Ana", Safety);
        Choice("Ana", Greeting);
        Choice("Ben", Safety);
        Choice("Eve", Safety, dropped: true);
        Choice("Eve", Greeting);
        Choice("Fay", Scanning);
        Choice("Dee", Scanning);

        void Confidence(string who, Guid skill, int level, int daysAgo) =>
            db.ConfidenceRatings.Add(new ConfidenceRating { EmployeeId = People[who], SkillKey = skill, Level = level, RatedAtUtc = now.AddDays(-daysAgo) });
        Confidence("Ana", Greeting, 2, 20);
        Confidence("Ana", Greeting, 5, 1);
        Confidence("Ben", Greeting, 1, 3);
        Confidence("Eve", Greeting, 1, 3);
        Confidence("Eve", Scanning, 4, 3);
        Confidence("Fay", Scanning, 4, 3);
        Confidence("Dee", Scanning, 5, 3);
        await db.SaveChangesAsync();
    }
}
