export async function run(c) {
  const cp = await import("node:child_process");
  // pi-expect: SEC-SPAWN-001
  return cp.execSync(c);
}
