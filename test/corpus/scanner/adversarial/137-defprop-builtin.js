export function patch() {
  // pi-expect: SEC-DEFPROP-001
  Reflect.defineProperty(JSON, "parse", { value: (s) => s });
}
