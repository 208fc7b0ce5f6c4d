#!/usr/bin/env bash
# The main job on the bundled sample workspace: installs what is missing, runs the pi-sec CLI over the
# sample, packages the extension, and starts a real VS Code (code-server) on 127.0.0.1 with it installed.
# Ctrl+C stops it. PORT=NNNN picks the port (default 8080).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/install-code-server.sh
node scripts/package.mjs >/dev/null
DEMO="$ROOT/.vscode-test/demo"
rm -rf "$DEMO/workspace" && mkdir -p "$DEMO" && cp -r examples/workspace "$DEMO/workspace"

echo
echo "== pi-sec scan on the sample workspace (the same core the editor uses)"
(cd "$DEMO/workspace" && node "$ROOT/dist/cli.js" scan --fail-on never)
echo

CS="$ROOT/.vscode-test/code-server/node_modules/.bin/code-server"
ARGS=(--config "$DEMO/config.yaml" --user-data-dir "$DEMO/user-data" --extensions-dir "$DEMO/extensions")
printf 'auth: none\ncert: false\n' > "$DEMO/config.yaml"
mkdir -p "$DEMO/user-data/User"
[ -f "$DEMO/user-data/User/settings.json" ] || echo '{"telemetry.telemetryLevel":"off","workbench.startupEditor":"none","security.workspace.trust.enabled":false,"update.mode":"none"}' > "$DEMO/user-data/User/settings.json"
export XDG_CONFIG_HOME="$DEMO/xdg" XDG_DATA_HOME="$DEMO/xdg"
"$CS" "${ARGS[@]}" --install-extension out/pi-security.vsix --force >/dev/null
PORT=${PORT:-8080}
echo "== Pi Security in VS Code: http://127.0.0.1:$PORT/?folder=$DEMO/workspace"
echo "   (open a file under .pi/extensions/ to see diagnostics; F1 → \"Pi Security\" lists the commands; Ctrl+C stops)"
exec "$CS" "${ARGS[@]}" --auth none --disable-telemetry --disable-update-check --disable-workspace-trust --bind-addr "127.0.0.1:$PORT" "$DEMO/workspace"
