#!/usr/bin/env bash
# The whole suite: unit and integration tests on PGlite and PostgreSQL, browser tests and axe scans.
set -euo pipefail
cd "$(dirname "$0")/.."
export FUSION_TEST_PG_URL="${FUSION_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
npx tsc --noEmit -p .
npx vitest run "$@"
