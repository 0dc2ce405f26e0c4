using Coaching.Domain.Observations;
using Coaching.Domain.Summaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Web.Data.Configurations;

sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> b)
    {
        b.Property(o => o.Context).HasMaxLength(ObservationRules.MaxContextLength);
        b.Property(o => o.WentWell).HasMaxLength(ObservationRules.MaxNoteLength);
        b.Property(o => o.NextSteps).HasMaxLength(ObservationRules.MaxNoteLength);
        b.Property(o => o.ObserverUserId).HasMaxLength(450);
        b.Property(o => o.Revision).IsConcurrencyToken();
        b.Ignore(o => o.IsSubmitted);
        b.HasOne(o => o.Employee).WithMany().HasForeignKey(o => o.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(o => o.ObserverUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.RubricVersion).WithMany().HasForeignKey(o => o.RubricVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Ratings).WithOne().HasForeignKey(r => r.ObservationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.ActionItems).WithOne(a => a.Observation).HasForeignKey(a => a.ObservationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => o.DraftKey).IsUnique();
        b.HasIndex(o => new { o.EmployeeId, o.Status, o.ObservedAtUtc });
        // With the employee, coverage counts a part-month of everyone's observations from the index alone.
        b.HasIndex(o => new { o.Status, o.ObservedAtUtc, o.EmployeeId });
        b.HasIndex(o => new { o.ObserverUserId, o.Status });
    }
}

sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.Property(r => r.Evidence).HasMaxLength(ObservationRules.MaxNoteLength);
        b.HasIndex(r => new { r.ObservationId, r.SkillId }).IsUnique();
        b.Property(r => r.ObserverUserId).HasMaxLength(450);
        // Reporting reads submitted ratings by period; these cover its grouped queries. Each leads with the GROUP BY
        // columns (employee × skill for coverage and latest levels, observer × skill × level for calibration) so SQLite
        // aggregates in index order instead of sorting a year of ratings; the period and IsSubmitted filter inside the index.
        b.HasIndex(r => new { r.EmployeeId, r.SkillKey, r.ObservedAtUtc, r.IsSubmitted, r.Level });
        b.HasIndex(r => new { r.ObserverUserId, r.SkillKey, r.Level, r.ObservedAtUtc, r.IsSubmitted });
        b.HasOne(r => r.Skill).WithMany().HasForeignKey(r => r.SkillId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.Property(a => a.Text).HasMaxLength(ObservationRules.MaxActionItemLength);
        b.HasIndex(a => new { a.EmployeeId, a.IsDone });
    }
}

sealed class ObservationChangeConfiguration : IEntityTypeConfiguration<ObservationChange>
{
    public void Configure(EntityTypeBuilder<ObservationChange> b)
    {
        b.Property(c => c.Field).HasMaxLength(100);
        b.Property(c => c.UserId).HasMaxLength(450);
        b.HasIndex(c => c.ObservationId);
        b.HasOne<Observation>().WithMany().HasForeignKey(c => c.ObservationId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SummaryDeliveryConfiguration : IEntityTypeConfiguration<SummaryDelivery>
{
    public void Configure(EntityTypeBuilder<SummaryDelivery> b)
    {
        b.Property(d => d.Week).HasMaxLength(8);
        b.Property(d => d.LastError).HasMaxLength(2000);
        b.Property(d => d.ClaimedBy).HasMaxLength(100);
        b.Property(d => d.Revision).IsConcurrencyToken();
        b.Ignore(d => d.IsoWeek);
        b.HasIndex(d => new { d.EmployeeId, d.Week }).IsUnique();
        b.HasIndex(d => new { d.Week, d.Status });
        b.HasOne<Coaching.Domain.Organisation.Employee>().WithMany().HasForeignKey(d => d.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}
