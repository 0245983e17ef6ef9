#!/usr/bin/env bash
# The whole test suite: unit tests, then integration tests against an isolated Docker daemon that the
# integration project's global setup starts with scripts/test-daemon.sh (installing docker.io if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
[ -f dist/shells/cli/bin.js ] || npm run build
mkdir -p .bulkhead-test
rc=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.bulkhead-test/vitest.json "$@" || rc=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(".bulkhead-test/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit $rc
