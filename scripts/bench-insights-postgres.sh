#!/usr/bin/env bash
# Benchmark: the HR insights pages on PostgreSQL at the issue's second size (50,000 employees, 2,000,000 observations).
# Usage: scripts/bench-insights-postgres.sh [SQLite file, default /tmp/coaching-50k.db] [--runs 9]
# Generates the organisation into the SQLite file once (demo generate writes with SQLite's bulk path; long: about half
# an hour on 2 cores), brings it to this version's schema (its rollups filled), starts a throwaway PostgreSQL cluster
# (scripts/test-postgres.sh), moves the organisation there with "database copy", serves the app on it and times the
# pages with "bench insights". The cluster is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-/tmp/coaching-50k.db}; shift || true
port=5092
dotnet build Coaching.Web -c Release --nologo -v q >/dev/null
app=$PWD/Coaching.Web/bin/Release/net10.0/Coaching.Web.dll
cd Coaching.Web   # the content root: appsettings*.json
export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning Summaries__Schedule__Enabled=false
if [ ! -f "$db" ]; then
  ConnectionStrings__Coaching="Data Source=$db" dotnet "$app" demo generate --employees 50000 --teams 3000 --observations 2000000
fi
# Any command starts the app on the file first: migrations, and the rollups counted when the table is empty.
ConnectionStrings__Coaching="Data Source=$db" dotnet "$app" --help >/dev/null
eval "$(../scripts/test-postgres.sh start)"
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; ../scripts/test-postgres.sh stop "$COACHING_TEST_POSTGRES_DIR"' EXIT
psql "$(echo "$COACHING_TEST_POSTGRES" | sed 's/Host=/host=/;s/;Port=/ port=/;s/;Username=/ user=/;s/;Database=.*//')" -qc 'CREATE DATABASE coaching_bench'
export Database__Provider=PostgreSql Database__SeedDemoData=false ConnectionStrings__Coaching="${COACHING_TEST_POSTGRES/Database=postgres/Database=coaching_bench}"
dotnet "$app" database copy --from "$db"
dotnet "$app" --urls "http://127.0.0.1:$port" >/tmp/coaching-insights-postgres-server.log 2>&1 &
server=$!
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
dotnet "$app" bench insights --url "http://127.0.0.1:$port" --coverage-target 1000 "$@"
