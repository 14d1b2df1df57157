#!/usr/bin/env bash
# `npm run bench`: installs what the activation measurement needs (code-server, Chromium and
# Node 24, cached outside the clone, as the tests do), builds the production bundle whose size
# and activation are measured, compiles the benchmark and runs it. Arguments go to bench/index.ts
# (--starts N: fresh code-server starts for activate(), default 5; --no-activation).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. test/host/setup.sh
npm run --silent bundle
npx tsc -p bench
node --expose-gc out/bench/bench/index.js "$@"
