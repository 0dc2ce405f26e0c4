using Coaching.Tests.Development;
using Coaching.Tests.Foundation;
using Coaching.Tests.Infrastructure;
using Coaching.Tests.Insights;
using Coaching.Tests.Observations;
using Coaching.Tests.People;
using Coaching.Tests.SignOffs;
using Coaching.Tests.Training;

namespace Coaching.Tests.PostgreSql;

// The integration tests whose answer depends most on the database, run again, unchanged, on PostgreSQL (the server
// ./test.sh starts): who may reach whom, what a double tap or a second device leaves behind (revisions, the unique
// filtered indexes, the transactions of an import and of a training event), and the numbers HR reads (the rollups
// kept in step with the ratings included). Each class inherits every test of the SQLite class it names.

public sealed class AccessOnPostgreSqlTests(PostgreSqlApp app) : AccessTests(app), IClassFixture<PostgreSqlApp>;

public sealed class LoggingAnObservationOnPostgreSqlTests(PostgreSqlApp app) : LoggingAnObservationTests(app), IClassFixture<PostgreSqlApp>;

public sealed class RulesOverHttpOnPostgreSqlTests(PostgreSqlApp app) : RulesOverHttpTests(app), IClassFixture<PostgreSqlApp>;

public sealed class SignOffPagesOnPostgreSqlTests(PostgreSqlApp app) : SignOffPagesTests(app), IClassFixture<PostgreSqlApp>;

public sealed class PlansOnPostgreSqlTests(PostgreSqlApp app) : PlansTests(app), IClassFixture<PostgreSqlApp>;

public sealed class KnownOrganisationOnPostgreSql() : KnownOrganisation(TestDatabase.NewPostgreSql());

public sealed class CoverageGapsCalibrationOnPostgreSqlTests(KnownOrganisationOnPostgreSql org)
    : CoverageGapsCalibrationTests(org), IClassFixture<KnownOrganisationOnPostgreSql>;

public sealed class SignOffInsightsOnPostgreSqlTests(KnownOrganisationOnPostgreSql org)
    : SignOffInsightsTests(org), IClassFixture<KnownOrganisationOnPostgreSql>;

public sealed class ImportingPeopleOnPostgreSqlTests(PostgreSqlApp app) : ImportingPeopleTests(app), IClassFixture<PostgreSqlApp>;

public sealed class TrainingOrganisationOnPostgreSql() : TrainingOrganisation(TestDatabase.NewPostgreSql());

public sealed class TrainingEventsOnPostgreSqlTests(TrainingOrganisationOnPostgreSql org)
    : TrainingEventsTests(org), IClassFixture<TrainingOrganisationOnPostgreSql>;

public sealed class FarZoneDemoOnPostgreSql() : FarZoneDemo(TestDatabase.NewPostgreSql());

public sealed class RatingRollupsOnPostgreSqlTests(FarZoneDemoOnPostgreSql app) : RatingRollupsTests(app), IClassFixture<FarZoneDemoOnPostgreSql>;

public sealed class ObservationRollupsOnPostgreSqlTests(FarZoneDemoOnPostgreSql app) : ObservationRollupsTests(app), IClassFixture<FarZoneDemoOnPostgreSql>;

public sealed class LatestLevelsOnPostgreSqlTests(FarZoneDemoOnPostgreSql app) : LatestLevelsTests(app), IClassFixture<FarZoneDemoOnPostgreSql>;
