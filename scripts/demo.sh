#!/usr/bin/env bash
# `npm run demo`: builds Gloss and shows it on the bundled seed article (tests/fixtures/seed/page.html).
# With a display ($DISPLAY) it opens Chromium with Gloss on the page; without one it writes the
# analysis and a screenshot of the "Mariupol" popover to test-output/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly PAGE=tests/fixtures/seed/page.html
readonly OUT=test-output/demo

bash scripts/install-system-deps.sh
[[ -d node_modules ]] || npm ci
npm run --silent build

if [[ -n "${DISPLAY:-}" ]]; then
  npx tsx scripts/demo.ts --open
  exit 0
fi

mkdir -p "$OUT"
npm run --silent analyze -- "$PAGE" --out "$OUT/analysis.json"
npx tsx scripts/demo.ts --screenshot "$OUT/screenshot.png"
node -e '
  const a = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  console.log(`demo: ${process.argv[1]}: ${a.entities.length} entities, ${a.figures.length} figures, ${a.quotes.length} quotes, ${a.sources.length} sources cited`);
' "$OUT/analysis.json"
echo "demo: open $OUT/screenshot.png to see Gloss's popover on \"Mariupol\"; run with a display to try it yourself."
