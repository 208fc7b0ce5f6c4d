export function explain(code) {
  // pi-expect: clean
  return code === 127 ? "exec failed: command not found" : `exit ${code}`;
}
