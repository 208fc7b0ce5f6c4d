export function poison(obj) {
  // pi-expect: SEC-PROTO-001
  obj["__proto__"]["polluted"] = "yes";
}
