#!/usr/bin/env bash
# Runs every test of the solution, browser tests included. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-test-deps.sh
# Hundreds of app hosts and node processes start during the run; each file watcher on inotify takes one of the user's
# 128 inotify instances, and running out fails a host at start. Polling watchers take none.
export DOTNET_USE_POLLING_FILE_WATCHER=true
# A throwaway PostgreSQL server on loopback for the PostgreSQL and multi-node tests, stopped at the end.
eval "$(scripts/test-postgres.sh start)"
trap 'scripts/test-postgres.sh stop "$COACHING_TEST_POSTGRES_DIR"' EXIT
dotnet tool restore
dotnet build Coaching.sln --nologo
# The SQL Server migrations cannot run here; generating their idempotent script still proves they compile and script.
mkdir -p artifacts
dotnet ef migrations script --idempotent --no-build --project Coaching.Web \
  --context SqlServerCoachingDbContext --output artifacts/sqlserver-idempotent.sql
echo "SQL Server script: artifacts/sqlserver-idempotent.sql ($(wc -l < artifacts/sqlserver-idempotent.sql) lines)"
dotnet test Coaching.sln --no-build --nologo "$@"
