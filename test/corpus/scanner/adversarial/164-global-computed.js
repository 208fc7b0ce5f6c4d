export function set(name, v) {
  // pi-expect: SEC-GLOBAL-001
  self[name] = v;
}
