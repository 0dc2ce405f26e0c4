#!/usr/bin/env bash
# Benchmark: what a manager's first page (My team) transfers, compressed, with every stylesheet and script it links;
# and what the next page transfers once the fingerprinted assets are cached. Runs the app (Release) on the demo data.
# Usage: scripts/bench-page-weight.sh [database file, default /tmp/coaching-page-weight.db]
set -euo pipefail
cd "$(dirname "$0")/../Coaching.Web"   # the content root: appsettings*.json
db=${1:-/tmp/coaching-page-weight.db}
port=5094
dotnet build -c Release --nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Coaching="Data Source=$db" Logging__LogLevel__Default=Warning Summaries__Schedule__Enabled=false
app=bin/Release/net10.0/Coaching.Web.dll
dotnet $app --urls "http://127.0.0.1:$port" >/tmp/coaching-page-weight-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
dotnet $app bench page-weight --url "http://127.0.0.1:$port"
