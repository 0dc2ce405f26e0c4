using Coaching.Domain.Development;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Development;

/// <summary>The one home for reading a person's development conversations: the list, the profile's summary, the target.</summary>
public sealed class DevelopmentConversations(CoachingDbContext db)
{
    public sealed record Step(int Id, string Text, DateTime? DoneAtUtc)
    {
        public bool IsDone => DoneAtUtc is not null;
    }

    public sealed record Item(int Id, DateOnly HeldOn, string HeldBy, string Discussed, string? PlanChanges,
        string? Reflection, DateTime? ReflectedAtUtc, IReadOnlyList<Step> Steps);

    /// <summary>What the profile shows: how long since the last conversation and what is still open from it.</summary>
    public sealed record ProfileSummary(int EmployeeId, int? DaysSince, int TargetDays, bool IsBeyondTarget, IReadOnlyList<Step> OpenSteps);

    /// <summary>The person's conversations, newest first, with who held each and its agreed steps.</summary>
    public async Task<IReadOnlyList<Item>> OfAsync(int employeeId, CancellationToken ct)
    {
        var conversations = await db.DevelopmentConversations.AsNoTracking().Include(c => c.Steps)
            .Where(c => c.EmployeeId == employeeId)
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id)
            .ToListAsync(ct);
        var managerIds = conversations.Select(c => c.ManagerUserId).Distinct().ToList();
        var names = await db.Users.Where(u => managerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return conversations.Select(c => new Item(c.Id, c.HeldOn, names.GetValueOrDefault(c.ManagerUserId) ?? "", c.Discussed, c.PlanChanges,
            c.Reflection, c.ReflectedAtUtc, c.Steps.OrderBy(s => s.Order).Select(s => new Step(s.Id, s.Text, s.DoneAtUtc)).ToList())).ToList();
    }

    public async Task<ProfileSummary> ForProfileAsync(int employeeId, DateOnly today, CancellationToken ct)
    {
        var latest = await db.DevelopmentConversations.AsNoTracking().Include(c => c.Steps)
            .Where(c => c.EmployeeId == employeeId)
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
        var open = latest?.Steps.Where(s => !s.IsDone).OrderBy(s => s.Order).Select(s => new Step(s.Id, s.Text, null)).ToList() ?? [];
        var target = await db.ConversationTargetDaysAsync(ct);
        return new(employeeId, ConversationRate.DaysSince(latest?.HeldOn, today), target, !ConversationRate.MeetsTarget(latest?.HeldOn, today, target), open);
    }
}

public static class ConversationTarget
{
    /// <summary>HR's target (everyone every N days): the settings row, or the default until HR saves one.</summary>
    public static async Task<int> ConversationTargetDaysAsync(this CoachingDbContext db, CancellationToken ct) =>
        await db.DevelopmentSettings.AsNoTracking().Where(s => s.Id == DevelopmentSettings.SingleId)
            .Select(s => (int?)s.ConversationTargetDays).FirstOrDefaultAsync(ct) ?? DevelopmentSettings.DefaultConversationTargetDays;

    /// <summary>How the tile and the profile say it.</summary>
    public static string DaysSinceText(int? days) => days switch
    {
        null => "No conversation yet",
        0 => "Conversation today",
        1 => "Conversation yesterday",
        var d => $"{d} days since last conversation",
    };
}
