using Coaching.Domain.Rubrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Web.Data.Configurations;

sealed class RubricConfiguration : IEntityTypeConfiguration<Rubric>
{
    public void Configure(EntityTypeBuilder<Rubric> b)
    {
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Description).HasMaxLength(1000);
        b.HasMany(r => r.Versions).WithOne(v => v.Rubric).HasForeignKey(v => v.RubricId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.CurrentVersion).WithMany().HasForeignKey(r => r.CurrentVersionId).OnDelete(DeleteBehavior.NoAction);
    }
}

sealed class RubricVersionConfiguration : IEntityTypeConfiguration<RubricVersion>
{
    public void Configure(EntityTypeBuilder<RubricVersion> b)
    {
        b.HasIndex(v => new { v.RubricId, v.Number }).IsUnique();
        b.HasMany(v => v.Levels).WithOne().HasForeignKey(l => l.RubricVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Categories).WithOne().HasForeignKey(c => c.RubricVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Skills).WithOne().HasForeignKey(s => s.RubricVersionId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(v => v.IsEditable);
    }
}

sealed class RubricLevelConfiguration : IEntityTypeConfiguration<RubricLevel>
{
    public void Configure(EntityTypeBuilder<RubricLevel> b)
    {
        b.Property(l => l.Name).HasMaxLength(RubricRules.MaxLevelNameLength);
        b.HasIndex(l => new { l.RubricVersionId, l.Value }).IsUnique();
    }
}

sealed class SkillCategoryConfiguration : IEntityTypeConfiguration<SkillCategory>
{
    public void Configure(EntityTypeBuilder<SkillCategory> b) => b.Property(c => c.Name).HasMaxLength(RubricRules.MaxCategoryNameLength);
}

sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> b)
    {
        b.Property(s => s.Name).HasMaxLength(RubricRules.MaxSkillNameLength);
        b.HasIndex(s => s.Key);
        // SQL Server refuses two cascade paths (version→category→skill and version→skill); deleting a category un-files its skills.
        b.HasOne(s => s.Category).WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.ClientSetNull);
        b.HasMany(s => s.Descriptors).WithOne().HasForeignKey(d => d.SkillId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class LevelDescriptorConfiguration : IEntityTypeConfiguration<LevelDescriptor>
{
    public void Configure(EntityTypeBuilder<LevelDescriptor> b)
    {
        b.Property(d => d.Text).HasMaxLength(RubricRules.MaxDescriptorLength);
        b.HasIndex(d => new { d.SkillId, d.Level }).IsUnique();
    }
}
