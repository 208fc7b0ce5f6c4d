export function wrap(t) {
  // pi-expect: SEC-PROXY-001
  return Proxy.revocable(t, {});
}
