using Coaching.Domain.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Web.Data.Configurations;

sealed class RatingRollupConfiguration : IEntityTypeConfiguration<RatingRollup>
{
    public void Configure(EntityTypeBuilder<RatingRollup> b)
    {
        // The key leads with the span and its start: the coverage query reads a range of months (or days) of every team.
        b.HasKey(r => new { r.Span, r.Start, r.TeamId, r.SkillKey });
        // Covers that range read with the count, so SQLite answers from the index alone.
        b.HasIndex(r => new { r.Span, r.Start, r.TeamId, r.SkillKey, r.Ratings });
        // A team's rows move with its people (RatingRollups.MoveTeamAsync); they are not deleted with the team.
        b.HasIndex(r => r.TeamId);
    }
}
