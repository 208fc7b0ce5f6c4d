export function load(m, f) {
  // pi-expect: SEC-DLOPEN-001
  process["dl" + "open"](m, f);
}
