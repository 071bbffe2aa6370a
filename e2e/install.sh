#!/usr/bin/env bash
# Installs what the editor suites (`npm run test:editor`, the UI tests) need on a Debian machine:
# Debian's chromium, a pinned code-server from npm in its own folder (e2e/editor/), and the system
# packages its native modules need; and Graphviz, for the graph test of `npm test`. Idempotent: each
# step is skipped when its result is already there, so CI can call it on every run. Nothing here or at
# test time downloads a browser or a VS Code build: code-server ships VS Code's server and workbench,
# chromium comes from Debian, and playwright-core (a devDependency of the extension, installed by
# `npm ci`) downloads nothing.
#
# Pitfalls handled:
# - code-server's postinstall refuses to run as root unless npm_config_unsafe_perm=true;
# - node-pty's postinstall runs `npx node-gyp`, which a `yes=false` npmrc cancels: npm_config_yes=true;
# - the `kerberos` native module needs the gssapi headers: libkrb5-dev;
# - @vscode/ripgrep's postinstall downloads rg from GitHub: its download cache is seeded with Debian's rg;
# - `code-server --version` writes a config file and a log folder into $HOME on its first run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
editor="$here/editor"
bin="$editor/node_modules/.bin/code-server"
# The exact version is pinned in e2e/editor/package.json, a package of its own: the extension's
# `npm ci` never sees code-server (300 MB, native modules built at install).
CODE_SERVER_VERSION="$(node -p 'require(process.argv[1]).dependencies["code-server"]' "$editor/package.json")"
# code-server 4.100.3 depends on @vscode/ripgrep 1.15.11, whose postinstall wants this prebuilt release.
RIPGREP_PACKAGE_VERSION=1.15.11
RIPGREP_RELEASE=v13.0.0-10
started=$SECONDS

say() { printf 'e2e/install: %s\n' "$*"; }

# The version line of the installed code-server, or nothing. Run with throwaway XDG folders: on its
# first run code-server writes ~/.config/code-server/config.yaml and says so before the version.
code_server_version() {
  [ -x "$bin" ] || return 0
  local xdg
  xdg="$(mktemp -d)"
  XDG_CONFIG_HOME="$xdg" XDG_DATA_HOME="$xdg" "$bin" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' || true
  rm -rf "$xdg"
}
installed_version() { code_server_version | cut -d' ' -f1; }

# --- system packages --------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
# Graphviz's `dot`, for the test that renders `csp-partners graph` (.ci/run installs it before `npm test`).
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
# Only building code-server needs the kerberos headers.
if [ "$(installed_version)" != "$CODE_SERVER_VERSION" ] && [ ! -f /usr/include/gssapi/gssapi.h ]; then
  missing+=(libkrb5-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    say "missing system packages: ${missing[*]}; run this as root, or: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  say "system packages present"
fi

# --- code-server ------------------------------------------------------------------------------
if [ "$(installed_version)" = "$CODE_SERVER_VERSION" ]; then
  say "code-server $CODE_SERVER_VERSION present in e2e/editor"
else
  # @vscode/ripgrep's postinstall takes `rg` from this cache instead of GitHub. A failed attempt
  # deletes the file, so it is written before every install.
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-musl ;;
    *) say "no ripgrep cache name known for $(uname -m)" >&2; exit 1 ;;
  esac
  rg_cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
  mkdir -p "$rg_cache"
  tar czf "$rg_cache/ripgrep-$RIPGREP_RELEASE-$rg_target.tar.gz" -C "$(dirname "$(command -v rg)")" rg

  say "installing code-server $CODE_SERVER_VERSION into e2e/editor (about 1.5 min)"
  rm -rf "$editor/node_modules"
  (
    cd "$editor"
    npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-package-lock --no-audit --no-fund --loglevel=error
  )
  if [ "$(installed_version)" != "$CODE_SERVER_VERSION" ]; then
    say "code-server did not install: '$bin --version' does not print $CODE_SERVER_VERSION" >&2
    exit 1
  fi
  say "code-server $CODE_SERVER_VERSION installed"
fi

say "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: no version'); code-server $(code_server_version)"
say "done in $((SECONDS - started)) s"
