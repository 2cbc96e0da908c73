#!/usr/bin/env bash
# THE test command (`npm test`): type check, unit tests, build for both browsers, then the
# end-to-end tests in real Chromium and Firefox ESR. Every step runs even when an earlier one
# failed (except e2e after a failed build), and the run ends with one combined line:
#   Tests: N passed, N failed
# where the type check and the build each count as one check beside the tests.
set -uo pipefail
cd "$(dirname "$0")/.."

readonly OUT=test-output
mkdir -p "$OUT"
passed=0
failed=0
skipped=0
summary=()

now_ms() { date +%s%3N; }

# Runs a step that is a single check; records ok/FAILED and its time.
check() {
  local name=$1; shift
  local start; start=$(now_ms)
  echo "==> $name: $*"
  if "$@"; then
    passed=$((passed + 1)); summary+=("ok      $name ($(( $(now_ms) - start )) ms)")
  else
    failed=$((failed + 1)); summary+=("FAILED  $name ($(( $(now_ms) - start )) ms)")
    return 1
  fi
}

# Reads vitest's JSON report into "passed failed skipped" (and lists the skipped tests, whose
# names say why, on stderr). Tests a failing beforeAll kept from running count as failed, and a
# missing report (the runner crashed) as one failure.
vitest_counts() {
  node -e '
    const fs = require("node:fs");
    let report;
    try { report = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch { console.log("0 1 0"); process.exit(); }
    let passed = 0, failed = 0, skipped = 0;
    for (const file of report.testResults) {
      const statuses = file.assertionResults.map((test) => test.status);
      const count = (status) => statuses.filter((s) => s === status).length;
      passed += count("passed");
      if (file.status === "failed" && count("failed") === 0) failed += Math.max(1, statuses.length - count("passed"));
      else { failed += count("failed"); skipped += statuses.length - count("passed") - count("failed"); }
      for (const test of file.assertionResults)
        if (test.status === "skipped" || test.status === "pending" || test.status === "todo") console.error(`  skipped: ${test.fullName}`);
    }
    console.log(passed, failed, skipped);' "$1"
}

# Runs a vitest suite with its JSON report beside the usual console output, and adds its counts.
suite() {
  local name=$1 report="$OUT/$2.json"; shift 2
  local start; start=$(now_ms)
  rm -f "$report"
  echo "==> $name: vitest $*"
  npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
  local p f s
  read -r p f s < <(vitest_counts "$report")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  summary+=("$( ((f == 0)) && echo 'ok      ' || echo 'FAILED  ')$name: $p passed, $f failed, $s skipped ($(( $(now_ms) - start )) ms)")
}

run_start=$(now_ms)
[[ -d node_modules ]] || check "npm ci" npm ci
check "system packages" bash scripts/install-system-deps.sh
check "type check" npx tsc --noEmit
suite "unit tests" unit --passWithNoTests
if check "build (chrome-mv3, firefox-mv2)" npm run --silent build; then
  suite "e2e (Chromium, Firefox ESR)" e2e --config vitest.e2e.config.ts
else
  failed=$((failed + 1)); summary+=("FAILED  e2e: not run, the build failed")
fi

echo
echo "==> Summary ($(( ($(now_ms) - run_start) / 1000 )) s; reports in $OUT/)"
printf '  %s\n' "${summary[@]}"
((skipped > 0)) && echo "  ($skipped skipped: their names, listed above the summary, say why)"
echo "Tests: $passed passed, $failed failed"
((failed == 0))
