export function peek() {
  // pi-expect: SEC-RCACHE-001
  return module.constructor._cache;
}
