#!/usr/bin/env bash
# Installs what the end-to-end tests need, offline-safe: Debian packages (Chromium, ripgrep, build
# headers for code-server's native modules) and code-server 4.100.3 (VS Code 1.100.3, the last
# release for Node 20) into .vscode-test/code-server. Skips whatever is already there.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST=${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}
VER=${CODE_SERVER_VERSION:-4.100.3}
export DEBIAN_FRONTEND=noninteractive
need=()
for p in libkrb5-dev pkg-config ripgrep chromium fonts-dejavu-core; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ -x "$DEST/node_modules/.bin/code-server" ]; then echo "code-server present in $DEST"; exit 0; fi
mkdir -p "$DEST/tmp"
# @vscode/ripgrep's postinstall downloads rg; feed it Debian's rg through its download cache instead.
RGV=1.15.11; RGA=v13.0.0-10
mkdir -p "$DEST/tmp/vscode-ripgrep-cache-$RGV"
tar czf "$DEST/tmp/vscode-ripgrep-cache-$RGV/ripgrep-$RGA-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
cd "$DEST"
[ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
# unsafe_perm: code-server's postinstall refuses root otherwise; yes: node-pty's postinstall runs npx node-gyp.
TMPDIR="$DEST/tmp" npm_config_unsafe_perm=true npm_config_yes=true npm install --no-save --no-audit --no-fund --loglevel=error "code-server@$VER"
XDG_CONFIG_HOME="$DEST/tmp" XDG_DATA_HOME="$DEST/tmp" "$DEST/node_modules/.bin/code-server" --version
