#!/usr/bin/env bash
# Times a weekly summary batch: seeds EMPLOYEES (default 2000) with a week of observations into a fresh SQLite file,
# sends the batch to a real SMTP server on loopback (aiosmtpd, as in the tests) and prints total time, PDFs per
# second, peak working set and median PDF size (bench summaries; --force: it runs in Production settings on a throwaway
# database).   Usage: scripts/summaries-benchmark.sh [EMPLOYEES]
set -euo pipefail
cd "$(dirname "$0")/.."
employees=${1:-2000}
work=$(mktemp -d /tmp/coaching-benchmark-XXXXXX)
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
/usr/bin/python3 Coaching.Tests/Summaries/smtp_sink.py "$port" "$work/mail" < <(sleep infinity) > "$work/smtp.log" 2>&1 &
smtp=$!
trap 'kill $smtp 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q READY "$work/smtp.log" 2>/dev/null && break; sleep 0.2; done
dotnet build Coaching.Web -c Release --nologo -v q >/dev/null
ConnectionStrings__Coaching="Data Source=$work/benchmark.db" Database__SeedDemoData=false \
Smtp__Host=127.0.0.1 Smtp__Port="$port" Logging__LogLevel__Default=Warning \
  dotnet run --no-build -c Release --project Coaching.Web --no-launch-profile -- bench summaries --employees "$employees" --maildir "$work/mail" --force
