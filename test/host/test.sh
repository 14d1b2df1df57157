#!/usr/bin/env bash
# Fresh-clone entry point for the whole suite: installs what it needs (cached outside the
# clone), then lints, builds and runs unit, integration (in code-server) and UI tests.
# The last line printed is `N passed, N failed`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. test/host/setup.sh
# --silent: npm adds no lines after ours, so the totals stay the very last line.
exec npm test --silent
