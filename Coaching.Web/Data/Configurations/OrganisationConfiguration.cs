using Coaching.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Web.Data.Configurations;

sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Site).HasMaxLength(100);
        b.HasMany(t => t.Managers).WithOne().HasForeignKey(m => m.TeamId);
    }
}

sealed class TeamManagerConfiguration : IEntityTypeConfiguration<TeamManager>
{
    public void Configure(EntityTypeBuilder<TeamManager> b)
    {
        b.HasKey(m => new { m.TeamId, m.UserId });
        b.HasIndex(m => m.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> b)
    {
        b.Property(e => e.FirstName).HasMaxLength(100);
        b.Property(e => e.LastName).HasMaxLength(100);
        b.Property(e => e.Email).HasMaxLength(256);
        b.Ignore(e => e.FullName);
        b.HasIndex(e => e.Email);
        b.Property(e => e.EmployeeNumber).HasMaxLength(50);
        b.HasIndex(e => e.EmployeeNumber).IsUnique();
        b.HasIndex(e => new { e.TeamId, e.IsActive });
        b.HasOne(e => e.Team).WithMany(t => t.Employees).HasForeignKey(e => e.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.JobRole).WithMany().HasForeignKey(e => e.JobRoleId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class JobRoleConfiguration : IEntityTypeConfiguration<JobRole>
{
    public void Configure(EntityTypeBuilder<JobRole> b)
    {
        b.Property(r => r.Name).HasMaxLength(100);
        b.HasIndex(r => r.Name).IsUnique();
        b.HasOne<Coaching.Domain.Rubrics.Rubric>().WithMany().HasForeignKey(r => r.DefaultRubricId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Requirements).WithOne().HasForeignKey(q => q.JobRoleId).OnDelete(DeleteBehavior.Cascade);
        // The career path: a self-referencing many-to-many. SQL Server refuses two cascade paths into the link table,
        // so only the "from" side cascades in the database; the "to" side is removed by EF with the tracked role.
        b.HasMany(r => r.LeadsTo).WithMany().UsingEntity<Dictionary<string, object>>("JobRoleLeadsTo",
            to => to.HasOne<JobRole>().WithMany().HasForeignKey("LeadsToRoleId").OnDelete(DeleteBehavior.ClientCascade),
            from => from.HasOne<JobRole>().WithMany().HasForeignKey("JobRoleId").OnDelete(DeleteBehavior.Cascade));
    }
}

sealed class RoleRequirementConfiguration : IEntityTypeConfiguration<RoleRequirement>
{
    public void Configure(EntityTypeBuilder<RoleRequirement> b) => b.HasIndex(q => new { q.JobRoleId, q.SkillKey }).IsUnique();
}

sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.HasOne<Employee>().WithMany().HasForeignKey(u => u.EmployeeId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.Subject).HasMaxLength(300);
        b.Property(a => a.Details).HasMaxLength(4000);
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.Action, a.AtUtc });
    }
}

sealed class PeopleImportUploadConfiguration : IEntityTypeConfiguration<Coaching.Domain.People.PeopleImportUpload>
{
    public void Configure(EntityTypeBuilder<Coaching.Domain.People.PeopleImportUpload> b)
    {
        b.Property(u => u.FileName).HasMaxLength(260);
        b.Property(u => u.UploadedByUserId).HasMaxLength(450);
        b.Property(u => u.Outcome).HasMaxLength(4000);
        b.HasIndex(u => u.UploadedAtUtc);
    }
}
