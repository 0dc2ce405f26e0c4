#!/usr/bin/env bash
# Benchmark: the rating autosave round trip under concurrent load on the SQLite default, next to /health in the same run.
# Usage: scripts/bench-autosave.sh [--users 16] [--seconds 20] [--warm-up 120]  (warm-up: most seconds of autosaves before measuring, until the rate stops climbing)
set -euo pipefail
cd "$(dirname "$0")/.."
port=5090
db=$(mktemp -d)/coaching-bench.db
dotnet build Coaching.Web -c Release --nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Coaching="Data Source=$db" Logging__LogLevel__Default=Warning \
       Summaries__Schedule__Enabled=false Telemetry__Prometheus=true # /metrics: the warm-up waits until the runtime has stopped compiling
cd Coaching.Web # the content root: appsettings*.json
dotnet bin/Release/net10.0/Coaching.Web.dll --urls "http://127.0.0.1:$port" >/tmp/coaching-bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$(dirname "$db")"' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
dotnet bin/Release/net10.0/Coaching.Web.dll bench autosave --url "http://127.0.0.1:$port" "$@"
