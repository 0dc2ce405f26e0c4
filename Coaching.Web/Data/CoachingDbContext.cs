using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Domain.SignOffs;
using Coaching.Domain.Summaries;
using Coaching.Domain.Training;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coaching.Web.Data;

/// <summary>
/// The one DbContext. Each provider has a subclass (<see cref="SqliteCoachingDbContext"/>,
/// <see cref="SqlServerCoachingDbContext"/>, <see cref="PostgreSqlCoachingDbContext"/>) that owns its own migration set;
/// the app always asks for this type.
/// </summary>
public abstract class CoachingDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every web node and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamManager> TeamManagers => Set<TeamManager>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<JobRole> JobRoles => Set<JobRole>();
    public DbSet<RoleRequirement> RoleRequirements => Set<RoleRequirement>();
    public DbSet<Rubric> Rubrics => Set<Rubric>();
    public DbSet<RubricVersion> RubricVersions => Set<RubricVersion>();
    public DbSet<RubricLevel> RubricLevels => Set<RubricLevel>();
    public DbSet<SkillCategory> SkillCategories => Set<SkillCategory>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<LevelDescriptor> LevelDescriptors => Set<LevelDescriptor>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ObservationChange> ObservationChanges => Set<ObservationChange>();
    public DbSet<SummaryDelivery> SummaryDeliveries => Set<SummaryDelivery>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Coaching.Domain.People.PeopleImportUpload> PeopleImportUploads => Set<Coaching.Domain.People.PeopleImportUpload>();
    public DbSet<DevelopmentPlan> DevelopmentPlans => Set<DevelopmentPlan>();
    public DbSet<PlanSkill> PlanSkills => Set<PlanSkill>();
    public DbSet<PlanEvent> PlanEvents => Set<PlanEvent>();
    public DbSet<ChoosableSkill> ChoosableSkills => Set<ChoosableSkill>();
    public DbSet<SkillChoice> SkillChoices => Set<SkillChoice>();
    public DbSet<ConfidenceRating> ConfidenceRatings => Set<ConfidenceRating>();
    public DbSet<DevelopmentConversation> DevelopmentConversations => Set<DevelopmentConversation>();
    public DbSet<AgreedStep> AgreedSteps => Set<AgreedStep>();
    public DbSet<DevelopmentSettings> DevelopmentSettings => Set<DevelopmentSettings>();
    public DbSet<SignOffRule> SignOffRules => Set<SignOffRule>();
    public DbSet<SkillExpiry> SkillExpiries => Set<SkillExpiry>();
    public DbSet<SignOff> SignOffs => Set<SignOff>();
    public DbSet<SignOffDecline> SignOffDeclines => Set<SignOffDecline>();
    public DbSet<PeerTrainerAppointment> PeerTrainerAppointments => Set<PeerTrainerAppointment>();
    public DbSet<TrainingAssignment> TrainingAssignments => Set<TrainingAssignment>();
    public DbSet<TrainingEvent> TrainingEvents => Set<TrainingEvent>();
    public DbSet<TenureBandSettings> TenureBandSettings => Set<TenureBandSettings>();
    public DbSet<Coaching.Domain.Insights.RatingRollup> RatingRollups => Set<Coaching.Domain.Insights.RatingRollup>();
    public DbSet<Coaching.Domain.Insights.ObservationRollup> ObservationRollups => Set<Coaching.Domain.Insights.ObservationRollup>();
    public DbSet<Coaching.Domain.Insights.LatestLevel> LatestLevels => Set<Coaching.Domain.Insights.LatestLevel>();

    /// <summary>
    /// Saves, and keeps the insights rollups in step in the same transaction when the save touches submitted ratings or
    /// observations, or moves someone to another team (<see cref="Rollups.RatingRollups"/>,
    /// <see cref="Rollups.ObservationRollups"/>, <see cref="Rollups.LatestLevels"/>): every writer that goes through EF
    /// is covered here.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var rollups = Rollups.RatingRollups.Noted(this);
        var observed = Rollups.ObservationRollups.Noted(this);
        var latest = Rollups.LatestLevels.Noted(this);
        if (rollups.IsEmpty && observed.IsEmpty && latest.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var zone = OrganisationZone();
        async Task ApplyAsync(CancellationToken ct)
        {
            await rollups.ApplyAsync(this, zone, ct); // locks the teams' rows
            // Then every person's rows at once, so the locks are always taken teams first, then people in ascending id.
            await Rollups.RollupLocks.TakeAsync(this, Rollups.RollupLocks.Employees, observed.Employees.Concat(latest.Employees), ct);
            await observed.ApplyAsync(this, zone, ct);
            await latest.ApplyAsync(this, ct);
        }
        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await ApplyAsync(cancellationToken);
            return saved;
        }
        // Changes are accepted only after the commit, so a retrying execution strategy (SQL Server) can run it all again.
        var count = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await ApplyAsync(ct);
            await transaction.CommitAsync(ct);
            return saved;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return count;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>The organisation's time zone (rollup days are its local days); UTC for a context made outside the app (design time).</summary>
    TimeZoneInfo OrganisationZone() =>
        this.GetInfrastructure().GetService(typeof(IDbContextOptions)) is IDbContextOptions options
        && options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService(typeof(Microsoft.Extensions.Options.IOptions<Infrastructure.OrganisationOptions>)) is Microsoft.Extensions.Options.IOptions<Infrastructure.OrganisationOptions> org
            ? org.Value.Zone
            : TimeZoneInfo.Utc;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(CoachingDbContext).Assembly, t => t.Namespace == typeof(CoachingDbContext).Namespace + ".Configurations");
    }
}

public sealed class SqliteCoachingDbContext(DbContextOptions<SqliteCoachingDbContext> options) : CoachingDbContext(options);

public sealed class SqlServerCoachingDbContext(DbContextOptions<SqlServerCoachingDbContext> options) : CoachingDbContext(options);

/// <summary>
/// PostgreSQL: times are <c>timestamp with time zone</c>, which Npgsql writes only from UTC values; every time the app
/// stores is UTC by rule, so values are marked UTC on the way in and out (SQLite hands them back unmarked).
/// Index filters are written once in SQL Server's bracket quoting; PostgreSQL quotes with double quotes.
/// </summary>
public sealed class PostgreSqlCoachingDbContext(DbContextOptions<PostgreSqlCoachingDbContext> options) : CoachingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        foreach (var index in b.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredIndexes()))
            if (index.GetFilter() is { } filter)
                index.SetFilter(System.Text.RegularExpressions.Regex.Replace(filter, @"\[(\w+)\]", "\"$1\""));
    }

    sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
