using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Domain.SignOffs;
using Coaching.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Web.Data.Configurations;

// Lists of ids (a sign-off's evidence, an event's skills and attendees) are EF primitive collections: one JSON column,
// read and written with their row, and still queryable (Contains translates to json_each / OPENJSON).

sealed class SignOffRuleConfiguration : IEntityTypeConfiguration<SignOffRule>
{
    public void Configure(EntityTypeBuilder<SignOffRule> b)
    {
        b.Property(r => r.UpdatedByUserId).HasMaxLength(450);
        b.HasOne<Rubric>().WithMany().HasForeignKey(r => r.RubricId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.RubricId).IsUnique();
    }
}

sealed class SkillExpiryConfiguration : IEntityTypeConfiguration<SkillExpiry>
{
    public void Configure(EntityTypeBuilder<SkillExpiry> b) => b.HasIndex(e => e.SkillKey).IsUnique();
}

sealed class SignOffConfiguration : IEntityTypeConfiguration<SignOff>
{
    public void Configure(EntityTypeBuilder<SignOff> b)
    {
        b.Property(s => s.SignedByUserId).HasMaxLength(450);
        b.Property(s => s.RevokedByUserId).HasMaxLength(450);
        b.Property(s => s.RevokeReason).HasMaxLength(SignOff.MaxReasonLength);
        b.Ignore(s => s.IsLive);
        b.HasOne<Employee>().WithMany().HasForeignKey(s => s.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.SignedByUserId).OnDelete(DeleteBehavior.Restrict);
        // Expiry flags (My team, Insights, the weekly summary) look sign-offs up by expiry date.
        b.HasIndex(s => s.ExpiresOn);
        // One live sign-off per person and skill: a double tap or a second device signs once.
        b.HasIndex(s => new { s.EmployeeId, s.SkillKey }).IsUnique()
            .HasFilter("[RevokedAtUtc] IS NULL AND [SupersededAtUtc] IS NULL").HasDatabaseName("IX_SignOffs_OneLivePerSkill");
    }
}

sealed class SignOffDeclineConfiguration : IEntityTypeConfiguration<SignOffDecline>
{
    public void Configure(EntityTypeBuilder<SignOffDecline> b)
    {
        b.Property(d => d.DeclinedByUserId).HasMaxLength(450);
        b.Property(d => d.Reason).HasMaxLength(SignOff.MaxReasonLength);
        b.HasOne<Employee>().WithMany().HasForeignKey(d => d.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.EmployeeId, d.SkillKey, d.DeclinedAtUtc });
    }
}

sealed class PeerTrainerAppointmentConfiguration : IEntityTypeConfiguration<PeerTrainerAppointment>
{
    public void Configure(EntityTypeBuilder<PeerTrainerAppointment> b)
    {
        b.Property(a => a.AppointedByUserId).HasMaxLength(450);
        b.Property(a => a.EndedByUserId).HasMaxLength(450);
        b.Ignore(a => a.IsCurrent);
        b.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.SkillKey, a.EndedAtUtc });
        // One current appointment per person and skill.
        b.HasIndex(a => new { a.EmployeeId, a.SkillKey }).IsUnique().HasFilter("[EndedAtUtc] IS NULL")
            .HasDatabaseName("IX_PeerTrainerAppointments_OneCurrentPerSkill");
    }
}

sealed class TrainingAssignmentConfiguration : IEntityTypeConfiguration<TrainingAssignment>
{
    public void Configure(EntityTypeBuilder<TrainingAssignment> b)
    {
        b.Property(a => a.AssignedByUserId).HasMaxLength(450);
        b.HasOne<Employee>().WithMany().HasForeignKey(a => a.TrainerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(a => a.TraineeId).OnDelete(DeleteBehavior.Restrict);
        // Rotation and the per-band view read a skill's trainings; the profile and summary read a person's.
        b.HasIndex(a => new { a.SkillKey, a.StartsOn });
        b.HasIndex(a => new { a.TrainerId, a.StartsOn });
        b.HasIndex(a => new { a.TraineeId, a.StartsOn });
    }
}

sealed class TrainingEventConfiguration : IEntityTypeConfiguration<TrainingEvent>
{
    public void Configure(EntityTypeBuilder<TrainingEvent> b)
    {
        b.Property(e => e.Title).HasMaxLength(TrainingEvent.TitleMaxLength);
        b.Property(e => e.RecordedByUserId).HasMaxLength(450);
        b.HasIndex(e => e.HeldOn);
    }
}

sealed class TenureBandSettingsConfiguration : IEntityTypeConfiguration<TenureBandSettings>
{
    public void Configure(EntityTypeBuilder<TenureBandSettings> b)
    {
        // One row, written by HR; the id is fixed rather than generated.
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.UpdatedByUserId).HasMaxLength(450);
    }
}
