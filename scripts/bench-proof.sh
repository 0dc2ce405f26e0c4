#!/usr/bin/env bash
# Benchmark: HR's proof-of-skill pages (training per tenure band, training events, one event's before/after, sign-offs
# across the organisation) on the generated organisation (SQLite).
# Usage: scripts/bench-proof.sh [database file, default /tmp/coaching-proof.db] [--runs 9]
# Generates the organisation into the file if it does not exist yet (5,000 employees, 300 teams, 200,000 observations,
# their development practice and proof of skill: sign-offs, peer trainers, trainings given, a few hundred training
# events), then times the pages over HTTP. A page that answers with an error (404 while not built) is reported; exit 1.
set -euo pipefail
cd "$(dirname "$0")/../Coaching.Web"   # the content root: appsettings*.json
db=${1:-/tmp/coaching-proof.db}; shift || true
port=5093
dotnet build -c Release --nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Coaching="Data Source=$db" Logging__LogLevel__Default=Warning Summaries__Schedule__Enabled=false
app=bin/Release/net10.0/Coaching.Web.dll
[ -f "$db" ] || dotnet $app demo generate --employees 5000 --teams 300 --observations 200000
dotnet $app --urls "http://127.0.0.1:$port" >/tmp/coaching-proof-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
dotnet $app bench proof --url "http://127.0.0.1:$port" "$@"
