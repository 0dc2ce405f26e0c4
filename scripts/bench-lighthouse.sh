#!/usr/bin/env bash
# Benchmark: Lighthouse performance (mobile settings: Moto G-class phone, simulated slow 4G, 4x CPU slowdown) of the
# two pages a manager lives in, My team and the observation form, signed in as manager@demo.local. Target: >= 98 each.
# Runs the app (Release) on the demo data; Lighthouse 12.2.3 (the last that runs on Node 20) is installed once into
# ~/.cache/coaching-lighthouse, outside the repository; Chromium is Debian's (/usr/bin/chromium, or CHROME_PATH).
# Lighthouse's CPU-bound metrics (TBT, and LCP through it) rise when the machine is busy: run it on a quiet machine,
# and read the load printed at the start.
# Usage: scripts/bench-lighthouse.sh [database file, default /tmp/coaching-lighthouse.db]
set -euo pipefail
cd "$(dirname "$0")/../Coaching.Web"   # the content root: appsettings*.json
db=${1:-/tmp/coaching-lighthouse.db}
port=5095
url="http://127.0.0.1:$port"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
tools=${XDG_CACHE_HOME:-$HOME/.cache}/coaching-lighthouse
lighthouse=$tools/node_modules/.bin/lighthouse
if [ ! -x "$lighthouse" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --save-exact --no-audit --no-fund lighthouse@12.2.3 >/dev/null \
    || { echo "Could not install lighthouse@12.2.3 from the npm registry into $tools" >&2; exit 1; }
fi
[ -x "$CHROME_PATH" ] || { echo "No Chromium at $CHROME_PATH (apt-get install chromium, or set CHROME_PATH)" >&2; exit 1; }

dotnet build -c Release --nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Coaching="Data Source=$db" Logging__LogLevel__Default=Warning Summaries__Schedule__Enabled=false
dotnet bin/Release/net10.0/Coaching.Web.dll --urls "$url" >/tmp/coaching-lighthouse-server.log 2>&1 &
server=$!
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 120); do curl -sf "$url/health/live" >/dev/null && break; sleep 0.5; done

# Sign in as a browser would (antiforgery cookie and token, then the form); Lighthouse sends the cookies with every request.
jar=$work/cookies.txt
token=$(curl -sf -c "$jar" "$url/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Form.Email=manager@demo.local" --data-urlencode "Form.Password=Coaching!2026" \
  --data-urlencode "__RequestVerificationToken=$token" "$url/Account/Login"
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF == 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
[[ "$cookie" == *coaching.auth=* ]] || { echo "manager@demo.local could not sign in at $url: is the demo organisation seeded?" >&2; exit 1; }
employee=$(curl -sf -H "Cookie: $cookie" "$url/Team" | grep -o 'Observations/Log?employeeId=[0-9]*' | head -1)
[ -n "$employee" ] || { echo "My team at $url links to no observation form" >&2; exit 1; }

echo "Lighthouse $("$lighthouse" --version) performance, mobile settings, at $url as manager@demo.local ($(uptime | sed 's/.*load/load/'))"
for page in "My team:team:/Team" "observation form:observation:/$employee"; do
  name=${page%%:*} rest=${page#*:} slug=${rest%%:*} path=${rest#*:}
  report=/tmp/coaching-lighthouse-$slug.json   # kept, for the details (open in https://googlechrome.github.io/lighthouse/viewer/)
  "$lighthouse" "$url$path" --quiet --only-categories=performance --output=json --output-path="$report" \
    --extra-headers="$(printf '{"Cookie":"%s"}' "$cookie")" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"
  node -e '
    const r = require(process.argv[1]), a = r.audits, name = process.argv[2];
    const score = Math.round(r.categories.performance.score * 100);
    const m = id => a[id].displayValue;
    console.log(`  ${name.padEnd(17)} ${r.finalDisplayedUrl.replace(/^https?:\/\/[^/]+/, "")}: performance ${score} (target >= 98: ${score >= 98 ? "met" : "NOT met"}); ` +
      `FCP ${m("first-contentful-paint")}, LCP ${m("largest-contentful-paint")}, TBT ${m("total-blocking-time")}, CLS ${m("cumulative-layout-shift")}, Speed Index ${m("speed-index")}`);
    for (const id of ["render-blocking-resources", "unused-css-rules", "unused-javascript", "uses-text-compression", "uses-long-cache-ttl", "server-response-time", "largest-contentful-paint-element"])
      if (a[id] && a[id].score !== null && a[id].score < 0.9) console.log(`      ${a[id].title}${a[id].displayValue ? ": " + a[id].displayValue : ""}`);
  ' "$report" "$name"
done
