# Sourced by test/host/setup.sh (and its unit test, test/unit/hostSetup.test.ts).
# Started through npm (`npm run try`, `npm run bench`), setup.sh inherits that npm's environment:
# its user agent, which names the Node that runs it (code-server's postinstall reads the Node
# version there and refuses anything but 24), its node-gyp, nodedir and prefixes, its lifecycle
# and package variables, and its node_modules/.bin folders on PATH. A nested install must see
# none of it, just as when setup.sh is started with bash. Kept: how to reach the registry
# (registry, scoped registries and credentials, certificates, proxies, cache, npmrc paths),
# which may have been given on the outer npm's command line.

KEPT_NPM_CONFIG=" registry _auth _authtoken ca cafile cert key strict_ssl proxy https_proxy noproxy local_address cache userconfig globalconfig offline prefer_offline prefer_online fetch_retries fetch_retry_factor fetch_retry_mintimeout fetch_retry_maxtimeout fetch_timeout maxsockets "

# Runs "$@" (env-style NAME=value words, then the command) without the outer npm's environment.
without_outer_npm() {
  local entry name key dir dirs=() parts unset=()
  # env -0: names npm accepts but bash cannot hold as variables (npm_config_@scope:registry) are seen too.
  while IFS= read -r -d '' entry; do
    name="${entry%%=*}"
    key="${name,,}"
    case "$key" in
      npm_config_*:*) continue ;; # per-registry: a scope's registry, a registry's credentials
      npm_config_*)
        key="${key#npm_config_}"
        [[ "$KEPT_NPM_CONFIG" == *" ${key//-/_} "* ]] && continue
        ;;
      npm_* | init_cwd | node) ;;
      *) continue ;;
    esac
    unset+=(-u "$name")
  done < <(env -0)
  IFS=: read -ra parts <<<"$PATH"
  for dir in "${parts[@]}"; do
    case "$dir" in */node_modules/.bin | */run-script/lib/node-gyp-bin) ;; *) dirs+=("$dir") ;; esac
  done
  env "${unset[@]}" PATH="$(IFS=:; printf '%s' "${dirs[*]}")" "$@"
}
