export function patch() {
  // pi-expect: SEC-DEFPROP-001
  Object.defineProperty(Array.prototype, "last", { get() { return this[this.length - 1]; } });
}
