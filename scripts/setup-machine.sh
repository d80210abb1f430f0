#!/usr/bin/env bash
# Makes a fresh Debian machine ready for `npm start` and `npm test` (npm runs this before both):
# Debian's chromium (drives the real VS Code) and the Kerberos headers (code-server's native build), the npm
# packages, and the VS Code runtimes under .vscode-test/. Each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROME_PATH:-}" ] || missing+=(chromium)
for pkg in libkrb5-dev build-essential python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[setup] installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if [ ! -x node_modules/.bin/tsc ] || [ ! -d node_modules/playwright-core ]; then
  echo "[setup] npm ci"
  npm ci --no-audit --no-fund
fi
bash scripts/setup-vscode.sh
