#!/usr/bin/env bash
# Benchmark: Insights → Development on the generated organisation (SQLite): conversations, plans, chosen skills, confidence.
# Usage: scripts/bench-development.sh [database file, default /tmp/coaching-insights.db] [--runs 9]
# Generates the organisation into the file if it does not exist yet (5,000 employees, 300 teams, 200,000 observations,
# and their development practice), then times the page over HTTP. Exits 1 when the whole page misses 500 ms.
set -euo pipefail
cd "$(dirname "$0")/../Coaching.Web"   # the content root: appsettings*.json
db=${1:-/tmp/coaching-insights.db}; shift || true
port=5092
dotnet build -c Release --nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Coaching="Data Source=$db" Logging__LogLevel__Default=Warning Summaries__Schedule__Enabled=false
app=bin/Release/net10.0/Coaching.Web.dll
[ -f "$db" ] || dotnet $app demo generate --employees 5000 --teams 300 --observations 200000
dotnet $app --urls "http://127.0.0.1:$port" >/tmp/coaching-development-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
dotnet $app bench development --url "http://127.0.0.1:$port" "$@"
