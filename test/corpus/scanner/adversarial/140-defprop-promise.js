export function patch() {
  // pi-expect: SEC-DEFPROP-001
  Object.defineProperty(Promise, "race", { value: () => null });
}
