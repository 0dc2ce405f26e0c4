using Coaching.Domain.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Web.Data.Configurations;

sealed class LatestLevelConfiguration : IEntityTypeConfiguration<LatestLevel>
{
    public void Configure(EntityTypeBuilder<LatestLevel> b) => b.HasKey(l => new { l.EmployeeId, l.SkillKey });
}
