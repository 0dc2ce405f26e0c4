using Coaching.Domain.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Web.Data.Configurations;

sealed class ObservationRollupConfiguration : IEntityTypeConfiguration<ObservationRollup>
{
    public void Configure(EntityTypeBuilder<ObservationRollup> b)
    {
        b.HasKey(r => new { r.EmployeeId, r.Month });
        // Coverage reads every employee's months before a period's last month, with both figures, from the index alone.
        b.HasIndex(r => new { r.Month, r.EmployeeId, r.Observations, r.LastObservedAtUtc });
    }
}
