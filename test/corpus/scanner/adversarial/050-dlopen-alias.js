const p = process;
export function load(m, f) {
  // pi-expect: SEC-DLOPEN-001
  p.dlopen(m, f);
}
