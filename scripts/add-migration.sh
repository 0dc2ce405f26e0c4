#!/usr/bin/env bash
# Adds a migration for every provider (SQLite, SQL Server, PostgreSQL): ./scripts/add-migration.sh AddSomething
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project Coaching.Web --context SqliteCoachingDbContext --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --project Coaching.Web --context SqlServerCoachingDbContext --output-dir Data/Migrations/SqlServer
dotnet ef migrations add "$name" --project Coaching.Web --context PostgreSqlCoachingDbContext --output-dir Data/Migrations/PostgreSql
