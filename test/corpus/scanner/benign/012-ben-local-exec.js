function exec(cmd) {
  return { cmd, ok: true };
}
export function plan() {
  // pi-expect: clean
  return exec("build");
}
