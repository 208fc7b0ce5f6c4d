export function hook(obj) {
  // pi-expect: SEC-PROTO-001
  obj.__defineGetter__("secret", () => 42);
}
