using Coaching.Domain.Development;
using Coaching.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Web.Data.Configurations;

sealed class DevelopmentPlanConfiguration : IEntityTypeConfiguration<DevelopmentPlan>
{
    public void Configure(EntityTypeBuilder<DevelopmentPlan> b)
    {
        b.Property(p => p.StopReason).HasMaxLength(DevelopmentPlan.MaxStopReasonLength);
        b.Property(p => p.CreatedByUserId).HasMaxLength(450);
        b.Property(p => p.UpdatedByUserId).HasMaxLength(450);
        b.Ignore(p => p.IsActive);
        b.Ignore(p => p.CurrentSkills);
        b.HasOne(p => p.Employee).WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JobRole>().WithMany().HasForeignKey(p => p.TargetRoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JobRole>().WithMany().HasForeignKey(p => p.AdditionalRoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Skills).WithOne().HasForeignKey(s => s.DevelopmentPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.History).WithOne().HasForeignKey(e => e.DevelopmentPlanId).OnDelete(DeleteBehavior.Cascade);
        // Reporting counts plans by track and status; a person's page reads their plans.
        b.HasIndex(p => new { p.EmployeeId, p.Status });
        b.HasIndex(p => new { p.Track, p.Status });
        // One active plan per track: the domain says so before saving; this stops a double tap or a second device
        // that saved in between. [Status] is quoted the way both SQLite and SQL Server read it.
        b.HasIndex(p => new { p.EmployeeId, p.Track }).IsUnique().HasFilter("[Status] = 1").HasDatabaseName("IX_DevelopmentPlans_OneActivePerTrack");
    }
}

sealed class PlanSkillConfiguration : IEntityTypeConfiguration<PlanSkill>
{
    public void Configure(EntityTypeBuilder<PlanSkill> b)
    {
        b.Property(s => s.AddedByUserId).HasMaxLength(450);
        b.Ignore(s => s.IsDropped);
        b.HasIndex(s => new { s.DevelopmentPlanId, s.SkillKey });
    }
}

sealed class PlanEventConfiguration : IEntityTypeConfiguration<PlanEvent>
{
    public void Configure(EntityTypeBuilder<PlanEvent> b)
    {
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.What).HasMaxLength(DevelopmentPlan.MaxEventLength);
        b.HasIndex(e => new { e.DevelopmentPlanId, e.AtUtc });
    }
}

sealed class ChoosableSkillConfiguration : IEntityTypeConfiguration<ChoosableSkill>
{
    public void Configure(EntityTypeBuilder<ChoosableSkill> b)
    {
        b.HasKey(c => c.SkillKey);
        b.Property(c => c.MarkedByUserId).HasMaxLength(450);
    }
}

sealed class SkillChoiceConfiguration : IEntityTypeConfiguration<SkillChoice>
{
    public void Configure(EntityTypeBuilder<SkillChoice> b)
    {
        b.Ignore(c => c.IsActive);
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.EmployeeId, c.DroppedAtUtc });
        // "Chosen skills ranked by how many chose them" groups by skill.
        b.HasIndex(c => new { c.SkillKey, c.DroppedAtUtc });
    }
}

sealed class ConfidenceRatingConfiguration : IEntityTypeConfiguration<ConfidenceRating>
{
    public void Configure(EntityTypeBuilder<ConfidenceRating> b)
    {
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.EmployeeId, c.SkillKey, c.RatedAtUtc });
    }
}

sealed class DevelopmentConversationConfiguration : IEntityTypeConfiguration<DevelopmentConversation>
{
    public void Configure(EntityTypeBuilder<DevelopmentConversation> b)
    {
        b.Property(c => c.ManagerUserId).HasMaxLength(450);
        b.Property(c => c.Discussed).HasMaxLength(DevelopmentConversation.MaxDiscussedLength);
        b.Property(c => c.PlanChanges).HasMaxLength(DevelopmentConversation.MaxPlanChangesLength);
        b.Property(c => c.Reflection).HasMaxLength(DevelopmentConversation.MaxReflectionLength);
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ManagerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.DevelopmentConversationId).OnDelete(DeleteBehavior.Cascade);
        // The last conversation per person (team tiles, the conversation rate).
        b.HasIndex(c => new { c.EmployeeId, c.HeldOn });
        b.HasIndex(c => new { c.ManagerUserId, c.HeldOn });
        // A form logs one conversation however often it is sent (double tap, resend after a dropped connection).
        b.HasIndex(c => c.FormKey).IsUnique();
    }
}

sealed class AgreedStepConfiguration : IEntityTypeConfiguration<AgreedStep>
{
    public void Configure(EntityTypeBuilder<AgreedStep> b)
    {
        b.Property(s => s.Text).HasMaxLength(DevelopmentConversation.MaxStepLength);
        b.Ignore(s => s.IsDone);
        b.HasIndex(s => new { s.EmployeeId, s.DoneAtUtc });
    }
}

sealed class DevelopmentSettingsConfiguration : IEntityTypeConfiguration<DevelopmentSettings>
{
    public void Configure(EntityTypeBuilder<DevelopmentSettings> b)
    {
        // One row, written by HR; the id is fixed rather than generated.
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.UpdatedByUserId).HasMaxLength(450);
    }
}
