export function patch(map) {
  // pi-expect: SEC-DEFPROP-001
  Object.defineProperties(window, map);
}
