export function send(vscode, msg) {
  // pi-expect: clean
  vscode.postMessage({ command: "exec", payload: msg });
}
