export function load(m, f) {
  // pi-expect: SEC-DLOPEN-001
  window.process.dlopen(m, f);
}
