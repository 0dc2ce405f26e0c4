#!/usr/bin/env bash
# Mutation testing of Coaching.Domain with only the fast, pure unit tests (no web app, no database).
# Prints the overall score and one line per file, and fails below the threshold (default 85).
# Too slow for CI (a few minutes on 2 cores): run it by hand after changing a domain rule.
#   scripts/mutation.sh              # whole domain
#   THRESHOLD=90 scripts/mutation.sh
#   scripts/mutation.sh --mutate "**/Insights/*.cs"   # extra arguments go to Stryker
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
threshold=${THRESHOLD:-85}

# The pure rule tests: everything in Coaching.Tests.Domain plus the rule-only classes kept beside their feature.
filter="FullyQualifiedName~Coaching.Tests.Domain.\
|FullyQualifiedName~Coaching.Tests.Summaries.SummaryCompositionTests\
|FullyQualifiedName~Coaching.Tests.Summaries.SummaryDeliveryRulesTests\
|FullyQualifiedName~Coaching.Tests.Insights.InsightsRulesTests\
|FullyQualifiedName~Coaching.Tests.Rubrics.RubricRulesTests"

output="$root/StrykerOutput/latest"
rm -rf "$output"
dotnet tool restore >/dev/null
started=$(date +%s)
(
  cd Coaching.Tests
  dotnet dotnet-stryker \
    --project Coaching.Domain.csproj \
    --test-case-filter "$filter" \
    --reporter json --reporter html --reporter progress \
    --output "$output" \
    --break-at 0 \
    "$@"
)
elapsed=$(( $(date +%s) - started ))

report="$output/reports/mutation-report.json"
python3 - "$report" "$threshold" "$elapsed" <<'PY'
import json, sys
report, threshold, elapsed = sys.argv[1], float(sys.argv[2]), sys.argv[3]
files = json.load(open(report))["files"]
detected_states, undetected_states = {"Killed", "Timeout"}, {"Survived", "NoCoverage"}
rows, totals = [], {"Killed": 0, "Timeout": 0, "Survived": 0, "NoCoverage": 0}
for path, f in sorted(files.items()):
    counts = {k: 0 for k in totals}
    for m in f["mutants"]:
        if m["status"] in counts:
            counts[m["status"]] += 1
    for k in totals:
        totals[k] += counts[k]
    rows.append((path.split("Coaching.Domain/")[-1], counts))

def score(c):
    detected = c["Killed"] + c["Timeout"]
    valid = detected + c["Survived"] + c["NoCoverage"]
    return 100.0 * detected / valid if valid else None

print(f"\n{'file':<40} {'killed':>7} {'timeout':>8} {'survived':>9} {'no cov':>7} {'score':>7}")
for name, c in rows:
    s = score(c)
    print(f"{name:<40} {c['Killed']:>7} {c['Timeout']:>8} {c['Survived']:>9} {c['NoCoverage']:>7} "
          + (f"{s:>6.1f}%" if s is not None else "      -"))
total = score(totals)
print(f"{'Coaching.Domain':<40} {totals['Killed']:>7} {totals['Timeout']:>8} {totals['Survived']:>9} {totals['NoCoverage']:>7} {total:>6.1f}%")
print(f"\nMutation score {total:.1f}% (threshold {threshold:.0f}%) in {elapsed} s. Report: {report.replace('.json', '.html')}")
sys.exit(0 if total >= threshold else 1)
PY
