#!/usr/bin/env bash
# Try the extension by hand: builds it, packages a .vsix, starts code-server on a temporary
# copy of test/fixtures/workspace with it installed, prints the URL (it opens a sample note beside
# the guide's tree: test/host/tryItHost.ts) and stays up until Ctrl-C.
# PORT=NNNN chooses the port (default 8080, or a free one if 8080 is taken); it binds 127.0.0.1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. test/host/setup.sh
npm run --silent compile-tests

vsix_dir="$(mktemp -d)"
trap 'rm -rf "$vsix_dir"' EXIT
vsix="$vsix_dir/iliopsoas-notes.vsix"
# vsce runs the vscode:prepublish (production) build. If packaging fails, try.js falls back
# to loading the extension under development through the workbench payload.
if npm run --silent package -- --out "$vsix" </dev/null >"$vsix_dir/vsce.log" 2>&1; then
  node out/test/host/try.js --vsix "$vsix"
else
  echo "vsce package failed (log below); falling back to the development host." >&2
  tail -n 20 "$vsix_dir/vsce.log" >&2
  npm run --silent build
  node out/test/host/try.js
fi
