const { warn } = console;
export function w(m) {
  // pi-expect: SEC-CONSOLE-001
  warn(m);
}
